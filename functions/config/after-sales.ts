import { DynamoDbClaimRepository } from '../adapters/aws/dynamodb-claim-repository';
import { DynamoDbKnowledgeRepository } from '../adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbProposalStore } from '../adapters/aws/dynamodb-proposal-store';
import { DynamoDbReturnRepository } from '../adapters/aws/dynamodb-return-repository';
import { DynamoDbStorePolicySource } from '../adapters/aws/dynamodb-store-policy-source';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../core/after-sales/demo-policy';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

/** The assistant's after-sales records, apart from ./dynamodb so the route handlers do not bundle them. */
export const returns = new DynamoDbReturnRepository(documentClient, env.STORE_TABLE);
export const knowledge = new DynamoDbKnowledgeRepository(documentClient, env.STORE_TABLE);
export const claims = new DynamoDbClaimRepository(documentClient, env.STORE_TABLE);
// Proposals waiting for a yes sit in the conversation's own partition (sk PROPOSAL).
export const proposals = new DynamoDbProposalStore(documentClient, env.CONVERSATIONS_TABLE);
// Sellers who have not written CONFIG#policy yet get the demo store's rules, which match its FAQ.
export const storeRules = new DynamoDbStorePolicySource(documentClient, env.STORE_TABLE, {
  policy: DEMO_STORE_POLICY,
  routing: DEMO_COMPLAINT_ROUTING,
});
