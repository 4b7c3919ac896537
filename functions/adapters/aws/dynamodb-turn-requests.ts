import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { TurnRequest } from '../../core/chat/answer-message';

/**
 * The outbox read: a Conversations stream record of a newly stored shopper message becomes the turn that
 * answers it. Anything else (the mapping's filter should have kept it out) is not a turn.
 */
export function turnRequestOf(record: DynamoDBRecord): TurnRequest | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  if (item.type !== 'message' || item.role !== 'shopper') return undefined;
  const { sessionId, seq, clientMessageId } = item;
  if (typeof sessionId !== 'string' || typeof seq !== 'number' || typeof clientMessageId !== 'string') {
    throw new Error('A stored shopper message lacks its session, sequence or clientMessageId');
  }
  // Messages stored before the owner was written on them have no hint: their turn simply prefetches less.
  const customerId = typeof item.customerId === 'string' ? item.customerId : undefined;
  return { sessionId, messageSeq: seq, clientMessageId, ...(customerId ? { customerId } : {}) };
}

/**
 * The stored shopper message's text, read only to decide which of the turn's reads to start with it (never
 * kept on the turn, so never in the idempotency record or a log).
 */
export function storedTextOf(record: DynamoDBRecord): string | undefined {
  const text = record.dynamodb?.NewImage?.text;
  return text && 'S' in text && typeof text.S === 'string' ? text.S : undefined;
}
