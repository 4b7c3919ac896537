/**
 * What Comprehend's Batch* text operations (BatchDetectSentiment, BatchDetectKeyPhrases) share: at most 25
 * documents of at most 5,000 UTF-8 bytes each per call, one language per call, and per-document errors in
 * an ErrorList beside the ResultList, both keyed by the document's Index in that call.
 */

/** The languages Comprehend's sentiment and key-phrase detection both cover ("all supported languages"). */
export const COMPREHEND_LANGUAGES: ReadonlySet<string> = new Set([
  'de',
  'en',
  'es',
  'it',
  'pt',
  'fr',
  'ja',
  'ko',
  'hi',
  'ar',
  'zh',
  'zh-TW',
]);

export const BATCH_SIZE = 25;
export const MAX_DOCUMENT_BYTES = 5000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The longest prefix of `text` that fits `maxBytes` of UTF-8, never ending in half a character. */
export function clip(text: string, maxBytes = MAX_DOCUMENT_BYTES): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  // Cutting bytes can split a character; the decoder drops the broken tail instead of throwing.
  return decoder.decode(bytes.slice(0, maxBytes)).replace(/\uFFFD+$/, '');
}

/**
 * The Comprehend language code for a language tag, if `supported` has it: `en-GB` → `en`, `zh-Hant` and
 * `zh-TW` → `zh-TW`, any other Chinese → `zh`.
 */
export function comprehendLanguage(
  lang: string | null | undefined,
  supported: ReadonlySet<string>,
): string | undefined {
  if (!lang) return undefined;
  const [primary = '', ...rest] = lang.split(/[-_]/);
  const base = primary.toLowerCase();
  const traditional = rest.some((part) => /^(?:tw|hk|mo|hant)$/i.test(part));
  const code = base === 'zh' && traditional ? 'zh-TW' : base;
  return supported.has(code) ? code : undefined;
}

export interface BatchDocument {
  text: string;
  lang?: string | null;
}

interface BatchResponse<Item> {
  ResultList?: Item[];
  ErrorList?: Array<{ Index?: number }>;
}

export interface BatchOutcome<R> {
  /** One slot per input; undefined where Comprehend gave no result. */
  results: Array<R | undefined>;
  /** Inputs left to a fallback: unsupported or missing language, blank text, per-document errors. */
  rest: number[];
}

/**
 * Sends `documents` in per-language batches of BATCH_SIZE clipped texts through `call`, and maps each
 * result back to its input with `read`. A call that throws (throttling after the SDK's retries, access
 * denied) rejects the whole outcome: the caller's record is then retried.
 */
export async function inComprehendBatches<Item extends { Index?: number }, R>(
  documents: readonly BatchDocument[],
  supported: ReadonlySet<string>,
  call: (languageCode: string, texts: string[]) => Promise<BatchResponse<Item>>,
  read: (item: Item) => R | undefined,
): Promise<BatchOutcome<R>> {
  const results: Array<R | undefined> = new Array(documents.length).fill(undefined);
  const byLanguage = new Map<string, number[]>();
  documents.forEach((document, index) => {
    const code = document.text.trim() ? comprehendLanguage(document.lang, supported) : undefined;
    if (!code) return;
    const indexes = byLanguage.get(code);
    if (indexes) indexes.push(index);
    else byLanguage.set(code, [index]);
  });
  const chunks: Array<{ code: string; indexes: number[] }> = [];
  for (const [code, indexes] of byLanguage)
    for (let start = 0; start < indexes.length; start += BATCH_SIZE)
      chunks.push({ code, indexes: indexes.slice(start, start + BATCH_SIZE) });
  await Promise.all(
    chunks.map(async ({ code, indexes }) => {
      const response = await call(
        code,
        indexes.map((index) => clip(documents[index]?.text ?? '')),
      );
      for (const item of response.ResultList ?? []) {
        const index = indexes[item.Index ?? -1];
        if (index !== undefined) results[index] = read(item);
      }
    }),
  );
  const rest = results.flatMap((result, index) => (result === undefined ? [index] : []));
  return { results, rest };
}
