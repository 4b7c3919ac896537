import { describe, expect, it } from 'vitest';
import { AssistantTools } from '../../functions/core/assistant/tools';
import { formatOpening } from '../../functions/core/console/business-hours';
import { afterSalesReplyFromTool } from '../../functions/core/embedded-model/after-sales-turns';
import { OUT_OF_HOURS_LEADS } from '../../functions/core/handoff/out-of-hours-texts';
import { REPLY_TEXTS } from '../../functions/core/nlu/data/replies';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../functions/core/nlu/languages';
import type { AgentPresence } from '../../functions/ports/console';
import { demoOrders } from '../../local/seed/demo-store';
import { inMemoryAfterSales } from '../support/in-memory-after-sales';
import { MONDAY_OPENING, nobody, officeHours, SATURDAY_EVENING } from '../support/office-hours';

/** A refund or cancellation that waits for a person names when one is there, never "shortly". */

const TUESDAY_MORNING = new Date('2026-12-08T10:00:00Z');
const lea = {
  listPresence: async (): Promise<AgentPresence[]> => [
    { agentId: 'a-1', firstName: 'Lea', status: 'online', updatedAt: '2026-12-08T09:55:00Z' },
  ],
};

/** The in-hours templates' own word for "soon" in the returnNeedsPerson and cancelNeedsPerson sentences. */
const SOON: Record<SupportedLanguage, string> = {
  en: 'shortly',
  es: 'en breve',
  fr: 'bientôt',
  de: 'in Kürze',
  it: 'a breve',
  pt: 'em breve',
  nl: 'binnenkort',
  pl: 'wkrótce',
  ru: 'в ближайшее время',
  tr: 'kısa süre',
  ar: 'قريبا',
  zh: '很快',
  ja: 'まもなく',
  ko: '곧',
  id: 'segera',
  vi: 'sớm',
  th: 'เร็ว ๆ นี้',
};

const sam = { customerId: 'c-sam', sessionId: 's-sam-00001' };

/** A store whose refunds of these orders are above the automatic limit, so a person must decide. */
function deskTools(now: Date, presence: typeof nobody) {
  const orders = demoOrders();
  for (const order of orders)
    if (order.orderId === 'A1006' || order.orderId === 'A1007')
      for (const item of order.items) item.unitPrice = 900;
  const store = inMemoryAfterSales(orders, { now });
  const deps = { ...store.deps, rules: { get: async () => officeHours }, presence };
  return { store, tools: new AssistantTools(deps.orders, deps.handoffs, deps) };
}

const CASES = [
  { tool: 'start_return', input: { orderId: 'A1006', resolution: 'refund' }, intent: 'return_request' },
  { tool: 'cancel_order', input: { orderId: 'A1007' }, intent: 'cancel_order' },
] as const;

async function needsPerson(now: Date, presence: typeof nobody, tool: string, input: Record<string, unknown>) {
  const { store, tools } = deskTools(now, presence);
  const result = await tools.execute(tool, input, sam);
  expect(result.content).toMatchObject({ outcome: 'needs_person' });
  expect(store.handoffs).toHaveLength(1);
  return { name: tool, status: result.status, content: result.content };
}

describe.each(CASES)('$tool waiting for a person', ({ tool, input, intent }) => {
  it('carries personRepliesFrom when nobody can answer, and none while someone can', async () => {
    const closed = await needsPerson(SATURDAY_EVENING, nobody, tool, input);
    expect(closed.content.personRepliesFrom).toEqual({
      at: new Date(MONDAY_OPENING).toISOString(),
      timeZone: 'Europe/Paris',
    });
    const open = await needsPerson(TUESDAY_MORNING, lea, tool, input);
    expect(open.content).not.toHaveProperty('personRepliesFrom');
  });

  it.each(['en', 'ja', 'ar'] as const)('%s: out of hours the reply names the opening time', async (lang) => {
    const result = await needsPerson(SATURDAY_EVENING, nobody, tool, input);
    const reply = afterSalesReplyFromTool(lang, result, intent);
    if (!('say' in reply)) throw new Error('expected a reply');
    expect(reply.say).toContain(formatOpening(MONDAY_OPENING, lang, 'Europe/Paris'));
    expect(reply.say).not.toContain(SOON[lang]);
    expect(reply.say).toContain(tool === 'start_return' ? 'R-A1006-' : 'A1007');
    expect(reply.say).not.toMatch(/[{}]/);
  });

  it.each(['en', 'ja', 'ar'] as const)(
    '%s: in hours with someone online the reply is unchanged',
    async (lang) => {
      const result = await needsPerson(TUESDAY_MORNING, lea, tool, input);
      const reply = afterSalesReplyFromTool(lang, result, intent);
      if (!('say' in reply)) throw new Error('expected a reply');
      expect(reply.say).toContain(SOON[lang]);
      expect(reply.say).not.toContain(formatOpening(MONDAY_OPENING, lang, 'Europe/Paris'));
    },
  );
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the out-of-hours leads for approvals', () => {
  it.each(SUPPORTED_LANGUAGES)('%s: has both leads with the in-hours sentences’ placeholders', (lang) => {
    const leads = OUT_OF_HOURS_LEADS[lang];
    const inHours = REPLY_TEXTS[lang].afterSales;
    for (const key of ['returnNeedsPerson', 'cancelNeedsPerson'] as const) {
      expect(leads[key].trim()).not.toBe('');
      expect(placeholders(leads[key])).toEqual(placeholders(inHours[key]));
      expect(leads[key]).not.toContain(SOON[lang]);
    }
  });

  it.each(SUPPORTED_LANGUAGES)('%s: a refund waiting out of hours is told the opening time', async (lang) => {
    const result = await needsPerson(SATURDAY_EVENING, nobody, 'start_return', CASES[0].input);
    const reply = afterSalesReplyFromTool(lang, result, 'return_request');
    if (!('say' in reply)) throw new Error('expected a reply');
    expect(reply.say).toContain(formatOpening(MONDAY_OPENING, lang, 'Europe/Paris'));
    expect(reply.say).not.toContain(SOON[lang]);
  });
});
