import { join } from 'node:path';
import { readOrCreateAgentKey } from '../../functions/adapters/local/local-agent-tokens';
import { AGENT_API, type ConsoleHandler } from '../../functions/config/console-topology';
import type { GatewayRoutes, LambdaHandler } from '../gateway/websocket-gateway';
import { readOrSeedDemoAgents } from './demo-agents';

/** The agent API's routes on a second loopback gateway, from the same declaration CDK reads. */
export function agentGatewayRoutes(late: (name: ConsoleHandler) => LambdaHandler): GatewayRoutes {
  const actions: Record<string, LambdaHandler> = {};
  const returnResponse = new Set<string>();
  let $connect: LambdaHandler | undefined;
  let $disconnect: LambdaHandler | undefined;
  let $default: LambdaHandler | undefined;
  for (const route of AGENT_API.routes) {
    const handler = late(route.handler);
    if (route.returnResponse) returnResponse.add(route.routeKey);
    if (route.routeKey === '$connect') $connect = handler;
    else if (route.routeKey === '$disconnect') $disconnect = handler;
    else if (route.routeKey === '$default') $default = handler;
    else actions[route.routeKey] = handler;
  }
  if (!$connect || !$disconnect || !$default)
    throw new Error('the agent API lacks $connect, $disconnect or $default');
  return { authorizer: late(AGENT_API.authorizer), $connect, $disconnect, $default, actions, returnResponse };
}

/** The signing key (Cognito's part, locally) and the seeded demo agents, kept in the data folder. */
export async function prepareLocalAgents(dataDir: string) {
  const keyFile = join(dataDir, 'agent-signing-key.json');
  const [key, agents] = await Promise.all([
    readOrCreateAgentKey(keyFile),
    readOrSeedDemoAgents(join(dataDir, 'demo-agents.json')),
  ]);
  return { key, keyFile, agents };
}

/** Loaded after the environment is set: handlers read their configuration at cold start, as in Lambda. */
export async function loadConsoleHandlers(): Promise<Record<ConsoleHandler, LambdaHandler>> {
  return {
    'agent-authorizer': (await import('../../functions/handlers/agent-authorizer')).handler,
    'agent-connect': (await import('../../functions/handlers/agent-connect')).handler,
    'agent-disconnect': (await import('../../functions/handlers/agent-disconnect')).handler,
    'agent-command': (await import('../../functions/handlers/agent-command')).handler,
    'console-stream': (await import('../../functions/handlers/console-stream')).handler,
    'agent-video': (await import('../../functions/handlers/agent-video')).handler,
  };
}
