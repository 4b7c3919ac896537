import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { SharpPhotoNormaliser } from '../../functions/adapters/images/sharp-photo-normaliser';
import {
  localPhotoPath,
  saveLocalPhoto,
  verifyUploadPolicy,
} from '../../functions/adapters/local/local-photo-store';
import { PhotoRefusedError } from '../../functions/core/photos/refusals';
import type { NormalisedPhoto } from '../../functions/ports/photo-processing';
import type { PhotoOutcomes } from '../../functions/ports/photo-readiness';

const normaliser = new SharpPhotoNormaliser();

// S3 answers a browser's POST with CORS headers from the bucket's CORS rules; this mirrors the rule the
// stack configures, so a storefront on another origin behaves the same locally.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': '*',
};

/** Image formats by their first bytes: the declared content type is a claim, the bytes are the fact. */
const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/**
 * `POST /uploads`: the local stand-in for an S3 presigned POST. Same form (the grant's fields, then
 * `file`), same outcome: 204 when stored, 4xx with the reason otherwise.
 */
export async function handlePhotoUpload(
  request: IncomingMessage,
  response: ServerResponse,
  options: { secret: Uint8Array; directory: string; maxRequestBytes: number; outcomes: PhotoOutcomes },
): Promise<void> {
  if (request.method === 'OPTIONS') {
    response.writeHead(204, CORS);
    return void response.end();
  }
  if (request.method !== 'POST') return refuse(response, 405, 'Uploads are POSTed as multipart forms.');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > options.maxRequestBytes) return refuse(response, 413, 'The photo is too large.');
  let form: FormData;
  try {
    const body = Readable.toWeb(request) as ReadableStream<Uint8Array>;
    form = await new Request('http://localhost/uploads', {
      method: 'POST',
      headers: { 'content-type': String(request.headers['content-type'] ?? '') },
      body,
      duplex: 'half',
    } as RequestInit).formData();
  } catch {
    return refuse(response, 400, 'The body is not a multipart form.');
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const verdict = verifyUploadPolicy(options.secret, {
    policy: field('policy'),
    signature: field('signature'),
  });
  if (!verdict.ok) return refuse(response, 403, verdict.reason);
  const { policy } = verdict;
  if (field('key') !== policy.key || field('Content-Type') !== policy.contentType)
    return refuse(response, 403, 'The form fields do not match the upload grant.');
  const file = form.get('file');
  if (!file || typeof file === 'string') return refuse(response, 400, 'The form has no file field.');
  if (file.size === 0 || file.size > policy.maxBytes)
    return refuse(response, 400, `The photo must be between 1 byte and ${policy.maxBytes} bytes.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!SIGNATURES[policy.contentType]?.(bytes))
    return refuse(response, 400, `The file is not a ${policy.contentType} image.`);
  if (!localPhotoPath(options.directory, policy.key))
    return refuse(response, 403, 'The key is outside the uploads folder.');
  // What S3 plus the normaliser function do in the cloud, done before the photo exists at all locally:
  // only upright, metadata-free pixels are ever stored.
  let photo: NormalisedPhoto;
  try {
    photo = await normaliser.normalise(bytes);
  } catch (error) {
    if (!(error instanceof PhotoRefusedError)) throw error;
    await options.outcomes.recordRefused(policy.key, error.code);
    return refuse(response, 422, error.message, error.code);
  }
  await saveLocalPhoto(options.directory, policy.key, photo);
  // As the normaliser does in the cloud: the photo first, then the record chat routes check.
  await options.outcomes.recordReady(policy.key);
  response.writeHead(204, CORS);
  response.end();
}

function refuse(response: ServerResponse, status: number, message: string, code?: string): void {
  response.writeHead(status, { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ error: message, ...(code ? { code } : {}) }));
}
