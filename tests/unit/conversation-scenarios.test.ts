import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, type ScenarioResult, summarise } from '../../local/evaluation/conversation-runner';
import {
  firstFailure,
  loadScenarios,
  type ObservedTurn,
  ScenarioSchema,
} from '../../local/evaluation/conversation-scenario';

const observed = (overrides: Partial<ObservedTurn> = {}): ObservedTurn => ({
  text: 'Your order A1001 is on its way. Carrier: DHL, tracking number JD014600006254. Size M.',
  intent: 'track_order',
  language: 'en',
  handoff: false,
  ...overrides,
});

const valid = {
  id: 'track-en',
  description: 'tracking',
  intent: 'track_order',
  lang: 'en',
  customer: 'c-ana',
  turns: [{ say: 'Where is A1001?', expect: { replyIncludes: ['JD014600006254'] } }],
};

describe('scenario schema', () => {
  it('accepts a minimal scenario and defaults the resolution rule and empty expectations', () => {
    const parsed = ScenarioSchema.parse({ ...valid, turns: [{ say: 'hi' }] });
    expect(parsed.resolvedWhen).toBe('every_turn');
    expect(parsed.turns[0]?.expect).toEqual({});
  });

  it.each([
    ['an unknown intent id', { ...valid, intent: 'where_is_my_stuff' }],
    ['an unsupported language', { ...valid, lang: 'xx' }],
    ['no turns', { ...valid, turns: [] }],
    ['a misspelt expectation', { ...valid, turns: [{ say: 'hi', expect: { replyInclude: ['x'] } }] }],
    ['an empty phrase list', { ...valid, turns: [{ say: 'hi', expect: { replyIncludes: [] } }] }],
  ])('rejects %s', (_name, scenario) => {
    expect(ScenarioSchema.safeParse(scenario).success).toBe(false);
  });
});

describe('turn matching', () => {
  it('passes when every expectation holds', () => {
    expect(
      firstFailure(
        {
          intentIs: 'track_order',
          language: 'en',
          replyIncludes: ['DHL', 'JD014600006254'],
          replyIncludesAny: ['nope', 'A1001'],
          replyExcludes: ['A1002'],
          handoff: false,
          storeUnchanged: true,
        },
        observed({ storeChanged: false }),
      ),
    ).toBeUndefined();
  });

  it('reports the first failed expectation with the reply', () => {
    expect(firstFailure({ intentIs: 'cancel_order' }, observed())).toBe(
      'intentIs cancel_order, got track_order',
    );
    expect(firstFailure({ language: 'fr' }, observed())).toBe('language fr, got en');
    expect(firstFailure({ replyIncludes: ['DHL', 'UPS'] }, observed())).toMatch(
      /^replyIncludes "UPS", reply was "Your order A1001/,
    );
    expect(firstFailure({ replyIncludesAny: ['UPS', 'DPD'] }, observed())).toMatch(/^replyIncludesAny/);
    expect(firstFailure({ replyExcludes: ['JD014600006254'] }, observed())).toMatch(/^replyExcludes/);
    expect(firstFailure({ handoff: true }, observed())).toBe('handoff expected, none requested');
    expect(firstFailure({ handoff: false }, observed({ handoff: true }))).toBe(
      'no handoff expected, one was requested',
    );
    expect(firstFailure({ storeUnchanged: true }, observed({ storeChanged: true }))).toMatch(
      /Store table changed/,
    );
  });

  it('matches phrases case-sensitively so a one-letter size means something', () => {
    expect(firstFailure({ replyIncludes: ['Size M'] }, observed())).toBeUndefined();
    expect(firstFailure({ replyIncludes: ['size m'] }, observed())).toMatch(/^replyIncludes/);
  });

  it('fails a turn the server answered with an error, whatever was expected', () => {
    expect(firstFailure({}, observed({ text: '', error: 'rate_limited: slow down' }))).toBe(
      'server error: rate_limited: slow down',
    );
  });
});

describe('loading a folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'afterdesk-scenarios-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify(valid));
    await writeFile(join(dir, 'b.json'), '{ not json');
    await writeFile(join(dir, 'c.json'), JSON.stringify({ ...valid, id: 'other', lang: 'xx' }));
    await writeFile(join(dir, 'd.json'), JSON.stringify(valid));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps the valid files in name order and names every bad one', async () => {
    const { scenarios, errors } = await loadScenarios(dir);
    expect(scenarios.map((scenario) => scenario.file)).toEqual(['a.json']);
    expect(errors.map((error) => error.file)).toEqual(['b.json', 'c.json', 'd.json']);
    expect(errors[0]?.message).toMatch(/^not JSON/);
    expect(errors[1]?.message).toContain('lang');
    expect(errors[2]?.message).toContain('duplicate scenario id "track-en"');
  });
});

describe('summary', () => {
  const result = (
    intent: 'track_order' | 'complaint',
    lang: 'en' | 'fr',
    resolved: boolean,
    millis: number[],
  ) =>
    ({
      scenario: { ...ScenarioSchema.parse({ ...valid, intent, lang }), file: 'x.json' },
      resolved,
      handoff: intent === 'complaint',
      turns: millis.map((value) => ({ ...observed(), say: 'x', millis: value })),
    }) satisfies ScenarioResult;

  it('groups resolved shares by intent and language and takes latency percentiles over turns', () => {
    const report = summarise([
      result('track_order', 'en', true, [10, 20]),
      result('track_order', 'fr', false, [30]),
      result('complaint', 'fr', true, [40]),
    ]);
    expect(report.resolvedShare).toBeCloseTo(2 / 3);
    expect(report.handoffShare).toBeCloseTo(1 / 3);
    expect(report.byIntent).toEqual([
      { key: 'complaint', resolved: 1, total: 1 },
      { key: 'track_order', resolved: 1, total: 2 },
    ]);
    expect(report.byLanguage).toEqual([
      { key: 'en', resolved: 1, total: 1 },
      { key: 'fr', resolved: 1, total: 2 },
    ]);
    expect(report.p50Millis).toBe(20);
    expect(report.p95Millis).toBe(40);
    expect(percentile([], 0.5)).toBe(0);
  });
});
