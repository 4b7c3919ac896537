import type {
  ClaimRepository,
  KnowledgeRepository,
  OrderStatusWriter,
  ProposalStore,
  ReturnRepository,
  StorePolicySource,
} from '../../../ports/after-sales';
import type { PresenceStore } from '../../../ports/console';
import type { ConversationRepository, OrderRepository } from '../../../ports/repositories';

export interface AfterSalesDeps {
  orders: OrderRepository;
  orderUpdates: OrderStatusWriter;
  returns: ReturnRepository;
  knowledge: KnowledgeRepository;
  claims: ClaimRepository;
  rules: StorePolicySource;
  /** Irreversible actions wait here for the shopper's yes. */
  proposals: ProposalStore;
  handoffs: Pick<ConversationRepository, 'requestHandoff'>;
  /** Who of the team is online: a hand-off outside hours says when a person will reply (core/handoff). */
  presence?: Pick<PresenceStore, 'listPresence'>;
  now: () => Date;
  /**
   * Short, unguessable reference; shoppers read it aloud to agents. `purpose` names what it is for, so a
   * turn that runs again gets the same reference for the same thing (see core/chat/turn-ids).
   */
  newId: (purpose: string) => string;
}
