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
import type {
  AlertPublisher,
  HourCount,
  KeywordSpikeAlert,
  KeywordSpikeStore,
} from '../../ports/keyword-spikes';

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

  /**
   * Counts a batch of messages' mentions with one write per key and hour (where the store can add several
   * at once) instead of one per message. A key alerts as it would have message by message: at most once
   * per hour, naming the count at which the hour crossed the thresholds.
   */
  async recordAll(
    mentions: readonly DefectMention[],
  ): Promise<{ outcomes: SpikeOutcome[]; failures: unknown[] }> {
    const store = this.store;
    const outcomes: SpikeOutcome[] = [];
    const failures: unknown[] = [];
    if (!store.incrementMany) {
      for (const mention of mentions)
        try {
          outcomes.push(...(await this.record(mention)));
        } catch (error) {
          failures.push(error);
        }
      return { outcomes, failures };
    }
    const groups = new Map<string, { key: SpikeKey; windowStart: Date; mentions: DefectMention[] }>();
    for (const mention of mentions)
      for (const key of spikeKeys(mention.sku, mention.defects)) {
        const windowStart = hourStart(mention.at);
        const id = `${key.id}|${hourLabel(windowStart)}`;
        const group = groups.get(id) ?? { key, windowStart, mentions: [] };
        group.mentions.push(mention);
        groups.set(id, group);
      }
    const settled = await Promise.allSettled(
      [...groups.values()].map(async ({ key, windowStart, mentions: grouped }) => {
        const counted = await (store.incrementMany as NonNullable<KeywordSpikeStore['incrementMany']>)(
          key.id,
          hourLabel(windowStart),
          {
            mentions: grouped.length,
            defects: key.defects,
            intents: [...new Set(grouped.flatMap((mention) => (mention.intent ? [mention.intent] : [])))],
          },
        );
        const outcome = await this.checkSpike(key, windowStart, counted, counted.mentions - grouped.length);
        return [outcome, ...grouped.slice(1).map((): SpikeOutcome => 'counted')];
      }),
    );
    for (const result of settled)
      if (result.status === 'fulfilled') outcomes.push(...result.value);
      else failures.push(result.reason);
    return { outcomes, failures };
  }

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
    return this.checkSpike(key, windowStart, counted, counted.mentions - 1);
  }

  /**
   * Whether the hour, now at `counted.mentions` from `before`, crossed the thresholds: the alert names the
   * first count at or past them, as a message-by-message count would have.
   */
  private async checkSpike(
    key: SpikeKey,
    windowStart: Date,
    counted: HourCount,
    before: number,
  ): Promise<SpikeOutcome> {
    const hour = hourLabel(windowStart);
    // Below the floor no baseline can make a spike, so the common case costs one write.
    if (counted.mentions < this.thresholds.minMentions) return 'counted';
    const { from, to } = baselineRange(windowStart, this.thresholds.baselineHours);
    const baseline = hourlyBaseline(await this.store.mentionsBetween(key.id, from, to), this.thresholds);
    if (!isSpike(counted.mentions, baseline, this.thresholds)) return 'counted';
    const crossedAt = Math.max(
      before + 1,
      this.thresholds.minMentions,
      Math.ceil(this.thresholds.ratio * baseline),
    );
    if (!(await this.store.markAlerted(key.id, hour))) return 'counted';
    const alert: KeywordSpikeAlert = {
      sku: key.sku,
      defects: counted.defects.length > 0 ? counted.defects : key.defects,
      mentions: Math.min(counted.mentions, crossedAt),
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
