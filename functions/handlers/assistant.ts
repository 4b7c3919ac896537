import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { storedTextOf, turnRequestOf } from '../adapters/aws/dynamodb-turn-requests';
import { claims, knowledge, proposals, returns, storeRules } from '../config/after-sales';
import { chatModel } from '../config/chat-model';
import { clientPush } from '../config/client-push';
import { createClient } from '../config/clients';
import { conversations, orders } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { photoTurn } from '../config/photo-understanding';
import { env } from '../config/runtime-env';
import { deskPresence, whileQueued } from '../config/waiting';
import { AssistantTools, MAX_LISTED_ORDERS } from '../core/assistant/tools';
import { answerMessage, type TurnRequest } from '../core/chat/answer-message';
import { primedProposals } from '../core/chat/primed-proposals';
import { turnIds } from '../core/chat/turn-ids';
import { mayNeedOrders, startTurnReads, type TurnReads } from '../core/chat/turn-reads';
import { classifyIntent } from '../core/nlu/intents';
import type { ProposalStore } from '../ports/after-sales';
import { inOrderPerKey } from './shared/in-order-per-key';
import { withObservability } from './shared/middleware';

const toolsFor = (turn: TurnRequest, turnProposals: ProposalStore, turnOrders: TurnReads['orders']) =>
  new AssistantTools(turnOrders.orders, conversations, {
    orders: turnOrders.orders,
    orderUpdates: turnOrders.updates(orders),
    returns,
    knowledge,
    claims,
    rules: storeRules,
    proposals: turnProposals,
    handoffs: conversations,
    presence: deskPresence,
    now: () => new Date(),
    newId: turnIds(turn),
  });

const idempotencyConfig = new IdempotencyConfig({
  // One turn per session and message, whatever else the record carries.
  eventKeyJmesPath: '[sessionId, messageSeq]',
  // Longer than the mapping's maximum record age: a record retried until then still finds its result.
  expiresAfterSeconds: 3600,
});

if (!env.IDEMPOTENCY_TABLE) throw new Error('Invalid configuration: IDEMPOTENCY_TABLE');
const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: env.IDEMPOTENCY_TABLE,
  awsSdkV3Client: createClient(DynamoDBClient, { region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }),
});

/** One turn, at most once per session and message: a duplicate or retried record gets the stored result. */
const answerOnce = makeIdempotent(
  async (turn: TurnRequest, reads: TurnReads): Promise<{ replySeq: number | null }> => {
    const turnProposals = primedProposals(proposals);
    const tools = toolsFor(turn, turnProposals.store, reads.orders);
    const reply = await answerMessage(
      {
        conversations,
        primeProposal: turnProposals.prime,
        model: chatModel,
        tools,
        photoTurn: photoTurn(tools),
        push: clientPush,
        historyTurns: env.HISTORY_TURNS,
        whileQueued,
        onModelError: (error) => {
          logger.warn('model failed; fallback reply sent', {
            error: error instanceof Error ? error.name : 'unknown',
          });
          metrics.addMetric('ModelFailure', 'Count', 1);
        },
      },
      turn,
      reads.snapshot,
    );
    if (!reply) {
      metrics.addMetric('AssistantSilent', 'Count', 1);
      return { replySeq: null };
    }
    metrics.addMetric('AssistantReply', 'Count', 1);
    if (reply.intent) logger.debug('answered', { intent: reply.intent, language: reply.language });
    return { replySeq: reply.seq };
  },
  // Only the turn is hashed into the key; the reads already started are handed over, not stored.
  { persistenceStore, config: idempotencyConfig, dataIndexArgument: 0 },
);

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function recordHandler(record: DynamoDBRecord): Promise<void> {
  const turn = turnRequestOf(record);
  if (!turn) return;
  // The turn's reads go out with the idempotency claim instead of after it: one round trip for all of
  // them. A turn the claim finds taken or done drops them unread (a wasted read, only on duplicates).
  const reads = startTurnReads(
    {
      conversations,
      orders,
      rules: storeRules,
      historyTurns: env.HISTORY_TURNS,
      listedOrders: MAX_LISTED_ORDERS,
      prefetchOrders: mayNeedOrders(storedTextOf(record), classifyIntent),
    },
    turn,
  );
  await answerOnce(turn, reads);
}

/**
 * The outbox consumer: the Conversations stream, filtered to stored shopper messages, starts each turn.
 * A failed turn is reported alone; the mapping retries it and finally sends it to its failure queue.
 */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  idempotencyConfig.registerLambdaContext(context);
  const oneTurnPerSessionAtATime = inOrderPerKey(
    (record: DynamoDBRecord) => record.dynamodb?.Keys?.pk?.S,
    recordHandler,
  );
  const response = await processPartialResponse(event, oneTurnPerSessionAtATime, processor, { context });
  if (response.batchItemFailures.length > 0) {
    logger.warn('turns failed', { failed: response.batchItemFailures.length, total: event.Records.length });
  }
  return response;
});
