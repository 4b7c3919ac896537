import { describe, expect, it } from 'vitest';
import { DE } from '../../functions/core/nlu/data/replies/de';

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('the register of the replies', () => {
  it('addresses German shoppers formally (Sie) in every reply, never with du', () => {
    const informal = texts(DE).filter((text) => /\b(du|dir|dich|dein\w*)\b/i.test(text));
    expect(informal).toEqual([]);
    expect(texts(DE).filter((text) => /\b(Sie|Ihnen|Ihr\w*)\b/.test(text)).length).toBeGreaterThan(10);
  });
});
