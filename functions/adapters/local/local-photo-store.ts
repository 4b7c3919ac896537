import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import type { NormalisedPhoto } from '../../ports/photo-processing';
import type { PhotoStore, PhotoUploadGrant, StoredPhoto } from '../../ports/photo-store';
import type { SigningSecretSource } from '../../ports/secrets';

/** The policy a local grant signs: what S3 checks for a presigned POST, in the few fields we use. */
export interface LocalUploadPolicy {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: string;
}

/**
 * Locally, photos go to `<dataDir>/uploads/<key>` through the web server's `/uploads` endpoint, which
 * takes the same multipart POST an S3 presigned POST does: the widget cannot tell the two apart.
 */
export class LocalPhotoStore implements PhotoStore {
  constructor(
    private readonly secret: SigningSecretSource,
    private readonly uploadUrl: string,
    private readonly directory: string,
  ) {}

  async grantUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PhotoUploadGrant> {
    const expiresAt = new Date(Date.now() + input.expiresInSeconds * 1000).toISOString();
    const policy: LocalUploadPolicy = {
      key: input.key,
      contentType: input.contentType,
      maxBytes: input.maxBytes,
      expiresAt,
    };
    const encoded = Buffer.from(JSON.stringify(policy)).toString('base64url');
    const signature = sign(await this.secret.getSigningSecret(), encoded);
    return {
      url: this.uploadUrl,
      fields: { key: input.key, 'Content-Type': input.contentType, policy: encoded, signature },
      expiresAt,
    };
  }

  async read(key: string): Promise<StoredPhoto | undefined> {
    return readLocalPhoto(this.directory, key);
  }
}

/** The sidecar beside each photo: what S3 keeps as object metadata. */
const metaPath = (path: string) => `${path}.meta.json`;

/**
 * Writes the normalised photo, then its sidecar, each through a temporary name: a reader never sees a
 * half-written photo. The upload endpoint records the photo ready (ports/photo-readiness) only after.
 */
export async function saveLocalPhoto(directory: string, key: string, photo: NormalisedPhoto): Promise<void> {
  const path = localPhotoPath(directory, key);
  if (!path) throw new Error('the key is outside the uploads folder');
  await mkdir(dirname(path), { recursive: true });
  const meta = JSON.stringify({ contentType: photo.contentType, fingerprint: photo.fingerprint });
  await writeFile(`${metaPath(path)}.tmp`, meta, { mode: 0o600 });
  await rename(`${metaPath(path)}.tmp`, metaPath(path));
  await writeFile(`${path}.tmp`, photo.bytes, { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}

export async function readLocalPhoto(directory: string, key: string): Promise<StoredPhoto | undefined> {
  const path = localPhotoPath(directory, key);
  if (!path) return undefined;
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return undefined;
  const meta = await readFile(metaPath(path), 'utf8').then(
    (text) => JSON.parse(text) as { contentType?: string; fingerprint?: string },
    () => ({}) as { contentType?: string; fingerprint?: string },
  );
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    contentType: meta.contentType ?? 'image/jpeg',
    ...(meta.fingerprint ? { fingerprint: meta.fingerprint } : {}),
  };
}

/** The policy of a POSTed form if its signature is ours and it has not expired; otherwise why not. */
export function verifyUploadPolicy(
  secret: Uint8Array,
  fields: { policy?: string; signature?: string },
  now: Date = new Date(),
): { ok: true; policy: LocalUploadPolicy } | { ok: false; reason: string } {
  if (!fields.policy || !fields.signature) return { ok: false, reason: 'policy and signature are required' };
  const expected = Buffer.from(sign(secret, fields.policy));
  const given = Buffer.from(fields.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'the signature does not match the policy' };
  const policy = JSON.parse(Buffer.from(fields.policy, 'base64url').toString('utf8')) as LocalUploadPolicy;
  if (Date.parse(policy.expiresAt) < now.getTime())
    return { ok: false, reason: 'the upload grant has expired' };
  return { ok: true, policy };
}

/** Inside the uploads folder or nothing: a key is data from the network. */
export function localPhotoPath(directory: string, key: string): string | undefined {
  const root = normalize(`${directory}/`);
  const path = normalize(join(root, key));
  return path.startsWith(root) ? path : undefined;
}

// A key derived for uploads only, so a leaked upload signature says nothing about shopper tokens.
function sign(secret: Uint8Array, payload: string): string {
  const key = createHmac('sha256', secret).update('afterdesk-photo-upload').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}
