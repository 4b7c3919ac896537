import { type ComprehendClient, DetectPiiEntitiesCommand, type PiiEntity } from '@aws-sdk/client-comprehend';
import { PATTERN_PLACEHOLDER } from '../../core/analytics/pii';
import type { PiiInput, PiiRedaction } from '../../ports/pii-redaction';
import { comprehendLanguage } from './comprehend-batches';

/** DetectPiiEntities accepts English and Spanish only. */
export const COMPREHEND_PII_LANGUAGES: ReadonlySet<string> = new Set(['en', 'es']);

/**
 * Entity types left in the text: a delivery date, a shopper's age (sizing) and a product link are what
 * the analyst reads, and none identifies a person alone. Every other type Comprehend reports (NAME,
 * ADDRESS, EMAIL, PHONE, USERNAME, PASSWORD, CREDIT_DEBIT_*, BANK_*, IBAN, SWIFT, PIN, SSN, PASSPORT,
 * DRIVER_ID, LICENSE_PLATE, national ids, IP/MAC addresses, AWS keys, and any type added later) is replaced.
 */
export const KEPT_PII_TYPES: ReadonlySet<string> = new Set(['DATE_TIME', 'AGE', 'URL']);

/** DetectPiiEntities takes at most 100 KB of UTF-8; a code point takes at most 4 bytes. */
const MAX_CODE_POINTS_PER_CALL = 25_000;

interface Span {
  start: number;
  end: number;
  type: string;
}

/**
 * UTF-16 index of every code point index of `text`, plus one past the end: Comprehend's offsets count
 * code points, JavaScript strings count UTF-16 units (an emoji is one code point and two units).
 */
function unitIndexes(text: string): number[] {
  const indexes: number[] = [];
  let unit = 0;
  for (const char of text) {
    indexes.push(unit);
    unit += char.length;
  }
  indexes.push(unit);
  return indexes;
}

/** Parts of [start, end) outside the pattern placeholders, which stay as they are. */
function outsidePlaceholders(span: Span, placeholders: readonly Span[]): Span[] {
  const parts: Span[] = [];
  let cursor = span.start;
  for (const placeholder of placeholders) {
    if (placeholder.end <= cursor || placeholder.start >= span.end) continue;
    if (placeholder.start > cursor) parts.push({ ...span, start: cursor, end: placeholder.start });
    cursor = Math.max(cursor, placeholder.end);
  }
  if (cursor < span.end) parts.push({ ...span, start: cursor });
  return parts;
}

/** The part without its leading and trailing white space, which stays around the placeholder. */
function trimmed(text: string, part: Span): Span {
  let { start, end } = part;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { ...part, start, end };
}

/** Replaces each entity (UTF-16 spans) with `[TYPE]`; overlapping entities merge under the first type. */
export function replaceEntities(text: string, entities: readonly Span[]): string {
  const placeholders = [...text.matchAll(PATTERN_PLACEHOLDER)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    type: '',
  }));
  const merged: Span[] = [];
  for (const entity of [...entities].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged.at(-1);
    if (last && entity.start < last.end) last.end = Math.max(last.end, entity.end);
    else merged.push({ ...entity });
  }
  const parts = merged
    .flatMap((span) => outsidePlaceholders(span, placeholders))
    .map((part) => trimmed(text, part))
    .filter((part) => part.end > part.start);
  let out = '';
  let cursor = 0;
  for (const part of parts) {
    out += `${text.slice(cursor, part.start)}[${part.type}]`;
    cursor = part.end;
  }
  return out + text.slice(cursor);
}

/**
 * PII redaction in the cloud: the pattern redaction first, for every language (its placeholders stay),
 * then Comprehend DetectPiiEntities for en and es, whose entities (names, addresses, …) become `[TYPE]`.
 * A failed call throws, failing the record so that it is retried: falling back to the pattern redaction
 * alone would let a name through.
 */
export class ComprehendPiiRedaction implements PiiRedaction {
  constructor(
    private readonly client: ComprehendClient,
    private readonly patterns: PiiRedaction,
  ) {}

  async redact(inputs: readonly PiiInput[]): Promise<string[]> {
    const patterned = await this.patterns.redact(inputs);
    return Promise.all(
      patterned.map((text, index) => {
        const code = comprehendLanguage(inputs[index]?.lang, COMPREHEND_PII_LANGUAGES);
        return code && text.trim() ? this.redactEntities(text, code) : text;
      }),
    );
  }

  private async redactEntities(text: string, languageCode: string): Promise<string> {
    const codePoints = Array.from(text);
    const units = unitIndexes(text);
    const spans: Span[] = [];
    for (let first = 0; first < codePoints.length; first += MAX_CODE_POINTS_PER_CALL) {
      const chunk = codePoints.slice(first, first + MAX_CODE_POINTS_PER_CALL).join('');
      if (!chunk.trim()) continue;
      const response = await this.client.send(
        new DetectPiiEntitiesCommand({ Text: chunk, LanguageCode: languageCode as 'en' | 'es' }),
      );
      for (const entity of response.Entities ?? []) {
        const span = toSpan(entity, first, units);
        if (span && !KEPT_PII_TYPES.has(span.type)) spans.push(span);
      }
    }
    return spans.length > 0 ? replaceEntities(text, spans) : text;
  }
}

function toSpan(entity: PiiEntity, firstCodePoint: number, units: readonly number[]): Span | undefined {
  if (entity.BeginOffset === undefined || entity.EndOffset === undefined || !entity.Type) return undefined;
  const last = units.length - 1;
  const begin = Math.min(Math.max(firstCodePoint + entity.BeginOffset, 0), last);
  const end = Math.min(Math.max(firstCodePoint + entity.EndOffset, 0), last);
  if (end <= begin) return undefined;
  const type = entity.Type.toUpperCase().replace(/[^A-Z_]/g, '_');
  return { start: units[begin] as number, end: units[end] as number, type };
}
