/**
 * What the conversation stream keeps on each session's META item: the latest reply, so queues and
 * dashboards read one item instead of querying transcripts. Monotonic on seq, so a redelivered or
 * out-of-order stream record can never move it backwards.
 */
export interface ConversationActivity {
  sessionId: string;
  lastMessageSeq: number;
  lastMessageAt: string;
  lastRole: string;
  language?: string;
  lastIntent?: string;
}

export type StreamChange =
  | { kind: 'message'; activity: ConversationActivity }
  | { kind: 'expired'; sessionId?: string }
  | { kind: 'erased'; sessionId?: string }
  | { kind: 'ignored' };

/** DynamoDB marks TTL deletions with this service principal; user erasures carry none. */
export const TTL_PRINCIPAL = 'dynamodb.amazonaws.com';

export function classifyChange(input: {
  eventName?: string;
  principalId?: string;
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
}): StreamChange {
  if (input.eventName === 'REMOVE') {
    // Idempotency markers and session items expire too; only a removed message is a transcript change.
    if (input.oldImage?.type !== 'message') return { kind: 'ignored' };
    const sessionId = input.oldImage?.sessionId as string | undefined;
    return input.principalId === TTL_PRINCIPAL
      ? { kind: 'expired', sessionId }
      : { kind: 'erased', sessionId };
  }
  const image = input.newImage;
  // Shopper messages already stamp the session as they are stored; only replies need summarising here.
  if (input.eventName !== 'INSERT' || image?.type !== 'message' || image.role === 'shopper') {
    return { kind: 'ignored' };
  }
  if (
    typeof image.sessionId !== 'string' ||
    typeof image.seq !== 'number' ||
    typeof image.createdAt !== 'string'
  ) {
    throw new TypeError('message record lacks sessionId, seq or createdAt');
  }
  return {
    kind: 'message',
    activity: {
      sessionId: image.sessionId,
      lastMessageSeq: image.seq,
      lastMessageAt: image.createdAt,
      lastRole: String(image.role),
      language: typeof image.language === 'string' ? image.language : undefined,
      lastIntent: typeof image.intent === 'string' ? image.intent : undefined,
    },
  };
}
