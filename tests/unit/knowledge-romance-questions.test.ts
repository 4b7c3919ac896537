import { describe, expect, it } from 'vitest';
import { answerFromKnowledge } from '../../functions/core/knowledge/answer';
import { demoKnowledge, sourceOf } from '../support/demo-knowledge';

const demo = demoKnowledge;

describe('answerFromKnowledge for questions that name a product by what it is', () => {
  it('answers a Portuguese policy question about the earbuds with their 12-month warranty', () => {
    const result = answerFromKnowledge('Os fones sem fio têm quanto tempo de garantia?', 'pt', demo, {
      intent: 'policy_question',
    });
    expect('none' in result ? '' : result.answer).toContain('12');
  });

  it('still refuses the electronics warranty for a jacket', () => {
    const result = answerFromKnowledge('O casaco tem quanto tempo de garantia?', 'pt', demo, {
      intent: 'policy_question',
    });
    expect(sourceOf(result)).toBe('none');
  });

  it('reads the Portuguese "casaco impermeável" as the rain jacket, not the trainers', () => {
    const result = answerFromKnowledge('O casaco impermeável pode ir à máquina de lavar?', 'pt', demo, {
      intent: 'product_question',
    });
    expect(sourceOf(result)).toBe('product:JKT-M-NVY:care');
  });

  it('answers an Italian question about when orders arrive from the shipping FAQ', () => {
    const result = answerFromKnowledge(
      'Di solito quanti giorni ci vogliono perché un ordine arrivi?',
      'it',
      demo,
      { intent: 'policy_question' },
    );
    expect(sourceOf(result)).toBe('faq:shipping-times');
  });
});
