import type { Context, ScheduledEvent } from 'aws-lambda';
import { factErasureDeps } from '../config/fact-erasure';
import { logger, metrics } from '../config/observability';
import { eraseQueuedFacts } from '../core/privacy/fact-erasures';
import { withObservability } from './shared/middleware';

/**
 * Daily (EventBridge; a timer in the local stack): rewrites the analytics facts of queued erasures without
 * the customers' rows. A failed entry stays queued for the next day; the run itself does not fail, so
 * EventBridge does not repeat the entries that succeeded.
 */
export const handler = withObservability(async (_event: ScheduledEvent | undefined, _context: Context) => {
  const result = await eraseQueuedFacts(factErasureDeps);
  metrics.addMetric('FactErasuresCompleted', 'Count', result.completed);
  metrics.addMetric('FactErasuresFailed', 'Count', result.failed);
  // Entry ids and error messages only: the queue holds opaque keys, never the customer id or text.
  for (const failure of result.failures) logger.error('queued fact erasure failed', failure);
  return { completed: result.completed, failed: result.failed };
});
