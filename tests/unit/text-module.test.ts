import { describe, expect, it } from 'vitest';
import { foldText, KeywordMatcher, leftmostLongest, parseKeyword, tokenise } from '../../functions/core/text';

const matcher = (terms: string[]) => new KeywordMatcher([['k', terms] as const]);
const found = (terms: string[], text: string) =>
  matcher(terms)
    .match(text)
    .matches.map((match) => match.term);

describe('foldText', () => {
  it('folds case, width and accents in Latin, Cyrillic and Vietnamese', () => {
    expect(foldText('ÉCHANGÉ Ｓｉｚｅ Größe Łódź')).toBe('echange size grosse lodz');
    expect(foldText('Доставка ещё не пришла, йогурт')).toBe('доставка еще не пришла, иогурт');
    expect(foldText('Hàng bị lỗi, rộng quá')).toBe('hang bi loi, rong qua');
    expect(foldText('Kırık ürün')).toBe('kirik urun');
  });

  it('drops Arabic vowel marks and the tatweel and unifies alef, yeh and teh marbuta', () => {
    expect(foldText('أَيْنَ الطـــلب؟')).toBe('اين الطلب؟');
    expect(foldText('إرجاع مستشفى الحقيبة')).toBe('ارجاع مستشفي الحقيبه');
  });

  it('keeps the marks that are part of Hangul, Kana and Thai letters', () => {
    expect(foldText('배송이 늦어요 ガラスが割れた สินค้าเสียหาย')).toBe(
      '배송이 늦어요 ガラスが割れた สินค้าเสียหาย',
    );
  });

  it('turns hyphens and underscores into spaces', () => {
    expect(foldText('too_small e-mail')).toBe('too small e mail');
  });
});

describe('tokenise', () => {
  it('splits spaced scripts on non-letters and keeps Korean particles on their word', () => {
    expect(tokenise('Where is order A1001? 배송은 언제').map((t) => t.text)).toEqual([
      'Where',
      'is',
      'order',
      'A1001',
      '배송은',
      '언제',
    ]);
  });

  it('finds words in Chinese, Japanese and Thai with Intl.Segmenter, with offsets into the text', () => {
    const zh = tokenise('我的快递还没到');
    expect(zh.map((t) => t.text)).toContain('快递');
    expect(zh.every((t) => t.segmented)).toBe(true);
    expect(tokenise('返品の期限はいつまでですか').map((t) => t.text)).toContain('返品');
    const th = tokenise('ok สินค้าเล็กเกินไป');
    expect(th.map((t) => t.text)).toEqual(expect.arrayContaining(['ok', 'สินค้า', 'เล็ก']));
    for (const token of th) expect('ok สินค้าเล็กเกินไป'.slice(token.start, token.end)).toBe(token.text);
  });

  it('gives nothing for text without words', () => {
    expect(tokenise(' ?! … ')).toEqual([]);
  });
});

describe('parseKeyword', () => {
  it('reads the term* syntax once for every list', () => {
    expect(parseKeyword('Deliver*')).toEqual({
      literal: 'deliver',
      prefix: true,
      unspaced: false,
      arabic: false,
    });
    expect(parseKeyword('  never   arrived ')).toMatchObject({ literal: 'never arrived', prefix: false });
    expect(parseKeyword('还没到')).toMatchObject({ unspaced: true });
    expect(parseKeyword('شحن*')).toMatchObject({ arabic: true, prefix: true });
    expect(parseKeyword('*')).toBeUndefined();
    expect(parseKeyword('  ')).toBeUndefined();
  });
});

describe('KeywordMatcher', () => {
  it('matches whole words in spaced scripts and word starts for term*', () => {
    expect(found(['late'], 'it came late.')).toEqual(['late']);
    expect(found(['late'], 'chocolate is later')).toEqual([]);
    expect(found(['deliver*'], 'The delivery failed')).toEqual(['deliver*']);
    expect(found(['deliver*'], 'undelivered')).toEqual([]);
    expect(found(['доставк*'], 'Где моя ДОСТАВКА?')).toEqual(['доставк*']);
  });

  it('ignores accents, case and spacing, in German, French, Spanish and Vietnamese', () => {
    expect(found(['verspat*'], 'Die Lieferung ist verspätet')).toEqual(['verspat*']);
    expect(found(['pas arrive*'], "Le colis n'est PAS   ARRIVÉ")).toEqual(['pas arrive*']);
    expect(found(['no llego'], 'mi pedido no\nllegó')).toEqual(['no llego']);
    expect(found(['rộng'], 'wrong size')).toEqual([]);
    expect(found(['rộng'], 'áo rộng quá')).toEqual(['rộng']);
  });

  it('matches Chinese, Japanese, Thai and Korean terms inside words', () => {
    expect(found(['没收到'], '我还没收到包裹')).toEqual(['没收到']);
    expect(found(['割れ'], '画面が割れていました')).toEqual(['割れ']);
    expect(found(['เล็ก'], 'สินค้าเล็กเกินไป')).toEqual(['เล็ก']);
    expect(found(['배송'], '배송이 너무 늦어요')).toEqual(['배송']);
    expect(found(['작동 안'], '작동안해요')).toEqual(['작동 안']);
    expect(found(['작동 안'], '작동  안 해요')).toEqual(['작동 안']);
  });

  it('ends a spaced word where another script starts', () => {
    expect(found(['app'], 'app很慢')).toEqual(['app']);
  });

  it('matches Arabic terms after joined proclitics, and only after them', () => {
    expect(found(['شحن*'], 'والشحن متأخر')).toEqual(['شحن*']);
    expect(found(['شحن*'], 'بالشحنة')).toEqual(['شحن*']);
    expect(found(['تأخير'], 'للتأخير')).toEqual(['تأخير']);
    expect(found(['شحن*'], 'مشحون')).toEqual([]);
  });

  it('reports every term of every group in one pass, with offsets in the folded text', () => {
    const lists = new KeywordMatcher([
      ['delivery', ['late', 'never arrived', 'deliver*']],
      ['quality', ['broke*', 'torn']],
    ] as const);
    const { folded, matches } = lists.match('Delivery was LATE and the box arrived torn, the lamp broken');
    expect(matches.map((match) => [match.group, folded.slice(match.start, match.end)])).toEqual([
      ['delivery', 'delivery'],
      ['delivery', 'late'],
      ['quality', 'torn'],
      ['quality', 'broken'],
    ]);
    expect(lists.size).toBe(5);
  });

  it('finds overlapping terms, and leftmostLongest keeps one per stretch of text', () => {
    const { matches } = new KeywordMatcher([['c', ['how long', 'long', 'how long does']] as const]).match(
      'how long does it take',
    );
    expect(matches.map((match) => match.term)).toEqual(['how long does', 'how long', 'long']);
    expect(leftmostLongest(matches).map((match) => match.term)).toEqual(['how long does']);
  });

  it('ignores blank terms and a bare star, and matches nothing in empty text', () => {
    const empty = new KeywordMatcher([['k', ['', ' ', '*']] as const]);
    expect(empty.size).toBe(0);
    expect(empty.match('anything').matches).toEqual([]);
    expect(matcher(['late']).match('').matches).toEqual([]);
  });
});
