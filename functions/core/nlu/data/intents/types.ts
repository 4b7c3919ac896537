import type { IntentId } from '../../intent-ids';

/** Training sentences for one language, by intent: the team writes them; never copied from eval data. */
export type IntentExamples = Partial<Record<IntentId, readonly string[]>>;
