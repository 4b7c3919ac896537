import { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaAssistantQueue } from '../adapters/aws/lambda-assistant-queue';
import { InProcessAssistantQueue } from '../adapters/local/in-process-assistant-queue';
import type { AssistantQueue } from '../ports/assistant-queue';
import { createClient } from './clients';
import { env } from './runtime-env';

function build(): AssistantQueue {
  if (env.AFTERDESK_MODE === 'local') return new InProcessAssistantQueue();
  if (!env.ASSISTANT_FUNCTION_NAME) throw new Error('Invalid configuration: ASSISTANT_FUNCTION_NAME');
  return new LambdaAssistantQueue(
    createClient(LambdaClient, { region: env.AWS_REGION }),
    env.ASSISTANT_FUNCTION_NAME,
  );
}

export const assistantQueue = build();
