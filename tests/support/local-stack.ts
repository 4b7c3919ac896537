import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../../functions/core/auth/shopper-token';
import { type LocalStack, type StartOptions, startLocalStack } from '../../local/stack';

export interface TestStack {
  stack: LocalStack;
  dataDir: string;
  token(customerId: string, ttlSeconds?: number): Promise<string>;
  stop(): Promise<void>;
}

/** The whole local product on free loopback ports, in memory, in a throwaway data folder. */
export async function startTestStack(options: StartOptions = {}): Promise<TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-test-'));
  const stack = await startLocalStack(
    { dataDir, wsPort: 0, webPort: 0, dynamodbPort: 0, tablePrefix: 'test' },
    { inMemory: true, pollIntervalMs: 50, ...options },
  );
  const secret = new TextEncoder().encode(await readOrCreateSecret(stack.info.secretFile));
  return {
    stack,
    dataDir,
    token: (customerId, ttlSeconds = 600) => signShopperToken(secret, { customerId }, ttlSeconds),
    stop: async () => {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
