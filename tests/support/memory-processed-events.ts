import type { ClaimOutcome, ProcessedEvents } from '../../functions/ports/analytics-sink';

/** Processed-event markers in memory, with the DynamoDB store's claim semantics (tests and benchmarks). */
export class MemoryProcessedEvents implements ProcessedEvents {
  readonly status = new Map<string, 'in_progress' | 'completed' | 'released'>();

  async claim(eventId: string): Promise<ClaimOutcome> {
    const current = this.status.get(eventId);
    if (current === 'completed') return 'done';
    if (current === 'in_progress') return 'busy';
    this.status.set(eventId, 'in_progress');
    return 'claimed';
  }

  async complete(ids: readonly string[]) {
    for (const id of ids) this.status.set(id, 'completed');
  }

  async release(ids: readonly string[]) {
    for (const id of ids) this.status.set(id, 'released');
  }
}
