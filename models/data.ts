import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';
import type { IntentId } from '../functions/core/nlu/intent-ids';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../functions/core/nlu/languages';
import { HeldOutIntentsSchema, type IntentData, IntentDataSchema, LanguageSamplesSchema } from './schemas';

/** Reads and checks the files in models/data. Build and test code only: Lambdas load trained artifacts. */

export const MODELS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(MODELS_DIR, 'data');

export class ModelDataError extends Error {
  override readonly name = 'ModelDataError';
}

export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const relative = path.relative(MODELS_DIR, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ModelDataError(`models/${relative} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ModelDataError(
      `models/${relative} breaks its schema: ${parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

export type IntentExamples = Partial<Record<IntentId, readonly string[]>>;

/** Every language's intent data, in SUPPORTED_LANGUAGES order (training order decides the softmax model). */
export function readIntentData(dir = path.join(DATA_DIR, 'intents')): Record<SupportedLanguage, IntentData> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  const byLanguage = new Map<string, IntentData>();
  for (const name of files) {
    const data = readDataFile(path.join(dir, name), IntentDataSchema);
    if (`${data.lang}.json` !== name)
      throw new ModelDataError(`models/data/intents/${name} declares language ${data.lang}`);
    byLanguage.set(data.lang, data);
  }
  const missing = SUPPORTED_LANGUAGES.filter((lang) => !byLanguage.has(lang));
  if (missing.length > 0)
    throw new ModelDataError(`models/data/intents has no file for ${missing.join(', ')}`);
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((lang) => [lang, byLanguage.get(lang)])) as Record<
    SupportedLanguage,
    IntentData
  >;
}

export function readLanguageSamples(): Partial<Record<SupportedLanguage, readonly string[]>> {
  return readDataFile(path.join(DATA_DIR, 'language-samples.json'), LanguageSamplesSchema);
}

export interface HeldOutExample {
  lang: SupportedLanguage;
  intent: IntentId;
  text: string;
}

/** Sentences written apart from the training examples, never trained on, to measure the classifier. */
export function readHeldOutIntents(): HeldOutExample[] {
  return readDataFile(path.join(DATA_DIR, 'heldout-intents.json'), HeldOutIntentsSchema).map(
    ([lang, intent, text]) => ({ lang, intent, text }),
  );
}
