import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compares in constant time; unequal lengths are unequal without comparing (timingSafeEqual throws). */
function sameBytes(expected: Uint8Array, given: Uint8Array): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Shopify signs the raw request body with the app's webhook secret: `X-Shopify-Hmac-Sha256` is the
 * base64 HMAC-SHA256. The raw bytes are what is signed, so this runs before any JSON parsing.
 */
export function verifyShopifyHmac(secret: string, rawBody: Uint8Array, header: string | undefined): boolean {
  if (!header || secret.length === 0) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return sameBytes(expected, Buffer.from(header.trim(), 'base64'));
}

export function signShopifyBody(secret: string, rawBody: Uint8Array | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** The string a carrier (or the seller's tracking relay) signs: the timestamp is inside, so it cannot be swapped. */
export function carrierSignedString(timestamp: string, rawBody: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
}

/**
 * The generic carrier webhook (docs/webhooks.md): `Afterdesk-Signature: v1=<hex HMAC-SHA256 of
 * "<Afterdesk-Timestamp>.<raw body>">`. Several `v1=` values may be sent (comma-separated) while a
 * secret is being rotated; any one matching is enough.
 */
export function verifyCarrierSignature(
  secret: string,
  timestamp: string | undefined,
  rawBody: Uint8Array,
  header: string | undefined,
): boolean {
  if (!header || !timestamp || secret.length === 0) return false;
  const expected = createHmac('sha256', secret).update(carrierSignedString(timestamp, rawBody)).digest();
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1=') && /^[0-9a-f]{64}$/i.test(part.slice(3)))
    .some((part) => sameBytes(expected, Buffer.from(part.slice(3), 'hex')));
}

export function signCarrierBody(secret: string, timestamp: string, rawBody: Uint8Array | string): string {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `v1=${createHmac('sha256', secret).update(carrierSignedString(timestamp, bytes)).digest('hex')}`;
}
