/**
 * Conversations stream records → conversation events. The only place that knows how a conversation is
 * stored: `pk SESSION#<id>` with `sk META` (the session, its hand-off), `sk MSG#<seq>` (messages, type
 * 'message') and `sk CONTACT` (the analytics contact). DynamoDB Local's stream has the same shape, so the
 * local poller and Lambda decode alike.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { ContactState } from '../../core/analytics/conversation-contacts';
import { TTL_PRINCIPAL } from '../../core/chat/conversation-activity';
import type { Envelope } from '../../core/events';
import type { ConversationEvent, ConversationMessage } from '../../core/events/conversation-events';
import { parseContactState } from './dynamodb-contact-state-store';

const SESSION_PREFIX = 'SESSION#';
const SESSION_SK = 'META';
const CONTACT_SK = 'CONTACT';
/** Events that become fact rows, so need the record's id for de-duplication. */
const CLAIMED: ReadonlySet<ConversationEvent['kind']> = new Set(['message_stored', 'contact_closed']);

type Image = Record<string, unknown>;

const ROLES: ReadonlySet<string> = new Set(['shopper', 'assistant', 'agent', 'system']);

/** A message item whose attributes are not what a stored message has: its record fails alone. */
export class MalformedMessageError extends TypeError {}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MalformedMessageError(`message item: ${name} is not a string`);
  return value;
};

/** Checks a message item's attributes; throws MalformedMessageError naming the first bad one. */
export function parseMessageItem(image: Image): ConversationMessage {
  const { sessionId, seq, role, text, createdAt } = image;
  if (typeof sessionId !== 'string' || sessionId === '')
    throw new MalformedMessageError('message item: sessionId missing');
  if (typeof seq !== 'number' || !Number.isInteger(seq))
    throw new MalformedMessageError('message item: seq missing');
  if (typeof role !== 'string' || !ROLES.has(role)) throw new MalformedMessageError('message item: bad role');
  if (typeof text !== 'string') throw new MalformedMessageError('message item: text missing');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    throw new MalformedMessageError('message item: createdAt is not a timestamp');
  return {
    sessionId,
    seq,
    role: role as ConversationMessage['role'],
    text,
    createdAt,
    clientMessageId: optionalString(image.clientMessageId, 'clientMessageId'),
    replyTo: optionalString(image.replyTo, 'replyTo'),
    language: optionalString(image.language, 'language'),
    intent: optionalString(image.intent, 'intent'),
    channel: optionalString(image.channel, 'channel'),
    sku: optionalString(image.sku, 'sku'),
    ...(role === 'shopper' && typeof image.customerId === 'string' ? { customerId: image.customerId } : {}),
    // Checked where they become facts (core/analytics/photo-facts.ts): a bad reading fails alone there.
    ...(Array.isArray(image.photoReadings)
      ? { photoReadings: image.photoReadings as ConversationMessage['photoReadings'] }
      : {}),
  };
}

/** The hand-off event a change of the session META item carries, if any. */
export function handoffEventOf(
  oldImage: Image | undefined,
  newImage: Image | undefined,
): ConversationEvent | undefined {
  if (newImage?.type !== 'session' || typeof newImage.pk !== 'string') return undefined;
  const sessionId = newImage.pk.replace(/^SESSION#/, '');
  const status = newImage.handoffStatus;
  if (
    status === 'queued' &&
    typeof newImage.handoffRequestedAt === 'string' &&
    newImage.handoffRequestedAt !== oldImage?.handoffRequestedAt
  )
    return { kind: 'handoff_requested', sessionId, at: newImage.handoffRequestedAt };
  if (
    status === 'assigned' &&
    oldImage?.handoffStatus !== 'assigned' &&
    typeof newImage.handoffAssignedAt === 'string'
  )
    return { kind: 'agent_joined', sessionId, at: newImage.handoffAssignedAt };
  return undefined;
}

const imageOf = (image: unknown): Image | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

/**
 * The session whose stream order a record belongs to: every item under `SESSION#<id>` except the contact,
 * which is state derived from the others. Read from the keys alone, so even a record that cannot be
 * decoded holds back its session's later records.
 */
export function sessionOfRecord(record: DynamoDBRecord): string | undefined {
  const pk = record.dynamodb?.Keys?.pk?.S;
  if (!pk?.startsWith(SESSION_PREFIX) || record.dynamodb?.Keys?.sk?.S === CONTACT_SK) return undefined;
  return pk.slice(SESSION_PREFIX.length);
}

/** The record's identity to the event source mapping: what a partial batch response names. */
export const recordRef = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

const eventIdOf = (record: DynamoDBRecord): string => {
  if (!record.eventID) throw new TypeError('stream record lacks eventID');
  return record.eventID;
};

/** A contact's close (open → closed) is an event; its other changes are bookkeeping. */
function contactClosed(oldImage: Image | undefined, newImage: Image | undefined): ContactState | undefined {
  if (newImage?.status !== 'closed' || oldImage?.status !== 'open') return undefined;
  return parseContactState(newImage);
}

function decodeEvent(record: DynamoDBRecord): ConversationEvent | undefined {
  const oldImage = imageOf(record.dynamodb?.OldImage);
  const newImage = imageOf(record.dynamodb?.NewImage);
  if (record.eventName === 'REMOVE') {
    if (oldImage?.type !== 'message') return undefined;
    return {
      kind: 'message_removed',
      sessionId: String(oldImage.sessionId ?? ''),
      cause: record.userIdentity?.principalId === TTL_PRINCIPAL ? 'expired' : 'erased',
    };
  }
  const keys = record.dynamodb?.Keys;
  if (keys?.sk?.S === CONTACT_SK && keys.pk?.S?.startsWith(SESSION_PREFIX)) {
    if (record.eventName !== 'MODIFY') return undefined;
    const contact = contactClosed(oldImage, newImage);
    return contact ? { kind: 'contact_closed', contact } : undefined;
  }
  if (record.eventName === 'INSERT' && newImage?.type === 'message')
    return { kind: 'message_stored', message: parseMessageItem(newImage) };
  if ((record.eventName === 'MODIFY' || record.eventName === 'INSERT') && keys?.sk?.S === SESSION_SK)
    return handoffEventOf(oldImage, newImage);
  return undefined;
}

/** A record that could not be decoded still holds its place in its session's order. */
export function placeholderOf(record: DynamoDBRecord): Envelope<ConversationEvent> {
  const sessionId = sessionOfRecord(record);
  return { ref: recordRef(record), eventId: record.eventID ?? '', ...(sessionId ? { sessionId } : {}) };
}

/** Decodes one record; throws for a record that should be a domain event but cannot be read. */
export function decodeConversationRecord(record: DynamoDBRecord): Envelope<ConversationEvent> {
  const event = decodeEvent(record);
  const sessionId = sessionOfRecord(record);
  return {
    ref: recordRef(record),
    eventId: event && CLAIMED.has(event.kind) ? eventIdOf(record) : (record.eventID ?? ''),
    ...(sessionId ? { sessionId } : {}),
    ...(event ? { event } : {}),
  };
}

export const conversationStreamDecoder = { decode: decodeConversationRecord, placeholder: placeholderOf };
