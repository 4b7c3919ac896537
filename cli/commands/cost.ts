import { readFile } from 'node:fs/promises';
import { parseDuration } from '../../functions/core/auth/shopper-token';
import {
  type CostReport,
  formatUsd,
  type PriceTable,
  PriceTableSchema,
  priceUsage,
  type Usage,
} from '../../functions/core/cost/cost-model';
import { estimateUsage, type Workload, WorkloadSchema } from '../../functions/core/cost/local-estimate';

const PRICES = new URL('../../functions/core/cost/aws-prices.json', import.meta.url);
const WORKLOAD = new URL('../../functions/core/cost/local-workload.json', import.meta.url);
/** The goal of issue 16: an AI resolution for under a cent (Intercom Fin charges $0.99). */
const GOAL_PER_AI_RESOLUTION = 0.01;
/** API Gateway's idle timeout: a widget left open pings, so a connection is priced at this many minutes. */
const MINUTES_PER_CONNECTION = 10;

export interface CostOptions {
  stack?: string;
  region?: string;
  since?: string;
  until?: string;
  prices?: string;
  conversations?: string;
  model?: string;
  /** Share of Bedrock calls reading the cached prompt prefix, instead of the workload's assumption. */
  'cache-hit-share'?: string;
  format?: string;
}

async function readJson<T>(file: URL | string, schema: { parse(value: unknown): T }): Promise<T> {
  const text = await readFile(file, 'utf8');
  try {
    return schema.parse(JSON.parse(text));
  } catch (error) {
    throw new Error(`${String(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--since 30d` (back from now) or an ISO date; `--until` likewise, default now. */
export function periodOf(
  options: { since?: string; until?: string },
  now = new Date(),
): { start: Date; end: Date } {
  const at = (text: string) => {
    if (/^\d+\s*[smhd]?$/.test(text.trim())) return new Date(now.getTime() - parseDuration(text) * 1000);
    const date = new Date(text);
    if (Number.isNaN(date.getTime()))
      throw new RangeError(`cannot read "${text}": use 7d, 36h or an ISO date`);
    return date;
  };
  const end = options.until ? at(options.until) : now;
  const start = at(options.since ?? '30d');
  if (start >= end) throw new RangeError('--since must be before --until');
  return { start, end };
}

/**
 * `afterdesk cost`: with `--stack`, the deployed stack's own metrics for a period priced from the table;
 * without, the same model over the local benchmark's counts (functions/core/cost/local-workload.json).
 */
export async function runCost(options: CostOptions): Promise<number> {
  const prices = await readJson<PriceTable>(options.prices ?? PRICES, PriceTableSchema);
  let usage: Usage;
  let basis: string[];
  if (options.stack) {
    const period = periodOf(options);
    usage = await stackUsage(options.stack, options.region, period);
    basis = [
      `stack ${options.stack}, CloudWatch metrics from ${period.start.toISOString()} to ${period.end.toISOString()}`,
      `WebSocket connection minutes: ${MINUTES_PER_CONNECTION} per connection (API Gateway publishes connections, not minutes)`,
    ];
  } else {
    const workload = await readJson<Workload>(WORKLOAD, WorkloadSchema);
    const conversations = Number(options.conversations ?? 1000);
    if (!Number.isInteger(conversations) || conversations <= 0)
      throw new RangeError('--conversations must be a positive whole number');
    const { SYSTEM_PROMPT } = await import('../../functions/core/assistant/run-turn');
    const { TOOL_SPECS } = await import('../../functions/core/assistant/tools');
    const { defaultBedrockModelId, promptCachingOf } = await import('../../functions/config/bedrock-models');
    const model = options.model ?? defaultBedrockModelId(prices.region);
    const promptCaching = promptCachingOf(model);
    if (options['cache-hit-share'] !== undefined) {
      const share = Number(options['cache-hit-share']);
      if (!(share >= 0 && share <= 1)) throw new RangeError('--cache-hit-share must be between 0 and 1');
      workload.promptCacheHitShare = share;
    }
    usage = estimateUsage(
      workload,
      { systemChars: JSON.stringify(SYSTEM_PROMPT).length, toolSpecChars: JSON.stringify(TOOL_SPECS).length },
      { conversations, model, ...(promptCaching ? { promptCaching } : {}) },
    );
    basis = [
      `local estimate: ${conversations} AI-resolved conversations of ${workload.shopperMessagesPerConversation} shopper messages, model ${model}`,
      `${Math.round(workload.bedrockTurnShare * 100)}% of turns on Bedrock (hybrid routing), ${workload.bedrockCallsPerTurn} calls per turn, ${workload.charsPerToken} characters per token`,
      promptCaching
        ? `prompt caching of the tools and system prompt: ${Math.round(workload.promptCacheHitShare * 100)}% of Bedrock calls read the cache, the others write it (5-minute TTL; at least ${promptCaching.minTokensPerCheckpoint} tokens per checkpoint)`
        : `no prompt caching: ${model} has none on Bedrock`,
      `DynamoDB per message: ${workload.dynamodbPerMessage.readRequestUnits} RRU, ${workload.dynamodbPerMessage.writeRequestUnits} WRU (${workload.source.split(':')[0]}: bench/dynamodb-calls.ts)`,
    ];
  }
  const report = priceUsage(usage, prices);
  if (options.format === 'json') {
    console.log(
      JSON.stringify(
        { basis, prices: { region: prices.region, checked: prices.checked }, usage, report },
        null,
        2,
      ),
    );
  } else {
    console.log(render(report, basis, prices));
  }
  return 0;
}

async function stackUsage(stackName: string, region: string | undefined, period: { start: Date; end: Date }) {
  const [{ CloudFormationClient }, { LambdaClient }, { CloudWatchClient }] = await Promise.all([
    import('@aws-sdk/client-cloudformation'),
    import('@aws-sdk/client-lambda'),
    import('@aws-sdk/client-cloudwatch'),
  ]);
  const { loadStackInventory } = await import('../../functions/adapters/aws/stack-inventory');
  const { readStackUsage } = await import('../../functions/adapters/aws/stack-usage');
  const { SdkCloudWatchReader } = await import('../../functions/adapters/aws/cloudwatch-metric-data');
  const cloudFormation = new CloudFormationClient(region ? { region } : {});
  const resolvedRegion = await cloudFormation.config.region();
  const inventory = await loadStackInventory(
    { cloudFormation, lambda: new LambdaClient({ region: resolvedRegion }) },
    stackName,
  );
  return readStackUsage(
    new SdkCloudWatchReader(new CloudWatchClient({ region: resolvedRegion })),
    inventory,
    {
      ...period,
      minutesPerConnection: MINUTES_PER_CONNECTION,
    },
  );
}

function render(report: CostReport, basis: readonly string[], prices: PriceTable): string {
  const rows = report.lines.map(
    (line) =>
      `  ${line.service.padEnd(12)} ${line.item.padEnd(56)} ${formatQuantity(line.quantity).padStart(14)} ${line.unit.padEnd(17)} ${formatUsd(line.cost).padStart(10)}`,
  );
  const per = (value: number | null) => (value === null ? 'n/a (none in the period)' : formatUsd(value));
  const goal =
    report.perAiResolvedConversation === null
      ? ''
      : report.perAiResolvedConversation < GOAL_PER_AI_RESOLUTION
        ? `  (goal < ${formatUsd(GOAL_PER_AI_RESOLUTION)}: met)`
        : `  (goal < ${formatUsd(GOAL_PER_AI_RESOLUTION)}: NOT met)`;
  return [
    ...basis.map((line) => `# ${line}`),
    `# prices: ${prices.region}, checked ${prices.checked} (functions/core/cost/aws-prices.json)`,
    '',
    ...rows,
    '',
    `  total                          ${formatUsd(report.total)}`,
    `  per shopper message            ${per(report.perMessage)}`,
    `  per conversation               ${per(report.perConversation)}`,
    `  per AI-resolved conversation   ${per(report.perAiResolvedConversation)}${goal}`,
    ...(report.videoCost > 0
      ? [`  (video calls, left out of the AI figure: ${formatUsd(report.videoCost)})`]
      : []),
    ...(report.unpricedModels.length > 0
      ? [`  NOT PRICED (missing from the price table): ${report.unpricedModels.join(', ')}`]
      : []),
  ].join('\n');
}

function formatQuantity(quantity: number): string {
  if (quantity >= 100) return Math.round(quantity).toLocaleString('en-US');
  return quantity.toPrecision(3);
}
