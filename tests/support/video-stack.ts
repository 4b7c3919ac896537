import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../../functions/core/auth/shopper-token';
import { type LocalStack, type StartOptions, startLocalStack } from '../../local/stack';
import { type AgentHarness, startAgentHarness } from '../../local/video/agent-harness';

export interface VideoTestStack {
  stack: LocalStack;
  agents: AgentHarness;
  dataDir: string;
  secret: Uint8Array;
  token(customerId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The local product plus the agent-side socket (the console's stand-in), wired so the video functions
 * push to agents over it: the harness starts first because the handlers read its endpoint at load.
 */
export async function startVideoTestStack(options: StartOptions = {}): Promise<VideoTestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-video-'));
  const secret = new TextEncoder().encode(await readOrCreateSecret(join(dataDir, 'store-secret')));
  const agents = await startAgentHarness(secret);
  process.env.AGENT_CONNECTIONS_ENDPOINT = agents.connectionsEndpoint;
  const stack = await startLocalStack(
    { dataDir, wsPort: 0, webPort: 0, dynamodbPort: 0, tablePrefix: 'test' },
    { inMemory: true, pollIntervalMs: 50, ...options },
  );
  return {
    stack,
    agents,
    dataDir,
    secret,
    token: (customerId) => signShopperToken(secret, { customerId }, 600),
    stop: async () => {
      await agents.stop();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
