import { DynamoDbClaimRepository } from '../adapters/aws/dynamodb-claim-repository';
import { DynamoDbKnowledgeRepository } from '../adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbProposalStore } from '../adapters/aws/dynamodb-proposal-store';
import { DynamoDbReturnRepository } from '../adapters/aws/dynamodb-return-repository';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

/** The assistant's after-sales records, apart from ./dynamodb so the route handlers do not bundle them. */
export const returns = new DynamoDbReturnRepository(documentClient, env.STORE_TABLE);
export const knowledge = new DynamoDbKnowledgeRepository(documentClient, env.STORE_TABLE);
export const claims = new DynamoDbClaimRepository(documentClient, env.STORE_TABLE);
// Proposals waiting for a yes sit in the conversation's own partition (sk PROPOSAL).
export const proposals = new DynamoDbProposalStore(documentClient, env.CONVERSATIONS_TABLE);
export { storeRules } from './store-rules';
