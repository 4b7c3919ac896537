import { describe, expect, it } from 'vitest';
import { createDefectMatcher, defectsIn } from '../../functions/core/analytics/defects';
import { foldText } from '../../functions/core/text';

describe('defectsIn', () => {
  const cases: Array<[string, string[]]> = [
    ['The shirt faded after one wash', ['faded']],
    ['The colours are fading and there is a hole in the sleeve', ['faded', 'torn']],
    ['衣服洗了一次就掉色了', ['faded']],
    ['杯子到的时候已经破损', ['broken']],
    ['Le t-shirt a déteint au lavage', ['faded']],
    ['LE T-SHIRT A DETEINT', ['faded']],
    ['La camiseta se ha desteñido y la taza llegó rota', ['faded', 'broken']],
    ['Das Shirt ist verblasst und der Becher kaputt', ['faded', 'broken']],
    ['The screen is broken and the box smells', ['broken', 'smell']],
    ['화면이 고장 났어요', ['broken']],
    ['色落ちしました。それに汚れもあります', ['faded', 'stained']],
    ['เสื้อสีตกและขาด', ['faded', 'torn']],
    ['الكوب مكسور', ['broken']],
    ['Ｆａｄｅｄ after washing', ['faded']],
    ['Where is my order?', []],
    ['I want to return it, the size is wrong', []],
    ['Breakfast was great, I love the roof', []],
    ['Can I exchange for a larger size? I am 1m80', []],
  ];
  for (const [text, expected] of cases) {
    it(text, () => expect(defectsIn(text)).toEqual(expected));
  }
});

describe('createDefectMatcher', () => {
  it('uses a custom list with prefix and multi-word terms', () => {
    const match = createDefectMatcher([
      { id: 'loose_button', terms: ['button fell off', 'bouton*'] },
      { id: 'zip', terms: ['拉链'] },
    ]);
    expect(
      match('The button  fell off, and the Boutons too; 拉链坏了').map((m) => [m.defect, m.term]),
    ).toEqual([
      ['loose_button', 'button fell off'],
      ['loose_button', 'bouton*'],
      ['zip', '拉链'],
    ]);
  });

  it('folds case, width and accents, and keeps Thai marks', () => {
    expect(foldText('DÉTEINT Ｔｅｓｔ')).toBe('deteint test');
    expect(foldText('สีซีด')).toBe('สีซีด');
  });
});
