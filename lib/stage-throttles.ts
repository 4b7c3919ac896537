/**
 * The WebSocket stages' default throttles (requests per second / burst), declared once for the CDK stages
 * (through lib/config.ts, where CDK context may override them) and the local gateways
 * (local/gateway/stage-throttle.ts). Plain data: no CDK imports, so `npm start` loads it without aws-cdk-lib.
 */
export interface ThrottleLimit {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export const DEFAULT_STAGE_THROTTLES = {
  /** Every route without its own class. */
  stage: { rateLimit: 100, burstLimit: 200 },
  /** $connect runs the authorizer: limit connection storms separately. */
  connect: { rateLimit: 20, burstLimit: 40 },
  /** sendMessage starts model work: the most expensive route. */
  sendMessage: { rateLimit: 50, burstLimit: 100 },
} as const satisfies Record<string, ThrottleLimit>;
