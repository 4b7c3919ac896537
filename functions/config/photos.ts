import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3PhotoStore } from '../adapters/aws/s3-photo-store';
import { readLocalPhoto } from '../adapters/local/local-photo-store';
import type { PhotoStore } from '../ports/photo-store';
import { env } from './runtime-env';

type PhotoReader = Pick<PhotoStore, 'read'>;

function build(): PhotoReader {
  if (env.AFTERDESK_MODE === 'local') {
    const directory = env.PHOTO_DIR;
    if (!directory) throw new Error('Invalid configuration: PHOTO_DIR in local mode');
    return { read: (key) => readLocalPhoto(directory, key) };
  }
  if (!env.PHOTO_BUCKET) throw new Error('Invalid configuration: PHOTO_BUCKET');
  // Lambda gives the function its role's credentials in the environment (lib/lambda/credentials.ts).
  return new S3PhotoStore({ bucket: env.PHOTO_BUCKET, region: env.AWS_REGION, credentials: fromEnv() });
}

let built: PhotoReader | undefined;
/** Reading normalised photos (the assistant), signed without the S3 client. */
export const photos: PhotoReader = {
  // Built on first use: text chat keeps working on a stack whose photo settings are missing.
  read: (key) => {
    built ??= build();
    return built.read(key);
  },
};
