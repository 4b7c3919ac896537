import { DynamoDbClaimRepository } from '../adapters/aws/dynamodb-claim-repository';
import { createDocumentClient } from '../adapters/aws/dynamodb-client';
import { DynamoDbConnectionRepository } from '../adapters/aws/dynamodb-connection-repository';
import { DynamoDbConversationRepository } from '../adapters/aws/dynamodb-conversation-repository';
import { DynamoDbKnowledgeRepository } from '../adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbOrderRepository } from '../adapters/aws/dynamodb-order-repository';
import { DynamoDbReturnRepository } from '../adapters/aws/dynamodb-return-repository';
import { DynamoDbStorePolicySource } from '../adapters/aws/dynamodb-store-policy-source';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../core/after-sales/demo-policy';
import { env } from './runtime-env';

/** Built once per cold start. DynamoDB Local speaks the same API, so both modes share these adapters. */
export const documentClient = createDocumentClient({
  region: env.AWS_REGION,
  endpoint: env.DYNAMODB_ENDPOINT,
});
export const orders = new DynamoDbOrderRepository(documentClient, env.STORE_TABLE);
export const conversations = new DynamoDbConversationRepository(
  documentClient,
  env.CONVERSATIONS_TABLE,
  env.RETENTION_DAYS,
  env.MAX_MESSAGES_PER_MINUTE,
);
export const connections = new DynamoDbConnectionRepository(documentClient, env.CONNECTIONS_TABLE);
export const returns = new DynamoDbReturnRepository(documentClient, env.STORE_TABLE);
export const knowledge = new DynamoDbKnowledgeRepository(documentClient, env.STORE_TABLE);
export const claims = new DynamoDbClaimRepository(documentClient, env.STORE_TABLE);
// Sellers who have not written CONFIG#policy yet get the demo store's rules, which match its FAQ.
export const storeRules = new DynamoDbStorePolicySource(documentClient, env.STORE_TABLE, {
  policy: DEMO_STORE_POLICY,
  routing: DEMO_COMPLAINT_ROUTING,
});
