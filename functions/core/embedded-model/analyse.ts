import { type Entities, extractEntities } from '../nlu/entities';
import type { IntentId } from '../nlu/intent-ids';
import { classifyIntent } from '../nlu/intents';
import { detectLanguage } from '../nlu/language';
import type { SupportedLanguage } from '../nlu/languages';

export interface Analysis {
  lang: SupportedLanguage;
  langConfidence: number;
  intent: IntentId;
  intentConfidence: number;
  entities: Entities;
}

/** Everything the embedded model reads from one message; pure, so routing and analytics can reuse it. */
export function analyse(text: string, options: { languageHint?: string } = {}): Analysis {
  const entities = extractEntities(text);
  const language = detectLanguage(text, { hint: options.languageHint });
  const intent = classifyIntent(text, entities);
  return {
    lang: language.lang,
    langConfidence: language.confidence,
    intent: intent.intent,
    intentConfidence: intent.confidence,
    entities,
  };
}
