import { DynamoDbStorePolicySource } from '../adapters/aws/dynamodb-store-policy-source';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../core/after-sales/demo-policy';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

/**
 * The store's policy alone, apart from ./after-sales: the video routes need the desk hours without
 * bundling the returns, claims, knowledge and proposal repositories built there.
 * Sellers who have not written CONFIG#policy yet get the demo store's rules, which match its FAQ.
 */
export const storeRules = new DynamoDbStorePolicySource(documentClient, env.STORE_TABLE, {
  policy: DEMO_STORE_POLICY,
  routing: DEMO_COMPLAINT_ROUTING,
});
