export * from './defects';
export * from './facts';
export * from './named-queries';
export * from './pii';
