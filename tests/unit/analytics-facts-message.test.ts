import { describe, expect, it } from 'vitest';
import {
  MalformedMessageError,
  parseMessageItem,
} from '../../functions/adapters/aws/conversation-stream-events';
import { FACT_COLUMNS } from '../../functions/core/analytics/facts';
import { keyPhrases } from '../../functions/core/analytics/key-phrases';
import {
  complaintCategory,
  type MessageItem,
  toMessageFact,
} from '../../functions/core/analytics/message-facts';
import { analyseSentiment } from '../../functions/core/sentiment/model';

const shopper = (text: string, extra: Partial<MessageItem> = {}): MessageItem => ({
  sessionId: 's-1',
  seq: 3,
  role: 'shopper',
  text,
  createdAt: '2026-11-20T23:59:58.123Z',
  clientMessageId: 'c-1',
  ...extra,
});

const PLANTED: Array<{ lang: string; text: string; pii: string[] }> = [
  {
    lang: 'en',
    text: 'My shirt arrived faded, email me at jane.doe@example.com or call +44 7700 900123',
    pii: ['jane.doe@example.com', '7700 900123'],
  },
  {
    lang: 'es',
    text: 'La camiseta está desteñida, escríbeme a maria.lopez@correo.es o llama al +34 612 345 678',
    pii: ['maria.lopez@correo.es', '612 345 678'],
  },
  {
    lang: 'de',
    text: 'Das Kleid ist verblasst, meine Nummer ist +49 151 23456789, Mail: max@beispiel.de',
    pii: ['max@beispiel.de', '23456789'],
  },
  {
    lang: 'zh',
    text: '衣服褪色了，我的手机是13800138000，邮箱wang@example.cn',
    pii: ['13800138000', 'wang@example.cn'],
  },
  {
    lang: 'ja',
    text: 'シャツが色落ちしました。電話は０９０-１２３４-５６７８、メール ｔａｒｏ＠example.jp',
    pii: ['１２３４', 'example.jp'],
  },
  {
    lang: 'ar',
    text: 'القميص باهت، رقمي +966 50 123 4567 وبريدي ali@example.sa',
    pii: ['123 4567', 'ali@example.sa'],
  },
  {
    lang: 'fr',
    text: 'Le pull a déteint. Carte 4111 1111 1111 1111, tél 06 12 34 56 78',
    pii: ['4111 1111 1111 1111', '06 12 34 56 78'],
  },
];

describe('message facts from stream records', () => {
  it.each(PLANTED)('redacts planted PII ($lang) from every text column', ({ text, pii }) => {
    const fact = toMessageFact({ eventId: 'e-1', message: shopper(text), sentiment: analyseSentiment(text) });
    const everything = JSON.stringify(fact);
    for (const value of pii) expect(everything).not.toContain(value);
    expect(fact.redacted_text).toMatch(/\[(EMAIL|PHONE|CARD)\]/);
    expect(fact.defects).toContain('faded');
    expect(fact.key_phrases).toContain('faded');
  });

  it('fills every column of the schema from the record', () => {
    const sentiment = analyseSentiment("arrived broken, I'm furious");
    const fact = toMessageFact({
      eventId: 'evt-42',
      message: shopper("arrived broken, I'm furious"),
      sentiment,
      analysis: { language: 'en', intent: 'damaged_item' },
    });
    expect(fact).toMatchObject({
      event_id: 'evt-42',
      schema_version: 1,
      occurred_at: '2026-11-20T23:59:58.123Z',
      dt: '2026-11-20',
      conversation_id: 's-1',
      channel: 'chat',
      language: 'en',
      intent: 'damaged_item',
      complaint_category: 'quality',
      sentiment: 'negative',
      role: 'shopper',
      response_time_ms: null,
      sku: null,
      defects: ['broken'],
    });
    expect(fact.sentiment_negative).toBe(sentiment.scores.negative);
    for (const column of FACT_COLUMNS.message_facts) expect(fact).toHaveProperty(column.name);
  });

  it('item attributes win over the analysis; replies get a response time, not a sentiment', () => {
    const fact = toMessageFact({
      eventId: 'e-2',
      message: {
        ...shopper('Your order A1001 is on its way.'),
        role: 'assistant',
        seq: 4,
        createdAt: '2026-11-21T00:00:01.623Z',
        replyTo: 'c-1',
        language: 'en',
        intent: 'track_order',
        sku: 'TSHIRT-RED-M',
      },
      analysis: { language: 'fr', intent: 'other' },
      answeredMessageAt: '2026-11-20T23:59:58.123Z',
    });
    expect(fact).toMatchObject({
      role: 'assistant',
      language: 'en',
      intent: 'track_order',
      complaint_category: null,
      sentiment: null,
      sentiment_positive: null,
      response_time_ms: 3500,
      sku: 'TSHIRT-RED-M',
      dt: '2026-11-21',
    });
  });

  it('skips a response time it cannot compute', () => {
    const reply = { ...shopper('ok'), role: 'assistant' as const };
    expect(toMessageFact({ eventId: 'e', message: reply }).response_time_ms).toBeNull();
    expect(
      toMessageFact({ eventId: 'e', message: reply, answeredMessageAt: '2026-11-22T00:00:00Z' })
        .response_time_ms,
    ).toBeNull();
  });

  it('rejects malformed message items', () => {
    const good = {
      type: 'message',
      sessionId: 's',
      seq: 1,
      role: 'shopper',
      text: 'hi',
      createdAt: '2026-11-20T00:00:00Z',
    };
    expect(parseMessageItem(good).seq).toBe(1);
    for (const bad of [
      { ...good, sessionId: undefined },
      { ...good, seq: '1' },
      { ...good, role: 'robot' },
      { ...good, text: 5 },
      { ...good, createdAt: 'yesterday' },
      { ...good, intent: 7 },
    ])
      expect(() => parseMessageItem(bad)).toThrow(MalformedMessageError);
  });

  it('takes the redacted text and key phrases the enrichment produced, defect ids first', () => {
    const text = 'I am Jane Doe and my jacket arrived torn';
    const fact = toMessageFact({
      eventId: 'e-9',
      message: shopper(text),
      redactedText: 'I am [NAME] and my jacket arrived torn',
      keyPhrases: ['my jacket', 'torn', 'a', 'b', 'c', 'd', 'e'],
    });
    expect(fact.redacted_text).toBe('I am [NAME] and my jacket arrived torn');
    expect(fact.defects).toEqual(['torn']);
    expect(fact.key_phrases).toEqual(['torn', 'my jacket', 'a', 'b', 'c', 'd']);
    expect(JSON.stringify(fact)).not.toContain('Jane');
  });

  it('leaves every placeholder out of the word-list key phrases, a detector’s entity types included', () => {
    expect(keyPhrases('[NAME] says the [ADDRESS] porch jacket [CREDIT_DEBIT_NUMBER] ripped', [])).toEqual([
      'says',
      'porch',
      'jacket',
      'ripped',
    ]);
  });

  it('keeps key phrases modest and free of placeholders', () => {
    expect(
      keyPhrases('the [EMAIL] jacket zipper stained badly near pocket collar sleeve', ['stained']),
    ).toEqual(['stained', 'jacket', 'zipper', 'badly', 'near', 'pocket']);
    expect(complaintCategory('complaint', ['torn'])).toBe('quality');
    expect(complaintCategory('delivery_problem', [])).toBe('delivery');
    expect(complaintCategory('track_order', [])).toBeNull();
  });
});
