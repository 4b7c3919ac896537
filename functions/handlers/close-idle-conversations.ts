import type { Context, ScheduledEvent } from 'aws-lambda';
import { contactStates, contactsEnv } from '../config/conversation-contacts';
import { logger, metrics } from '../config/observability';
import { closeIdleConversations } from '../core/analytics/contact-tracking';
import { withObservability } from './shared/middleware';

/**
 * Runs on a schedule (EventBridge every 5 minutes; a timer in the local stack). Each close is a MODIFY on
 * the Conversations stream, which the analytics stream handler turns into a conversation fact.
 */
export const handler = withObservability(async (_event: ScheduledEvent | undefined, _context: Context) => {
  const result = await closeIdleConversations(contactStates, {
    now: new Date(),
    idleMs: contactsEnv.CONVERSATION_IDLE_MINUTES * 60_000,
  });
  metrics.addMetric('ConversationsClosed', 'Count', result.closed);
  if (result.changed > 0)
    logger.info('idle conversations changed before closing', { changed: result.changed });
  return result;
});
