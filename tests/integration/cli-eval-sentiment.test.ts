import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENTIMENT_HELD_OUT } from '../../functions/core/sentiment/data/heldout';
import { SENTIMENT_TRAINING } from '../../functions/core/sentiment/data/training';

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

  it('ships a sample in all 17 languages that shares no sentence with the training or held-out data', async () => {
    const lines = (await readFile(SAMPLE, 'utf8')).trim().split('\n');
    const sample = lines.map((line) => JSON.parse(line) as { text: string; lang: string });
    expect(new Set(sample.map((row) => row.lang))).toEqual(new Set(LANGUAGES));
    const seen = new Set([
      ...Object.values(SENTIMENT_TRAINING).flatMap((byClass) => Object.values(byClass).flat()),
      ...SENTIMENT_HELD_OUT.map((example) => example.text),
    ]);
    for (const row of sample) expect(seen.has(row.text), row.text).toBe(false);
  });
});
