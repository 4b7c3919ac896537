import { type Entities, extractEntities } from '../nlu/entities';
import type { IntentId } from '../nlu/intent-ids';
import { detectLanguage } from '../nlu/language';
import type { SupportedLanguage } from '../nlu/languages';
import { messageParts } from '../nlu/segments';

export interface Analysis {
  lang: SupportedLanguage;
  langConfidence: number;
  intent: IntentId;
  intentConfidence: number;
  entities: Entities;
  /** The message without greetings, thanks and pleasantries: what the intent was read from. */
  request: string;
  /** A second request in the same message ("…and can I return it?"), to be offered once the first is answered. */
  followUp?: { intent: IntentId; text: string };
}

/** Everything the embedded model reads from one message; pure, so routing and analytics can reuse it. */
export function analyse(text: string, options: { languageHint?: string } = {}): Analysis {
  const entities = extractEntities(text);
  const language = detectLanguage(text, { hint: options.languageHint });
  const parts = messageParts(text);
  const intent = parts.main;
  return {
    lang: language.lang,
    langConfidence: language.confidence,
    intent: intent.intent,
    intentConfidence: intent.confidence,
    entities,
    request: parts.courtesyRemoved ? parts.request : text,
    ...(parts.followUp
      ? { followUp: { intent: parts.followUp.reading.intent, text: parts.followUp.text } }
      : {}),
  };
}
