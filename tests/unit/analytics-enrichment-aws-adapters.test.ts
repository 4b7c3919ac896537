import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime';
import {
  BatchDetectKeyPhrasesCommand,
  BatchDetectSentimentCommand,
  ComprehendClient,
  DetectPiiEntitiesCommand,
  type PiiEntity,
  TooManyRequestsException,
} from '@aws-sdk/client-comprehend';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BedrockSentiment, parseSentimentReply } from '../../functions/adapters/aws/bedrock-sentiment';
import {
  COMPREHEND_LANGUAGES,
  clip,
  comprehendLanguage,
} from '../../functions/adapters/aws/comprehend-batches';
import { ComprehendKeyPhrases } from '../../functions/adapters/aws/comprehend-key-phrases';
import { ComprehendPiiRedaction } from '../../functions/adapters/aws/comprehend-pii-redaction';
import { ComprehendSentiment } from '../../functions/adapters/aws/comprehend-sentiment';
import { EmbeddedSentiment } from '../../functions/adapters/local/embedded-sentiment';
import { PatternPiiRedaction } from '../../functions/adapters/local/pattern-pii-redaction';
import { WordListKeyPhrases } from '../../functions/adapters/local/word-list-key-phrases';
import type { Sentiment } from '../../functions/ports/sentiment';

const comprehend = mockClient(ComprehendClient);
const bedrock = mockClient(BedrockRuntimeClient);

beforeEach(() => {
  comprehend.reset();
  bedrock.reset();
});

const throttled = () =>
  new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });

describe('the shared Comprehend batching', () => {
  it('clips to 5,000 UTF-8 bytes without splitting a character', () => {
    const clipped = clip('é'.repeat(3000));
    expect(new TextEncoder().encode(clipped).length).toBe(5000);
    expect(clip(`a${'😀'.repeat(2000)}`)).toBe(`a${'😀'.repeat(1249)}`);
  });

  it('maps language tags to the codes Comprehend takes, and refuses the ones it lacks', () => {
    expect(comprehendLanguage('en-GB', COMPREHEND_LANGUAGES)).toBe('en');
    expect(comprehendLanguage('zh-Hant', COMPREHEND_LANGUAGES)).toBe('zh-TW');
    expect(comprehendLanguage('zh-TW', COMPREHEND_LANGUAGES)).toBe('zh-TW');
    expect(comprehendLanguage('zh', COMPREHEND_LANGUAGES)).toBe('zh');
    expect(comprehendLanguage('th', COMPREHEND_LANGUAGES)).toBeUndefined();
    expect(comprehendLanguage(null, COMPREHEND_LANGUAGES)).toBeUndefined();
  });
});

describe('Comprehend key phrases', () => {
  it('batches 25 documents per call and language, and sends other languages and failed documents to the word list', async () => {
    comprehend
      .on(BatchDetectKeyPhrasesCommand)
      .callsFake((input: { LanguageCode: string; TextList: string[] }) => ({
        ResultList: input.TextList.flatMap((text, index) =>
          text.startsWith('fail')
            ? []
            : [
                {
                  Index: index,
                  KeyPhrases: [
                    { Text: 'the zipper', Score: 0.99, BeginOffset: 20, EndOffset: 30 },
                    { Text: 'The Red Jacket', Score: 0.98, BeginOffset: 0, EndOffset: 14 },
                    { Text: '[EMAIL]', Score: 0.7, BeginOffset: 40, EndOffset: 47 },
                  ],
                },
              ],
        ),
        ErrorList: input.TextList.flatMap((text, index) =>
          text.startsWith('fail')
            ? [{ Index: index, ErrorCode: 'INTERNAL_SERVER_ERROR', ErrorMessage: 'Unknown error' }]
            : [],
        ),
      }));
    const english = Array.from({ length: 30 }, (_, n) => ({ text: `jacket ${n}`, lang: 'en' }));
    const results = await new ComprehendKeyPhrases(
      new ComprehendClient({}),
      new WordListKeyPhrases(),
    ).extract([
      ...english,
      { text: 'fail: zipper stuck halfway', lang: 'en' },
      { text: 'la chaqueta roja', lang: 'es' },
      { text: 'ritsleting jaket rusak', lang: 'id' },
      { text: '   ', lang: 'en' },
    ]);

    const calls = comprehend.commandCalls(BatchDetectKeyPhrasesCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => [input.LanguageCode, input.TextList?.length])).toEqual([
      ['en', 25],
      ['en', 6],
      ['es', 1],
    ]);
    expect(results[0]).toEqual(['the red jacket', 'the zipper']);
    expect(results[29]).toEqual(['the red jacket', 'the zipper']);
    expect(results[30]).toEqual(['fail', 'zipper', 'stuck', 'halfway']);
    expect(results[31]).toEqual(['the red jacket', 'the zipper']);
    expect(results[32]).toEqual(['ritsleting', 'jaket', 'rusak']);
    expect(results[33]).toEqual([]);
  });

  it('clips long documents to Comprehend’s 5,000-byte limit', async () => {
    comprehend
      .on(BatchDetectKeyPhrasesCommand)
      .resolves({ ResultList: [{ Index: 0, KeyPhrases: [] }], ErrorList: [] });
    await new ComprehendKeyPhrases(new ComprehendClient({}), new WordListKeyPhrases()).extract([
      { text: 'ñ'.repeat(4000), lang: 'es' },
    ]);
    const text = comprehend.commandCalls(BatchDetectKeyPhrasesCommand)[0]?.args[0].input.TextList?.[0] ?? '';
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(5000);
  });

  it('rejects when Comprehend throttles, so the record is retried', async () => {
    comprehend.on(BatchDetectKeyPhrasesCommand).rejects(throttled());
    await expect(
      new ComprehendKeyPhrases(new ComprehendClient({}), new WordListKeyPhrases()).extract([
        { text: 'the red jacket', lang: 'en' },
      ]),
    ).rejects.toThrow(TooManyRequestsException);
  });
});

/** A stand-in for DetectPiiEntities that finds the planted values and reports them as Comprehend does. */
function plantedPii(planted: Record<string, string>) {
  return (input: { Text: string }) => {
    const entities: PiiEntity[] = [];
    for (const [value, type] of Object.entries(planted)) {
      const at = input.Text.indexOf(value);
      if (at < 0) continue;
      // Comprehend counts code points, not UTF-16 units.
      const begin = Array.from(input.Text.slice(0, at)).length;
      entities.push({
        Type: type as PiiEntity['Type'],
        Score: 0.99,
        BeginOffset: begin,
        EndOffset: begin + Array.from(value).length,
      });
    }
    return { Entities: entities };
  };
}

const redaction = () => new ComprehendPiiRedaction(new ComprehendClient({}), new PatternPiiRedaction());

describe('Comprehend PII redaction', () => {
  it('replaces planted names and addresses in English and Spanish after the pattern redaction', async () => {
    comprehend.on(DetectPiiEntitiesCommand).callsFake(
      plantedPii({
        'Jane Doe': 'NAME',
        '221B Baker Street, London': 'ADDRESS',
        'María José García': 'NAME',
        'Calle de Alcalá 45, Madrid': 'ADDRESS',
      }),
    );
    const [english, spanish] = await redaction().redact([
      {
        text: 'I am Jane Doe, send it to 221B Baker Street, London or mail jane.doe@example.com',
        lang: 'en',
      },
      {
        text: 'Soy María José García, vivo en Calle de Alcalá 45, Madrid, tel +34 612 345 678',
        lang: 'es',
      },
    ]);
    expect(english).toBe('I am [NAME], send it to [ADDRESS] or mail [EMAIL]');
    expect(spanish).toBe('Soy [NAME], vivo en [ADDRESS], tel [PHONE]');
    const sent = comprehend.commandCalls(DetectPiiEntitiesCommand).map((call) => call.args[0].input);
    expect(sent.map((input) => input.LanguageCode)).toEqual(['en', 'es']);
    // Comprehend only ever sees the pattern-redacted text.
    expect(JSON.stringify(sent)).not.toContain('jane.doe@example.com');
    expect(JSON.stringify(sent)).not.toContain('612 345 678');
  });

  it('reads Comprehend’s offsets as code points, so an emoji before a name shifts nothing', async () => {
    comprehend.on(DetectPiiEntitiesCommand).callsFake(plantedPii({ 'John Smith': 'NAME', Leeds: 'ADDRESS' }));
    const [text] = await redaction().redact([
      { text: '👋😀 hi, I am John Smith 🙏 from Leeds, the 🧥 is torn', lang: 'en' },
    ]);
    expect(text).toBe('👋😀 hi, I am [NAME] 🙏 from [ADDRESS], the 🧥 is torn');
  });

  it('keeps the pattern placeholders when an entity overlaps one', async () => {
    comprehend
      .on(DetectPiiEntitiesCommand)
      .callsFake(plantedPii({ 'Calle Mayor 5, piso [PHONE]': 'ADDRESS', '[EMAIL]': 'EMAIL' }));
    const [text] = await redaction().redact([
      { text: 'Entregar en Calle Mayor 5, piso 06 12 34 56 78, aviso a ana@example.es', lang: 'es' },
    ]);
    expect(text).toBe('Entregar en [ADDRESS] [PHONE], aviso a [EMAIL]');
  });

  it('leaves dates, ages and links, which the analysts read', async () => {
    comprehend.on(DetectPiiEntitiesCommand).resolves({
      Entities: [
        { Type: 'DATE_TIME', Score: 0.99, BeginOffset: 12, EndOffset: 22 },
        { Type: 'NAME', Score: 0.9, BeginOffset: 0, EndOffset: 3 },
      ],
    });
    const [text] = await redaction().redact([{ text: 'Bob ordered 2026-11-20, size M', lang: 'en' }]);
    expect(text).toBe('[NAME] ordered 2026-11-20, size M');
  });

  it('only asks Comprehend about en and es, and redacts patterns in every language', async () => {
    comprehend.on(DetectPiiEntitiesCommand).resolves({ Entities: [] });
    const texts = await redaction().redact([
      { text: 'Je suis Jean Dupont, carte 4111 1111 1111 1111', lang: 'fr' },
      { text: 'โทร 081 234 5678 หรือ somchai@example.co.th', lang: 'th' },
      { text: 'no language, mail me at x.y@example.org', lang: null },
    ]);
    expect(texts).toEqual([
      'Je suis [NAME], carte [CARD]',
      'โทร [PHONE] หรือ [EMAIL]',
      'no language, mail me at [EMAIL]',
    ]);
    expect(comprehend.commandCalls(DetectPiiEntitiesCommand)).toHaveLength(0);
  });

  it('fails instead of passing on a text it could not check', async () => {
    comprehend.on(DetectPiiEntitiesCommand).rejects(throttled());
    await expect(redaction().redact([{ text: 'I am Jane Doe', lang: 'en' }])).rejects.toThrow(
      TooManyRequestsException,
    );
  });
});

const converseReply = (text: string): ConverseCommandOutput => ({
  $metadata: {},
  output: { message: { role: 'assistant', content: [{ text }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 120, outputTokens: 30, totalTokens: 150 },
  metrics: { latencyMs: 300 },
});

describe('Bedrock sentiment', () => {
  const fallbackTexts: string[] = [];
  const fallback: Sentiment = {
    detect: async (texts) => {
      fallbackTexts.push(...texts.map((input) => input.text));
      return new EmbeddedSentiment().detect(texts);
    },
  };
  const model = () =>
    new BedrockSentiment({ client: new BedrockRuntimeClient({}), modelId: 'us.model-v1:0', fallback });

  beforeEach(() => {
    fallbackTexts.length = 0;
  });

  it('asks the configured model for JSON and returns its label with scores that sum to 1', async () => {
    bedrock
      .on(ConverseCommand)
      .resolves(
        converseReply(
          '```json\n{"label":"negative","scores":{"positive":0.05,"negative":0.9,"neutral":0.1,"mixed":0.05}}\n```',
        ),
      );
    const [result] = await model().detect([{ text: 'สินค้ามาช้ามาก ผิดหวังมาก', lang: 'th' }]);
    expect(result?.label).toBe('negative');
    const scores = result?.scores ?? { positive: 0, negative: 0, neutral: 0, mixed: 0 };
    expect(scores.negative).toBeCloseTo(0.9 / 1.1);
    expect(scores.positive + scores.negative + scores.neutral + scores.mixed).toBeCloseTo(1);
    const input = bedrock.commandCalls(ConverseCommand)[0]?.args[0].input;
    expect(input?.modelId).toBe('us.model-v1:0');
    expect(input?.inferenceConfig?.temperature).toBe(0);
    expect(JSON.stringify(input?.messages)).toContain('lang=\\"th\\"');
    expect(fallbackTexts).toEqual([]);
  });

  it('falls back to the embedded analyser on throttling and on replies that are not the expected JSON', async () => {
    bedrock
      .on(ConverseCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Too many requests', $metadata: {} }))
      .resolvesOnce(converseReply('The sentiment is negative.'))
      .resolvesOnce(
        converseReply('{"label":"furious","scores":{"positive":0,"negative":1,"neutral":0,"mixed":0}}'),
      )
      .resolves(converseReply('{"label":"positive","scores":{"positive":0.9,"negative":0.1}}'));
    const texts = ['hàng đến muộn quá', 'barang rusak', 'bagus sekali', 'terima kasih'];
    const results = await model().detect(texts.map((text) => ({ text, lang: 'vi' })));
    expect(results).toHaveLength(4);
    expect(fallbackTexts.sort()).toEqual([...texts].sort());
    for (const result of results)
      expect(['positive', 'negative', 'neutral', 'mixed']).toContain(result.label);
  });

  it('validates the reply: labels and scores out of range are refused', () => {
    expect(
      parseSentimentReply('{"label":"neutral","scores":{"positive":0,"negative":0,"neutral":2,"mixed":0}}'),
    ).toBe(undefined);
    expect(
      parseSentimentReply('{"label":"neutral","scores":{"positive":0,"negative":0,"neutral":0,"mixed":0}}'),
    ).toBe(undefined);
    expect(
      parseSentimentReply(
        'Sure! {"label":"mixed","scores":{"positive":0.4,"negative":0.4,"neutral":0,"mixed":0.2}}',
      ),
    ).toEqual({ label: 'mixed', scores: { positive: 0.4, negative: 0.4, neutral: 0, mixed: 0.2 } });
  });

  it('is Comprehend sentiment’s fallback for the languages Comprehend lacks', async () => {
    comprehend.on(BatchDetectSentimentCommand).resolves({
      ResultList: [
        {
          Index: 0,
          Sentiment: 'POSITIVE',
          SentimentScore: { Positive: 0.97, Negative: 0.01, Neutral: 0.01, Mixed: 0.01 },
        },
      ],
      ErrorList: [],
    });
    bedrock
      .on(ConverseCommand)
      .resolves(
        converseReply('{"label":"negative","scores":{"positive":0,"negative":0.8,"neutral":0.2,"mixed":0}}'),
      );
    const results = await new ComprehendSentiment(new ComprehendClient({}), model()).detect([
      { text: 'Great service, thanks!', lang: 'en' },
      { text: 'Barang saya rusak', lang: 'id' },
    ]);
    expect(results.map((result) => result.label)).toEqual(['positive', 'negative']);
    expect(comprehend.commandCalls(BatchDetectSentimentCommand)[0]?.args[0].input.TextList).toEqual([
      'Great service, thanks!',
    ]);
    expect(JSON.stringify(bedrock.commandCalls(ConverseCommand)[0]?.args[0].input.messages)).toContain(
      'Barang saya rusak',
    );
  });

  it('Comprehend sentiment rejects when throttled, failing the record for a retry', async () => {
    comprehend.on(BatchDetectSentimentCommand).rejects(throttled());
    await expect(
      new ComprehendSentiment(new ComprehendClient({}), model()).detect([{ text: 'hello', lang: 'en' }]),
    ).rejects.toThrow(TooManyRequestsException);
  });
});
