import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { INTENT_IDS } from '../../functions/core/nlu/intent-ids';
import { SUPPORTED_LANGUAGES } from '../../functions/core/nlu/languages';

const Language = z.enum(SUPPORTED_LANGUAGES);
const Intent = z.enum(INTENT_IDS);
const Phrases = z.array(z.string().min(1)).min(1);

export const TurnExpectationSchema = z.strictObject({
  intentIs: Intent.optional(),
  /** All of these must appear in the reply, exactly as written. */
  replyIncludes: Phrases.optional(),
  /** At least one of these must appear in the reply, exactly as written. */
  replyIncludesAny: Phrases.optional(),
  /** None of these may appear in the reply, exactly as written. */
  replyExcludes: Phrases.optional(),
  /** Whether the session waits for a person (queued or assigned) after this turn. */
  handoff: z.boolean().optional(),
  language: Language.optional(),
  /** The seller's Store table (orders, returns, claims, tickets) is byte-for-byte the same after the turn. */
  storeUnchanged: z.literal(true).optional(),
});
export type TurnExpectation = z.infer<typeof TurnExpectationSchema>;

export const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'id must be 1-80 lowercase letters, digits, . _ -'),
  description: z.string().min(1),
  intent: Intent,
  lang: Language,
  /** The multi-turn pattern the scenario exercises (greeting, topic-switch, bare-answer…); results are grouped by it. */
  pattern: z
    .string()
    .regex(/^[a-z][a-z-]{0,39}$/)
    .optional(),
  customer: z.string().min(1),
  /** The storefront's language, sent with every message as the widget sends it: a prior, not the answer. */
  locale: z.string().min(2).max(35).optional(),
  turns: z
    .array(z.strictObject({ say: z.string().trim().min(1), expect: TurnExpectationSchema.default({}) }))
    .min(1),
  // Only one rule exists today; the field is there so files stay valid if others are added.
  resolvedWhen: z.literal('every_turn').default('every_turn'),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** What one turn produced, as the runner saw it over the socket and in the tables. */
export interface ObservedTurn {
  text: string;
  intent?: string;
  language?: string;
  handoff: boolean;
  /** Undefined when the turn did not ask for a Store snapshot. */
  storeChanged?: boolean;
  /** Set when the server answered with a protocol error instead of a reply. */
  error?: string;
}

const quote = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
};

/** The first expectation that does not hold, in a sentence; undefined when the turn passes. */
export function firstFailure(expect: TurnExpectation, observed: ObservedTurn): string | undefined {
  if (observed.error) return `server error: ${observed.error}`;
  // Case matters: a size "S" or "M" would otherwise match almost any sentence.
  const reply = observed.text;
  if (expect.intentIs && observed.intent !== expect.intentIs)
    return `intentIs ${expect.intentIs}, got ${observed.intent ?? 'none'}`;
  if (expect.language && observed.language !== expect.language)
    return `language ${expect.language}, got ${observed.language ?? 'none'}`;
  for (const phrase of expect.replyIncludes ?? [])
    if (!reply.includes(phrase))
      return `replyIncludes ${JSON.stringify(phrase)}, reply was ${quote(observed.text)}`;
  if (expect.replyIncludesAny && !expect.replyIncludesAny.some((phrase) => reply.includes(phrase)))
    return `replyIncludesAny ${JSON.stringify(expect.replyIncludesAny)}, reply was ${quote(observed.text)}`;
  for (const phrase of expect.replyExcludes ?? [])
    if (reply.includes(phrase))
      return `replyExcludes ${JSON.stringify(phrase)}, reply was ${quote(observed.text)}`;
  if (expect.handoff !== undefined && observed.handoff !== expect.handoff)
    return expect.handoff ? 'handoff expected, none requested' : 'no handoff expected, one was requested';
  if (expect.storeUnchanged && observed.storeChanged !== false)
    return 'storeUnchanged, the Store table changed';
  return undefined;
}

export type LoadedScenarios = {
  scenarios: Array<Scenario & { file: string }>;
  errors: Array<{ file: string; message: string }>;
};

/** Every `*.json` file in `dir`, sorted by name; unreadable or invalid files become errors, not exceptions. */
export async function loadScenarios(dir: string): Promise<LoadedScenarios> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const loaded: LoadedScenarios = { scenarios: [], errors: [] };
  const seen = new Set<string>();
  for (const file of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      loaded.errors.push({
        file,
        message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const parsed = ScenarioSchema.safeParse(raw);
    if (!parsed.success) {
      loaded.errors.push({ file, message: z.prettifyError(parsed.error).replace(/\n+/g, '; ') });
      continue;
    }
    if (seen.has(parsed.data.id)) {
      loaded.errors.push({ file, message: `duplicate scenario id "${parsed.data.id}"` });
      continue;
    }
    seen.add(parsed.data.id);
    loaded.scenarios.push({ ...parsed.data, file });
  }
  return loaded;
}
