import { createDocumentClient } from '../adapters/aws/dynamodb-client';
import { DynamoDbConnectionRepository } from '../adapters/aws/dynamodb-connection-repository';
import { DynamoDbConversationRepository } from '../adapters/aws/dynamodb-conversation-repository';
import { DynamoDbOrderRepository } from '../adapters/aws/dynamodb-order-repository';
import { DynamoDbRateLimiter } from '../adapters/aws/dynamodb-rate-limiter';
import { captureClient } from './clients';
import { env } from './runtime-env';

/** Built once per cold start. DynamoDB Local speaks the same API, so both modes share these adapters. */
export const documentClient = createDocumentClient({
  region: env.AWS_REGION,
  endpoint: env.DYNAMODB_ENDPOINT,
  capture: captureClient,
});
export const orders = new DynamoDbOrderRepository(documentClient, env.STORE_TABLE);
export const conversations = new DynamoDbConversationRepository(
  documentClient,
  env.CONVERSATIONS_TABLE,
  env.RETENTION_DAYS,
  env.MAX_MESSAGES_PER_MINUTE,
  { rateLimitTable: env.CONNECTIONS_TABLE },
);
export const connections = new DynamoDbConnectionRepository(documentClient, env.CONNECTIONS_TABLE);
export const rateLimiter = new DynamoDbRateLimiter(documentClient, env.CONNECTIONS_TABLE);
export const rateLimits = {
  perCustomerPerMinute: env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE,
  pingsPerMinute: env.MAX_PINGS_PER_MINUTE,
};
const GUEST_WINDOW_SECONDS = 900;
export const guestLimits = {
  perClient: { max: env.GUEST_ATTEMPTS_PER_CLIENT, windowSeconds: GUEST_WINDOW_SECONDS },
  perOrder: { max: env.GUEST_ATTEMPTS_PER_ORDER, windowSeconds: GUEST_WINDOW_SECONDS },
};
