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
  /**
   * Share of Bedrock calls that read the cached prompt prefix (tools and system prompt); the others write
   * it. Used only for models with prompt caching.
   */
  promptCacheHitShare: z.number().min(0).max(1),
  /** Where promptCacheHitShare comes from. */
  promptCacheSource: z.string().min(1),
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

/** A model's prompt caching, as functions/config/bedrock-models.ts declares it (core imports no config). */
export interface PromptCachingRules {
  readonly minTokensPerCheckpoint: number;
  readonly tools: boolean;
}

/**
 * Tokens of the prefix a request caches with its checkpoints after the tool specifications and after the
 * system prompt (Converse orders the prompt tools, then system, then messages). A checkpoint counts only
 * once the tokens since the last one that counted reach the model's minimum; Bedrock silently caches
 * nothing for the others.
 */
export function cachedPrefixTokens(
  prompt: { toolTokens: number; systemTokens: number },
  rules: PromptCachingRules,
): number {
  const checkpoints = [
    ...(rules.tools && prompt.toolTokens > 0 ? [prompt.toolTokens] : []),
    ...(prompt.systemTokens > 0 ? [prompt.toolTokens + prompt.systemTokens] : []),
  ];
  let cached = 0;
  for (const at of checkpoints) {
    if (at - cached >= rules.minTokensPerCheckpoint) cached = at;
  }
  return cached;
}

export interface PromptSizes {
  /** The assistant's system prompt and tool specifications, as sent on every Bedrock call. */
  readonly systemChars: number;
  readonly toolSpecChars: number;
}

/**
 * The usage of `conversations` AI-resolved conversations of the workload's shape, for one Bedrock model:
 * tokens estimated from message sizes (each call re-sends the system prompt, the tools and the history;
 * with prompt caching the first two come from the cache),
 * everything else per message. Pure arithmetic, no measurement.
 */
export function estimateUsage(
  workload: Workload,
  prompt: PromptSizes,
  options: { conversations: number; model: string; promptCaching?: PromptCachingRules },
): Usage {
  const perConversation = workload.shopperMessagesPerConversation;
  const messages = options.conversations * perConversation;
  let inputChars = 0;
  let outputChars = 0;
  let calls = 0;
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
    calls += weight * workload.bedrockCallsPerTurn;
  }
  const share = workload.bedrockTurnShare * options.conversations;
  const tokens = (chars: number) => Math.round((chars * share) / workload.charsPerToken);
  // Every call sends the same tools and system prompt first: with caching, that prefix is read from the
  // cache (billed at a tenth) or written to it (billed at 1.25 times), never billed as plain input.
  const prefixPerCall = options.promptCaching
    ? cachedPrefixTokens(
        {
          toolTokens: prompt.toolSpecChars / workload.charsPerToken,
          systemTokens: prompt.systemChars / workload.charsPerToken,
        },
        options.promptCaching,
      )
    : 0;
  const cachedTokens = prefixPerCall * calls * share;
  const cacheReadInputTokens = Math.round(cachedTokens * workload.promptCacheHitShare);
  const cacheWriteInputTokens = Math.round(cachedTokens) - cacheReadInputTokens;
  return {
    period: { start: 'estimate', end: 'estimate' },
    bedrock: [
      {
        model: options.model,
        inputTokens: tokens(inputChars) - Math.round(cachedTokens),
        outputTokens: tokens(outputChars),
        cacheReadInputTokens,
        cacheWriteInputTokens,
      },
    ],
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
