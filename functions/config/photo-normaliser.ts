import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { S3UploadQuarantine } from '../adapters/aws/s3-upload-quarantine';
import { SharpPhotoNormaliser } from '../adapters/images/sharp-photo-normaliser';
import { createClient } from './clients';
import { loadConfig } from './load';

/**
 * The photo normaliser's own settings: it touches no table and no socket, so it is not given (and does
 * not check) the chat handlers' environment.
 */
const NormaliserEnvSchema = z.object({
  AWS_REGION: z.string().min(1),
  PHOTO_BUCKET: z.string().min(1),
});

const env = loadConfig(NormaliserEnvSchema);

export const photoNormaliserDeps = {
  quarantine: new S3UploadQuarantine(createClient(S3Client, { region: env.AWS_REGION }), env.PHOTO_BUCKET),
  normaliser: new SharpPhotoNormaliser(),
};
