import * as path from 'node:path';
import type { ArtifactContents } from '../artifact';
import { DATA_DIR, readDataFile } from '../data';
import {
  ComplaintKeywordsSchema,
  DefectKeywordsSchema,
  type KeywordLists,
  KnowledgeConceptsSchema,
  SizeReturnKeywordsSchema,
} from '../schemas';

const file = (name: string) => path.join(DATA_DIR, 'keywords', name);

/**
 * Nothing to train: the lists are checked against their schemas and shipped as one artifact, so that
 * they stay out of the JavaScript bundles like the trained models (about 35 KB of the assistant's).
 */
export function packKeywordLists(): ArtifactContents {
  const lists: KeywordLists = {
    complaints: readDataFile(file('complaints.json'), ComplaintKeywordsSchema),
    defects: readDataFile(file('defects.json'), DefectKeywordsSchema),
    concepts: readDataFile(file('knowledge-concepts.json'), KnowledgeConceptsSchema),
    sizeReturns: readDataFile(file('size-returns.json'), SizeReturnKeywordsSchema),
  };
  return { meta: { lists }, sections: {} };
}
