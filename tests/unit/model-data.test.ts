import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_DIR,
  readDataFile,
  readHeldOutIntents,
  readIntentData,
  readLanguageSamples,
} from '../../models/data';
import { DefectKeywordsSchema, KEYWORD_FILES, KnowledgeConceptsSchema } from '../../models/schemas';

const KEYWORDS_DIR = path.join(DATA_DIR, 'keywords');

describe('models/data', () => {
  it('every intent, language and held-out file meets its schema', () => {
    expect(Object.keys(readIntentData())).toHaveLength(17);
    expect(Object.keys(readLanguageSamples()).length).toBeGreaterThan(0);
    expect(readHeldOutIntents().length).toBeGreaterThan(0);
  });

  it('every keyword file meets its schema, and no keyword file goes unchecked', () => {
    expect(readdirSync(KEYWORDS_DIR).sort()).toEqual(Object.keys(KEYWORD_FILES).sort());
    for (const [name, schema] of Object.entries(KEYWORD_FILES))
      expect(() => readDataFile(path.join(KEYWORDS_DIR, name), schema), name).not.toThrow();
  });

  it('gives every defect and every knowledge concept its own id', () => {
    const defects = readDataFile(path.join(KEYWORDS_DIR, 'defects.json'), DefectKeywordsSchema).map(
      (d) => d.id,
    );
    const concepts = readDataFile(
      path.join(KEYWORDS_DIR, 'knowledge-concepts.json'),
      KnowledgeConceptsSchema,
    ).map((c) => c.id);
    expect(new Set(defects).size).toBe(defects.length);
    expect(new Set(concepts).size).toBe(concepts.length);
  });
});
