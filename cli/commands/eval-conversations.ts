import { createHash } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type ConversationEnvironment,
  runScenarios,
  type Share,
  startConversationEnvironment,
  summarise,
} from '../../local/evaluation/conversation-runner';
import { loadScenarios } from '../../local/evaluation/conversation-scenario';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const shareLine = (share: Share) =>
  `  ${share.key.padEnd(18)} ${percent(share.resolved / share.total).padStart(6)}  (${share.resolved}/${share.total})`;

/** The team's multi-turn sets (docs/evaluation.md): `heldout` is sealed and only measured, never tuned on. */
export const CONVERSATION_SPLITS = ['tuning', 'heldout'] as const;
export type ConversationSplit = (typeof CONVERSATION_SPLITS)[number];
export const MULTI_TURN_DIR = 'eval/conversations/multi-turn';

export const splitDir = (split: ConversationSplit) => join(MULTI_TURN_DIR, split);

/**
 * A folder with a sibling `<folder>.sha256` (sha256sum lines) is sealed: every scenario file must be listed
 * with its checksum and none may be added, so a held-out split cannot drift towards the rules it measures.
 */
export async function checkSeal(dir: string): Promise<boolean> {
  const folder = resolve(dir);
  const sealFile = join(dirname(folder), `${basename(folder)}.sha256`);
  try {
    await access(sealFile);
  } catch {
    return false;
  }
  const expected = new Map<string, string>();
  for (const line of (await readFile(sealFile, 'utf8')).split('\n')) {
    const [sum, name] = line.trim().split(/\s+\*?/);
    if (sum && name) expected.set(name, sum);
  }
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  const problems: string[] = [];
  for (const name of names) {
    const sum = createHash('sha256')
      .update(await readFile(join(folder, name)))
      .digest('hex');
    if (!expected.has(name)) problems.push(`${name} is not in the seal`);
    else if (expected.get(name) !== sum) problems.push(`${name} was changed`);
  }
  for (const name of expected.keys()) if (!names.includes(name)) problems.push(`${name} is missing`);
  if (problems.length > 0)
    throw new Error(`${dir} does not match its seal (${sealFile}): ${problems.slice(0, 5).join('; ')}`);
  return true;
}

/**
 * Plays the scenario files of `dir` against a throwaway local stack and prints the resolved share. The last
 * line is `resolved=<0..1>` so scripts can read it; failed scenarios still exit 0, setup problems exit 1.
 */
export async function runEvalConversations(dir: string): Promise<number> {
  if (await checkSeal(dir)) console.log(`sealed split: ${dir} matches its checksums`);
  const { scenarios, errors } = await loadScenarios(dir);
  for (const error of errors) console.log(`ERROR ${error.file}: ${error.message}`);
  if (scenarios.length === 0) throw new Error(`no valid scenario files (*.json) in ${dir}`);

  const starting = startConversationEnvironment();
  const interrupted = new AbortController();
  // Ctrl-C must not leave DynamoDB Local's JVM behind, even while the stack is still starting.
  const interrupt = () => {
    interrupted.abort();
    void starting.then((environment) => environment.stop()).catch(() => undefined);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let environment: ConversationEnvironment | undefined;
  try {
    environment = await starting;
    const results = await runScenarios(
      environment,
      scenarios,
      (result) => {
        if (interrupted.signal.aborted) return;
        console.log(
          result.resolved
            ? `PASS ${result.scenario.id}`
            : `FAIL ${result.scenario.id} (${result.scenario.file}) ${result.failure ?? ''}`.trimEnd(),
        );
      },
      interrupted.signal,
    );
    if (interrupted.signal.aborted) {
      console.error('interrupted: no summary');
      return 130;
    }
    const report = summarise(results);
    const resolvedCount = results.filter((result) => result.resolved).length;
    console.log(
      `\n${results.length} scenario(s), ${resolvedCount} resolved, ${results.length - resolvedCount} failed, ${errors.length} malformed file(s)`,
    );
    console.log('\nresolved by intent');
    for (const share of report.byIntent) console.log(shareLine(share));
    console.log('\nresolved by language');
    for (const share of report.byLanguage) console.log(shareLine(share));
    if (report.byPattern.length > 0) {
      console.log('\nresolved by pattern');
      for (const share of report.byPattern) console.log(shareLine(share));
    }
    console.log(
      `\nhandoff=${report.handoffShare.toFixed(4)} (${results.filter((result) => result.handoff).length}/${results.length} scenarios reached a person)`,
    );
    console.log(`turn latency p50=${report.p50Millis.toFixed(0)} ms p95=${report.p95Millis.toFixed(0)} ms`);
    console.log(`errors=${errors.length}`);
    console.log(`resolved=${report.resolvedShare.toFixed(4)}`);
    return 0;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await environment?.stop();
  }
}
