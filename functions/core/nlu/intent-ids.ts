/** Stable intent ids: analytics, evaluation and policies depend on them (DESIGN.md, "Intent ids"). */
export const INTENT_IDS = [
  'track_order',
  'delivery_problem',
  'cancel_order',
  'change_order',
  'size_advice',
  'return_request',
  'exchange_request',
  'refund_status',
  'damaged_item',
  'wrong_item',
  'product_question',
  'policy_question',
  'payment_issue',
  'complaint',
  'human_agent',
  'video_call',
  'account',
  'smalltalk',
  'other',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];
