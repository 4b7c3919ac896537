import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FACT_SCHEMA_VERSION, type MessageFact } from '../../functions/core/analytics/facts';
import { factDir, runNamedQuery, writeFacts } from '../../local/analytics/duckdb';

const at = '2026-11-16T09:00:00Z';
const fact = (id: string, text: string): MessageFact => ({
  event_id: id,
  schema_version: FACT_SCHEMA_VERSION,
  occurred_at: at,
  dt: at.slice(0, 10),
  conversation_id: `c-${id}`,
  channel: 'web',
  language: 'en',
  intent: 'track_order',
  complaint_category: null,
  sentiment: null,
  sentiment_positive: null,
  sentiment_negative: null,
  sentiment_neutral: null,
  sentiment_mixed: null,
  key_phrases: [],
  defects: [],
  redacted_text: text,
  role: 'shopper',
  response_time_ms: null,
  sku: null,
});
const period = { since: '2026-11-16 00:00:00', until: '2026-11-23 00:00:00', timezone: 'UTC' };

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-poison-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function parquetFiles(): Promise<string[]> {
  const dir = factDir(dataDir, 'message_facts');
  const entries = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return entries.filter((entry) => entry.endsWith('.parquet'));
}

describe('a malformed record in the analytics sink', () => {
  it('writes a batch holding a lone surrogate, with the text made well-formed, next to innocent rows', async () => {
    await writeFacts(dataDir, 'message_facts', [
      fact('e1', 'hello \ud800'),
      fact('e2', 'innocent'),
      fact('e3', 'low \udc00 alone'),
    ]);
    const rows = await runNamedQuery(dataDir, 'top-issues', period);
    expect(rows).toEqual([expect.objectContaining({ issue: 'track_order', messages: 3 })]);
  });

  it('never leaves a partial or zero-byte part file where readers look when a write fails', async () => {
    // A value DuckDB cannot cast fails inside COPY, after the target file was opened.
    const bad = { ...fact('e9', 'x'), sentiment_positive: 'high' as unknown as number };
    await expect(writeFacts(dataDir, 'message_facts', [bad])).rejects.toThrow();
    await writeFacts(dataDir, 'message_facts', [fact('e10', 'fine')]);
    const files = await parquetFiles();
    expect(files).toHaveLength(1);
  });

  it('keeps answering queries, without paths, when one part file is corrupt or empty', async () => {
    await writeFacts(dataDir, 'message_facts', [fact('e1', 'one'), fact('e2', 'two')]);
    const partition = join(factDir(dataDir, 'message_facts'), 'dt=2026-11-16');
    await mkdir(partition, { recursive: true });
    await writeFile(join(partition, 'part-empty.parquet'), '');
    await writeFile(join(partition, 'part-garbage.parquet'), 'PAR1 this is not parquet at all');
    const rows = await runNamedQuery(dataDir, 'top-issues', period);
    expect(rows).toEqual([expect.objectContaining({ issue: 'track_order', messages: 2 })]);
  });
});

describe('a part file that looks complete but cannot be read', () => {
  it('is left out and the query still answers from the readable files', async () => {
    await writeFacts(dataDir, 'message_facts', [fact('e1', 'one')]);
    const partition = join(factDir(dataDir, 'message_facts'), 'dt=2026-11-16');
    const footer = Buffer.alloc(4);
    footer.writeUInt32LE(8);
    await writeFile(
      join(partition, 'part-forged.parquet'),
      Buffer.concat([
        Buffer.from('PAR1'),
        Buffer.from('garbage garbage garbage'),
        footer,
        Buffer.from('PAR1'),
      ]),
    );
    const rows = await runNamedQuery(dataDir, 'top-issues', period);
    expect(rows).toEqual([expect.objectContaining({ issue: 'track_order', messages: 1 })]);
  });
});
