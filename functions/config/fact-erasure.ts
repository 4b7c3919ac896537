import { DynamoDbPendingFactErasures } from '../adapters/aws/dynamodb-pending-fact-erasures';
import { DynamoDbPrivacyAudit } from '../adapters/aws/dynamodb-privacy-audit';
import type { QueuedFactErasureDeps } from '../core/privacy/fact-erasures';
import type { FactRewriter } from '../ports/privacy';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

/**
 * The daily fact rewrite's adapters. Locally an erasure rewrites the Parquet facts itself and queues
 * nothing, so the local timer finds an empty queue; should an entry appear, it stays queued and is reported.
 */
async function rewriter(): Promise<FactRewriter> {
  if (env.AFTERDESK_MODE === 'aws') {
    const { athenaCustomerFacts } = await import('./athena-facts');
    return athenaCustomerFacts(600_000);
  }
  return {
    erase: async () => {
      throw new Error('local facts are erased by the request itself (afterdesk privacy erase)');
    },
  };
}

export const factErasureDeps: QueuedFactErasureDeps = {
  queue: new DynamoDbPendingFactErasures(documentClient, env.STORE_TABLE),
  rewriter: await rewriter(),
  audit: new DynamoDbPrivacyAudit(documentClient, env.STORE_TABLE),
};
