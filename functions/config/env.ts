import * as z from 'zod';
import { DEFAULT_HYBRID_INTENTS } from '../core/assistant/hybrid-intents';
import { INTENT_IDS } from '../core/nlu/intent-ids';
import { defaultBedrockModelId } from './bedrock-models';
import { DEFAULTS } from './defaults';
import { loadConfig } from './load';

/** The settings every handler shares; read once at cold start through loadConfig. */
const boolean = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

export const EnvSchema = z.object({
  AFTERDESK_MODE: z.enum(['aws', 'local']).default('aws'),
  AWS_REGION: z.string().min(1).default(DEFAULTS.region),
  STORE_TABLE: z.string().min(1),
  CONVERSATIONS_TABLE: z.string().min(1),
  CONNECTIONS_TABLE: z.string().min(1),
  /** Powertools idempotency records of assistant turns (read by the assistant only). */
  IDEMPOTENCY_TABLE: z.string().min(1).optional(),
  DYNAMODB_ENDPOINT: z.url().optional(),
  CONNECTIONS_ENDPOINT: z.url().optional(),
  SIGNING_SECRET_ARN: z.string().optional(),
  SIGNING_SECRET_FILE: z.string().optional(),
  /** Local mode: acknowledged messages, kept until the store is known to hold them (see ack-journal). */
  ACK_JOURNAL_FILE: z.string().min(1).optional(),
  CHAT_MODEL: z.enum(['bedrock', 'embedded']).default(DEFAULTS.chatModel),
  /** Absent: the default model for AWS_REGION (bedrock-models). */
  BEDROCK_MODEL_ID: z.string().min(1).optional(),
  BEDROCK_ENDPOINT: z.url().optional(),
  GUARDRAIL_ID: z.string().optional(),
  GUARDRAIL_VERSION: z.string().default(DEFAULTS.guardrailVersion),
  HYBRID_ROUTING: boolean,
  /** Comma-separated intent ids the embedded model may answer alone under hybrid routing. */
  HYBRID_INTENTS: z
    .string()
    .default(DEFAULT_HYBRID_INTENTS.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((intent) => intent.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(INTENT_IDS))),
  /** The shoppers' photo bucket (cloud); locally the upload endpoint and the folder behind it. */
  PHOTO_BUCKET: z.string().optional(),
  PHOTO_UPLOAD_URL: z.url().optional(),
  PHOTO_DIR: z.string().optional(),
  /** The Bedrock model that reads photos (it must take image input); the chat model when unset. */
  BEDROCK_VISION_MODEL_ID: z.string().optional(),
  RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(DEFAULTS.retentionDays),
  MAX_MESSAGES_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .max(1000)
    .default(DEFAULTS.maxMessagesPerMinute),
  /** The same across all of one customer's sessions, so opening more sessions buys no more messages. */
  MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .max(10000)
    .default(DEFAULTS.maxMessagesPerCustomerPerMinute),
  /** Heartbeats a connection may send per minute (the widget sends one every 4.5 quiet minutes). */
  MAX_PINGS_PER_MINUTE: z.coerce.number().int().positive().max(1000).default(DEFAULTS.maxPingsPerMinute),
  /** Guest proofs (order number + email) one client may try per 15 minutes, and any one order may receive. */
  GUEST_ATTEMPTS_PER_CLIENT: z.coerce
    .number()
    .int()
    .positive()
    .max(1000)
    .default(DEFAULTS.guestAttemptsPerClient),
  GUEST_ATTEMPTS_PER_ORDER: z.coerce
    .number()
    .int()
    .positive()
    .max(100)
    .default(DEFAULTS.guestAttemptsPerOrder),
  HISTORY_TURNS: z.coerce.number().int().positive().max(100).default(DEFAULTS.historyTurns),
  KEYWORD_SPIKE_MIN_MENTIONS: z.coerce
    .number()
    .int()
    .positive()
    .max(10000)
    .default(DEFAULTS.keywordSpikeMinMentions),
  KEYWORD_SPIKE_RATIO: z.coerce.number().positive().max(1000).default(DEFAULTS.keywordSpikeRatio),
});

export type Env = Omit<z.infer<typeof EnvSchema>, 'BEDROCK_MODEL_ID'> & { BEDROCK_MODEL_ID: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env = loadConfig(EnvSchema, source);
  return { ...env, BEDROCK_MODEL_ID: env.BEDROCK_MODEL_ID ?? defaultBedrockModelId(env.AWS_REGION) };
}
