import { describe, expect, it } from 'vitest';
import {
  classifyReturnReason,
  MIN_SIZE_RETURNS,
  type ReturnRecord,
  returnSignalFor,
} from '../../functions/core/sizing/returns';

const returns = (...reasons: string[]): ReturnRecord[] =>
  reasons.map((reason, index) => ({ sku: 'JKT-M-NVY', size: index % 2 ? 'M' : 'L', reason }));

describe('returnSignalFor', () => {
  it('says a product runs small when most size returns were too small', () => {
    expect(
      returnSignalFor(
        returns('too_small', 'too_small', 'too small', 'trop petit', 'damaged', 'too_large', '太小了'),
      ),
    ).toEqual({
      tendency: 'runs_small',
      tooSmall: 5,
      tooLarge: 1,
      sizeReturns: 6,
      returns: 7,
    });
  });

  it('says a product runs large from reasons written in several languages', () => {
    const signal = returnSignalFor(
      returns('too big', 'demasiado grande', 'zu groß', '偏大', '너무 커요', 'too_small'),
    );
    expect(signal.tendency).toBe('runs_large');
    expect(signal.tooLarge).toBe(5);
  });

  it('stays silent below the minimum number of size returns', () => {
    const few = returns(
      ...Array.from({ length: MIN_SIZE_RETURNS - 1 }, () => 'too_small'),
      'damaged',
      'late',
    );
    expect(returnSignalFor(few)).toEqual({ tooSmall: 4, tooLarge: 0, sizeReturns: 4, returns: 6 });
  });

  it('stays silent when size returns are split with no clear majority', () => {
    expect(
      returnSignalFor(returns('too_small', 'too_small', 'too_small', 'too_large', 'too_large', 'too_large'))
        .tendency,
    ).toBeUndefined();
  });

  it('counts returns that are about size without a direction against a majority', () => {
    expect(
      returnSignalFor(returns('too_small', 'too_small', 'too_small', 'wrong size', 'wrong size')).tendency,
    ).toBeUndefined();
  });

  it('tells size reasons from other reasons', () => {
    expect(classifyReturnReason('arrived broken')).toBe('not_size');
    expect(classifyReturnReason('changed my mind')).toBe('not_size');
    expect(classifyReturnReason('size_too_small')).toBe('too_small');
    expect(classifyReturnReason('wrong size')).toBe('size_other');
  });
});
