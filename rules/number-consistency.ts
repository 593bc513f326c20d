import { placedBlocks, spanLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';

const NUM_WORD = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)';
// "thirty (31) days", "five thousand dollars ($50,000)", "ten per cent (15%)"
const PAIR = new RegExp(String.raw`(?<![-/]|(?:${NUM_WORD}|half|halves|thirds?|quarters?|tenths?|and|point)[\s,-]+)\b(${NUM_WORD}(?:(?:[\s-]+|,\s*)(?:and[\s-]+)?${NUM_WORD}){0,8})\s+(?:(?:US\s+|U\.S\.\s+)?(?:dollars|pounds(?: sterling)?|euros|per ?cent|percent)\s*)?\(\s*((?:US)?[$£€]?\s?\d[\d,]*(?:\.\d+)?\s?%?)\s*\)`, 'gi');

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** "one million two hundred and fifty thousand" → 1250000 (compromise misreads long amounts). */
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

export default defineRule({
  meta: {
    id: 'number-consistency',
    description: 'Report amounts written in words and figures that disagree: "thirty (31) days", "five thousand dollars ($50,000)".',
    defaultSeverity: 'error',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { mismatch: '"{words}" is {wordValue} in words but {figure} in figures.' },
    ask: 'Make the words and the figures say the same number (and agree which one prevails).',
    url: 'rules/number-consistency.md',
  },
  check(ctx) {
    for (const p of placedBlocks(ctx.doc)) {
      const text = p.block.text;
      if (!/\(\s*(?:US)?[$£€]?\s?\d/.test(text)) continue;
      for (const m of text.matchAll(PAIR)) {
        const wordValue = wordsToNumber(m[1]!);
        const figure = Number(m[2]!.replace(/[^\d.]/g, ''));
        // "ninety-seven and one-half percent (97.5%)": fractions in words are not read; leave them.
        if (wordValue === null || Number.isNaN(figure) || wordValue === figure || !Number.isInteger(figure)) continue;
        ctx.report({
          messageId: 'mismatch',
          data: { words: m[0], wordValue, figure: m[2]!.trim() },
          at: spanLocation(p, m.index ?? 0, m[0].length),
        });
      }
    }
  },
});
