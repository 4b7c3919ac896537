import { parseArgs } from 'node:util';
import { runChat } from './commands/chat';
import { runConfigApply, runConfigValidate } from './commands/config';
import {
  CONVERSATION_SPLITS,
  type ConversationSplit,
  runEvalConversations,
  splitDir,
} from './commands/eval-conversations';
import { runEvalIntents } from './commands/eval-intents';
import { runEvalSentiment, SENTIMENT_SPLITS, type SentimentSplit } from './commands/eval-sentiment';
import { runImport } from './commands/import-orders';
import { runToken } from './commands/token';

const USAGE = `Usage: afterdesk <command>

  token --customer <id> [--ttl <duration>]      print a shopper token signed with the local store secret
  config validate [dir]                          check the store configuration folder (default store/), errors as file:line
  config apply [dir] [--stack <name>]            write policy, routing, products, size charts and FAQ to the local stack or a deployed one
  import orders|products|faq <file> [--stack <name>] [--concurrency <n>]
                                                 upsert from CSV (Shopify export or generic), a JSON array or NDJSON;
                                                 bad rows reported as file:line, unchanged rows not rewritten (docs/data-import.md)
  chat --customer <id> [--session <id>] "<text>" ask the running local stack over its WebSocket
  cost [--stack <name>] [--since 30d] [--until <date>] [--prices <file.json>] [--format table|json]
                                                 what a conversation costs: the deployed stack's own metrics priced
                                                 from the price table; without --stack, the same model over the local
                                                 benchmark's counts [--conversations <n>] [--model <id>]
                                                 [--cache-hit-share <0..1>] (docs/cost.md)
  query <name> [--since 7d] [--format table|json|csv]
                                                 run a named analytics query on the local Parquet facts (DuckDB)
  report --week <YYYY-Www> [--timezone <tz>] [--out <file.html>] [--pdf]
                                                 write the weekly HTML report (default reports/afterdesk-<week>.html)
  privacy erase|export --customer <id> [--by <who>] [--out <file.json>] [--stack <name>]
                                                 erase or export one customer's data (and their guest sessions) on the
                                                 running local stack, or on a deployed one through its IAM-authorised
                                                 privacy API (orders, returns, cases, conversations, photos, analytics facts)
  eval intents <file.jsonl>                      score the embedded intent classifier on {"text","intent","lang"} lines
  eval sentiment [<file.jsonl>] [--split heldout|dev|earlier|sample] [--errors]
                                                 score the embedded sentiment analyser on {"text","sentiment","lang"} lines;
                                                 without a file, the sealed held-out split (figures per language and pattern)
  eval conversations <dir> | --split tuning|heldout
                                                 play the scenario files of <dir>, or of a multi-turn split (held-out:
                                                 sealed, checked first), on a throwaway local stack (docs/evaluation.md)

Environment: AFTERDESK_DATA_DIR (default .afterdesk/data) locates the running local stack.`;

process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      customer: { type: 'string' },
      ttl: { type: 'string' },
      session: { type: 'string' },
      stack: { type: 'string' },
      region: { type: 'string' },
      timeout: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      timezone: { type: 'string' },
      format: { type: 'string' },
      week: { type: 'string' },
      out: { type: 'string' },
      pdf: { type: 'boolean' },
      split: { type: 'string' },
      errors: { type: 'boolean' },
      by: { type: 'string' },
      concurrency: { type: 'string' },
      prices: { type: 'string' },
      conversations: { type: 'string' },
      model: { type: 'string' },
      'cache-hit-share': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'token':
      return runToken(values);
    case 'import':
      if (!['orders', 'products', 'faq'].includes(rest[0] ?? '') || !rest[1])
        throw new UsageError('import orders|products|faq <file> [--stack <name>] [--concurrency <n>]');
      return runImport(rest[0] as string, rest[1], values);
    case 'config':
      if (rest[0] === 'validate') return runConfigValidate(rest[1]);
      if (rest[0] === 'apply') return runConfigApply(rest[1], values);
      throw new UsageError('config validate [dir] | config apply [dir] [--stack <name>]');
    case 'chat':
      return runChat(rest.join(' '), values);
    case 'cost': {
      const { runCost } = await import('./commands/cost');
      return runCost(values);
    }
    case 'query': {
      if (!rest[0])
        throw new UsageError(
          'query <name> [--since 7d] [--until <date>] [--timezone <tz>] [--format table|json|csv]',
        );
      const format = values.format ?? 'table';
      if (!['table', 'json', 'csv'].includes(format))
        throw new UsageError('--format must be table, json or csv');
      // Loaded here only: DuckDB's native binding is not needed by the other commands.
      const { runQuery } = await import('./commands/query');
      return runQuery(rest[0], {
        since: values.since,
        until: values.until,
        timezone: values.timezone,
        format: format as 'table' | 'json' | 'csv',
      });
    }
    case 'report': {
      // Loaded here only, like query: the report runs DuckDB.
      const { runReport } = await import('./commands/report');
      return runReport({ week: values.week, timezone: values.timezone, out: values.out, pdf: values.pdf });
    }
    case 'privacy': {
      if (rest[0] !== 'erase' && rest[0] !== 'export')
        throw new UsageError(
          'privacy erase|export --customer <id> [--by <who>] [--out <file.json>] [--stack <name>]',
        );
      // Loaded here only, like query: erasure rewrites Parquet with DuckDB.
      const { runPrivacy } = await import('./commands/privacy');
      return runPrivacy(rest[0], values);
    }
    case 'eval':
      if (rest[0] === 'sentiment') {
        const split = values.split ?? 'heldout';
        if (!(SENTIMENT_SPLITS as readonly string[]).includes(split))
          throw new UsageError(`--split must be one of ${SENTIMENT_SPLITS.join(', ')}`);
        return runEvalSentiment(rest[1], { split: split as SentimentSplit, errors: values.errors });
      }
      if (rest[0] === 'conversations' && (rest[1] || values.split)) {
        if (rest[1]) return runEvalConversations(rest[1]);
        if (!(CONVERSATION_SPLITS as readonly string[]).includes(values.split ?? ''))
          throw new UsageError(`--split must be one of ${CONVERSATION_SPLITS.join(', ')}`);
        return runEvalConversations(splitDir(values.split as ConversationSplit));
      }
      if (rest[0] !== 'intents' || !rest[1])
        throw new UsageError(
          'eval intents <file.jsonl> | eval sentiment [<file.jsonl>] | eval conversations <dir> | --split <split>',
        );
      return runEvalIntents(rest[1]);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

export class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`afterdesk: ${message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
