import type { ProposalStore } from '../../ports/after-sales';
import type { Proposal } from '../after-sales/confirmation';

/**
 * A turn's view of the proposal store whose first read is answered by what the turn already read with its
 * session and history (one query instead of two). Any later read, and every write, goes to the store, so a
 * proposal settled during the turn is read back as the store has it.
 */
export function primedProposals(store: ProposalStore): {
  store: ProposalStore;
  prime(sessionId: string, proposal: Proposal | undefined): void;
} {
  let primed: { sessionId: string; proposal: Proposal | undefined } | undefined;
  const forget = () => {
    primed = undefined;
  };
  return {
    prime(sessionId, proposal) {
      primed = { sessionId, proposal };
    },
    store: {
      async get(sessionId) {
        const known = primed?.sessionId === sessionId ? primed : undefined;
        forget();
        return known ? known.proposal : store.get(sessionId);
      },
      put: (proposal) => {
        forget();
        return store.put(proposal);
      },
      settle: (sessionId, proposalId, status) => {
        forget();
        return store.settle(sessionId, proposalId, status);
      },
      recordResult: (sessionId, proposalId, result) => {
        forget();
        return store.recordResult(sessionId, proposalId, result);
      },
    },
  };
}
