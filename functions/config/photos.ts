import { S3Client } from '@aws-sdk/client-s3';
import { S3PhotoStore } from '../adapters/aws/s3-photo-store';
import { readLocalPhoto } from '../adapters/local/local-photo-store';
import type { PhotoStore } from '../ports/photo-store';
import { createClient } from './clients';
import { env } from './runtime-env';

type PhotoReader = Pick<PhotoStore, 'read'>;

function build(): PhotoReader {
  if (env.AFTERDESK_MODE === 'local') {
    const directory = env.PHOTO_DIR;
    if (!directory) throw new Error('Invalid configuration: PHOTO_DIR in local mode');
    return { read: (key) => readLocalPhoto(directory, key) };
  }
  if (!env.PHOTO_BUCKET) throw new Error('Invalid configuration: PHOTO_BUCKET');
  return new S3PhotoStore(createClient(S3Client, { region: env.AWS_REGION }), env.PHOTO_BUCKET);
}

let built: PhotoReader | undefined;
/** Reading normalised photos (the assistant): the one photo path that needs the S3 client. */
export const photos: PhotoReader = {
  // Built on first use: text chat keeps working on a stack whose photo settings are missing.
  read: (key) => {
    built ??= build();
    return built.read(key);
  },
};
