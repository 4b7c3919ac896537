import { describe, expect, it } from 'vitest';
import { resolveTurn } from '../../functions/core/embedded-model/dialogue-policy';

describe('a short follow-up that names the order of the previous request', () => {
  it('asks about the refund rather than repeating the return', () => {
    const turn = resolveTurn('Kiedy dostanę zwrot pieniędzy za A1006?', ['Chcę zwrócić zamówienie A1006']);
    expect(turn.intent).toBe('refund_status');
    expect(turn.orderId).toBe('A1006');
  });

  it('still treats a bare order number as the answer to the pending request', () => {
    const turn = resolveTurn('A1006', ['Chcę zwrócić zamówienie']);
    expect(turn.intent).toBe('return_request');
    expect(turn.orderId).toBe('A1006');
  });
});
