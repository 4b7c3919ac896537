import { BedrockChatModel, createBedrockRuntimeClient } from '../adapters/aws/bedrock-chat-model';
import { EmbeddedChatModel } from '../core/embedded-model/embedded-chat-model';
import type { ChatModel } from '../ports/chat-model';
import { logger } from './observability';
import { env } from './runtime-env';

function build(): ChatModel {
  if (env.AFTERDESK_MODE === 'local' || env.CHAT_MODEL === 'embedded') return new EmbeddedChatModel();
  return new BedrockChatModel({
    client: createBedrockRuntimeClient({ region: env.AWS_REGION, endpoint: env.BEDROCK_ENDPOINT }),
    modelId: env.BEDROCK_MODEL_ID,
    guardrail: env.GUARDRAIL_ID ? { id: env.GUARDRAIL_ID, version: env.GUARDRAIL_VERSION } : undefined,
    logger,
  });
}

export const chatModel = build();
