import { describe, expect, it } from 'vitest';
import { VIDEO_CARD_TEXTS } from '../../functions/core/video/card-texts';
import { decideVideoProposal, videoCallCard, videoProposalOfTurn } from '../../functions/core/video/proposal';
import { demoOrders } from '../../local/seed/demo-store';
import { inMemoryAfterSales } from '../support/in-memory-after-sales';

const policy = { videoCallAbove: { EUR: 100, JPY: 20_000 } };
const eur = (minor: number) => ({ currency: 'EUR', minor });

describe('when the assistant proposes a video call', () => {
  it('proposes one whenever the shopper asks for a call, whatever the policy', () => {
    expect(decideVideoProposal({ intent: 'video_call' }, { videoCallAbove: {} })).toEqual({
      propose: true,
      reason: 'shopper_asked',
    });
  });

  it('proposes one for a damaged or wrong item worth more than the policy threshold', () => {
    for (const kind of ['damaged_item', 'wrong_item'])
      expect(decideVideoProposal({ claim: { kind, value: eur(10_001) } }, policy)).toEqual({
        propose: true,
        reason: 'claim_value',
      });
  });

  it('does not propose one at or below the threshold, compared in minor units of the currency', () => {
    expect(decideVideoProposal({ claim: { kind: 'damaged_item', value: eur(10_000) } }, policy)).toEqual({
      propose: false,
      reason: 'below_threshold',
    });
    // JPY has no minor unit: 20,000 yen is 20,000, not 2,000,000.
    const yen = { currency: 'JPY', minor: 20_001 };
    expect(decideVideoProposal({ claim: { kind: 'wrong_item', value: yen } }, policy).propose).toBe(true);
  });

  it('does not propose one for a currency the policy sets no threshold for, nor for other claims', () => {
    const usd = { currency: 'USD', minor: 9_999_999 };
    expect(decideVideoProposal({ claim: { kind: 'damaged_item', value: usd } }, policy).reason).toBe(
      'no_threshold_for_currency',
    );
    expect(decideVideoProposal({ claim: { kind: 'delivery', value: eur(9_999_999) } }, policy).reason).toBe(
      'not_a_claim_for_video',
    );
    expect(decideVideoProposal({ intent: 'track_order' }, policy).propose).toBe(false);
  });

  it('puts the card on a turn where the shopper asked, or where a claim tool offered the call', () => {
    expect(videoProposalOfTurn('video_call', [])).toBe('shopper_asked');
    expect(videoProposalOfTurn('damaged_item', [{ claimId: 'C-1', videoCall: 'offered' }])).toBe(
      'claim_value',
    );
    expect(videoProposalOfTurn('damaged_item', [{ claimId: 'C-1' }])).toBeUndefined();
  });

  it('words the card in the shopper’s language, and in English for a language it has no words for', () => {
    expect(videoCallCard('claim_value', 'de')).toEqual({
      kind: 'video_call',
      reason: 'claim_value',
      language: 'de',
      text: VIDEO_CARD_TEXTS.de.claim_value,
      accept: VIDEO_CARD_TEXTS.de.accept,
    });
    expect(videoCallCard('shopper_asked', 'xx').language).toBe('en');
    expect(videoCallCard('shopper_asked', undefined).accept).toBe('Start a video call');
  });
});

describe('open_claim and the store policy’s video threshold', () => {
  it('offers a call for a damaged rain jacket above the demo store’s EUR 100 line', async () => {
    const { tools } = inMemoryAfterSales(demoOrders());
    const outcome = await tools.execute(
      'open_claim',
      { kind: 'damaged_item', orderId: 'A1002', description: 'the rain jacket arrived torn' },
      { customerId: 'c-jonas', sessionId: 's-jonas-0001' },
    );
    expect(outcome.status).toBe('success');
    expect(outcome.content.videoCall).toBe('offered');
  });

  it('offers none for a damaged desk lamp under the USD line', async () => {
    const { tools } = inMemoryAfterSales(demoOrders());
    const outcome = await tools.execute(
      'open_claim',
      { kind: 'damaged_item', orderId: 'A1006' },
      { customerId: 'c-sam', sessionId: 's-sam-00001' },
    );
    expect(outcome.status).toBe('success');
    expect(outcome.content.videoCall).toBeUndefined();
  });
});
