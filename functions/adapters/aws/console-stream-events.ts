import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { ConsoleStreamEvent } from '../../core/console/handoff-feed';
import type { HandoffPriority, HandoffReason, StoredMessage } from '../../ports/repositories';

type Image = Record<string, unknown>;
const HANDOFF_FIELDS = ['handoffStatus', 'handoffPriority', 'handoffAgent', 'handoffResolution'] as const;

const imageOf = (value: unknown): Image | undefined =>
  value ? unmarshall(value as Record<string, AttributeValue>) : undefined;

/**
 * Conversations stream records as the console's events: a session's hand-off changed, or a message was
 * stored. Key shapes stay here; anything else (the console's own items, markers, removals) is undefined.
 */
export function consoleEventOf(record: DynamoDBRecord): ConsoleStreamEvent | undefined {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const image = imageOf(record.dynamodb?.NewImage);
  if (!image) return undefined;
  if (image.type === 'message' && record.eventName === 'INSERT') {
    if (typeof image.sessionId !== 'string' || typeof image.seq !== 'number')
      throw new TypeError('message record lacks sessionId or seq');
    return { kind: 'messageStored', message: toMessage(image) };
  }
  if (image.sk !== 'META' || typeof image.handoffStatus !== 'string') return undefined;
  const old = imageOf(record.dynamodb?.OldImage);
  if (old && HANDOFF_FIELDS.every((field) => old[field] === image[field])) return undefined;
  const sessionId = String(image.pk).replace(/^SESSION#/, '');
  return {
    kind: 'handoffChanged',
    sessionId,
    customerId: String(image.customerId),
    status: image.handoffStatus as 'queued' | 'assigned' | 'closed',
    ...(typeof old?.handoffStatus === 'string'
      ? { previousStatus: old.handoffStatus as 'queued' | 'assigned' | 'closed' }
      : {}),
    ...(typeof image.handoffAgent === 'string' ? { agentId: image.handoffAgent } : {}),
    ...(typeof image.handoffAgentName === 'string' ? { agentName: image.handoffAgentName } : {}),
    priority: (image.handoffPriority as HandoffPriority | undefined) ?? 'normal',
    reason: (image.handoffReason as HandoffReason | undefined) ?? 'shopper_request',
    ...(typeof image.handoffIntent === 'string' ? { intent: image.handoffIntent } : {}),
    requestedAt:
      typeof image.handoffRequestedAt === 'string' ? image.handoffRequestedAt : new Date().toISOString(),
    ...(typeof image.language === 'string' ? { language: image.language } : {}),
    ...(typeof image.handoffResolution === 'string' ? { resolution: image.handoffResolution } : {}),
  };
}

/** The message as the console uses it: the owner written on shopper messages is not the conversation. */
function toMessage(image: Image): StoredMessage {
  const { pk: _pk, sk: _sk, type: _type, expiresAt: _expires, customerId: _customer, ...rest } = image;
  return rest as unknown as StoredMessage;
}
