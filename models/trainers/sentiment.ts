import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  compileLexicon,
  LexiconFile as SentimentLexiconSchema,
} from '../../functions/core/sentiment/lexicon';
import type { ArtifactContents } from '../artifact';
import { DATA_DIR, ModelDataError, readDataFile } from '../data';

/**
 * Nothing to train: the sentiment analyser reads its lexicons through rules (functions/core/sentiment).
 * Each file is checked against its schema and compiled once here, so a term listed under two roles fails
 * the build by name; the checked lists ship as one artifact, outside the JavaScript bundles.
 */
export function packSentimentLexicons(dir = path.join(DATA_DIR, 'sentiment')): ArtifactContents {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const lexicons = names.map((name) => {
    const file = readDataFile(path.join(dir, name), SentimentLexiconSchema);
    if (`${file.lang}.json` !== name)
      throw new ModelDataError(`models/data/sentiment/${name} declares language ${file.lang}`);
    compileLexicon(file);
    return file;
  });
  return { meta: { lexicons }, sections: {} };
}
