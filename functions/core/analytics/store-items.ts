/**
 * What return and ticket facts share: how a Store table item is read from a stream image, and when an
 * item change is worth a fact row. Pure: images arrive unmarshalled.
 */

export type StoreImage = Record<string, unknown>;

/** A Store stream image that cannot become a fact: it goes to the failure destination, alone. */
export class MalformedStoreItemError extends TypeError {}

export const requireString = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new MalformedStoreItemError(`${what} missing`);
  return value;
};

export const optionalString = (value: unknown, what: string): string | null => {
  if (value === undefined || value === null) return null;
  return requireString(value, what);
};

export const requireInstant = (value: unknown, what: string): string => {
  const text = requireString(value, what);
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) throw new MalformedStoreItemError(`${what} is not a timestamp`);
  return new Date(millis).toISOString();
};

export const optionalInstant = (value: unknown, what: string): string | null =>
  value === undefined || value === null ? null : requireInstant(value, what);

/** The nested `data` map repositories store the whole domain object in. */
export const dataOf = (image: StoreImage, what: string): StoreImage => {
  const data = image.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new MalformedStoreItemError(`${what}: data missing`);
  return data as StoreImage;
};

/**
 * A row is written when the item is created or its state attribute changes. Other modifications (a
 * tracking number, a photo) leave the analysed columns as they were, so a row for them would only
 * duplicate the previous one.
 */
export function isStateChange(
  oldImage: StoreImage | undefined,
  newImage: StoreImage,
  stateAttribute: string,
): boolean {
  if (!oldImage || oldImage.type !== newImage.type) return true;
  return oldImage[stateAttribute] !== newImage[stateAttribute];
}

/** Elapsed time between two ISO instants in `unit` milliseconds, rounded to 4 decimals; null if negative. */
export function elapsed(fromIso: string, toIso: string | null, unitMs: number): number | null {
  if (!toIso) return null;
  const millis = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(millis) || millis < 0) return null;
  return Math.round((millis / unitMs) * 10_000) / 10_000;
}
