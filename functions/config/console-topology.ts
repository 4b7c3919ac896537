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
  | 'console-stream';

export interface AgentRoute {
  routeKey: string;
  handler: ConsoleHandler;
  /** API Gateway sends the integration's response back to the client (returnResponse / route response). */
  returnResponse: boolean;
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
