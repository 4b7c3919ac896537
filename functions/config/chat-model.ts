import { BedrockChatModel, createBedrockRuntimeClient } from '../adapters/aws/bedrock-chat-model';
import { HybridChatModel } from '../core/assistant/hybrid-chat-model';
import { EmbeddedChatModel } from '../core/embedded-model/embedded-chat-model';
import type { ChatModel } from '../ports/chat-model';
import { captureClient } from './clients';
import { logger, metrics } from './observability';
import { env } from './runtime-env';
import { recordBedrockUsage } from './usage-metrics';

function build(): ChatModel {
  const embedded = new EmbeddedChatModel();
  if (env.AFTERDESK_MODE === 'local' || env.CHAT_MODEL === 'embedded') return embedded;
  const bedrock = new BedrockChatModel({
    client: captureClient(
      createBedrockRuntimeClient({ region: env.AWS_REGION, endpoint: env.BEDROCK_ENDPOINT }),
    ),
    modelId: env.BEDROCK_MODEL_ID,
    guardrail: env.GUARDRAIL_ID ? { id: env.GUARDRAIL_ID, version: env.GUARDRAIL_VERSION } : undefined,
    logger,
    onUsage: recordBedrockUsage,
  });
  if (!env.HYBRID_ROUTING) return bedrock;
  return new HybridChatModel(embedded, bedrock, {
    intents: env.HYBRID_INTENTS,
    onRoute: (route, call) => {
      const model = route === 'embedded' ? 'Embedded' : 'Bedrock';
      metrics.addMetric(`RoutedTo${model}`, 'Count', 1);
      // Per-call latency by route: the measured half of the hybrid trade-off, next to Bedrock's token metrics.
      metrics.addMetric(`ModelCallMs${model}`, 'Milliseconds', call.elapsedMs);
    },
  });
}

export const chatModel = build();
