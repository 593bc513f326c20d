import { describe, expect, it } from 'vitest';
import { native } from '../src/native-regexp.js';

describe('native: a pattern compiled at once behaves as before', () => {
  it('returns the same pattern, with lastIndex back at 0 for global and sticky ones', () => {
    const g = /\bterminat\w*/gi;
    expect(native(g)).toBe(g);
    expect(g.lastIndex).toBe(0);
    expect('Either party may terminate; termination is final.'.match(g)).toEqual(['terminate', 'termination']);
    const y = /\d+/y;
    expect(native(y).lastIndex).toBe(0);
    expect(y.exec('42 days')?.[0]).toBe('42');
  });

  it('matches what the plain pattern matches, also patterns that a long blank string could match', () => {
    const cases: Array<[RegExp, string]> = [
      [/^[^.;]{0,100}?\bincorporated\b/i, 'The DPA is incorporated by reference.'],
      [/[\s\S]*/, 'anything'],
      [/(?<!\bnot\s+)\bliable\b/i, 'The Supplier shall be liable.'],
    ];
    for (const [re, text] of cases) {
      const plain = new RegExp(re.source, re.flags);
      expect(native(re).exec(text)?.[0]).toBe(plain.exec(text)?.[0]);
    }
  });
});
