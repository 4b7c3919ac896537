import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupervisedTestStack } from '../support/dynamodb-local-kill';
import { processesMentioning } from '../support/processes';
import { ShopperClient } from '../support/shopper-client';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('DynamoDB Local supervision', () => {
  let supervised: SupervisedTestStack;

  beforeAll(async () => {
    supervised = await SupervisedTestStack.start();
  });

  afterAll(async () => {
    await supervised?.stop();
  });

  it('restarts DynamoDB Local when it dies, says so in the log, and the chat answers again', async () => {
    const { port, back } = await supervised.killDynamoDbLocal();
    const { test, lines } = supervised;
    expect(back).toContain(`port ${port}`);
    expect(
      lines.some((line) => /DynamoDB Local \(pid \d+\) exited \(signal SIGKILL\); restarting/.test(line)),
    ).toBe(true);

    // The health check tells the truth again: ping reaches the store (its rate window) and answers pong.
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-ana'),
    });
    try {
      client.sendRaw('{"action":"ping"}');
      await expect(
        client.next((event) => event.type === 'pong' || event.type === 'error'),
      ).resolves.toMatchObject({
        type: 'pong',
      });
      const id = client.say('hello');
      await expect(
        client.waitFor((event) => event.type === 'ack' && event.clientMessageId === id),
      ).resolves.toBeTruthy();
    } finally {
      await client.close();
    }
  });
});

describe('npm start under SIGTERM', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-sigterm-'));
  });

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits after SIGTERM and leaves no child process behind', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      env: {
        ...process.env,
        AFTERDESK_DATA_DIR: dataDir,
        AFTERDESK_WS_PORT: '0',
        AFTERDESK_WEB_PORT: '0',
        AFTERDESK_AGENT_WS_PORT: '0',
        AFTERDESK_DYNAMODB_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl-C to stop.')) resolve();
      });
      started.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      started.once('exit', (code) => reject(new Error(`the stack exited early (${code}):\n${output}`)));
    });
    const port = /DynamoDB Local:\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    expect(port).toBeDefined();
    const java = processesMentioning(`-port ${port}`).filter(([, args]) => args.includes('java'));
    expect(java.length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The JVM may take a moment to be reaped after its parent: wait for it, never for a fixed time.
    for (const [pid] of java) while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 240_000);
});
