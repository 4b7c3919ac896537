import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3PostGrants } from '../adapters/aws/s3-post-grants';
import { LocalPhotoStore } from '../adapters/local/local-photo-store';
import type { PhotoStore } from '../ports/photo-store';
import { env } from './runtime-env';
import { signingSecret } from './signing-secret';

type PhotoUploads = Pick<PhotoStore, 'grantUpload'>;

function build(): PhotoUploads {
  if (env.AFTERDESK_MODE === 'local') {
    if (!env.PHOTO_UPLOAD_URL || !env.PHOTO_DIR)
      throw new Error('Invalid configuration: PHOTO_UPLOAD_URL and PHOTO_DIR in local mode');
    return new LocalPhotoStore(signingSecret, env.PHOTO_UPLOAD_URL, env.PHOTO_DIR);
  }
  if (!env.PHOTO_BUCKET) throw new Error('Invalid configuration: PHOTO_BUCKET');
  // Lambda gives the function its role's credentials in the environment (lib/lambda/credentials.ts).
  return new S3PostGrants({ bucket: env.PHOTO_BUCKET, region: env.AWS_REGION, credentials: fromEnv() });
}

let built: PhotoUploads | undefined;
// Built on first use: text chat keeps working on a stack whose photo settings are missing.
export const photoUploads: PhotoUploads = {
  grantUpload: (input) => {
    built ??= build();
    return built.grantUpload(input);
  },
};
