/**
 * Numbers written in words, read as figures. The grammar is small and closed
 * (units, tens, "hundred", scales, "and", hyphens), so it is read here rather
 * than with an NLP library: compromise took 150–350 ms to load — most of a
 * pre-commit run on one small contract — and misread legal forms ("thirty (30)
 * days" as 60, "4.5 out of five" as 0.9, "one million two hundred and fifty
 * thousand" as 1,000,250,000).
 */

const NUM_WORDS = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion';
/** One number word (a regex source). */
export const NUM_WORD = `(?:${NUM_WORDS})`;

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** "one million two hundred and fifty thousand" → 1250000; null when a word is not a number word. */
export function wordsToNumber(words: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || w === '') continue;
    if (w in SMALL) current += SMALL[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALE) {
      total += (current || 1) * SCALE[w]!;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

// "within thirty (30) days": the figure in brackets restates the words before it.
const WORD_THEN_DIGITS = /\b([A-Za-z][A-Za-z -]*?)\s*\((\d[\d,.]*)\)/g;
const TRAILING_NUMBER_WORDS = new RegExp(String.raw`((?:\b(?:${NUM_WORDS}|and)\b[\s-]*)+)$`, 'i');
// A run of number words before what the value finders read (src/analyse/values.ts): a unit of time, a
// percentage, an amount. Number words elsewhere ("any one of", "two parties") are left alone.
const UNIT = String.raw`(?:business|working|calendar|consecutive|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|per\s?cent|percent|%|pct|pounds|dollars|euros?|GBP|USD|EUR)\b`;
const WORDS_BEFORE_UNIT = new RegExp(String.raw`\b${NUM_WORD}(?:[\s-]+(?:and[\s-]+)?${NUM_WORD})*(?=[\s-]*${UNIT})`, 'gi');
// A scale or score in words: "4.5 out of five", "four out of 5", "on a scale of one to ten".
const SMALL_WORD = '(zero|one|two|three|four|five|six|seven|eight|nine|ten|one hundred|hundred)';
const SCALE_IN_WORDS = new RegExp(String.raw`\b(out of\s+|scale of \w+ to\s+)${SMALL_WORD}\b`, 'gi');
const SCORE_IN_WORDS = new RegExp(String.raw`\b${SMALL_WORD}(\s+out of\s+\d)`, 'gi');
const figure = (words: string): string => String(wordsToNumber(words) ?? words);

/**
 * Numbers as figures where a value is read from them: "thirty (30) days" → "30 days", "seventy-two hours" →
 * "72 hours", "one month" → "1 month", "ninety-five per cent" → "95 per cent", "four out of five" → "4 out of 5".
 */
export function normaliseNumbers(text: string): string {
  return text
    .replace(WORD_THEN_DIGITS, (whole, words: string, digits: string) => {
      // Keep the words before the number words: "within thirty (30)" → "within 30".
      const m = TRAILING_NUMBER_WORDS.exec(words);
      if (!m) return whole;
      return `${words.slice(0, words.length - m[1]!.length)}${digits}`;
    })
    .replace(SCALE_IN_WORDS, (whole, lead: string, word: string) => `${lead}${figure(word)}`)
    .replace(SCORE_IN_WORDS, (whole, word: string, rest: string) => `${figure(word)}${rest}`)
    .replace(WORDS_BEFORE_UNIT, figure);
}
