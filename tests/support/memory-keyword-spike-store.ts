import type { HourCount, KeywordSpikeStore } from '../../functions/ports/keyword-spikes';

/** The DynamoDB store's behaviour in memory: hourly counters and a once-per-hour marker per key. */
export class MemoryKeywordSpikeStore implements KeywordSpikeStore {
  readonly hours = new Map<string, { mentions: number; defects: Set<string>; intents: Set<string> }>();
  readonly alerted = new Set<string>();

  async increment(key: string, hour: string, add: { defects: readonly string[]; intent: string | null }) {
    const id = `${key}|${hour}`;
    const counter = this.hours.get(id) ?? {
      mentions: 0,
      defects: new Set<string>(),
      intents: new Set<string>(),
    };
    counter.mentions++;
    for (const defect of add.defects) counter.defects.add(defect);
    if (add.intent) counter.intents.add(add.intent);
    this.hours.set(id, counter);
    return {
      mentions: counter.mentions,
      defects: [...counter.defects].sort(),
      intents: [...counter.intents].sort(),
    } satisfies HourCount;
  }

  /** Seeds a past hour, as earlier traffic would have. */
  seed(key: string, hour: string, mentions: number) {
    this.hours.set(`${key}|${hour}`, { mentions, defects: new Set(), intents: new Set() });
  }

  async mentionsBetween(key: string, fromHour: string, toHour: string) {
    let total = 0;
    for (const [id, counter] of this.hours) {
      const [k, hour = ''] = id.split('|');
      if (k === key && hour >= fromHour && hour <= toHour) total += counter.mentions;
    }
    return total;
  }

  async markAlerted(key: string, hour: string) {
    const id = `${key}|${hour}`;
    if (this.alerted.has(id)) return false;
    this.alerted.add(id);
    return true;
  }

  async clearAlerted(key: string, hour: string) {
    this.alerted.delete(`${key}|${hour}`);
  }
}
