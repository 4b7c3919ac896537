import { describe, expect, it } from 'vitest';
import { bm25Scores, buildBm25Index } from '../../functions/core/knowledge/bm25';
import { analyseText } from '../../functions/core/knowledge/tokenise';

const query = (...terms: string[]) => new Map(terms.map((term) => [term, 1]));

describe('bm25Scores', () => {
  it('ranks a document holding a rare term above one holding a common term', () => {
    const index = buildBm25Index([
      ['order', 'ship', 'days'],
      ['order', 'return', 'days'],
      ['order', 'warranty'],
    ]);
    const [ship, , warranty] = bm25Scores(index, query('order', 'ship'));
    expect(ship).toBeGreaterThan(warranty ?? 0);
    expect(warranty).toBeGreaterThan(0);
  });

  it('gives diminishing credit for repeating a term', () => {
    const index = buildBm25Index([['wash'], ['wash', 'wash'], ['wash', 'wash', 'wash', 'wash'], ['other']]);
    const [once = 0, twice = 0, four = 0] = bm25Scores(index, query('wash'));
    expect(twice).toBeGreaterThan(once);
    expect(four - twice).toBeLessThan(twice - once);
  });

  it('prefers the shorter of two documents with the same matches', () => {
    const index = buildBm25Index([
      ['care', 'wash'],
      ['care', 'wash', 'cold', 'hang', 'dry', 'inside', 'out', 'iron', 'low'],
      ['other'],
    ]);
    const [short = 0, long = 0] = bm25Scores(index, query('wash'));
    expect(short).toBeGreaterThan(long);
  });

  it('scores nothing for a query with no term in the index', () => {
    expect(bm25Scores(buildBm25Index([['a'], ['b']]), query('c'))).toEqual([0, 0]);
  });
});

describe('analyseText', () => {
  it('turns a return question into the same concept in eight languages', () => {
    for (const text of [
      'return it',
      'devolverlo',
      'le retourner',
      'zurückgeben',
      '退货',
      '返品したい',
      '반품하고 싶어요',
      'คืนสินค้า',
    ]) {
      expect(analyseText(text).concepts, text).toContain('return');
    }
  });

  it('reads unaccented spellings the way phones type them', () => {
    expect(analyseText('envio').concepts).toEqual(['shipping']);
    expect(analyseText('rucksendung').concepts).toEqual(['return']);
  });

  it('reads Arabic words with the article and a conjunction attached', () => {
    expect(analyseText('والشحن').concepts).toEqual(['shipping']);
  });

  it('does not take a concept from inside an unrelated word', () => {
    expect(analyseText('a long bookshelf').concepts).toEqual([]);
    expect(analyseText('wrong colour').concepts).toEqual([]);
  });

  it('splits Chinese into character bigrams and Han characters, Thai into bigrams and its longer words', () => {
    expect(analyseText('关税谁付').words).toEqual(['关税', '税谁', '谁付', '关', '税', '谁', '付']);
    expect(analyseText('สวัสดี').words).toEqual(['สว', 'วั', 'ัส', 'สด', 'ดี', 'สวัสดี']);
  });

  it('drops function words and the endings that differ between question and answer', () => {
    expect(analyseText('Do you offer gift wrapping for my orders?').words).toEqual([
      'offer',
      'gift',
      'wrap',
      'order',
    ]);
  });
});
