import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { jwtVerify, SignJWT } from 'jose';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { AGENT_VIDEO_ROUTES } from '../../lib/video-routes';
import { type LambdaHandler, LocalWebSocketGateway } from '../gateway/websocket-gateway';

/**
 * A stand-in for the agent console's socket until the console lands: a loopback gateway with the agent
 * video routes behind a token check, so tests and the benchmark drive the agent side through the same
 * handler (functions/handlers/agent-video) the console API uses. Tokens here are test tokens signed with
 * the store secret, not Cognito's.
 */
const AUDIENCE = 'afterdesk-agent-harness';

export interface AgentHarness {
  websocketUrl: string;
  connectionsEndpoint: string;
  token(agentId: string): Promise<string>;
  /** Marks an agent online (presence as the console will write it). */
  setOnline(agentId: string, online: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startAgentHarness(secret: Uint8Array): Promise<AgentHarness> {
  let handler: LambdaHandler | undefined;
  const agentVideo: LambdaHandler = async (event, context) => {
    // Imported on first use: the handler reads its configuration (tables, endpoints) at load.
    handler ??= (await import('../../functions/handlers/agent-video')).handler as LambdaHandler;
    return handler(event, context);
  };
  const gateway = new LocalWebSocketGateway({
    authorizer: async (event) => {
      try {
        const { payload } = await jwtVerify(String(event.queryStringParameters?.token ?? ''), secret, {
          algorithms: ['HS256'],
          audience: AUDIENCE,
        });
        return {
          principalId: payload.sub,
          policyDocument: { Statement: [{ Effect: 'Allow' }] },
          context: { agentId: payload.sub, role: 'agent' },
        };
      } catch {
        throw new Error('Unauthorized');
      }
    },
    $connect: async () => ({ statusCode: 200 }),
    $disconnect: async () => ({ statusCode: 200 }),
    $default: async () => ({
      statusCode: 200,
      body: JSON.stringify({ type: 'videoError', code: 'invalid_video_frame', message: 'Unknown action.' }),
    }),
    actions: Object.fromEntries(AGENT_VIDEO_ROUTES.map((route) => [route, agentVideo])),
    returnResponse: new Set([...AGENT_VIDEO_ROUTES, '$default']),
  });
  const endpoints = await gateway.start();
  return {
    websocketUrl: endpoints.websocketUrl,
    connectionsEndpoint: endpoints.connectionsEndpoint,
    token: (agentId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(agentId)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h')
        .sign(secret),
    setOnline: async (agentId, online) => {
      const db = createDocumentClient({ region: 'us-east-1', endpoint: process.env.DYNAMODB_ENDPOINT });
      await db.send(
        new PutCommand({
          TableName: process.env.STORE_TABLE,
          Item: {
            pk: `AGENT#${agentId}`,
            sk: 'PRESENCE',
            gsi1pk: 'PRESENCE',
            gsi1sk: agentId,
            status: online ? 'online' : 'away',
            seenAt: new Date().toISOString(),
          },
        }),
      );
      db.destroy();
    },
    stop: () => gateway.stop(),
  };
}
