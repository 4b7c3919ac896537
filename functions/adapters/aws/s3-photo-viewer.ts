import { Sha256 } from '@aws-crypto/sha256-js';
import { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PhotoViewer } from '../../core/console/deps';
import { PHOTO_KEY_PATTERN } from '../../core/protocol';

const VIEW_SECONDS = 15 * 60;

/**
 * A presigned S3 GET for an agent's browser. @aws-sdk/s3-request-presigner is not a dependency of this
 * project; it is a thin wrapper over the same SignatureV4.presign used here with the S3 client's own
 * credential chain, so the URL is exactly what the presigner would give.
 */
export class S3PhotoViewer implements PhotoViewer {
  private readonly signer: SignatureV4;

  constructor(
    private readonly bucket: string,
    private readonly region: string,
    client: S3Client = new S3Client({ region }),
  ) {
    this.signer = new SignatureV4({
      service: 's3',
      region,
      credentials: client.config.credentials,
      sha256: Sha256,
      uriEscapePath: false,
    });
  }

  async viewUrl(key: string): Promise<string | undefined> {
    if (!PHOTO_KEY_PATTERN.test(key)) return undefined;
    const hostname = `${this.bucket}.s3.${this.region}.amazonaws.com`;
    const signed = await this.signer.presign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname,
        path: `/${key.split('/').map(encodeURIComponent).join('/')}`,
        headers: { host: hostname },
        query: {},
      },
      { expiresIn: VIEW_SECONDS },
    );
    const query = new URLSearchParams(
      Object.entries(signed.query ?? {}).map(([name, value]) => [name, String(value)]),
    );
    return `https://${hostname}${signed.path}?${query}`;
  }
}
