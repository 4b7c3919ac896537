/**
 * Okapi BM25 over pre-tokenised documents. Written here rather than taken from npm: the ranker is forty lines, and the libraries bring their own tokenisers (English-only
 * stemmers, no CJK) that would have to be bypassed anyway while adding weight to every Lambda bundle.
 */
export interface Bm25Options {
  /** Term-frequency saturation: a word said three times is not three times the evidence. */
  k1: number;
  /** Length normalisation: a long answer mentions more words by chance. */
  b: number;
}

export const BM25_DEFAULTS: Bm25Options = { k1: 1.2, b: 0.75 };

export interface Bm25Index {
  documents: number;
  averageLength: number;
  documentFrequency: Map<string, number>;
  termFrequencies: Array<Map<string, number>>;
  lengths: number[];
  options: Bm25Options;
}

export function buildBm25Index(
  documents: ReadonlyArray<readonly string[]>,
  options = BM25_DEFAULTS,
): Bm25Index {
  const documentFrequency = new Map<string, number>();
  const termFrequencies = documents.map((terms) => {
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const term of frequencies.keys())
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return frequencies;
  });
  const lengths = documents.map((terms) => terms.length);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  return {
    documents: documents.length,
    averageLength: documents.length > 0 ? total / documents.length : 0,
    documentFrequency,
    termFrequencies,
    lengths,
    options,
  };
}

/** Lucene's idf, which stays positive: with a handful of documents a shared term must still count a little. */
export function idf(index: Bm25Index, term: string): number {
  return idfOf(index.documents, index.documentFrequency.get(term) ?? 0);
}

export function idfOf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Query weights let a cross-language concept count for more than a word that may match by chance. */
export function bm25Scores(index: Bm25Index, query: ReadonlyMap<string, number>): number[] {
  const { k1, b } = index.options;
  return index.termFrequencies.map((frequencies, document) => {
    const length = index.lengths[document] ?? 0;
    const norm = k1 * (1 - b + (b * length) / (index.averageLength || 1));
    let score = 0;
    for (const [term, weight] of query) {
      const tf = frequencies.get(term) ?? 0;
      if (tf > 0) score += weight * idf(index, term) * ((tf * (k1 + 1)) / (tf + norm));
    }
    return score;
  });
}
