import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSealed } from '../../cli/commands/eval-sentiment';

const run = promisify(execFile);
const SAMPLE = 'eval/sentiment/sample.jsonl';
const LANGUAGES = 'en es fr de it pt nl pl ru tr ar zh ja ko id vi th'.split(' ');
let dir: string;

async function afterdesk(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/afterdesk.mjs', ...args], {
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'afterdesk-eval-sentiment-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('afterdesk eval sentiment', () => {
  it('scores the shipped sample: one accuracy line per language, per-label lines, accuracy last', async () => {
    const result = await afterdesk('eval', 'sentiment', SAMPLE);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(lastLine(result.stdout)).toMatch(/^accuracy=(0\.\d{4}|1\.0000)$/);
    for (const lang of LANGUAGES)
      expect(result.stdout).toMatch(new RegExp(`^ {2}${lang} +\\d+\\.\\d% +\\(\\d+/\\d+\\)$`, 'm'));
    for (const label of ['positive', 'negative', 'neutral', 'mixed'])
      expect(result.stdout).toMatch(new RegExp(`^ {2}${label} +\\d+\\.\\d% +\\d+\\.\\d% +\\d+$`, 'm'));
    expect(result.stdout).toContain('confusion (rows expected, columns predicted)');
  });

  it('reports malformed lines by number and still scores the good ones', async () => {
    const file = join(dir, 'mixed-quality.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ text: 'thanks, the kettle is lovely', sentiment: 'positive', lang: 'en' }),
        'not json at all',
        JSON.stringify({ text: 'where is my parcel', sentiment: 'angry', lang: 'en' }),
        '',
        JSON.stringify({ sentiment: 'neutral', lang: 'en' }),
        JSON.stringify({ text: 'el hervidor llegó roto, estoy harta', sentiment: 'negative', lang: 'es' }),
      ].join('\n'),
    );
    const result = await afterdesk('eval', 'sentiment', file);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('line 2: not valid JSON');
    expect(result.stderr).toMatch(/line 3: .*sentiment/);
    expect(result.stderr).toMatch(/line 5: .*text/);
    expect(result.stderr).not.toMatch(/line [146]:/);
    expect(result.stdout).toContain('2 messages, 3 unreadable line(s) skipped');
    expect(lastLine(result.stdout)).toMatch(/^accuracy=(0\.\d{4}|1\.0000)$/);
  });

  it('fails plainly when no line can be scored', async () => {
    const file = join(dir, 'empty.jsonl');
    await writeFile(file, 'nope\n');
    const result = await afterdesk('eval', 'sentiment', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1: not valid JSON');
    expect(result.stderr).toContain('no labelled lines');
  });

  it("ships a sample in all 17 languages that shares no sentence with the team's evaluation splits", async () => {
    const lines = (await readFile(SAMPLE, 'utf8')).trim().split('\n');
    const sample = lines.map((line) => JSON.parse(line) as { text: string; lang: string });
    expect(new Set(sample.map((row) => row.lang))).toEqual(new Set(LANGUAGES));
    const seen = new Set<string>();
    for (const split of ['dev', 'earlier'])
      for (const line of (await readFile(`eval/sentiment/${split}.jsonl`, 'utf8')).trim().split('\n'))
        seen.add((JSON.parse(line) as { text: string }).text);
    for (const row of sample) expect(seen.has(row.text), row.text).toBe(false);
  });

  it('scores a named split with figures per pattern, urgency, latency and the targets', async () => {
    const result = await afterdesk('eval', 'sentiment', '--split', 'dev');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^split dev: \d+ messages/);
    for (const pattern of [
      'negated-praise',
      'negated-complaint',
      'question',
      'conditional',
      'sarcasm',
      'mixed',
    ])
      expect(result.stdout).toMatch(new RegExp(`^ {2}${pattern} +\\d+\\.\\d% +\\(\\d+/\\d+\\)$`, 'm'));
    expect(result.stdout).toMatch(/^urgency: threats scored urgent \d+\/\d+/m);
    expect(result.stdout).toMatch(/p99 [\d.]+ ms.*\n.*p99 [\d.]+ ms/);
    expect(result.stdout).toMatch(/load average [\d.]+ [\d.]+ [\d.]+/);
    expect(result.stdout).toMatch(/^ {2}negative recall ≥ 0\.90: [\d.]+% (met|MISSED)$/m);
    expect(lastLine(result.stdout)).toMatch(/^accuracy=(0\.\d{4}|1\.0000)$/);
  });

  it('refuses an unknown split', async () => {
    const result = await afterdesk('eval', 'sentiment', '--split', 'train');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--split must be one of heldout, dev, earlier, sample');
  });

  it('reads a sealed split only while it matches its checksum', async () => {
    const file = join(dir, 'sealed.jsonl');
    const seal = join(dir, 'sealed.sha256');
    await writeFile(file, '{"text":"ok","sentiment":"neutral","lang":"en"}\n');
    await writeFile(seal, 'c0ffee  sealed.jsonl\n');
    await expect(readSealed(file, seal)).rejects.toThrow(/does not match its seal/);
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    await writeFile(seal, `${digest}  sealed.jsonl\n`);
    await expect(readSealed(file, seal)).resolves.toContain('"ok"');
  });
});
