import type { ClaimRepository, ReturnRepository, StorePolicySource } from '../../ports/after-sales';
import type { ClientPush } from '../../ports/client-push';
import type {
  AgentConnectionStore,
  AgentPush,
  AuditLog,
  HandoffQueueStore,
  NoteStore,
  PresenceStore,
  Translator,
} from '../../ports/console';
import type { ConversationRepository, OrderRepository } from '../../ports/repositories';
import type { Sentiment } from '../../ports/sentiment';
import type { CannedReply } from './agent-protocol';

/** Closing a claim is an agent's act; the assistant only opens them. */
export interface ClaimCloser {
  close(
    claimId: string,
    outcome: { outcome: string; by: string; at: string },
  ): Promise<'closed' | 'not_open'>;
}

/** A short-lived URL an agent's browser may show a shopper's photo from. */
export interface PhotoViewer {
  viewUrl(key: string): Promise<string | undefined>;
}

export interface CannedReplySource {
  list(): Promise<CannedReply[]>;
}

/** Everything the console's use cases need, as ports: the same code in Lambda and under npm start. */
export interface ConsoleDeps {
  conversations: Pick<
    ConversationRepository,
    | 'getSession'
    | 'listRecentMessages'
    | 'putMessage'
    | 'reserveSequences'
    | 'assignHandoff'
    | 'reassignHandoff'
    | 'closeHandoff'
  >;
  queue: HandoffQueueStore;
  agents: AgentConnectionStore;
  presence: PresenceStore;
  audit: AuditLog;
  notes: NoteStore;
  agentPush: AgentPush;
  shopperPush: ClientPush;
  translator: Translator;
  orders: OrderRepository;
  returns: Pick<ReturnRepository, 'get' | 'listForOrder' | 'saveTransition'>;
  claims: Pick<ClaimRepository, 'listForCustomer'> & ClaimCloser;
  rules: StorePolicySource;
  photos: PhotoViewer;
  cannedReplies: CannedReplySource;
  sentiment: Sentiment;
  now(): Date;
}
