import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import * as z from 'zod';
import { ApiGatewayClientPush } from '../adapters/aws/api-gateway-client-push';
import { DynamoDbCannedReplies } from '../adapters/aws/dynamodb-canned-replies';
import { DynamoDbConsoleStore } from '../adapters/aws/dynamodb-console-store';
import { EmbeddedSentiment } from '../adapters/local/embedded-sentiment';
import type { AgentEvent } from '../core/console/agent-protocol';
import { DEMO_CANNED_REPLIES } from '../core/console/canned-replies';
import type { ConsoleDeps, PhotoViewer } from '../core/console/deps';
import type { Translator } from '../ports/console';
import { claims, returns, storeRules } from './after-sales';
import { clientPush } from './client-push';
import { conversations, documentClient, orders } from './dynamodb';
import { env } from './runtime-env';

/** The console's configuration, checked once at cold start; each mode loads only its own adapters. */
const ConsoleEnvSchema = z.object({
  AGENT_CONNECTIONS_ENDPOINT: z.url(),
  /** `none` shows originals labelled untranslated (the local default: there is no translation model). */
  TRANSLATOR: z.enum(['amazon-translate', 'none']).optional(),
  /** Locally, the web server that serves photos to the console. */
  CONSOLE_PHOTO_BASE_URL: z.url().optional(),
});

const parsed = ConsoleEnvSchema.safeParse(process.env);
if (!parsed.success)
  throw new Error(
    `Invalid configuration: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
  );
const consoleEnv = parsed.data;

async function translatorFor(): Promise<Translator> {
  const choice = consoleEnv.TRANSLATOR ?? (env.AFTERDESK_MODE === 'aws' ? 'amazon-translate' : 'none');
  if (choice === 'none') {
    const { UntranslatedTranslator } = await import('../adapters/local/untranslated-translator');
    return new UntranslatedTranslator();
  }
  const { AmazonTranslateTranslator, createTranslateClient } = await import(
    '../adapters/aws/amazon-translate-translator'
  );
  return new AmazonTranslateTranslator(createTranslateClient(env.AWS_REGION));
}

async function photoViewerFor(): Promise<PhotoViewer> {
  if (env.AFTERDESK_MODE === 'aws') {
    if (!env.PHOTO_BUCKET) throw new Error('Invalid configuration: PHOTO_BUCKET');
    const { S3PhotoViewer } = await import('../adapters/aws/s3-photo-viewer');
    return new S3PhotoViewer(env.PHOTO_BUCKET, env.AWS_REGION);
  }
  if (!consoleEnv.CONSOLE_PHOTO_BASE_URL) throw new Error('Invalid configuration: CONSOLE_PHOTO_BASE_URL');
  const { LocalPhotoViewer } = await import('../adapters/local/local-photo-viewer');
  const { signingSecret } = await import('./signing-secret');
  return new LocalPhotoViewer(signingSecret, consoleEnv.CONSOLE_PHOTO_BASE_URL);
}

const store = new DynamoDbConsoleStore(documentClient, env.CONVERSATIONS_TABLE, env.RETENTION_DAYS);

export const consoleDeps: ConsoleDeps = {
  conversations,
  queue: store,
  agents: store,
  presence: store,
  audit: store,
  notes: store,
  agentPush: new ApiGatewayClientPush<AgentEvent>(
    new ApiGatewayManagementApiClient({
      region: env.AWS_REGION,
      endpoint: consoleEnv.AGENT_CONNECTIONS_ENDPOINT,
      maxAttempts: 2,
    }),
  ),
  shopperPush: clientPush,
  translator: await translatorFor(),
  orders,
  returns,
  claims,
  rules: storeRules,
  photos: await photoViewerFor(),
  cannedReplies: new DynamoDbCannedReplies(documentClient, env.STORE_TABLE, DEMO_CANNED_REPLIES),
  // The queue's anger reading: in process and free, so ordering never waits on a per-message API call;
  // analytics' own sentiment (Comprehend in AWS) still raises a waiting hand-off's priority.
  sentiment: new EmbeddedSentiment(),
  now: () => new Date(),
};
