/**
 * Keyword spikes: the near-real-time side of the `keyword-alerts` query. Each shopper message that mentions
 * defect words counts once, in the clock hour it was written, for its SKU, or for each defect id when the
 * conversation names no SKU. A key spikes in an hour when that hour holds at least `minMentions` such
 * messages and at least `ratio` times the key's average hourly count over the `baselineHours` before it.
 * With no history the baseline is 0, so `minMentions` alone decides. A key alerts at most once per hour.
 *
 * Hours are UTC clock hours rather than a sliding window: a counter per hour is one atomic ADD, and the
 * once-per-hour marker shares its bucket, at the cost of splitting a burst that straddles the hour.
 */
import type { AlertPublisher, KeywordSpikeAlert, KeywordSpikeStore } from '../../ports/keyword-spikes';

export interface SpikeThresholds {
  /** Messages mentioning defects within the hour, at least. */
  minMentions: number;
  /** How many times the hourly baseline the hour must reach, at least. */
  ratio: number;
  /** Hours before the current one that make the baseline: 7 days. */
  baselineHours: number;
}

export const DEFAULT_SPIKE_THRESHOLDS: Readonly<SpikeThresholds> = {
  minMentions: 5,
  ratio: 3,
  baselineHours: 168,
};

const HOUR_MS = 3_600_000;

/** A counter key: the SKU when known, else the defect id, prefixed so the two never collide. */
export interface SpikeKey {
  id: string;
  sku: string | null;
  defects: string[];
}

export function spikeKeys(sku: string | null, defects: readonly string[]): SpikeKey[] {
  const unique = [...new Set(defects)].sort();
  if (unique.length === 0) return [];
  if (sku) return [{ id: `SKU#${sku}`, sku, defects: unique }];
  return unique.map((defect) => ({ id: `DEFECT#${defect}`, sku: null, defects: [defect] }));
}

/** `yyyy-mm-ddThh` (UTC), which sorts as time does. */
export function hourLabel(at: Date): string {
  return at.toISOString().slice(0, 13);
}

export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** The first and last hour labels of the baseline before `windowStart`. */
export function baselineRange(windowStart: Date, baselineHours: number): { from: string; to: string } {
  return {
    from: hourLabel(new Date(windowStart.getTime() - baselineHours * HOUR_MS)),
    to: hourLabel(new Date(windowStart.getTime() - HOUR_MS)),
  };
}

/** Average mentions per hour over the baseline. */
export function hourlyBaseline(baselineMentions: number, thresholds: SpikeThresholds): number {
  return baselineMentions / thresholds.baselineHours;
}

export function isSpike(
  mentions: number,
  hourlyBaselineMentions: number,
  thresholds: SpikeThresholds,
): boolean {
  return mentions >= thresholds.minMentions && mentions >= thresholds.ratio * hourlyBaselineMentions;
}

export interface DefectMention {
  sku: string | null;
  defects: readonly string[];
  intent: string | null;
  at: Date;
}

export type SpikeOutcome = 'counted' | 'alerted';

/**
 * Counts a message's defect mentions and publishes an alert for each key that spikes. The alerted marker is
 * taken before publishing, so concurrent invocations alert once; it is given back if publishing fails, so a
 * later message in the same hour can alert.
 */
export class KeywordSpikeDetector {
  constructor(
    private readonly store: KeywordSpikeStore,
    private readonly publisher: AlertPublisher,
    private readonly thresholds: SpikeThresholds = DEFAULT_SPIKE_THRESHOLDS,
  ) {}

  async record(mention: DefectMention): Promise<SpikeOutcome[]> {
    const outcomes: SpikeOutcome[] = [];
    for (const key of spikeKeys(mention.sku, mention.defects))
      outcomes.push(await this.recordKey(key, mention));
    return outcomes;
  }

  private async recordKey(key: SpikeKey, mention: DefectMention): Promise<SpikeOutcome> {
    const windowStart = hourStart(mention.at);
    const hour = hourLabel(windowStart);
    const counted = await this.store.increment(key.id, hour, {
      defects: key.defects,
      intent: mention.intent,
    });
    // Below the floor no baseline can make a spike, so the common case costs one write.
    if (counted.mentions < this.thresholds.minMentions) return 'counted';
    const { from, to } = baselineRange(windowStart, this.thresholds.baselineHours);
    const baseline = hourlyBaseline(await this.store.mentionsBetween(key.id, from, to), this.thresholds);
    if (!isSpike(counted.mentions, baseline, this.thresholds)) return 'counted';
    if (!(await this.store.markAlerted(key.id, hour))) return 'counted';
    const alert: KeywordSpikeAlert = {
      sku: key.sku,
      defects: counted.defects.length > 0 ? counted.defects : key.defects,
      mentions: counted.mentions,
      baseline: Math.round(baseline * 1000) / 1000,
      windowStart: windowStart.toISOString(),
      windowEnd: new Date(windowStart.getTime() + HOUR_MS).toISOString(),
      sampleIntents: counted.intents.slice(0, 5),
    };
    try {
      await this.publisher.publish(alert);
    } catch (error) {
      await this.store.clearAlerted(key.id, hour);
      throw error;
    }
    return 'alerted';
  }
}
