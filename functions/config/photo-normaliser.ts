import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { createDocumentClient } from '../adapters/aws/dynamodb-client';
import { DynamoDbPhotoReadiness } from '../adapters/aws/dynamodb-photo-readiness';
import { S3UploadQuarantine } from '../adapters/aws/s3-upload-quarantine';
import { SharpPhotoNormaliser } from '../adapters/images/sharp-photo-normaliser';
import { captureClient, createClient } from './clients';
import { loadConfig } from './load';

/**
 * The photo normaliser's own settings: it touches no socket and one table (where it records each upload's
 * outcome), so it is not given (and does not check) the chat handlers' environment.
 */
const NormaliserEnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  PHOTO_BUCKET: z.string().min(1),
  CONVERSATIONS_TABLE: z.string().min(1),
  /** DynamoDB Local, for tests; unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Outcomes are kept as long as the photos (the bucket's expiry). */
  PHOTO_RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(180),
});

const env = loadConfig(NormaliserEnvSchema);

export const photoNormaliserDeps = {
  quarantine: new S3UploadQuarantine(createClient(S3Client, { region: env.AWS_REGION }), env.PHOTO_BUCKET),
  normaliser: new SharpPhotoNormaliser(),
  outcomes: new DynamoDbPhotoReadiness(
    createDocumentClient({
      region: env.AWS_REGION,
      endpoint: env.DYNAMODB_ENDPOINT,
      capture: captureClient,
    }),
    env.CONVERSATIONS_TABLE,
    { retentionDays: env.PHOTO_RETENTION_DAYS },
  ),
};
