import { describe, expect, it } from 'vitest';
import { RMA_STATES } from '../../functions/core/after-sales/rma';
import { afterSalesReplyFromTool } from '../../functions/core/embedded-model/after-sales-turns';
import { REPLY_TEXTS } from '../../functions/core/nlu/data/replies';
import { SUPPORTED_LANGUAGES } from '../../functions/core/nlu/languages';

const statusReply = (lang: (typeof SUPPORTED_LANGUAGES)[number], state: string) => {
  const outcome = afterSalesReplyFromTool(
    lang,
    {
      name: 'get_return_status',
      status: 'success',
      content: {
        orderId: 'A1001',
        returns: [{ rmaId: 'RMA-1', sku: 'TEE-M-RED', state, refund: { currency: 'EUR', minor: 1999 } }],
      },
    },
    'refund_status',
  );
  if (!('say' in outcome)) throw new Error('expected a reply');
  return outcome.say;
};

describe('return states in replies', () => {
  it.each(SUPPORTED_LANGUAGES)(
    '%s: a return waiting for approval is worded as waiting, never as approved',
    (lang) => {
      const texts = REPLY_TEXTS[lang].afterSales.returnState;
      const requested = statusReply(lang, 'requested');
      expect(requested).toContain(texts.awaiting_approval);
      expect(requested).not.toContain(texts.approved);
      expect(statusReply(lang, 'approved')).toContain(texts.approved);
      expect(statusReply(lang, 'label_issued')).toContain(texts.approved);
      expect(statusReply(lang, 'refunded')).toContain(texts.refunded);
    },
  );

  it('words every state differently from approved except the approved ones', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      const approved = REPLY_TEXTS[lang].afterSales.returnState.approved;
      for (const state of RMA_STATES) {
        const reply = statusReply(lang, state);
        expect(reply.includes(approved)).toBe(state === 'approved' || state === 'label_issued');
      }
    }
  });
});
