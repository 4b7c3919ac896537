export * from './complaints';
export * from './money';
export * from './policy';
export * from './rma';
