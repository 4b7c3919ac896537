import { PHOTO_FLOWS } from '../photos/decide';
import type { PhotoEvidence } from '../photos/evidence';
import { PHOTO_SHOWS, SEVERITIES } from '../photos/reading';
import { FACT_SCHEMA_VERSION, type PhotoFact, partitionDay } from './facts';

/**
 * Photo facts from the assistant's reply to a photo: one row per reading in its `photoReadings`. Each row
 * has its own event id (the message's, plus the photo's place), so it is claimed and written on its own.
 * Readings come back from storage, so each is checked; one that is not a reading is left out and counted
 * rather than holding back the message's other facts.
 */
export interface PhotoFactsInput {
  eventId: string;
  sessionId: string;
  language: string | null;
  readings: unknown;
}

export interface PhotoFactRows {
  rows: Array<{ eventId: string; row: PhotoFact }>;
  malformed: number;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

const text = (value: unknown, max = 64): string | null =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;

export const photoFactEventId = (eventId: string, photoNo: number) => `${eventId}#photo-${photoNo}`;

export function toPhotoFacts(input: PhotoFactsInput): PhotoFactRows {
  const out: PhotoFactRows = { rows: [], malformed: 0 };
  if (!Array.isArray(input.readings)) return out;
  input.readings.forEach((value: unknown, photoNo) => {
    const reading = (typeof value === 'object' && value !== null ? value : {}) as Partial<
      Record<keyof PhotoEvidence, unknown>
    >;
    const at = typeof reading.readAt === 'string' ? Date.parse(reading.readAt) : Number.NaN;
    if (
      !oneOf(PHOTO_SHOWS, reading.shows) ||
      !oneOf(PHOTO_FLOWS, reading.flow) ||
      !oneOf(SEVERITIES, reading.severity) ||
      typeof reading.confidence !== 'number' ||
      !(reading.confidence >= 0 && reading.confidence <= 1) ||
      typeof reading.reader !== 'string' ||
      Number.isNaN(at)
    ) {
      out.malformed++;
      return;
    }
    const occurredAt = new Date(at).toISOString();
    const reused = reading.reused as PhotoEvidence['reused'] | undefined;
    const eventId = photoFactEventId(input.eventId, photoNo);
    out.rows.push({
      eventId,
      row: {
        event_id: eventId,
        schema_version: FACT_SCHEMA_VERSION,
        occurred_at: occurredAt,
        conversation_id: input.sessionId,
        photo_no: photoNo,
        reader: reading.reader.slice(0, 32),
        shows: reading.shows,
        flow: reading.flow,
        severity: reading.severity,
        confidence: reading.confidence,
        order_id: text(reading.orderId),
        sku: text(reading.sku),
        language: input.language,
        read_size: text(reading.readSize, 16),
        ordered_size: text(reading.orderedSize, 16),
        colour: text(reading.colour, 30),
        retake: text(reading.retake, 16),
        damage_judged: reading.damageJudged === true,
        reused: Boolean(reused && (reused.otherCustomers > 0 || reused.otherConversations > 0)),
        dt: partitionDay(occurredAt),
      },
    });
  });
  return out;
}
