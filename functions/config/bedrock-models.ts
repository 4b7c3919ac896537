/**
 * Which Bedrock model ids can be called from which Region: the one place the default model id lives. A
 * geographic inference profile (`us.`, `eu.`, `apac.`) can be called only from a Region of its geography,
 * so the default is chosen per Region, and `cdk synth` rejects an id the deploy Region cannot call
 * (lib/config). Plain data, no SDK or CDK import: the Lambdas read the same default.
 */

export type Geography = 'us' | 'eu' | 'apac';

/** Source Regions of each geography's system-defined cross-Region inference profiles. */
const GEOGRAPHY_REGIONS: Readonly<Record<Geography, readonly string[]>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: [
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
  ],
  apac: [
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
  ],
};

/** Foundation models each geography's profiles serve (the ones worth naming in an error message). */
const PROFILED_MODELS: Readonly<Record<Geography, readonly string[]>> = {
  us: [
    'anthropic.claude-3-5-haiku-20241022-v1:0',
    'anthropic.claude-3-haiku-20240307-v1:0',
    'anthropic.claude-3-7-sonnet-20250219-v1:0',
    'anthropic.claude-sonnet-4-20250514-v1:0',
  ],
  eu: [
    'anthropic.claude-3-haiku-20240307-v1:0',
    'anthropic.claude-3-7-sonnet-20250219-v1:0',
    'anthropic.claude-sonnet-4-20250514-v1:0',
  ],
  apac: [
    'anthropic.claude-3-haiku-20240307-v1:0',
    'anthropic.claude-3-7-sonnet-20250219-v1:0',
    'anthropic.claude-sonnet-4-20250514-v1:0',
  ],
};

/** Narrower geographic profiles and the Regions that may call them. */
const OTHER_PROFILE_REGIONS: Readonly<Record<string, readonly string[]>> = {
  'us-gov': ['us-gov-east-1', 'us-gov-west-1'],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  ca: ['ca-central-1', 'ca-west-1'],
};

/** Outside the three geographies, a foundation model called in the Region itself. */
const PLAIN_DEFAULT_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Geographic or global prefixes of system-defined cross-Region inference profiles. */
const INFERENCE_PROFILE_PREFIX = /^(us|us-gov|eu|apac|jp|au|ca|global)\./;

export interface BedrockModelRef {
  readonly inferenceProfileId?: string;
  readonly foundationModelId: string;
}

/** Splits a configured model id into the inference profile (if any) and the foundation model behind it. */
export function parseBedrockModelId(id: string): BedrockModelRef {
  const match = INFERENCE_PROFILE_PREFIX.exec(id);
  if (!match) return { foundationModelId: id };
  return { inferenceProfileId: id, foundationModelId: id.slice(match[0].length) };
}

export function geographyOf(region: string): Geography | undefined {
  return (Object.keys(GEOGRAPHY_REGIONS) as Geography[]).find((geo) =>
    GEOGRAPHY_REGIONS[geo].includes(region),
  );
}

/** The assistant's default model in `region`: Claude Haiku through the geography's profile, else in-Region. */
export function defaultBedrockModelId(region: string): string {
  const geography = geographyOf(region);
  if (!geography) return PLAIN_DEFAULT_MODEL;
  return `${geography}.${PROFILED_MODELS[geography][0]}`;
}

/** Ids worth suggesting in `region`, the default first. */
export function suggestedBedrockModelIds(region: string): string[] {
  const geography = geographyOf(region);
  if (!geography) return [PLAIN_DEFAULT_MODEL];
  return PROFILED_MODELS[geography].map((model) => `${geography}.${model}`);
}

/**
 * Why `modelId` cannot be called from `region`, or undefined when it can (as far as the id tells: a
 * geographic profile must belong to the Region's geography; a `global.` profile or a plain foundation
 * model id is left to Bedrock, which lists far more models than this table).
 */
export function bedrockModelProblem(modelId: string, region: string): string | undefined {
  const profile = INFERENCE_PROFILE_PREFIX.exec(modelId)?.[1];
  if (!profile || profile === 'global') return undefined;
  if (geographyOf(region) === profile || OTHER_PROFILE_REGIONS[profile]?.includes(region)) return undefined;
  return (
    `Bedrock model "${modelId}" is a ${profile}. inference profile, which cannot be called from ${region}. ` +
    `Valid ids there include: ${suggestedBedrockModelIds(region).join(', ')}`
  );
}

/**
 * Bedrock prompt caching (Converse `cachePoint` blocks), per foundation model: only these models are ever
 * sent a cache point. Source: Amazon Bedrock User Guide, "Prompt caching for faster model inference",
 * supported models table, checked 2026-12-06: Claude 3.5 Haiku 2,048 and Claude 3.7 Sonnet / Sonnet 4
 * 1,024 minimum tokens per cache checkpoint, at most 4 checkpoints, in system, messages and tools; Claude 3
 * Haiku is not listed (no caching on Bedrock). A checkpoint set before its minimum is accepted but caches
 * nothing, so the minimum only matters to the cost estimate (functions/core/cost/local-estimate.ts).
 * Cached prefixes live 5 minutes after their last use.
 */
export interface PromptCaching {
  /** Tokens each checkpoint must add to the prefix before it (the first after N, the second after 2N). */
  readonly minTokensPerCheckpoint: number;
  readonly maxCheckpoints: number;
  /** Where a `cachePoint` may go: Nova models cache system and messages but not tools. */
  readonly tools: boolean;
}

const PROMPT_CACHING: Readonly<Record<string, PromptCaching>> = {
  'anthropic.claude-3-5-haiku-20241022-v1:0': {
    minTokensPerCheckpoint: 2048,
    maxCheckpoints: 4,
    tools: true,
  },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': {
    minTokensPerCheckpoint: 1024,
    maxCheckpoints: 4,
    tools: true,
  },
  'anthropic.claude-sonnet-4-20250514-v1:0': { minTokensPerCheckpoint: 1024, maxCheckpoints: 4, tools: true },
};

/** Prompt caching of a model or inference-profile id, or undefined when it has none (or is unknown). */
export function promptCachingOf(modelId: string): PromptCaching | undefined {
  return PROMPT_CACHING[parseBedrockModelId(modelId).foundationModelId];
}
