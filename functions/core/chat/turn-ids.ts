import { createHash } from 'node:crypto';
import type { TurnRequest } from './answer-message';

/**
 * Ids a turn's tools create (returns, claims) derive from the turn, what the id is for and how many such
 * ids the turn made before, so a retried turn re-creates the same ids and the conditional writes behind
 * them refuse a second case or return, even when the retry takes a different path through other tools.
 * Session ids are unguessable, so these ids are too.
 */
export function turnIds(turn: Pick<TurnRequest, 'sessionId' | 'messageSeq'>): (purpose: string) => string {
  const created = new Map<string, number>();
  return (purpose) => {
    const count = created.get(purpose) ?? 0;
    created.set(purpose, count + 1);
    return createHash('sha256')
      .update(`${turn.sessionId}\u0000${turn.messageSeq}\u0000${purpose}\u0000${count}`)
      .digest('hex')
      .slice(0, 8)
      .toUpperCase();
  };
}
