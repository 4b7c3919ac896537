import type { FactName, MessageFact } from '../../functions/core/analytics/facts';
import type { AnalyticsSink } from '../../functions/ports/analytics-sink';

export type AnalyticsStreamFactory =
  typeof import('../../functions/handlers/analytics-stream').createAnalyticsStreamHandler;

/**
 * The analytics stream handler's factory. Its module reads configuration at import, as at a Lambda cold
 * start, so the environment is set first; nothing is called on these endpoints.
 */
export async function loadAnalyticsStreamFactory(): Promise<AnalyticsStreamFactory> {
  Object.assign(process.env, {
    AFTERDESK_MODE: 'local',
    STORE_TABLE: 'store',
    CONVERSATIONS_TABLE: 'conversations',
    CONNECTIONS_TABLE: 'connections',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
    ANALYTICS_DATA_DIR: '/nonexistent-afterdesk-analytics',
  });
  return (await import('../../functions/handlers/analytics-stream')).createAnalyticsStreamHandler;
}

/** A sink that keeps the facts in memory and can be told to fail its next write. */
export class MemorySink implements AnalyticsSink {
  readonly rows: MessageFact[] = [];
  failNext = false;
  async write<K extends FactName>(_fact: K, rows: readonly unknown[]) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('sink down');
    }
    this.rows.push(...(rows as MessageFact[]));
  }
}
