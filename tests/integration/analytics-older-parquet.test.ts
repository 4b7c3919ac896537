import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factDir, runNamedQuery, withConnection } from '../../local/analytics/duckdb';

let dataDir: string;
const params = { since: '2026-11-16 00:00:00', until: '2026-11-23 00:00:00', timezone: 'UTC' };

/** A message fact file as written before `sentiment_urgency`, `order_id` and `sku` existed. */
async function writeOlderMessageFacts(): Promise<void> {
  const dir = join(factDir(dataDir, 'message_facts'), 'dt=2026-11-18');
  await mkdir(dir, { recursive: true });
  await withConnection(async (connection) => {
    await connection.run(`COPY (
      SELECT 'old-1' AS event_id, 1 AS schema_version, TIMESTAMP '2026-11-18 10:00:00' AS occurred_at,
        'c-old' AS conversation_id, 'web' AS channel, 'en' AS language, 'damaged_item' AS intent,
        'quality' AS complaint_category, 'negative' AS sentiment, 0.01 AS sentiment_positive,
        0.9 AS sentiment_negative, 0.08 AS sentiment_neutral, 0.01 AS sentiment_mixed,
        ['faded'] AS key_phrases, ['faded'] AS defects, 'It faded after one wash' AS redacted_text,
        'shopper' AS role, CAST(NULL AS BIGINT) AS response_time_ms
    ) TO '${join(dir, 'part-older.parquet')}' (FORMAT parquet)`);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-older-'));
  await writeOlderMessageFacts();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('named queries over Parquet written before a column existed', () => {
  it('angry-customers reads old facts without sentiment_urgency, ranking them by their negative score', async () => {
    const rows = await runNamedQuery(dataDir, 'angry-customers', params);
    expect(rows).toMatchObject([{ conversation_id: 'c-old', urgency: 0.9, negative_score: 0.9 }]);
  });

  it('keyword-alerts reads old facts without sku and finds nothing rather than failing', async () => {
    expect(await runNamedQuery(dataDir, 'keyword-alerts', params)).toEqual([]);
  });
});
