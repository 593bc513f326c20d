import { placedBlocks, spanLocation } from '../src/lint/blocks.js';
import { NUM_WORD, wordsToNumber } from '../src/analyse/numbers.js';
import { defineRule } from '../src/lint/types.js';

// "thirty (31) days", "five thousand dollars ($50,000)", "ten per cent (15%)"
const PAIR = new RegExp(String.raw`(?<![-/]|(?:${NUM_WORD}|half|halves|thirds?|quarters?|tenths?|and|point)[\s,-]+)\b(${NUM_WORD}(?:(?:[\s-]+|,\s*)(?:and[\s-]+)?${NUM_WORD}){0,8})\s+(?:(?:US\s+|U\.S\.\s+)?(?:dollars|pounds(?: sterling)?|euros|per ?cent|percent)\s*)?\(\s*((?:US)?[$£€]?\s?\d[\d,]*(?:\.\d+)?\s?%?)\s*\)`, 'gi');

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
