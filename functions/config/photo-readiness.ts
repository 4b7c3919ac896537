import { DynamoDbPhotoReadiness } from '../adapters/aws/dynamodb-photo-readiness';
import type { PhotoReadiness } from '../ports/photo-readiness';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

/**
 * Whether an attached photo is ready, in both modes: the outcome the normaliser (or, locally, the upload
 * endpoint) records in the Conversations table. No S3 client, so the chat routes stay small.
 */
export const photoReadiness: PhotoReadiness = new DynamoDbPhotoReadiness(
  documentClient,
  env.CONVERSATIONS_TABLE,
);
