/**
 * The lexicon data files, one per language. They are JSON so they can be edited (and reviewed) as data;
 * analyse.ts checks each with the zod schema in lexicon.ts before compiling it.
 */

import ar from './data/lexicons/ar.json';
import de from './data/lexicons/de.json';
import en from './data/lexicons/en.json';
import es from './data/lexicons/es.json';
import fr from './data/lexicons/fr.json';
import id from './data/lexicons/id.json';
import it from './data/lexicons/it.json';
import ja from './data/lexicons/ja.json';
import ko from './data/lexicons/ko.json';
import nl from './data/lexicons/nl.json';
import pl from './data/lexicons/pl.json';
import pt from './data/lexicons/pt.json';
import ru from './data/lexicons/ru.json';
import th from './data/lexicons/th.json';
import tr from './data/lexicons/tr.json';
import vi from './data/lexicons/vi.json';
import zh from './data/lexicons/zh.json';

export const SENTIMENT_LEXICON_FILES: readonly unknown[] = [
  en,
  es,
  fr,
  de,
  it,
  pt,
  nl,
  pl,
  ru,
  tr,
  ar,
  zh,
  ja,
  ko,
  id,
  vi,
  th,
];
