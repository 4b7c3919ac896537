import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
let shopper: ShopperClient | undefined;

async function conversationFactFiles(): Promise<string[]> {
  const dir = join(test.dataDir, 'analytics', 'conversation_facts');
  try {
    const days = await readdir(dir);
    const files = await Promise.all(days.map((day) => readdir(join(dir, day))));
    return files.flat().filter((file) => file.endsWith('.parquet'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

beforeAll(async () => {
  test = await startTestStack({ conversationIdleMs: 500, closeIdleIntervalMs: 200 });
});

afterAll(async () => {
  await shopper?.close();
  await test?.stop();
});

describe('the local stack', () => {
  it('closes idle chats on its own timer, as the cloud schedule does', async () => {
    shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-timer'),
    });
    await shopper.ask('Where is my order A1006?');
    let files: string[] = [];
    for (let attempt = 0; attempt < 200 && files.length === 0; attempt++) {
      await test.stack.streamsDrained();
      files = await conversationFactFiles();
      if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(files).toHaveLength(1);
  });
});
