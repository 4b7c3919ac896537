import * as z from 'zod';
import { DEFAULT_HYBRID_INTENTS } from '../core/assistant/hybrid-intents';
import { INTENT_IDS } from '../core/nlu/intent-ids';

/**
 * Configuration is read and checked once, at cold start, so a mis-deployed function fails loudly on its
 * first invocation instead of half-working.
 */
const boolean = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

export const EnvSchema = z.object({
  AFTERDESK_MODE: z.enum(['aws', 'local']).default('aws'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  STORE_TABLE: z.string().min(1),
  CONVERSATIONS_TABLE: z.string().min(1),
  CONNECTIONS_TABLE: z.string().min(1),
  /** Powertools idempotency records of assistant turns (read by the assistant only). */
  IDEMPOTENCY_TABLE: z.string().min(1).optional(),
  DYNAMODB_ENDPOINT: z.url().optional(),
  CONNECTIONS_ENDPOINT: z.url().optional(),
  SIGNING_SECRET_ARN: z.string().optional(),
  SIGNING_SECRET_FILE: z.string().optional(),
  CHAT_MODEL: z.enum(['bedrock', 'embedded']).default('embedded'),
  BEDROCK_MODEL_ID: z.string().default('us.anthropic.claude-3-5-haiku-20241022-v1:0'),
  BEDROCK_ENDPOINT: z.url().optional(),
  GUARDRAIL_ID: z.string().optional(),
  GUARDRAIL_VERSION: z.string().default('DRAFT'),
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
  /** Days a conversation is kept before DynamoDB TTL removes it (GDPR retention). */
  RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(180),
  /** Shopper messages a session may send per minute; more get a rate_limited error, WAF being unavailable. */
  MAX_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().max(1000).default(30),
  /** History turns given to the model; older turns are not needed to answer after-sales questions. */
  HISTORY_TURNS: z.coerce.number().int().positive().max(100).default(12),
  /**
   * Keyword spike alert: shopper messages mentioning defect words for one SKU (or defect) within a clock
   * hour, at least, and how many times that key's hourly average of the previous 7 days they must reach.
   * A handful of complaints about one product in an hour is rare for a small seller; 3× keeps a SKU that
   * always draws some complaints from alerting every hour.
   */
  KEYWORD_SPIKE_MIN_MENTIONS: z.coerce.number().int().positive().max(10000).default(5),
  KEYWORD_SPIKE_RATIO: z.coerce.number().positive().max(1000).default(3),
});

export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}
