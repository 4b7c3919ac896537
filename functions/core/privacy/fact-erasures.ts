import type { FactErasureQueue, FactRewriter, PrivacyAudit } from '../../ports/privacy';
import { prefixed } from './requests';

export interface QueuedFactErasureDeps {
  queue: FactErasureQueue;
  rewriter: FactRewriter;
  audit: PrivacyAudit;
  now?: () => Date;
}

export interface QueuedFactErasureResult {
  completed: number;
  /** Entries whose rewrite failed: they stay queued and the next run tries them again. */
  failed: number;
  /** Which entries failed and why (opaque entry ids and the error's message), for the log. */
  failures: Array<{ id: string; reason: string }>;
}

/**
 * The daily half of an erasure in AWS: for each queued entry, rewrite the facts that hold its keys' rows
 * without them, record the completion against the original request (who asked, when, counts), then remove
 * the entry. A failed rewrite leaves its entry queued for the next run; the rewrite is idempotent (a file
 * already rewritten holds none of the rows, so it is not found again).
 */
export async function eraseQueuedFacts(deps: QueuedFactErasureDeps): Promise<QueuedFactErasureResult> {
  const now = deps.now ?? (() => new Date());
  const result: QueuedFactErasureResult = { completed: 0, failed: 0, failures: [] };
  for (const entry of await deps.queue.pending()) {
    const started = now();
    try {
      const removed = await deps.rewriter.erase(entry.keys);
      await deps.audit.record({
        requestId: entry.requestId,
        kind: 'erase-facts',
        requestedBy: entry.requestedBy,
        at: started.toISOString(),
        subject: entry.subject,
        counts: prefixed('facts.', removed),
        durationMs: now().getTime() - started.getTime(),
      });
      await deps.queue.done(entry.id);
      result.completed += 1;
    } catch (error) {
      result.failed += 1;
      result.failures.push({ id: entry.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
