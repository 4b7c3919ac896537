import * as z from 'zod';

/**
 * A stored proposal's shape, apart from ./confirmation (which reads the shopper's yes from its word lists):
 * every handler that reads a conversation's partition decodes this record, and none of them should
 * bundle or parse the confirmation words at import.
 */

/** The item outlives its validity by a day, so a late yes is recognised and answered with a fresh one. */
export const PROPOSAL_KEPT_SECONDS = 86_400;

export const CONFIRMABLE_TOOLS = ['cancel_order', 'change_order'] as const;
export type ConfirmableTool = (typeof CONFIRMABLE_TOOLS)[number];

const MoneySchema = z.object({ currency: z.string(), minor: z.number().int() });

export const ProposalSchema = z.object({
  proposalId: z.string().min(1),
  sessionId: z.string().min(1),
  customerId: z.string().min(1),
  tool: z.enum(CONFIRMABLE_TOOLS),
  /** The tool input as the tool parsed it; replayed as is once the shopper says yes. */
  input: z.record(z.string(), z.unknown()),
  /** What the shopper is asked to agree to: the action, the order, its items and the money. */
  summary: z.object({
    action: z.enum(['cancel', 'change_address', 'change_size', 'change_colour']),
    orderId: z.string(),
    items: z.array(z.object({ sku: z.string(), name: z.string(), size: z.string().optional() })),
    refund: MoneySchema.optional(),
    to: z.string().optional(),
  }),
  language: z.string().optional(),
  status: z.enum(['pending', 'done', 'declined']),
  createdAt: z.string(),
  validUntil: z.string(),
  /** The tool's result once done: a repeated yes hears it again instead of acting twice. */
  result: z.record(z.string(), z.unknown()).optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
export type ProposalSummary = Proposal['summary'];
