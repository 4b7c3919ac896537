import * as z from 'zod';
import type { ToolSpec } from '../../ports/chat-model';
import type {
  ConversationRepository,
  HandoffPriority,
  HandoffReason,
  OrderRepository,
} from '../../ports/repositories';
import { higherPriority, priorityForUrgency } from '../analytics/escalation';
import { ownedOrder } from '../auth/guest-principal';
import { personRepliesFromField } from '../handoff/out-of-hours';
import { type OrderStatusView, toStatusView } from '../orders';
import { openClaim } from './tools/claims';
import type { ToolContext, ToolDefinition, ToolOutcome } from './tools/common';
import type { AfterSalesDeps } from './tools/deps';
import { answerQuestion, sizeAdvice } from './tools/knowledge';
import { cancelOrder, changeOrder } from './tools/orders';
import { checkReturn, getReturnStatus, startReturn } from './tools/returns';

export type { ToolContext, ToolErrorCode, ToolOutcome } from './tools/common';
export type { AfterSalesDeps } from './tools/deps';

/**
 * Tools the assistant may call, whichever model drives it. Authorisation lives here, not in the model:
 * the customer id comes from the verified token, and inputs and results are checked with zod because
 * Bedrock Guardrails do not see tool traffic.
 */
const GetOrderStatusInput = z.object({
  orderId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/, 'orderId must be 3-40 letters, digits or dashes')
    .transform((id) => id.toUpperCase()),
});

const ListMyOrdersInput = z.object({}).strict();

const HANDOFF_REASONS = ['shopper_request', 'video_request', 'needs_agent', 'low_confidence'] as const;
const RequestHumanInput = z
  .object({
    reason: z.enum(HANDOFF_REASONS),
    /** The intent id the model read; it steers priority, which code decides. */
    intent: z
      .string()
      .regex(/^[a-z_]{2,40}$/)
      .optional(),
  })
  .strict();

/** Problems with the goods or the money jump the queue; a model never sets priority itself. */
const HIGH_PRIORITY_INTENTS = new Set([
  'complaint',
  'damaged_item',
  'wrong_item',
  'payment_issue',
  'delivery_problem',
]);

export function handoffPriority(
  reason: HandoffReason,
  intent: string | undefined,
  urgency?: number,
): HandoffPriority {
  const base: HandoffPriority =
    intent && HIGH_PRIORITY_INTENTS.has(intent) ? 'high' : reason === 'low_confidence' ? 'low' : 'normal';
  // An angry or threatening shopper jumps the queue whatever the topic (core/sentiment/urgency.ts).
  return higherPriority(base, priorityForUrgency(urgency));
}

export const MAX_LISTED_ORDERS = 10;

/** After-sales tools: each decides with policy code and checks the order belongs to the shopper. */
export const AFTER_SALES_TOOLS: ReadonlyArray<ToolDefinition<AfterSalesDeps>> = [
  checkReturn,
  startReturn,
  getReturnStatus,
  cancelOrder,
  changeOrder,
  sizeAdvice,
  answerQuestion,
  openClaim,
];
const AFTER_SALES_BY_NAME = new Map(AFTER_SALES_TOOLS.map((tool) => [tool.spec.name, tool]));

export const TOOL_SPECS: ToolSpec[] = [
  {
    name: 'list_my_orders',
    description:
      "Lists the signed-in shopper's most recent orders, newest first, with status and shipment. Use it when the shopper does not give an order number.",
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
  },
  {
    name: 'get_order_status',
    description:
      "Returns the live status of one of the signed-in shopper's orders: carrier, tracking number, last tracking event and estimated delivery. Orders of other customers are reported as not found.",
    inputSchema: {
      type: 'object',
      properties: { orderId: { type: 'string', description: 'The order number, e.g. A1001' } },
      required: ['orderId'],
      additionalProperties: false,
    },
  },
  {
    name: 'request_human',
    description:
      'Queues this conversation for a person from the store team. Use it when the shopper asks for a person or a video call, when the request needs a decision you cannot make (refunds, damaged or wrong items, payment problems, complaints), or when you are unsure. Then tell the shopper a person will reply here. If the result has personRepliesFrom, nobody is online: say a person will reply from that time (in the store\'s time zone), never "shortly".',
    inputSchema: {
      type: 'object',
      properties: {
        reason: { type: 'string', enum: [...HANDOFF_REASONS] },
        intent: { type: 'string', description: 'The intent id you read, e.g. damaged_item' },
      },
      required: ['reason'],
      additionalProperties: false,
    },
  },
  ...AFTER_SALES_TOOLS.map((tool) => tool.spec),
];

export interface OrderListResult extends Record<string, unknown> {
  orders: OrderStatusView[];
}
export interface OrderStatusResult extends Record<string, unknown> {
  order: OrderStatusView;
}

export class AssistantTools {
  constructor(
    private readonly orders: OrderRepository,
    private readonly handoffs: Pick<ConversationRepository, 'requestHandoff'>,
    /** Absent where only order tracking is wired (older tests); the tools then report unavailable. */
    private readonly afterSales?: AfterSalesDeps,
  ) {}

  readonly specs = TOOL_SPECS;

  /** Where proposals wait for a yes; absent where only order tracking is wired. */
  get proposals() {
    return this.afterSales?.proposals;
  }

  now(): Date {
    return this.afterSales?.now() ?? new Date();
  }

  async execute(name: string, input: unknown, context: ToolContext): Promise<ToolOutcome> {
    switch (name) {
      case 'list_my_orders': {
        if (!ListMyOrdersInput.safeParse(input ?? {}).success)
          return invalid('list_my_orders takes no input');
        const orders = await this.orders.listOrdersForCustomer(context.customerId, MAX_LISTED_ORDERS);
        const result: OrderListResult = { orders: orders.map(toStatusView) };
        return { status: 'success', content: result };
      }
      case 'get_order_status': {
        const parsed = GetOrderStatusInput.safeParse(input);
        if (!parsed.success) return invalid('orderId must be 3-40 letters, digits or dashes');
        // Same answer for "absent" and "someone else's" so order numbers cannot be probed.
        const order = await ownedOrder(this.orders, context.customerId, parsed.data.orderId);
        if (!order) {
          return {
            status: 'error',
            content: {
              error: 'order_not_found',
              message: `No order ${parsed.data.orderId} was found for this shopper.`,
            },
          };
        }
        const result: OrderStatusResult = { order: toStatusView(order) };
        return { status: 'success', content: result };
      }
      case 'request_human': {
        const parsed = RequestHumanInput.safeParse(input);
        if (!parsed.success) return invalid(`reason must be one of ${HANDOFF_REASONS.join(', ')}`);
        const { reason, intent } = parsed.data;
        const priority = handoffPriority(reason, intent, context.urgency);
        const status = await this.handoffs.requestHandoff({
          sessionId: context.sessionId,
          customerId: context.customerId,
          reason,
          priority,
          intent,
          requestedAt: new Date().toISOString(),
        });
        const when = this.afterSales ? await personRepliesFromField(this.afterSales) : {};
        return { status: 'success', content: { status, priority, ...when } };
      }
      default: {
        const tool = AFTER_SALES_BY_NAME.get(name);
        if (!tool)
          return { status: 'error', content: { error: 'unknown_tool', message: `No tool named ${name}.` } };
        if (!this.afterSales)
          return { status: 'error', content: { error: 'unavailable', message: `${name} is not available.` } };
        return tool.run(this.afterSales, input, context);
      }
    }
  }
}

function invalid(message: string): ToolOutcome {
  return { status: 'error', content: { error: 'invalid_input', message } };
}
