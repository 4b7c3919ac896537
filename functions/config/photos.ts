import { S3Client } from '@aws-sdk/client-s3';
import { S3PhotoStore } from '../adapters/aws/s3-photo-store';
import { LocalPhotoStore } from '../adapters/local/local-photo-store';
import type { PhotoStore } from '../ports/photo-store';
import { createClient } from './clients';
import { env } from './runtime-env';
import { signingSecret } from './signing-secret';

function build(): PhotoStore {
  if (env.AFTERDESK_MODE === 'local') {
    if (!env.PHOTO_UPLOAD_URL || !env.PHOTO_DIR)
      throw new Error('Invalid configuration: PHOTO_UPLOAD_URL and PHOTO_DIR in local mode');
    return new LocalPhotoStore(signingSecret, env.PHOTO_UPLOAD_URL, env.PHOTO_DIR);
  }
  if (!env.PHOTO_BUCKET) throw new Error('Invalid configuration: PHOTO_BUCKET');
  return new S3PhotoStore(createClient(S3Client, { region: env.AWS_REGION }), env.PHOTO_BUCKET);
}

let built: PhotoStore | undefined;
// Built on first use: text chat keeps working on a stack whose photo settings are missing.
function store(): PhotoStore {
  built ??= build();
  return built;
}

export const photos: PhotoStore = {
  grantUpload: (input) => store().grantUpload(input),
  exists: (key) => store().exists(key),
  refusal: (key) => store().refusal(key),
  read: (key) => store().read(key),
};
