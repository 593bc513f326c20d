import { describe, expect, it } from 'vitest';
import { normaliseNumbers, wordsToNumber } from '../src/analyse/numbers.js';
import { findAmounts, findDurations, findPercentages, findScores } from '../src/analyse/values.js';
import { modality } from '../src/detect/util.js';

describe('numbers in words', () => {
  it.each([
    ['seventy-two', 72],
    ['one hundred and twenty', 120],
    ['one million two hundred and fifty thousand', 1_250_000],
    ['ten million', 10_000_000],
    ['Twenty-Five Thousand', 25_000],
    ['hundred', 100],
  ])('%s is %d', (words, value) => {
    expect(wordsToNumber(words)).toBe(value);
  });

  it('is null for words that are not numbers', () => {
    expect(wordsToNumber('seventy days')).toBeNull();
    expect(wordsToNumber('')).toBeNull();
  });

  it.each([
    ['within thirty (30) days', 'within 30 days'],
    ['within seventy-two hours', 'within 72 hours'],
    ['within one month', 'within 1 month'],
    ['three Business Days', '3 Business Days'],
    ['a three-month notice', 'a 3-month notice'],
    ['ninety-five per cent of calls', '95 per cent of calls'],
    ['4.5 out of five', '4.5 out of 5'],
    ['a score of four out of five', 'a score of 4 out of 5'],
    ['ten million pounds (£10,000,000)', '10000000 pounds (£10,000,000)'],
    ['Ninety days Written Notice', '90 days Written Notice'],
  ])('normalises "%s"', (text, expected) => {
    expect(normaliseNumbers(text)).toBe(expected);
  });

  it('leaves number words that carry no value alone', () => {
    const text = 'Any one of the two parties may give notice.';
    expect(normaliseNumbers(text)).toBe(text);
  });
});

describe('values', () => {
  it('reads durations in words and figures', () => {
    expect(findDurations('notify within seventy-two (72) hours and cure within ten Business Days').map((d) => [d.value, d.unit])).toEqual([[72, 'hour'], [10, 'business-day']]);
  });

  it('reads percentages, scores and amounts', () => {
    expect(findPercentages('eighty per cent of calls answered within 20 seconds').map((p) => p.value)).toEqual([80]);
    expect(findScores('customer satisfaction of at least four out of five').map((s) => [s.value, s.scale])).toEqual([[4, 5]]);
    expect(findAmounts('cover of not less than five million pounds').map((a) => a.value)).toEqual([5_000_000]);
  });
});

describe('modality', () => {
  it.each([
    ['The Supplier shall notify the Customer.', { binding: true, permissive: false, negated: false }],
    ['The Customer may terminate this Agreement.', { binding: false, permissive: true, negated: false }],
    ['The Supplier shall not subcontract.', { binding: true, permissive: false, negated: true }],
    ['Neither party may assign this Agreement.', { binding: false, permissive: true, negated: true }],
    ['The Supplier cannot refuse.', { binding: false, permissive: false, negated: true }],
    ['The rates shall [not] be subject to indexation.', { binding: true, permissive: false, negated: true }],
    ['The Supplier is not required to keep backups.', { binding: false, permissive: false, negated: true }],
    ['The Supplier agrees to keep records.', { binding: true, permissive: false, negated: false }],
  ])('%s', (text, expected) => {
    expect(modality(text)).toMatchObject(expected);
  });

  it('does not read the month May, "as may be" or the noun will as modals', () => {
    expect(modality('This Agreement is made on 1 May 2024.')).toMatchObject({ binding: false, permissive: false });
    expect(modality('Signed in May, 2017 by the parties.')).toMatchObject({ permissive: false });
    expect(modality('The Supplier performs such acts as may be required.')).toMatchObject({ permissive: false });
    expect(modality('The agreement is terminable at will by the Customer.')).toMatchObject({ binding: false });
    expect(modality('All good-will accrues to the Licensor.')).toMatchObject({ binding: false });
  });

  it('reads effort wording', () => {
    expect(modality('The Supplier shall use reasonable endeavours to restore the Services.').effort).toBe(true);
    expect(modality('The Supplier shall restore the Services.').effort).toBe(false);
  });
});
