import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDbCustomerData } from '../adapters/aws/dynamodb-customer-data';
import { DynamoDbPendingFactErasures } from '../adapters/aws/dynamodb-pending-fact-erasures';
import { DynamoDbPrivacyAudit } from '../adapters/aws/dynamodb-privacy-audit';
import { S3CustomerMedia } from '../adapters/aws/s3-customer-media';
import type { PrivacyDeps } from '../core/privacy/requests';
import { athenaCustomerFacts } from './athena-facts';
import { createClient } from './clients';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';
import { signingSecret } from './signing-secret';

if (!env.PHOTO_BUCKET) throw new Error('Invalid configuration: PHOTO_BUCKET');

const media = new S3CustomerMedia(createClient(S3Client, { region: env.AWS_REGION }), env.PHOTO_BUCKET);
// An export reads the facts through Athena, within the HTTP API's 30 s (the function has 29 s).
const factReader = athenaCustomerFacts(20_000);
const tables = {
  store: env.STORE_TABLE,
  conversations: env.CONVERSATIONS_TABLE,
  connections: env.CONNECTIONS_TABLE,
};

/** The AWS adapters of the privacy use cases, built once per cold start; the key is read on first use. */
export async function privacyDeps(): Promise<PrivacyDeps> {
  return {
    data: new DynamoDbCustomerData(documentClient, tables),
    media,
    facts: new DynamoDbPendingFactErasures(documentClient, env.STORE_TABLE, factReader),
    audit: new DynamoDbPrivacyAudit(documentClient, env.STORE_TABLE),
    subjectKey: await signingSecret.getSigningSecret(),
  };
}
