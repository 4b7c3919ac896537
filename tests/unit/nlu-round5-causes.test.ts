import { describe, expect, it } from 'vitest';
import { runAssistantTurn, type TurnResult } from '../../functions/core/assistant/run-turn';
import { AssistantTools } from '../../functions/core/assistant/tools';
import { acceptMessage } from '../../functions/core/chat/accept-message';
import { answerMessage } from '../../functions/core/chat/answer-message';
import { formatOpening } from '../../functions/core/console/business-hours';
import { resolveTurn } from '../../functions/core/embedded-model/dialogue-policy';
import { EmbeddedChatModel } from '../../functions/core/embedded-model/embedded-chat-model';
import { outOfHoursReply, personReplyTime } from '../../functions/core/handoff/out-of-hours';
import { detectLanguage } from '../../functions/core/nlu/language';
import { SUPPORTED_LANGUAGES } from '../../functions/core/nlu/languages';
import type { ChatMessage, ChatModel, ConverseRequest } from '../../functions/ports/chat-model';
import type { AgentPresence } from '../../functions/ports/console';
import type { AppendShopperResult, StoredMessage } from '../../functions/ports/repositories';
import { demoOrders } from '../../local/seed/demo-store';
import { inMemoryAfterSales } from '../support/in-memory-after-sales';
import { MONDAY_OPENING, nobody, officeHours, SATURDAY_EVENING } from '../support/office-hours';

/** Causes from the fifth round of conversations written outside the team (0.776): one block per cause. */

const model = new EmbeddedChatModel();

async function converse(
  texts: string[],
  options: { customerId?: string; languageHint?: string; tools?: AssistantTools } = {},
) {
  const customerId = options.customerId ?? 'c-sam';
  const tools = options.tools ?? inMemoryAfterSales(demoOrders()).tools;
  const history: ChatMessage[] = [];
  const turns: TurnResult[] = [];
  for (const text of texts) {
    history.push({ role: 'user', content: [{ type: 'text', text }] });
    const turn = await runAssistantTurn(
      { model, tools },
      {
        history,
        context: { customerId, sessionId: `s-${customerId}-0005` },
        ...(options.languageHint ? { languageHint: options.languageHint } : {}),
      },
    );
    history.push({ role: 'assistant', content: [{ type: 'text', text: turn.text }] });
    turns.push(turn);
  }
  return { turns, last: turns.at(-1) as TurnResult };
}

describe("the shopper's storefront language is a prior for romanised text, and clear text overrides it", () => {
  it.each([
    ['ru', 'privet, gde moy zakaz?'],
    ['zh', 'ni hao, wo de dingdan zai nali'],
    ['ja', 'sumimasen, chuumon wa doko desu ka'],
    ['ar', 'marhaba, wein talabi?'],
  ])('%s: romanised "%s" is read in the hinted language', (lang, text) => {
    expect(detectLanguage(text, { hint: lang }).lang).toBe(lang);
  });

  it.each([
    ['ru', 'Where is my order? It was supposed to arrive yesterday.', 'en'],
    ['zh', 'hola, quiero devolver la chaqueta', 'es'],
    ['ja', 'Hallo, waar is mijn bestelling?', 'nl'],
    ['ar', 'Bonjour, je voudrais retourner ma robe', 'fr'],
  ])('%s storefront: a clear %s sentence keeps its own language', (hint, text, lang) => {
    expect(detectLanguage(text, { hint }).lang).toBe(lang);
  });

  it('without a hint, romanised text is not claimed by a non-Latin language (nothing to go by)', () => {
    expect(['ru', 'zh', 'ja', 'ar']).not.toContain(detectLanguage('privet, gde moy zakaz?').lang);
  });

  it('a later short message keeps the romanised conversation in the hinted language', () => {
    const turn = resolveTurn('ok spasibo', ['privet, gde moy zakaz A1001?'], 'ru');
    expect(turn.lang).toBe('ru');
  });

  it('answers romanised Russian in Russian through the turn, and English in English with the same hint', async () => {
    const romanised = await converse(['privet, gde moy zakaz A1005?'], { languageHint: 'ru' });
    expect(romanised.last.language).toBe('ru');
    const english = await converse(['Hi, where is my order A1005?'], { languageHint: 'ru' });
    expect(english.last.language).toBe('en');
  });

  it('the sendMessage route keeps the widget locale as a supported language code, and drops unknown ones', async () => {
    const stored: Array<{ locale?: string }> = [];
    const conversations = {
      async appendShopperMessage(input: { sessionId: string; text: string; locale?: string }) {
        stored.push(input);
        return {
          status: 'accepted',
          replySeq: stored.length * 2,
          message: {
            sessionId: input.sessionId,
            seq: stored.length * 2 - 1,
            role: 'shopper',
            text: input.text,
          },
        } as AppendShopperResult;
      },
    };
    const send = (clientMessageId: string, locale: string) =>
      acceptMessage(
        { conversations, photos: { exists: async () => false } },
        {
          connectionId: 'conn-1',
          customerId: 'c-ana',
          sessionId: 's-12345678',
          body: JSON.stringify({ action: 'sendMessage', clientMessageId, text: 'privet', locale }),
        },
      );
    await send('cmid-0001', 'ru-RU');
    await send('cmid-0002', 'xx-YY');
    expect(stored.map((input) => input.locale)).toEqual(['ru', undefined]);
  });

  it("the turn hands the model the answered message's locale as its language hint", async () => {
    const seen: ConverseRequest[] = [];
    const capturing: ChatModel = {
      name: 'capturing',
      converse: async (request) => {
        seen.push(request);
        return { stopReason: 'end_turn', content: [{ type: 'text', text: 'ok' }] };
      },
    };
    const shopper: StoredMessage = {
      sessionId: 's-1',
      seq: 1,
      role: 'shopper',
      text: 'privet',
      createdAt: 'now',
      locale: 'ru',
    };
    await answerMessage(
      {
        conversations: {
          getSession: async () => undefined,
          readTurn: async () => ({
            session: { sessionId: 's-1', customerId: 'c-ana', createdAt: 'then', language: 'fr' },
            recent: [shopper],
            proposal: undefined,
          }),
          putMessage: async () => undefined,
          putMessageOnce: async () => ({ status: 'stored' }),
          reserveSequences: async () => 3,
        },
        model: capturing,
        tools: inMemoryAfterSales(demoOrders()).tools,
        push: { send: async () => 'delivered' },
        historyTurns: 10,
      },
      { sessionId: 's-1', messageSeq: 1, clientMessageId: 'cmid-0001' },
    );
    expect(seen[0]?.languageHint).toBe('ru');
  });
});

describe('a tracking question that names an item instead of an order is tracking', () => {
  it.each([
    ['en', 'did the handbag go out yet?'],
    ['pt', 'a minha bolsa já está a caminho?'],
    ['ru', 'а где мои наушники?'],
    ['tr', 'çantam kargoya verildi mi?'],
    ['zh', '包包什么时候到'],
    ['it', 'quando mi arriva il vestito?'],
  ])('%s: %s', (_lang, text) => {
    expect(resolveTurn(text, []).intent).toBe('track_order');
  });
});

describe('dissatisfaction described without a complaint word is a complaint', () => {
  it.each([
    ['nl', 'ik heb het gevoel dat niemand bij jullie echt luistert'],
    ['nl', 'dit is nu de derde keer dat ik contact opneem en het is nog steeds niet geregeld'],
    ['ja', '何回説明しても分かってもらえません'],
    ['tr', 'kaç kez anlattım, hâlâ çözülmedi'],
    ['en', "I've explained my problem three times already and still nothing happens"],
  ])('%s: %s', (_lang, text) => {
    expect(resolveTurn(text, []).intent).toBe('complaint');
  });
});

describe('Thai requests to talk to a person', () => {
  it.each(['ขอสายคนจริงหน่อยครับ', 'ขอสายฝ่ายดูแลลูกค้าหน่อยค่ะ', 'ขอสายเจ้าหน้าที่ด่วนเลยครับ', 'ขอคุยกับเจ้าหน้าที่ได้ไหม'])(
    '%s',
    (text) => {
      const turn = resolveTurn(text, []);
      expect({ intent: turn.intent, lang: turn.lang }).toEqual({ intent: 'human_agent', lang: 'th' });
    },
  );
});

/** Each reply template's own word for "soon": none may appear when nobody can answer until Monday. */
const SOON: Record<string, string> = {
  en: 'shortly',
  de: 'in Kürze',
  es: 'en breve',
  fr: 'bientôt',
  it: 'a breve',
  pt: 'em breve',
  nl: 'snel',
  pl: 'wkrótce',
  ru: 'скоро',
  tr: 'kısa süre',
  ar: 'قريبا',
  zh: '很快',
  ja: 'まもなく',
  ko: '곧',
  id: 'segera',
  vi: 'trong giây lát',
  th: 'ในไม่ช้า',
};

function closedDeskTools(now: Date, presence = nobody) {
  const store = inMemoryAfterSales(demoOrders(), { now });
  const deps = { ...store.deps, rules: { get: async () => officeHours }, presence };
  return { store, tools: new AssistantTools(deps.orders, deps.handoffs, deps) };
}

describe('a hand-off when nobody can answer says when a person will, never "shortly"', () => {
  it('knows the next shift from business hours and presence, and nothing while someone is in', async () => {
    const deps = { presence: nobody, rules: { get: async () => officeHours }, now: () => SATURDAY_EVENING };
    expect(await personReplyTime(deps)).toEqual({
      at: new Date(MONDAY_OPENING).toISOString(),
      timeZone: 'Europe/Paris',
    });
    const tuesday = () => new Date('2026-12-08T10:00:00Z');
    const online = {
      listPresence: async () => [
        { agentId: 'a-1', firstName: 'Lea', status: 'online' as const, updatedAt: '2026-12-08T09:55:00Z' },
      ],
    };
    expect(await personReplyTime({ ...deps, presence: online, now: tuesday })).toBeUndefined();
    // Open hours with nobody online: the honest time is the next shift, Wednesday 09:00 Paris.
    expect(await personReplyTime({ ...deps, now: tuesday })).toEqual({
      at: '2026-12-09T08:00:00.000Z',
      timeZone: 'Europe/Paris',
    });
  });

  it.each(SUPPORTED_LANGUAGES)('%s: the reply names the opening time in the shopper language', (lang) => {
    const when = { at: new Date(MONDAY_OPENING).toISOString(), timeZone: 'Europe/Paris' };
    for (const lead of ['asked', 'caseOpened', 'caseJoined', 'unknown'] as const) {
      const text = outOfHoursReply(lang, lead, when, { claimId: 'C-TEST1' });
      expect(text).toContain(formatOpening(MONDAY_OPENING, lang, 'Europe/Paris'));
      expect(text).not.toContain(SOON[lang]);
      expect(text).not.toContain('{');
      if (lead.startsWith('case')) expect(text).toContain('C-TEST1');
    }
  });

  it.each([
    ['en', 'I want to talk to a real person'],
    ['de', 'Ich möchte mit einem Menschen sprechen'],
    ['th', 'ขอคุยกับพนักงานได้ไหมคะ'],
  ])('%s: "%s" on a Saturday evening is queued and told Monday', async (lang, text) => {
    const { store, tools } = closedDeskTools(SATURDAY_EVENING);
    const { last } = await converse([text], { tools });
    expect(store.handoffs).toHaveLength(1);
    expect(last.language).toBe(lang);
    expect(last.text).toContain(formatOpening(MONDAY_OPENING, lang, 'Europe/Paris'));
    expect(last.text).not.toContain(SOON[lang]);
  });

  it('a video-call request out of hours still offers the call and says when a person will be there', async () => {
    const { tools } = closedDeskTools(SATURDAY_EVENING);
    const { last } = await converse(['Can we do a video call so I can show you the problem?'], { tools });
    expect(last.text).toContain('video call');
    expect(last.text).toContain(formatOpening(MONDAY_OPENING, 'en', 'Europe/Paris'));
  });

  it('a damage report out of hours opens its case and says when a person will reply', async () => {
    const { store, tools } = closedDeskTools(SATURDAY_EVENING);
    const { last } = await converse(['The desk lamp from order A1006 arrived broken'], { tools });
    expect(store.claims).toHaveLength(1);
    expect(last.text).toMatch(/C-/);
    expect(last.text).toContain(formatOpening(MONDAY_OPENING, 'en', 'Europe/Paris'));
    expect(last.text).not.toContain('shortly');
  });

  it('while an agent is online in open hours, the hand-off reply is the usual one', async () => {
    const tuesday = new Date('2026-12-08T10:00:00Z');
    const online = {
      listPresence: async (): Promise<AgentPresence[]> => [
        { agentId: 'a-1', firstName: 'Lea', status: 'online', updatedAt: '2026-12-08T09:55:00Z' },
      ],
    };
    const { tools } = closedDeskTools(tuesday, online);
    const { last } = await converse(['I want to talk to a real person'], { tools });
    expect(last.text).toContain('shortly');
  });

  it('a presence read that fails still queues the hand-off and keeps the usual reply', async () => {
    const broken = {
      listPresence: async (): Promise<AgentPresence[]> => {
        throw new Error('throttled');
      },
    };
    const { store, tools } = closedDeskTools(SATURDAY_EVENING, broken);
    const { last } = await converse(['I want to talk to a real person'], { tools });
    expect(store.handoffs).toHaveLength(1);
    expect(last.intent).toBe('human_agent');
  });
});
