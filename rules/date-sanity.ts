import { placedBlocks, spanLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const M = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE = new RegExp(
  [
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+day\s+of)?\s+${M},?\s+(\d{4})\b`, // 1 January 2025, 1st day of January, 2025
    String.raw`\b${M}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, // January 1, 2025
    String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`, // 2025-01-31
  ].join('|'),
  'g',
);
// The start date right after "from" / "commencing on"; the end date right after "until" / "and ending on".
const START = /\b(?:from|commenc\w*|start\w*|begin\w*|effective(?: as of| from)?)(?:\s+(?:on|as of))?\s*$/i;
const END = /\b(?:until|to|through|(?:and\s+)?(?:end\w*|expir\w*|terminat\w*)(?:\s+on)?)\s*$/i;

interface FoundDate {
  text: string;
  index: number;
  valid: boolean;
  time: number;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
}

export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(DATE)) {
    let y: number;
    let mo: number;
    let d: number;
    if (m[1] !== undefined) [d, mo, y] = [Number(m[1]), monthIndex(m[2]!), Number(m[3])];
    else if (m[4] !== undefined) [mo, d, y] = [monthIndex(m[4]), Number(m[5]), Number(m[6])];
    else [y, mo, d] = [Number(m[7]), Number(m[8]) - 1, Number(m[9])];
    const date = new Date(Date.UTC(y, mo, d));
    const valid = mo >= 0 && mo < 12 && d >= 1 && date.getUTCMonth() === mo && date.getUTCDate() === d;
    out.push({ text: m[0], index: m.index ?? 0, valid, time: date.getTime() });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'date-sanity',
    description: 'Report impossible dates ("31 February 2025") and an end date before its start date.',
    defaultSeverity: 'error',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      invalid: '{date} is not a calendar date.',
      order: 'The end date {end} is before the start date {start}.',
    },
    ask: 'Correct the date so the term starts before it ends.',
    url: 'rules/date-sanity.md',
  },
  check(ctx) {
    for (const p of placedBlocks(ctx.doc)) {
      const text = p.block.text;
      if (!/\d{4}/.test(text)) continue;
      const dates = findDates(text);
      for (const d of dates) {
        if (!d.valid) ctx.report({ messageId: 'invalid', data: { date: d.text }, at: spanLocation(p, d.index, d.text.length) });
      }
      // "from 1 March 2025 until 28 February 2024", "commences on … and expires on …"
      const valid = dates.filter((d) => d.valid);
      for (let i = 0; i + 1 < valid.length; i++) {
        const a = valid[i]!;
        const b = valid[i + 1]!;
        const before = text.slice(Math.max(0, a.index - 60), a.index);
        const between = text.slice(a.index + a.text.length, b.index);
        if (between.length > 80 || /[.;]\s/.test(between)) continue;
        if (START.test(before) && END.test(between) && b.time < a.time) {
          ctx.report({ messageId: 'order', data: { start: a.text, end: b.text }, at: spanLocation(p, b.index, b.text.length) });
        }
      }
    }
  },
});
