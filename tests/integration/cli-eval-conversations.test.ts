import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dir: string;

async function afterdesk(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/afterdesk.mjs', ...args], {
      // A whole local stack plays five scenarios: generous on a loaded machine, no timing asserted.
      timeout: 240_000,
      env: { ...process.env, TMPDIR: join(dir, 'tmp') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const scenario = (id: string, body: object) => ({
  id,
  description: id,
  lang: 'en',
  customer: 'c-ana',
  ...body,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'afterdesk-eval-conversations-test-'));
  const scenarios = join(dir, 'scenarios');
  await mkdir(scenarios);
  await mkdir(join(dir, 'tmp'));
  await writeFile(
    join(scenarios, '1-track.json'),
    JSON.stringify(
      scenario('track-a1001', {
        intent: 'track_order',
        turns: [
          {
            say: 'Where is my order A1001?',
            expect: { intentIs: 'track_order', replyIncludes: ['DHL', 'JD014600006254'], handoff: false },
          },
        ],
      }),
    ),
  );
  await writeFile(
    join(scenarios, '2-human.json'),
    JSON.stringify(
      scenario('human-fr', {
        intent: 'human_agent',
        lang: 'fr',
        turns: [{ say: 'Je veux parler à une personne', expect: { handoff: true, storeUnchanged: true } }],
      }),
    ),
  );
  // Must fail: Ana's order ships with DHL, not UPS.
  await writeFile(
    join(scenarios, '3-wrong-carrier.json'),
    JSON.stringify(
      scenario('wrong-carrier', {
        intent: 'track_order',
        turns: [{ say: 'Where is my order A1001?', expect: { replyIncludes: ['UPS'] } }],
      }),
    ),
  );
  await writeFile(join(scenarios, '4-broken.json'), JSON.stringify({ id: 'broken', turns: 'nope' }));
  // The same damage report twice: on a shared store the second would join the first's case.
  for (const name of ['5-damage', '6-damage-again'])
    await writeFile(
      join(scenarios, `${name}.json`),
      JSON.stringify(
        scenario(name, {
          intent: 'damaged_item',
          customer: 'c-jonas',
          turns: [
            {
              say: 'The rain jacket arrived with a torn sleeve',
              expect: { replyIncludes: ['C-'], replyExcludes: ['already open'] },
            },
          ],
        }),
      ),
    );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('afterdesk eval conversations', () => {
  it('plays the scenarios on its own stack, reports each one and ends with the resolved share', async () => {
    const result = await afterdesk('eval', 'conversations', join(dir, 'scenarios'));
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain('PASS track-a1001');
    expect(lines).toContain('PASS human-fr');
    expect(result.stdout).toMatch(
      /^FAIL wrong-carrier \(3-wrong-carrier\.json\) turn 1: replyIncludes "UPS", reply was ".*JD014600006254/m,
    );
    expect(result.stdout).toMatch(/^ERROR 4-broken\.json: .+/m);
    // Each scenario starts from the seeded store, so the repeated report opens a case of its own.
    expect(lines).toContain('PASS 5-damage');
    expect(lines).toContain('PASS 6-damage-again');
    expect(result.stdout).toContain('5 scenario(s), 4 resolved, 1 failed, 1 malformed file(s)');
    expect(result.stdout).toMatch(/^ {2}track_order +50\.0% +\(1\/2\)$/m);
    expect(result.stdout).toMatch(/^ {2}human_agent +100\.0% +\(1\/1\)$/m);
    expect(result.stdout).toMatch(/^ {2}fr +100\.0% +\(1\/1\)$/m);
    expect(result.stdout).toMatch(/^handoff=0\.6000 \(3\/5 scenarios reached a person\)$/m);
    expect(result.stdout).toMatch(/^turn latency p50=\d+ ms p95=\d+ ms$/m);
    expect(result.stdout).toMatch(/^errors=1$/m);
    expect(lines.at(-1)).toBe('resolved=0.8000');
    // Everything it started is gone: its throwaway data folder included.
    const left = await readdir(join(dir, 'tmp'));
    expect(left.filter((name) => name.startsWith('afterdesk-eval-conversations-'))).toEqual([]);
  }, 300_000);

  it('exits 1 on a setup error: a folder that does not exist', async () => {
    const result = await afterdesk('eval', 'conversations', join(dir, 'missing'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('afterdesk:');
    expect(result.stdout).not.toContain('resolved=');
  });
});
