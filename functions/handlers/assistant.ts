import { randomBytes } from 'node:crypto';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import * as z from 'zod';
import { claims, knowledge, proposals, returns, storeRules } from '../config/after-sales';
import { chatModel } from '../config/chat-model';
import { clientPush } from '../config/client-push';
import { conversations, orders } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { photoTurn } from '../config/photo-understanding';
import { env } from '../config/runtime-env';
import { whileQueued } from '../config/waiting';
import { AssistantTools } from '../core/assistant/tools';
import { answerMessage } from '../core/chat/answer-message';
import { withObservability } from './shared/middleware';

const AssistantJobSchema = z.object({
  sessionId: z.string().min(1),
  customerId: z.string().min(1),
  connectionId: z.string().min(1),
  messageSeq: z.number().int().nonnegative(),
  replySeq: z.number().int().positive(),
  clientMessageId: z.string().min(1),
});

const tools = new AssistantTools(orders, conversations, {
  orders,
  orderUpdates: orders,
  returns,
  knowledge,
  claims,
  rules: storeRules,
  proposals,
  handoffs: conversations,
  now: () => new Date(),
  newId: () => randomBytes(4).toString('hex').toUpperCase(),
});

const readPhoto = photoTurn(tools);

/** Invoked asynchronously by sendMessage; Lambda retries and then routes failures to its destination. */
export const handler = withObservability(
  async (job: z.infer<typeof AssistantJobSchema>): Promise<{ replySeq: number | null }> => {
    const reply = await answerMessage(
      {
        conversations,
        model: chatModel,
        tools,
        push: clientPush,
        historyTurns: env.HISTORY_TURNS,
        whileQueued,
        photoTurn: readPhoto,
        onModelError: (error) => {
          logger.warn('model failed; fallback reply sent', {
            error: error instanceof Error ? error.name : 'unknown',
          });
          metrics.addMetric('ModelFailure', 'Count', 1);
        },
      },
      job,
    );
    if (!reply) {
      metrics.addMetric('AssistantSilentForAgent', 'Count', 1);
      return { replySeq: null };
    }
    metrics.addMetric('AssistantReply', 'Count', 1);
    if (reply.intent) logger.debug('answered', { intent: reply.intent, language: reply.language });
    return { replySeq: reply.seq };
  },
).use(parser({ schema: AssistantJobSchema }));
