import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PhotoViewer } from '../../core/console/deps';
import { PHOTO_KEY_PATTERN } from '../../core/protocol';
import type { SigningSecretSource } from '../../ports/secrets';

const VIEW_SECONDS = 15 * 60;

const signature = (secret: Uint8Array, key: string, expires: number) =>
  createHmac('sha256', secret).update(`view\n${key}\n${expires}`).digest('base64url');

/** The local twin of a presigned S3 GET: the web server serves the photo while the signature holds. */
export class LocalPhotoViewer implements PhotoViewer {
  constructor(
    private readonly secret: SigningSecretSource,
    private readonly baseUrl: string,
  ) {}

  async viewUrl(key: string): Promise<string | undefined> {
    if (!PHOTO_KEY_PATTERN.test(key)) return undefined;
    const expires = Math.floor(Date.now() / 1000) + VIEW_SECONDS;
    const url = new URL(`console/photos/${key}`, this.baseUrl);
    url.searchParams.set('expires', String(expires));
    url.searchParams.set('signature', signature(await this.secret.getSigningSecret(), key, expires));
    return url.href;
  }
}

/** Checked by the web server before it reads the file. */
export function isValidPhotoView(
  secret: Uint8Array,
  key: string,
  expires: string | null,
  given: string | null,
): boolean {
  const at = Number(expires);
  if (!PHOTO_KEY_PATTERN.test(key) || !Number.isInteger(at) || at < Date.now() / 1000 || !given) return false;
  const expected = Buffer.from(signature(secret, key, at));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
