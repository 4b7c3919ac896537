import { describe, expect, it } from 'vitest';
import { priorityForSentiment, priorityForUrgency } from '../../functions/core/analytics/escalation';
import { handoffPriority } from '../../functions/core/assistant/tools';
import { analyseSentiment } from '../../functions/core/sentiment/model';

const scores = { positive: 0.05, negative: 0.9, neutral: 0.04, mixed: 0.01 };

describe('hand-off priority from urgency', () => {
  it('maps urgency bands to priorities: ≥ 0.75 urgent, ≥ 0.55 high, below that the default', () => {
    expect(priorityForUrgency(0.9)).toBe('urgent');
    expect(priorityForUrgency(0.75)).toBe('urgent');
    expect(priorityForUrgency(0.6)).toBe('high');
    expect(priorityForUrgency(0.4)).toBeUndefined();
    expect(priorityForUrgency(undefined)).toBeUndefined();
  });

  it('ranks a polite chargeback threat above a blunt but mild complaint', () => {
    const threat = analyseSentiment({
      text: 'Dear team, unless the refund arrives this week I will file a chargeback with my bank. Kind regards',
      lang: 'en',
    });
    const mild = analyseSentiment({
      text: 'The colour is a bit duller than I hoped, disappointing',
      lang: 'en',
    });
    expect(priorityForSentiment(threat)).toBe('urgent');
    expect(priorityForSentiment(mild)).toBeUndefined();
    expect(priorityForSentiment(analyseSentiment({ text: 'Thanks, all good!', lang: 'en' }))).toBeUndefined();
  });

  it('lets urgency decide when present, and the negative score only for results without it', () => {
    expect(priorityForSentiment({ label: 'negative', scores, urgency: 0.4 })).toBeUndefined();
    expect(priorityForSentiment({ label: 'negative', scores })).toBe('urgent');
    expect(
      priorityForSentiment({ label: 'positive', scores: { ...scores, negative: 0.95 } }),
    ).toBeUndefined();
  });

  it("raises the assistant's own hand-off by the message's urgency, never lowers it", () => {
    expect(handoffPriority('shopper_request', 'track_order')).toBe('normal');
    expect(handoffPriority('shopper_request', 'track_order', 0.9)).toBe('urgent');
    expect(handoffPriority('low_confidence', undefined, 0.6)).toBe('high');
    expect(handoffPriority('needs_agent', 'damaged_item', 0.1)).toBe('high');
    expect(handoffPriority('low_confidence', undefined, 0)).toBe('low');
  });
});
