import type { MessageRole } from '../../ports/repositories';
/**
 * Analytics facts: the rows the pipeline writes as Parquet (S3 via Firehose in the cloud, the local data
 * folder in embedded mode) and the named queries read (Athena or DuckDB). Column names are snake_case
 * because they are the table columns. Timestamps are UTC ISO-8601 strings here and `timestamp` (UTC,
 * without zone) in Parquet; `dt` is the partition (`YYYY-MM-DD`, UTC) and lives in the path, not the file.
 *
 * Bump FACT_SCHEMA_VERSION when a column changes meaning or is removed; adding a nullable column is
 * backwards compatible and keeps the version.
 */
export const FACT_SCHEMA_VERSION = 1;

export type SentimentLabel = 'positive' | 'negative' | 'neutral' | 'mixed';
/** Facts use the roles messages are stored with. */
export type FactRole = MessageRole;

export interface MessageFact {
  event_id: string;
  schema_version: number;
  occurred_at: string;
  dt: string;
  conversation_id: string;
  /** `web`, `app`, … the storefront surface the conversation came from. */
  channel: string;
  language: string | null;
  intent: string | null;
  /** For complaints: what the complaint is about (`delivery`, `quality`, `service`, `price`, …). */
  complaint_category: string | null;
  sentiment: SentimentLabel | null;
  sentiment_positive: number | null;
  sentiment_negative: number | null;
  sentiment_neutral: number | null;
  sentiment_mixed: number | null;
  /**
   * How soon a person should answer the shopper, 0..1 (functions/core/sentiment/urgency.ts): threats to
   * leave, charge back or review badly weigh most, mild disappointment least. Null for replies and in rows
   * written before the column existed (the last column, so older files still read).
   */
  sentiment_urgency?: number | null;
  key_phrases: string[];
  /** Canonical defect ids the message mentions (see defects.ts), e.g. `faded`, `broken`. */
  defects: string[];
  /** The message text after redactPii; raw text never reaches analytics. */
  redacted_text: string;
  role: FactRole;
  /** For replies (assistant or agent): milliseconds since the shopper message they answer. */
  response_time_ms: number | null;
  /** The product the message is about (named, the named order's only item, or the open case's item). */
  sku: string | null;
  /**
   * The order the message is about (named in it, or the open case's). Optional and last, like
   * sentiment_urgency, so rows and files written before it existed still read (as NULL).
   */
  order_id?: string | null;
}

export type ResolvedBy = 'ai' | 'human';

/**
 * One row per closure of a contact. A contact closes after CONVERSATION_IDLE_MINUTES without a message; a
 * shopper who writes again within 7 days reopens it, and its next closure writes a later row for the same
 * (conversation_id, contact_no) with `reopens` raised and `first_contact_resolution` false. Readers take the
 * latest row per (conversation_id, contact_no).
 */
export interface ConversationFact {
  schema_version: number;
  conversation_id: string;
  /**
   * 1 for a session's first contact; a shopper back after the reopen window starts the next one. Optional
   * and nullable: rows written before the column existed read as null.
   */
  contact_no?: number | null;
  /** Times this contact was reopened before this closure (null in rows older than the column). */
  reopens?: number | null;
  channel: string;
  opened_at: string;
  closed_at: string | null;
  first_response_ms: number | null;
  resolved_by: ResolvedBy | null;
  handoffs: number;
  first_contact_resolution: boolean;
  worst_sentiment: SentimentLabel | null;
  primary_intent: string | null;
  dt: string;
}

/** The RMA states of after-sales/rma.ts, plus `cancelled` (a request the shopper withdrew). */
export type ReturnState =
  | 'requested'
  | 'approved'
  | 'label_issued'
  | 'in_transit'
  | 'received'
  | 'refunded'
  | 'exchanged'
  | 'rejected'
  | 'cancelled';

export interface ReturnFact {
  schema_version: number;
  return_id: string;
  order_id: string;
  sku: string;
  quantity: number;
  /** Stable reason id: `too_small`, `too_large`, `damaged`, `faded`, `wrong_item`, `not_as_described`, … */
  reason: string;
  /** True when the reason is about fit (too small, too large, size chart wrong). */
  size_related: boolean;
  state: ReturnState;
  requested_at: string;
  refunded_at: string | null;
  days_to_refund: number | null;
  /**
   * When the return reached this state. A return has one row per state change, so readers keep the
   * latest row per return_id; absent (null) in rows written before the column existed.
   */
  updated_at?: string | null;
  dt: string;
}

export type TicketState = 'open' | 'pending' | 'closed';

export interface TicketFact {
  schema_version: number;
  ticket_id: string;
  conversation_id: string | null;
  /** Complaint or suggestion category, as routed. */
  category: string;
  /** Team or person owning the ticket. */
  owner: string;
  state: TicketState;
  opened_at: string;
  closed_at: string | null;
  time_to_close_hours: number | null;
  /** When the ticket reached this state: readers keep the latest row per ticket_id (null in older rows). */
  updated_at?: string | null;
  dt: string;
}

/** One row per change of a video call's status or outcome; readers keep the latest row per call_id. */
export interface VideoFact {
  schema_version: number;
  call_id: string;
  conversation_id: string;
  /** `shopper`, `agent` or `assistant` (a proposal card the shopper accepted). */
  started_by: string;
  status: string;
  /** `verified`, `refused_on_delivery`, `return`, `replacement`, `refund`, or null before the agent chose. */
  outcome: string | null;
  /** What the store policy said to that outcome: `eligible`, `recorded`, `not_eligible:<reason>`… */
  outcome_decision: string | null;
  media_region: string;
  invited_at: string;
  joined_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  /** From the tap to each side's first decoded remote frame. */
  shopper_first_frame_ms: number | null;
  agent_first_frame_ms: number | null;
  /** Times a side fell back to audio only on a weak network. */
  step_downs: number;
  snapshots: number;
  end_reason: string | null;
  updated_at: string;
  dt: string;
}

/**
 * One row per photo the assistant looked at (core/photos/evidence.ts on its reply): what was seen, how
 * sure the reader was and the SKU of the order line it was compared with. No label text, photo key or
 * customer id: only what the weekly picture needs.
 */
export interface PhotoFact {
  event_id: string;
  schema_version: number;
  occurred_at: string;
  conversation_id: string;
  /** The photo's place among the message's attachments, 0-based. */
  photo_no: number;
  /** `local-ocr` or `bedrock-vision`. */
  reader: string;
  /** What the photo shows against the order: `wrong_size`, `damage`, `wrong_colour`, `as_ordered`, … */
  shows: string;
  /** What policy did: `exchange`, `damage_claim`, `wrong_item_claim`, `retake`, `person_review`, … */
  flow: string;
  severity: string;
  confidence: number;
  /** From the store's order, never from the photo. */
  order_id: string | null;
  sku: string | null;
  /** The shopper's language for the reply. */
  language: string | null;
  read_size: string | null;
  ordered_size: string | null;
  colour: string | null;
  retake: string | null;
  damage_judged: boolean;
  /** The same photo seen before from another shopper or conversation. */
  reused: boolean;
  dt: string;
}

export type FactName =
  | 'message_facts'
  | 'conversation_facts'
  | 'return_facts'
  | 'ticket_facts'
  | 'video_facts'
  | 'photo_facts';

export interface FactRowByName {
  message_facts: MessageFact;
  conversation_facts: ConversationFact;
  return_facts: ReturnFact;
  ticket_facts: TicketFact;
  video_facts: VideoFact;
  photo_facts: PhotoFact;
}

/** Column types in the engines' shared vocabulary (Glue/Athena and DuckDB both accept these spellings). */
export type ColumnType =
  | 'varchar'
  | 'integer'
  | 'bigint'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'array<varchar>';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/**
 * The columns stored in each fact's Parquet files, in order. `dt` is not listed: it is the partition key
 * (a `varchar` in Glue, `dt=YYYY-MM-DD` in the path).
 */
export const FACT_COLUMNS: { [K in FactName]: ReadonlyArray<ColumnSpec & { name: keyof FactRowByName[K] }> } =
  {
    message_facts: [
      { name: 'event_id', type: 'varchar' },
      { name: 'schema_version', type: 'integer' },
      { name: 'occurred_at', type: 'timestamp' },
      { name: 'conversation_id', type: 'varchar' },
      { name: 'channel', type: 'varchar' },
      { name: 'language', type: 'varchar' },
      { name: 'intent', type: 'varchar' },
      { name: 'complaint_category', type: 'varchar' },
      { name: 'sentiment', type: 'varchar' },
      { name: 'sentiment_positive', type: 'double' },
      { name: 'sentiment_negative', type: 'double' },
      { name: 'sentiment_neutral', type: 'double' },
      { name: 'sentiment_mixed', type: 'double' },
      { name: 'key_phrases', type: 'array<varchar>' },
      { name: 'defects', type: 'array<varchar>' },
      { name: 'redacted_text', type: 'varchar' },
      { name: 'role', type: 'varchar' },
      { name: 'response_time_ms', type: 'bigint' },
      { name: 'sku', type: 'varchar' },
      { name: 'sentiment_urgency', type: 'double' },
      { name: 'order_id', type: 'varchar' },
    ],
    conversation_facts: [
      { name: 'schema_version', type: 'integer' },
      { name: 'conversation_id', type: 'varchar' },
      { name: 'channel', type: 'varchar' },
      { name: 'opened_at', type: 'timestamp' },
      { name: 'closed_at', type: 'timestamp' },
      { name: 'first_response_ms', type: 'bigint' },
      { name: 'resolved_by', type: 'varchar' },
      { name: 'handoffs', type: 'integer' },
      { name: 'first_contact_resolution', type: 'boolean' },
      { name: 'worst_sentiment', type: 'varchar' },
      { name: 'primary_intent', type: 'varchar' },
      { name: 'contact_no', type: 'integer' },
      { name: 'reopens', type: 'integer' },
    ],
    return_facts: [
      { name: 'schema_version', type: 'integer' },
      { name: 'return_id', type: 'varchar' },
      { name: 'order_id', type: 'varchar' },
      { name: 'sku', type: 'varchar' },
      { name: 'quantity', type: 'integer' },
      { name: 'reason', type: 'varchar' },
      { name: 'size_related', type: 'boolean' },
      { name: 'state', type: 'varchar' },
      { name: 'requested_at', type: 'timestamp' },
      { name: 'refunded_at', type: 'timestamp' },
      { name: 'days_to_refund', type: 'double' },
      { name: 'updated_at', type: 'timestamp' },
    ],
    ticket_facts: [
      { name: 'schema_version', type: 'integer' },
      { name: 'ticket_id', type: 'varchar' },
      { name: 'conversation_id', type: 'varchar' },
      { name: 'category', type: 'varchar' },
      { name: 'owner', type: 'varchar' },
      { name: 'state', type: 'varchar' },
      { name: 'opened_at', type: 'timestamp' },
      { name: 'closed_at', type: 'timestamp' },
      { name: 'time_to_close_hours', type: 'double' },
      { name: 'updated_at', type: 'timestamp' },
    ],
    video_facts: [
      { name: 'schema_version', type: 'integer' },
      { name: 'call_id', type: 'varchar' },
      { name: 'conversation_id', type: 'varchar' },
      { name: 'started_by', type: 'varchar' },
      { name: 'status', type: 'varchar' },
      { name: 'outcome', type: 'varchar' },
      { name: 'outcome_decision', type: 'varchar' },
      { name: 'media_region', type: 'varchar' },
      { name: 'invited_at', type: 'timestamp' },
      { name: 'joined_at', type: 'timestamp' },
      { name: 'ended_at', type: 'timestamp' },
      { name: 'duration_seconds', type: 'bigint' },
      { name: 'shopper_first_frame_ms', type: 'bigint' },
      { name: 'agent_first_frame_ms', type: 'bigint' },
      { name: 'step_downs', type: 'integer' },
      { name: 'snapshots', type: 'integer' },
      { name: 'end_reason', type: 'varchar' },
      { name: 'updated_at', type: 'timestamp' },
    ],
    photo_facts: [
      { name: 'event_id', type: 'varchar' },
      { name: 'schema_version', type: 'integer' },
      { name: 'occurred_at', type: 'timestamp' },
      { name: 'conversation_id', type: 'varchar' },
      { name: 'photo_no', type: 'integer' },
      { name: 'reader', type: 'varchar' },
      { name: 'shows', type: 'varchar' },
      { name: 'flow', type: 'varchar' },
      { name: 'severity', type: 'varchar' },
      { name: 'confidence', type: 'double' },
      { name: 'order_id', type: 'varchar' },
      { name: 'sku', type: 'varchar' },
      { name: 'language', type: 'varchar' },
      { name: 'read_size', type: 'varchar' },
      { name: 'ordered_size', type: 'varchar' },
      { name: 'colour', type: 'varchar' },
      { name: 'retake', type: 'varchar' },
      { name: 'damage_judged', type: 'boolean' },
      { name: 'reused', type: 'boolean' },
    ],
  };

export const FACT_NAMES = Object.keys(FACT_COLUMNS) as FactName[];

/** The UTC partition day of an ISO timestamp. */
export function partitionDay(isoTimestamp: string): string {
  const millis = Date.parse(isoTimestamp);
  if (Number.isNaN(millis)) throw new Error(`not a timestamp: ${isoTimestamp}`);
  return new Date(millis).toISOString().slice(0, 10);
}

/** Return reasons that are about fit; `size_related` is derived from these when a reason id is known. */
export const SIZE_RELATED_RETURN_REASONS: ReadonlySet<string> = new Set([
  'too_small',
  'too_large',
  'size_chart_wrong',
  'wrong_size',
  'fit',
]);
