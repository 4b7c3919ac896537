import {
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type ObjectIdentifier,
  type S3Client,
} from '@aws-sdk/client-s3';
import { PHOTO_PREFIX, photoOwnerPrefix, REFUSAL_PREFIX, UPLOAD_PREFIX } from '../../core/photos/photo-keys';
import type { CustomerMediaStore } from '../../ports/privacy';

/** DeleteObjects takes at most 1,000 keys per request. */
const DELETE_BATCH = 1000;

/**
 * A principal's photos in the versioned photo bucket: every version and every delete marker under the
 * owner's folder of each prefix (raw uploads, normalised photos, refusal markers), so an erased photo
 * cannot be restored from an older version nor survive as an upload still waiting to be normalised.
 */
export class S3CustomerMedia implements CustomerMediaStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async list(principal: string): Promise<string[]> {
    const { versions } = await this.versions(principal);
    return [...new Set(versions.map((version) => version.Key as string))];
  }

  async erase(principal: string): Promise<number> {
    const { versions, markers } = await this.versions(principal);
    const all = [...versions, ...markers];
    for (let i = 0; i < all.length; i += DELETE_BATCH) {
      const result = await this.s3.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: all.slice(i, i + DELETE_BATCH), Quiet: true },
        }),
      );
      // A partial erasure must not look complete: the request fails and is run again.
      if (result.Errors?.length)
        throw new Error(
          `S3 kept ${result.Errors.length} object versions (${result.Errors[0]?.Code ?? 'unknown'}); run the erasure again`,
        );
    }
    return versions.length;
  }

  private async versions(principal: string) {
    const versions: ObjectIdentifier[] = [];
    const markers: ObjectIdentifier[] = [];
    const ownerFolder = photoOwnerPrefix(principal).slice(PHOTO_PREFIX.length);
    for (const prefix of [PHOTO_PREFIX, UPLOAD_PREFIX, REFUSAL_PREFIX]) {
      let keyMarker: string | undefined;
      let versionIdMarker: string | undefined;
      do {
        const page = await this.s3.send(
          new ListObjectVersionsCommand({
            Bucket: this.bucket,
            Prefix: `${prefix}${ownerFolder}`,
            KeyMarker: keyMarker,
            VersionIdMarker: versionIdMarker,
          }),
        );
        for (const version of page.Versions ?? [])
          if (version.Key) versions.push({ Key: version.Key, VersionId: version.VersionId });
        for (const marker of page.DeleteMarkers ?? [])
          if (marker.Key) markers.push({ Key: marker.Key, VersionId: marker.VersionId });
        keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
      } while (keyMarker);
    }
    return { versions, markers };
  }
}
