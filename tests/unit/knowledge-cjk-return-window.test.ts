import { describe, expect, it } from 'vitest';
import { answerFromKnowledge } from '../../functions/core/knowledge/answer';
import { demoKnowledge } from '../support/demo-knowledge';

const demo = demoKnowledge;

const sourceId = (question: string) => {
  const result = answerFromKnowledge(question, 'zh', demo, { intent: 'policy_question' });
  return 'none' in result ? 'none' : result.source.id;
};

describe('Chinese return-window questions without the noun 退货', () => {
  it.each(['衣服不合适的话，收到后多少天内可以退？', '买了不喜欢能退吗', '收到货多少天内能退？'])(
    'answers "%s" from the returns FAQ',
    (question) => {
      expect(sourceId(question)).toBe('returns-window');
    },
  );

  it('answers "多少天" shipping questions from the shipping FAQ, not returns', () => {
    expect(sourceId('发货后多少天能到？')).toBe('shipping-times');
  });

  it('still has no answer for a question the store cannot answer', () => {
    expect(sourceId('可以用支付宝付款吗？')).toBe('none');
  });
});
