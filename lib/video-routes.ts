/**
 * The video route keys, declared once for the CDK APIs and the local gateway (plain data: no CDK imports,
 * so `npm start` loads it without aws-cdk-lib). The shopper's go on the chat API, the agent's on the
 * console API; only agents take snapshots and choose the outcome.
 */
export const SHOPPER_VIDEO_ROUTES = [
  'startVideo',
  'acceptVideo',
  'joinVideo',
  'videoSignal',
  'videoReport',
  'endVideo',
] as const;
export const AGENT_VIDEO_ROUTES = [...SHOPPER_VIDEO_ROUTES, 'videoSnapshot', 'videoOutcome'] as const;
