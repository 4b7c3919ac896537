import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import {
  bedrockModelProblem,
  defaultBedrockModelId,
  parseBedrockModelId,
} from '../functions/config/bedrock-models';
import { DEFAULTS } from '../functions/config/defaults';
import { DEFAULT_HYBRID_INTENTS } from '../functions/core/assistant/hybrid-intents';
import { INTENT_IDS } from '../functions/core/nlu/intent-ids';
import { DEFAULT_STAGE_THROTTLES } from './stage-throttles';

/** Deploy-time settings, read once from CDK context (cdk.json or `cdk synth -c key=value`) and checked. */
export interface AfterdeskConfig {
  readonly stackName: string;
  /** The Region the stack deploys to, when synth knows it (context `region`, or the CLI's default). */
  readonly region?: string;
  /**
   * Foundation model id or (geographic) inference profile id used by the Bedrock chat model; by default the
   * one the deploy Region can call (functions/config/bedrock-models).
   */
  readonly bedrockModelId: string;
  /** Optional Bedrock guardrail applied to model calls; empty when none is configured. */
  readonly guardrailId: string;
  readonly guardrailVersion: string;
  readonly chatModel: 'bedrock' | 'embedded';
  /** Let the embedded model answer clear-cut messages before calling Bedrock. */
  readonly hybridRouting: boolean;
  /** Intents the embedded model may answer alone under hybrid routing (comma-separated in context). */
  readonly hybridIntents: readonly string[];
  /** Minutes without a message after which a conversation closes into a conversation fact. */
  readonly conversationIdleMinutes: number;
  /** Default route throttling of the WebSocket stage (requests per second / burst). */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** $connect runs the authorizer: limit connection storms separately. */
  readonly connectThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** sendMessage starts model work: the most expensive route. */
  readonly sendMessageThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly logRetention: logs.RetentionDays;
  /**
   * Whether this stack sets the account-wide API Gateway CloudWatch Logs role, which WebSocket access
   * logging needs. Turn off when the account already has one managed elsewhere.
   */
  readonly apiGatewayAccountRole: boolean;
  /** The cloud analytics path (Firehose -> S3 Parquet -> Glue -> Athena). */
  readonly analytics: AnalyticsConfig;
  /** Shoppers' photos: evidence for claims and returns. */
  readonly photos: PhotosConfig;
}

export interface PhotosConfig {
  /** Days a photo is kept; claims and returns are settled well within the default. */
  readonly retentionDays: number;
  /** Storefront origins whose pages may POST photos to the bucket (CORS); `*` allows any. */
  readonly allowedOrigins: readonly string[];
}

export interface AnalyticsConfig {
  /** Days fact files are kept in S3 (they move to Infrequent Access after 90 days). */
  readonly retentionDays: number;
  /** Athena cancels a query of the analytics workgroup once it has scanned this many bytes. */
  readonly bytesScannedCutoff: number;
  /** First `dt` partition Athena projects (`YYYY-MM-DD`, UTC): the day facts started to flow. */
  readonly startDate: string;
}

/** Facts move to Infrequent Access after this many days; retention must be longer. */
export const ANALYTICS_IA_TRANSITION_DAYS = 90;
/** Athena's minimum BytesScannedCutoffPerQuery (10 MB). */
export const ATHENA_MIN_BYTES_SCANNED_CUTOFF = 10_000_000;

export const DEFAULT_CONFIG: AfterdeskConfig = {
  stackName: 'Afterdesk',
  bedrockModelId: defaultBedrockModelId(DEFAULTS.region),
  guardrailId: '',
  guardrailVersion: DEFAULTS.guardrailVersion,
  chatModel: 'bedrock',
  hybridRouting: true,
  hybridIntents: DEFAULT_HYBRID_INTENTS,
  conversationIdleMinutes: DEFAULTS.conversationIdleMinutes,
  throttle: DEFAULT_STAGE_THROTTLES.stage,
  connectThrottle: DEFAULT_STAGE_THROTTLES.connect,
  sendMessageThrottle: DEFAULT_STAGE_THROTTLES.sendMessage,
  logRetention: logs.RetentionDays.ONE_MONTH,
  apiGatewayAccountRole: true,
  analytics: {
    retentionDays: 730,
    bytesScannedCutoff: 1024 ** 3,
    startDate: '2026-01-01',
  },
  photos: { retentionDays: 180, allowedOrigins: ['*'] },
};

export { parseBedrockModelId };

class ConfigError extends Error {}

/**
 * The deploy Region if synth knows it: context `region`, else the CLI's account default. Unknown (an
 * environment-agnostic synth), the model id cannot be checked against it.
 */
function deployRegion(scope: Construct): string | undefined {
  const region = text(scope, 'region', process.env.CDK_DEFAULT_REGION ?? '', /^([a-z]{2}(-[a-z]+)+-\d)?$/);
  return region || undefined;
}

/** The configured model id, or the Region's default; fails synth when the Region cannot call it. */
function bedrockModel(scope: Construct, region: string | undefined): string {
  const fallback = defaultBedrockModelId(region ?? DEFAULTS.region);
  const modelId = text(scope, 'bedrockModelId', fallback, /^[a-z0-9-]+(\.[a-z0-9-]+)+:\d+$/);
  const problem = region ? bedrockModelProblem(modelId, region) : undefined;
  if (problem) throw new ConfigError(`Context "bedrockModelId": ${problem}`);
  return modelId;
}

function text(scope: Construct, key: string, fallback: string, pattern?: RegExp): string {
  const raw = scope.node.tryGetContext(key);
  if (raw === undefined || raw === null) return fallback;
  const value = String(raw).trim();
  if (pattern && !pattern.test(value)) {
    throw new ConfigError(`Context "${key}" is "${value}", which does not match ${pattern}`);
  }
  return value;
}

function positiveNumber(scope: Construct, key: string, fallback: number): number {
  const raw = scope.node.tryGetContext(key);
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`Context "${key}" must be a positive number, got "${String(raw)}"`);
  }
  return value;
}

function intentList(scope: Construct, key: string, fallback: readonly string[]): readonly string[] {
  const intents = text(scope, key, fallback.join(','), /^[a-z_,]*$/)
    .split(',')
    .filter(Boolean);
  const known: readonly string[] = INTENT_IDS;
  const unknown = intents.filter((intent) => !known.includes(intent));
  if (unknown.length > 0)
    throw new ConfigError(`Context "${key}" lists unknown intent ids: ${unknown.join(', ')}`);
  return intents;
}

function flag(scope: Construct, key: string, fallback: boolean): boolean {
  const raw = scope.node.tryGetContext(key);
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new ConfigError(`Context "${key}" must be true or false, got "${String(raw)}"`);
}

function retention(scope: Construct, key: string, fallback: logs.RetentionDays): logs.RetentionDays {
  const days = positiveNumber(scope, key, fallback);
  const allowed = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowed.includes(days)) {
    throw new ConfigError(`Context "${key}" must be a CloudWatch Logs retention (e.g. 30, 90), got ${days}`);
  }
  return days as logs.RetentionDays;
}

/** Reads and validates the context of an app (or any construct), falling back to DEFAULT_CONFIG. */
export function readConfig(scope: Construct): AfterdeskConfig {
  const d = DEFAULT_CONFIG;
  const chatModel = text(
    scope,
    'chatModel',
    d.chatModel,
    /^(bedrock|embedded)$/,
  ) as AfterdeskConfig['chatModel'];
  const region = deployRegion(scope);
  return {
    stackName: text(scope, 'stackName', d.stackName, /^[A-Za-z][A-Za-z0-9-]{0,127}$/),
    ...(region ? { region } : {}),
    bedrockModelId: bedrockModel(scope, region),
    guardrailId: text(scope, 'guardrailId', d.guardrailId, /^([a-z0-9]{1,64})?$/),
    guardrailVersion: text(scope, 'guardrailVersion', d.guardrailVersion, /^(DRAFT|[1-9][0-9]{0,7})$/),
    chatModel,
    hybridRouting: flag(scope, 'hybridRouting', d.hybridRouting),
    hybridIntents: intentList(scope, 'hybridIntents', d.hybridIntents),
    conversationIdleMinutes: positiveNumber(scope, 'conversationIdleMinutes', d.conversationIdleMinutes),
    throttle: {
      rateLimit: positiveNumber(scope, 'throttleRateLimit', d.throttle.rateLimit),
      burstLimit: positiveNumber(scope, 'throttleBurstLimit', d.throttle.burstLimit),
    },
    connectThrottle: {
      rateLimit: positiveNumber(scope, 'connectRateLimit', d.connectThrottle.rateLimit),
      burstLimit: positiveNumber(scope, 'connectBurstLimit', d.connectThrottle.burstLimit),
    },
    sendMessageThrottle: {
      rateLimit: positiveNumber(scope, 'sendMessageRateLimit', d.sendMessageThrottle.rateLimit),
      burstLimit: positiveNumber(scope, 'sendMessageBurstLimit', d.sendMessageThrottle.burstLimit),
    },
    logRetention: retention(scope, 'logRetentionDays', d.logRetention),
    apiGatewayAccountRole: flag(scope, 'apiGatewayAccountRole', d.apiGatewayAccountRole),
    analytics: readAnalyticsConfig(scope, d.analytics),
    photos: readPhotosConfig(scope, d.photos),
  };
}

function readPhotosConfig(scope: Construct, d: PhotosConfig): PhotosConfig {
  const retentionDays = positiveNumber(scope, 'photoRetentionDays', d.retentionDays);
  if (!Number.isInteger(retentionDays))
    throw new ConfigError(
      `Context "photoRetentionDays" must be a whole number of days, got ${retentionDays}`,
    );
  const origins = text(scope, 'photoUploadOrigins', d.allowedOrigins.join(','), /^[^\s]+$/)
    .split(',')
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin))
      throw new ConfigError(
        `Context "photoUploadOrigins" must be "*" or comma-separated origins like https://shop.example, got "${origin}"`,
      );
  }
  return { retentionDays, allowedOrigins: origins };
}

function readAnalyticsConfig(scope: Construct, d: AnalyticsConfig): AnalyticsConfig {
  const retentionDays = positiveNumber(scope, 'analyticsRetentionDays', d.retentionDays);
  if (!Number.isInteger(retentionDays) || retentionDays <= ANALYTICS_IA_TRANSITION_DAYS) {
    throw new ConfigError(
      `Context "analyticsRetentionDays" must be a whole number of days above ${ANALYTICS_IA_TRANSITION_DAYS} ` +
        `(facts move to Infrequent Access after ${ANALYTICS_IA_TRANSITION_DAYS} days), got ${retentionDays}`,
    );
  }
  const bytesScannedCutoff = positiveNumber(scope, 'analyticsBytesScannedCutoff', d.bytesScannedCutoff);
  if (!Number.isInteger(bytesScannedCutoff) || bytesScannedCutoff < ATHENA_MIN_BYTES_SCANNED_CUTOFF) {
    throw new ConfigError(
      `Context "analyticsBytesScannedCutoff" must be a whole number of bytes, at least ` +
        `${ATHENA_MIN_BYTES_SCANNED_CUTOFF} (Athena's minimum), got ${bytesScannedCutoff}`,
    );
  }
  const startDate = text(scope, 'analyticsStartDate', d.startDate, /^\d{4}-\d{2}-\d{2}$/);
  const parsed = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== startDate) {
    throw new ConfigError(`Context "analyticsStartDate" is not a valid date: "${startDate}"`);
  }
  return { retentionDays, bytesScannedCutoff, startDate };
}
