import { describe, expect, it } from 'vitest';
import { classifyIntent, INTENT_IDS } from '../../functions/core/nlu/intents';
import { readHeldOutIntents, readIntentData } from '../../models/data';

const HELD_OUT = readHeldOutIntents();
const SERVICE_EXAMPLES = Object.values(readIntentData()).map((file) => file.service);

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('customer-service phrasing', () => {
  it('keeps the held-out sentences out of the templated examples too', () => {
    const training = new Set(
      SERVICE_EXAMPLES.flatMap((byIntent) => Object.values(byIntent).flat().map(comparable)),
    );
    expect(HELD_OUT.filter((example) => training.has(comparable(example.text)))).toEqual([]);
  });

  it('only uses known intents and fills every placeholder', () => {
    for (const byIntent of SERVICE_EXAMPLES) {
      for (const [intent, examples] of Object.entries(byIntent)) {
        expect(INTENT_IDS).toContain(intent);
        for (const text of examples ?? []) expect(text).not.toMatch(/\{\}|\{\{/);
      }
    }
  });

  it('reads long, polite requests', () => {
    const cases: Array<[string, string]> = [
      ['good evening, could you please help me find out where my parcel is right now', 'track_order'],
      ['I would appreciate some help cancelling the order I placed an hour ago', 'cancel_order'],
      ['I need assistance updating the delivery address on order A2231 before it ships', 'change_order'],
      ['could you tell me how I can get my money back for the boots', 'return_request'],
      ['I would like to know whether my refund has gone through already', 'refund_status'],
      ['can you explain whether I pay anything if I cancel a purchase', 'policy_question'],
      ['I am having trouble with the sign up, the form keeps failing', 'account'],
      ['I need to reset the password for my profile', 'account'],
      ['is there a way to get in touch with a real person from your support team', 'human_agent'],
      ['I would like to lodge a formal complaint about how I was treated', 'complaint'],
      ['¿me puedes ayudar a saber cuándo llega mi paquete?', 'track_order'],
      ['je voudrais savoir où en est mon remboursement', 'refund_status'],
      ['ich möchte bitte mein Kundenkonto löschen', 'account'],
    ];
    for (const [text, intent] of cases)
      expect({ text, intent: classifyIntent(text).intent }).toEqual({ text, intent });
  });
});
