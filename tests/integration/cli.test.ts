import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { verifyShopperToken } from '../../functions/core/auth/shopper-token';
import { startTestStack, type TestStack } from '../support/local-stack';

const run = promisify(execFile);
let test: TestStack;

async function afterdesk(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/afterdesk.mjs', ...args], {
      env: { ...process.env, AFTERDESK_DATA_DIR: test.dataDir },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const imported = {
  orderId: 'A2001',
  customerId: 'c-123',
  email: 'ana@example.com',
  placedAt: '2026-11-01T10:00:00Z',
  country: 'FR',
  currency: 'EUR',
  status: 'shipped',
  items: [
    { sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', color: 'black', quantity: 1, unitPrice: 89.9 },
  ],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600009999',
    status: 'in_transit',
    estimatedDelivery: '2026-11-28',
    events: [{ at: '2026-11-20T08:00:00Z', location: 'Leipzig, DE', description: 'Departed hub' }],
  },
  giftWrap: true,
};

beforeAll(async () => {
  test = await startTestStack();
});

afterAll(async () => {
  await test?.stop();
});

describe('the afterdesk CLI against the running local stack', () => {
  it('imports good rows, reports bad ones by line, and is idempotent', async () => {
    const file = join(test.dataDir, 'orders.ndjson');
    await writeFile(file, [JSON.stringify(imported), '{"orderId":"x"}', 'not json', ''].join('\n'));
    const first = await afterdesk('import', 'orders', file);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('1 written, 0 unchanged, 2 row(s) rejected');
    expect(first.stderr).toMatch(/orders\.ndjson:2: .*orderId/);
    expect(first.stderr).toContain('orders.ndjson:3: not valid JSON');
    const again = await afterdesk('import', 'orders', file);
    expect(again.stdout).toContain('0 written, 1 unchanged');
  });

  it('validates and applies a store configuration folder, refusing to apply an invalid one', async () => {
    const dir = join(test.dataDir, 'store');
    await cp('store', dir, { recursive: true });
    const valid = await afterdesk('config', 'validate', dir);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('4 product(s), 12 FAQ entries');
    // The stack was seeded from the same files: applying them again changes nothing.
    const applied = await afterdesk('config', 'apply', dir);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('0 item(s) written, 17 unchanged, 0 removed');

    const policy = join(dir, 'policy.json');
    await writeFile(
      policy,
      (await readFile(policy, 'utf8')).replace('"returnWindowDays": 30', '"returnWindowDays": "30"'),
    );
    const invalid = await afterdesk('config', 'apply', dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/policy\.json:3: returnWindowDays: .*expected number/);
    expect(invalid.stderr).toContain('Nothing applied');
  });

  it('imports products from a CSV and bumps the catalogue version', async () => {
    const result = await afterdesk('import', 'products', 'tests/fixtures/imports/shopify-products.csv');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/3 written, 0 unchanged, 1 row\(s\) rejected\. Catalogue version /);
    expect(result.stderr).toContain('shopify-products.csv:4: Variant SKU is empty');
  });

  it('answers a question about the imported order in the language asked', async () => {
    const german = await afterdesk('chat', '--customer', 'c-123', 'Wo ist meine Bestellung?');
    expect(german.code).toBe(0);
    expect(german.stdout).toContain('JD014600009999');
    expect(german.stdout).toMatch(/Bestellung|Sendungsnummer/);
    const korean = await afterdesk('chat', '--customer', 'c-123', '제 주문 어디 있어요?');
    expect(korean.stdout).toContain('JD014600009999');
    expect(korean.stdout).toMatch(/[\uac00-\ud7af]/);
  });

  it('continues a conversation with --session and refuses someone else session', async () => {
    const first = await afterdesk('chat', '--customer', 'c-sam', 'where is my order?');
    const sessionId = /session: (\S+)/.exec(first.stderr)?.[1];
    expect(first.stdout).toContain('A1007');
    expect(sessionId).toBeDefined();
    const second = await afterdesk('chat', '--customer', 'c-sam', '--session', String(sessionId), 'A1006');
    expect(second.stdout).toContain('1Z999AA10123456784');
    const intruder = await afterdesk('chat', '--customer', 'c-ana', '--session', String(sessionId), 'hi');
    expect(intruder.code).toBe(1);
    expect(intruder.stderr).toContain('HTTP 403');
  });

  it('prints only a token signed with the local store secret', async () => {
    const result = await afterdesk('token', '--customer', 'c-ana', '--ttl', '15m');
    const token = result.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const secret = new TextEncoder().encode(await readOrCreateSecret(test.stack.info.secretFile));
    await expect(verifyShopperToken(secret, token)).resolves.toEqual({ customerId: 'c-ana' });
  });

  it('explains usage errors instead of failing obscurely', async () => {
    const result = await afterdesk('token');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--customer <id> is required');
  });
});
