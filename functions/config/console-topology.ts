import { AGENT_VIDEO_ROUTES } from '../../lib/video-routes';

/**
 * The agent API and the console's stream mapping as plain data, read by the CDK construct (lib/console)
 * and by `npm start` (local/console), so both run the same routes and the same handlers.
 */
export const AGENT_ACTIONS = [
  'listQueue',
  'openConversation',
  'takeOver',
  'handBack',
  'resolve',
  'reply',
  'typing',
  'setPresence',
  'reassign',
  'caseAction',
  'addNote',
  'readAudit',
  'suggestReply',
  'ping',
] as const;

export type ConsoleHandler =
  | 'agent-authorizer'
  | 'agent-connect'
  | 'agent-disconnect'
  | 'agent-command'
  | 'console-stream'
  | 'agent-video';

export interface AgentRoute {
  routeKey: string;
  handler: ConsoleHandler;
  /** API Gateway sends the integration's response back to the client (returnResponse / route response). */
  returnResponse: boolean;
  /** The construct of its concern creates this route's function and adds the route (lib/video.ts). */
  construct?: 'video';
}

export const AGENT_API = {
  authorizer: 'agent-authorizer' as const,
  /** The token rides in the query string: browsers cannot set headers on a WebSocket. */
  identitySource: 'route.request.querystring.token',
  routeSelectionExpression: '$request.body.action',
  routes: [
    { routeKey: '$connect', handler: 'agent-connect', returnResponse: false },
    { routeKey: '$disconnect', handler: 'agent-disconnect', returnResponse: false },
    { routeKey: '$default', handler: 'agent-command', returnResponse: true },
    ...AGENT_ACTIONS.map((action) => ({
      routeKey: action,
      handler: 'agent-command' as const,
      returnResponse: true,
    })),
    // Video calls on the agent's own socket: the agent is the one the console's authorizer admitted.
    ...AGENT_VIDEO_ROUTES.map((action) => ({
      routeKey: action,
      handler: 'agent-video' as const,
      returnResponse: true,
      construct: 'video' as const,
    })),
  ] satisfies AgentRoute[],
};

/** Hand-off changes and messages → agents. Small batches keep "hand-off visible within 2 s". */
export const CONSOLE_STREAM = {
  name: 'console-stream',
  table: 'Conversations' as const,
  handler: 'console-stream' as const,
  batchSize: 25,
  maxBatchingWindowSeconds: 0,
  retryAttempts: 3,
  bisectBatchOnError: true,
  maxRecordAgeSeconds: 3600,
  reportBatchItemFailures: true,
  // Filters: CONSOLE_FILTERS in functions/adapters/aws/stream-filters, beside the other consumers'.
};
