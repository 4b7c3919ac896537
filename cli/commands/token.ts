import { join } from 'node:path';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { parseDuration, signShopperToken } from '../../functions/core/auth/shopper-token';
import { dataDir } from '../local-stack-info';

/** Prints only the token, so `$(npx afterdesk token --customer c-ana)` composes in shells. */
export async function runToken(options: { customer?: string; ttl?: string }): Promise<number> {
  if (!options.customer) throw new Error('--customer <id> is required');
  const ttlSeconds = parseDuration(options.ttl ?? '12h');
  const secret = await readOrCreateSecret(join(dataDir(), 'store-secret'));
  const token = await signShopperToken(
    new TextEncoder().encode(secret),
    { customerId: options.customer },
    ttlSeconds,
  );
  process.stdout.write(`${token}\n`);
  return 0;
}
