import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FileAlertPublisher,
  keywordSpikeFile,
  readKeywordSpikes,
} from '../../functions/adapters/local/file-alert-publisher';
import { loadEnv } from '../../functions/config/env';
import {
  baselineRange,
  hourLabel,
  isSpike,
  KeywordSpikeDetector,
  type SpikeThresholds,
  spikeKeys,
} from '../../functions/core/analytics/keyword-spikes';
import type { AlertPublisher, KeywordSpikeAlert } from '../../functions/ports/keyword-spikes';
import { MemoryKeywordSpikeStore } from '../support/memory-keyword-spike-store';

const thresholds: SpikeThresholds = { minMentions: 3, ratio: 3, baselineHours: 168 };
const AT = new Date('2026-11-20T10:17:00.000Z');

class RecordingPublisher implements AlertPublisher {
  readonly alerts: KeywordSpikeAlert[] = [];
  failNext = false;
  async publish(alert: KeywordSpikeAlert) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('bus unavailable');
    }
    this.alerts.push(alert);
  }
}

describe('keyword spike decision', () => {
  it('needs at least the minimum mentions in the hour', () => {
    expect(isSpike(2, 0, thresholds)).toBe(false);
    expect(isSpike(3, 0, thresholds)).toBe(true);
  });

  it('needs at least ratio times the hourly baseline, the edge included', () => {
    expect(isSpike(5, 5 / 3 + 0.001, thresholds)).toBe(false);
    expect(isSpike(6, 2, thresholds)).toBe(true);
    expect(isSpike(5, 2, thresholds)).toBe(false);
  });

  it('counts per SKU when known, else per defect id', () => {
    expect(spikeKeys('SKU-1', ['torn', 'broken', 'torn'])).toEqual([
      { id: 'SKU#SKU-1', sku: 'SKU-1', defects: ['broken', 'torn'] },
    ]);
    expect(spikeKeys(null, ['torn', 'broken']).map((key) => key.id)).toEqual([
      'DEFECT#broken',
      'DEFECT#torn',
    ]);
    expect(spikeKeys('SKU-1', [])).toEqual([]);
  });

  it('takes the baseline from the 168 hours before the window hour', () => {
    expect(hourLabel(AT)).toBe('2026-11-20T10');
    expect(baselineRange(new Date('2026-11-20T10:00:00.000Z'), 168)).toEqual({
      from: '2026-11-13T10',
      to: '2026-11-20T09',
    });
  });

  it('reads its thresholds from the environment with defaults', () => {
    const base = { STORE_TABLE: 's', CONVERSATIONS_TABLE: 'c', CONNECTIONS_TABLE: 'x' };
    expect(loadEnv(base)).toMatchObject({ KEYWORD_SPIKE_MIN_MENTIONS: 5, KEYWORD_SPIKE_RATIO: 3 });
    expect(loadEnv({ ...base, KEYWORD_SPIKE_MIN_MENTIONS: '2', KEYWORD_SPIKE_RATIO: '1.5' })).toMatchObject({
      KEYWORD_SPIKE_MIN_MENTIONS: 2,
      KEYWORD_SPIKE_RATIO: 1.5,
    });
    expect(() => loadEnv({ ...base, KEYWORD_SPIKE_MIN_MENTIONS: '0' })).toThrow(/KEYWORD_SPIKE_MIN_MENTIONS/);
  });
});

describe('keyword spike detector', () => {
  let store: MemoryKeywordSpikeStore;
  let publisher: RecordingPublisher;
  let detector: KeywordSpikeDetector;
  const mention = (intent: string | null = 'complaint', at = AT) => ({
    sku: 'SKU-9' as string | null,
    defects: ['broken'],
    intent,
    at,
  });

  beforeEach(() => {
    store = new MemoryKeywordSpikeStore();
    publisher = new RecordingPublisher();
    detector = new KeywordSpikeDetector(store, publisher, thresholds);
  });

  it('alerts once when the hour reaches the minimum, with counts and intents but no text', async () => {
    expect(await detector.record(mention('complaint'))).toEqual(['counted']);
    expect(await detector.record(mention(null))).toEqual(['counted']);
    expect(await detector.record(mention('return_request'))).toEqual(['alerted']);
    expect(publisher.alerts).toEqual([
      {
        sku: 'SKU-9',
        defects: ['broken'],
        mentions: 3,
        baseline: 0,
        windowStart: '2026-11-20T10:00:00.000Z',
        windowEnd: '2026-11-20T11:00:00.000Z',
        sampleIntents: ['complaint', 'return_request'],
      },
    ]);
  });

  it('alerts once per key per hour, and again in the next hour', async () => {
    for (let i = 0; i < 6; i++) await detector.record(mention());
    expect(publisher.alerts).toHaveLength(1);
    const next = new Date('2026-11-20T11:05:00.000Z');
    for (let i = 0; i < 3; i++) await detector.record(mention('complaint', next));
    expect(publisher.alerts.map((alert) => alert.windowStart)).toEqual([
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T11:00:00.000Z',
    ]);
  });

  it('stays quiet until the hour reaches ratio times the SKU usual hourly rate', async () => {
    store.seed('SKU#SKU-9', '2026-11-19T08', 336); // two an hour over the week
    for (let i = 0; i < 5; i++) await detector.record(mention());
    expect(publisher.alerts).toEqual([]);
    await detector.record(mention());
    expect(publisher.alerts.map((alert) => [alert.mentions, alert.baseline])).toEqual([[6, 2]]);
  });

  it('ignores counts older than the baseline and counts of other keys', async () => {
    store.seed('SKU#SKU-9', '2026-11-13T09', 1000);
    store.seed('SKU#OTHER', '2026-11-19T08', 1000);
    for (let i = 0; i < 3; i++) await detector.record(mention());
    expect(publisher.alerts).toHaveLength(1);
  });

  it('gives the hour back when publishing fails, so the next mention alerts', async () => {
    for (let i = 0; i < 2; i++) await detector.record(mention());
    publisher.failNext = true;
    await expect(detector.record(mention())).rejects.toThrow('bus unavailable');
    expect(await detector.record(mention())).toEqual(['alerted']);
    expect(publisher.alerts.map((alert) => alert.mentions)).toEqual([4]);
  });

  it('alerts per defect when no SKU is known', async () => {
    for (let i = 0; i < 3; i++)
      await detector.record({ ...mention(), sku: null, defects: ['broken', 'torn'] });
    expect(publisher.alerts.map((alert) => [alert.sku, alert.defects])).toEqual([
      [null, ['broken']],
      [null, ['torn']],
    ]);
  });
});

describe('the local alert publisher', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-alerts-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const alert = (mentions: number): KeywordSpikeAlert => ({
    sku: 'SKU-9',
    defects: ['broken'],
    mentions,
    baseline: 0,
    windowStart: '2026-11-20T10:00:00.000Z',
    windowEnd: '2026-11-20T11:00:00.000Z',
    sampleIntents: [],
  });

  it('logs a warning and appends one line per alert, read back newest first', async () => {
    const lines: Array<[string, Record<string, unknown>]> = [];
    const publisher = new FileAlertPublisher(dataDir, {
      warn: (message, extra) => lines.push([message, extra]),
    });
    await publisher.publish(alert(3));
    await publisher.publish(alert(4));
    expect(lines.map(([message, extra]) => [message, extra.mentions])).toEqual([
      ['keyword spike', 3],
      ['keyword spike', 4],
    ]);
    expect((await readFile(keywordSpikeFile(dataDir), 'utf8')).trim().split('\n')).toHaveLength(2);
    expect((await readKeywordSpikes(dataDir)).map((a) => a.mentions)).toEqual([4, 3]);
  });

  it('reads no alerts before the first, and skips a line cut short', async () => {
    expect(await readKeywordSpikes(dataDir)).toEqual([]);
    const publisher = new FileAlertPublisher(dataDir, { warn: () => undefined });
    await publisher.publish(alert(3));
    await writeFile(keywordSpikeFile(dataDir), '{"sku":"SKU', { flag: 'a' });
    expect((await readKeywordSpikes(dataDir)).map((a) => a.mentions)).toEqual([3]);
  });
});
