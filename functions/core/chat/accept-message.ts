import type { AckJournal } from '../../ports/ack-journal';
import type { PhotoReadiness } from '../../ports/photo-readiness';
import type { ConversationRepository } from '../../ports/repositories';
import { supportedLanguageOf } from '../nlu/languages';
import { isOwnPhoto } from '../photos/photo-keys';
import { REFUSAL_SENTENCES } from '../photos/refusals';
import {
  type Attachment,
  describeIssues,
  errorEvent,
  SendMessageSchema,
  type ServerEvent,
} from '../protocol';
import { clientMessageIdOf, readFrame } from './read-frame';

/**
 * The sendMessage route: store once, acknowledge once. The store is the outbox: the stored shopper message
 * itself starts the assistant's turn (the Conversations stream, filtered to shopper inserts), so the ack is
 * sent only after the durable write and nothing between storing and answering can lose the message.
 */
export async function acceptMessage(
  deps: {
    conversations: Pick<ConversationRepository, 'appendShopperMessage'>;
    photos: Pick<PhotoReadiness, 'exists'> & Partial<Pick<PhotoReadiness, 'refusal'>>;
    /**
     * Messages per minute per customer, across all their sessions (the store limits each session on its
     * own); taken in the same write as the message, so a limit costs no call of its own.
     */
    customerPerMinute?: number;
    /** Where the store may lose an acknowledged write (DynamoDB Local), the message is journaled first. */
    journal?: AckJournal;
  },
  input: { connectionId: string; customerId: string; sessionId: string; body: string | undefined | null },
): Promise<ServerEvent> {
  const frame = readFrame(input.body);
  if (!frame.ok) return frame.error;
  const parsed = SendMessageSchema.safeParse(frame.value);
  if (!parsed.success) {
    return errorEvent('invalid_message', describeIssues(parsed.error), clientMessageIdOf(frame.value));
  }
  const { clientMessageId, text, attachments } = parsed.data;
  const locale = supportedLanguageOf(parsed.data.locale);
  if (attachments?.length) {
    const refused = await checkAttachments(deps.photos, input.customerId, attachments);
    if (refused) return errorEvent('invalid_attachment', refused, clientMessageId);
  }
  const result = await deps.conversations.appendShopperMessage({
    sessionId: input.sessionId,
    clientMessageId,
    text,
    attachments,
    ...(locale ? { locale } : {}),
    customerId: input.customerId,
    ...(deps.customerPerMinute
      ? { customerLimit: { key: `customer:${input.customerId}`, perMinute: deps.customerPerMinute } }
      : {}),
  });
  if (result.status === 'rate_limited') return rateLimited(result.retryAfterSeconds, clientMessageId);
  if (result.status === 'duplicate') {
    return errorEvent(
      'duplicate_message',
      'This clientMessageId was already received; it was not processed again.',
      clientMessageId,
    );
  }
  await deps.journal?.record({ message: result.message, replySeq: result.replySeq });
  return { type: 'ack', clientMessageId, sessionId: input.sessionId, cursor: result.message.seq };
}

const rateLimited = (seconds: number, clientMessageId: string) =>
  errorEvent(
    'rate_limited',
    `Too many messages in a short time. Please wait ${seconds} s and send it again.`,
    clientMessageId,
  );

/** A shopper may only show their own finished uploads; a guessed or borrowed key is refused. */
async function checkAttachments(
  photos: Pick<PhotoReadiness, 'exists'> & Partial<Pick<PhotoReadiness, 'refusal'>>,
  customerId: string,
  attachments: Attachment[],
): Promise<string | undefined> {
  if (!attachments.every((attachment) => isOwnPhoto(customerId, attachment.key)))
    return 'This photo was not uploaded from this conversation; upload it again.';
  const present = await Promise.all(attachments.map((attachment) => photos.exists(attachment.key)));
  const missing = attachments.filter((_, index) => !present[index]);
  if (!missing.length) return undefined;
  // In the cloud a photo is normalised after its upload: one refused then is reported here, by its code.
  const refusals = await Promise.all(missing.map((attachment) => photos.refusal?.(attachment.key)));
  const refusal = refusals.find((code) => code !== undefined);
  if (refusal)
    return `The photo was refused (${refusal}): ${REFUSAL_SENTENCES[refusal]}. Please send another photo.`;
  return 'The photo upload has not finished; send the message again once it has.';
}
