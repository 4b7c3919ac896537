import { z } from 'zod';
import type { Usage } from './cost-model';

const count = z.number().nonnegative();

/**
 * The shape of a typical conversation, for `afterdesk cost` without a stack: DynamoDB request units per
 * shopper message from the chat benchmark's call counts (bench/dynamodb-calls.ts), Lambda invocations per
 * message from the pipeline's shape, and the assumptions that turn message sizes into tokens. Kept as data
 * (functions/core/cost/local-workload.json), each figure with where it comes from.
 */
export const WorkloadSchema = z.object({
  source: z.string().min(1),
  shopperMessagesPerConversation: count,
  shopperMessageChars: count,
  replyChars: count,
  /** Characters per token: about 4 in English, 1–2 in Chinese, Japanese and Korean. */
  charsPerToken: z.number().positive(),
  historyTurns: count,
  /** Share of turns Bedrock answers; the rest go to the embedded model (hybrid routing), at no token cost. */
  bedrockTurnShare: z.number().min(0).max(1),
  /** Bedrock calls per Bedrock turn: 1, plus one per tool round. */
  bedrockCallsPerTurn: z.number().min(1),
  toolResultChars: count,
  dynamodbPerMessage: z.object({ readRequestUnits: count, writeRequestUnits: count }),
  lambdaPerMessage: z.array(
    z.object({ fn: z.string(), invocations: count, durationMs: count, memoryMb: z.number().positive() }),
  ),
  webSocketFramesPerMessage: count,
  connectionMinutesPerConversation: count,
  /** Comprehend units per shopper message: sentiment, key phrases and PII, 3 units minimum each. */
  comprehendUnitsPerMessage: count,
  factBytesPerMessage: count,
  firehoseRecordsPerMessage: count,
  s3PutsPerMessage: count,
});
export type Workload = z.infer<typeof WorkloadSchema>;

export interface PromptSizes {
  /** The assistant's system prompt and tool specifications, as sent on every Bedrock call. */
  readonly systemChars: number;
  readonly toolSpecChars: number;
}

/**
 * The usage of `conversations` AI-resolved conversations of the workload's shape, for one Bedrock model:
 * tokens estimated from message sizes (each call re-sends the system prompt, the tools and the history),
 * everything else per message. Pure arithmetic, no measurement.
 */
export function estimateUsage(
  workload: Workload,
  prompt: PromptSizes,
  options: { conversations: number; model: string },
): Usage {
  const perConversation = workload.shopperMessagesPerConversation;
  const messages = options.conversations * perConversation;
  let inputChars = 0;
  let outputChars = 0;
  for (let turn = 0; turn < Math.ceil(perConversation); turn++) {
    // The last turn counts for its fraction when the conversation length is not whole.
    const weight = Math.min(1, perConversation - turn);
    const history =
      Math.min(turn, workload.historyTurns) * (workload.shopperMessageChars + workload.replyChars);
    const prefix = prompt.systemChars + prompt.toolSpecChars + history + workload.shopperMessageChars;
    const extraCalls = workload.bedrockCallsPerTurn - 1;
    // A tool round re-sends the prefix with the tool call and its result; its output is the small tool call.
    inputChars += weight * (prefix + extraCalls * (prefix + workload.toolResultChars));
    outputChars += weight * (workload.replyChars + extraCalls * 200);
  }
  const share = workload.bedrockTurnShare * options.conversations;
  const tokens = (chars: number) => Math.round((chars * share) / workload.charsPerToken);
  return {
    period: { start: 'estimate', end: 'estimate' },
    bedrock: [{ model: options.model, inputTokens: tokens(inputChars), outputTokens: tokens(outputChars) }],
    lambda: workload.lambdaPerMessage.map((fn) => ({
      fn: fn.fn,
      invocations: fn.invocations * messages,
      durationMs: fn.durationMs * fn.invocations * messages,
      memoryMb: fn.memoryMb,
    })),
    dynamodb: {
      readRequestUnits: workload.dynamodbPerMessage.readRequestUnits * messages,
      writeRequestUnits: workload.dynamodbPerMessage.writeRequestUnits * messages,
    },
    webSocket: {
      messages: workload.webSocketFramesPerMessage * messages,
      connectionMinutes: workload.connectionMinutesPerConversation * options.conversations,
    },
    comprehendUnits: workload.comprehendUnitsPerMessage * messages,
    // Calls are with people: an AI-resolved conversation has none.
    videoAttendeeMinutes: 0,
    firehose: {
      records: workload.firehoseRecordsPerMessage * messages,
      bytes: workload.factBytesPerMessage * messages,
    },
    s3: { putRequests: workload.s3PutsPerMessage * messages, gbMonths: 0 },
    messages,
    conversations: options.conversations,
    aiResolvedConversations: options.conversations,
  };
}
