import { placedBlocks, spanLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';
import { isBracketedWords } from '../src/read/html.js';

// Bracketed blanks and drafting instructions: [●], [TBD], [Insert …], [Customer Name], [1 year(s)].
const BRACKET = /\[([^\[\]\n]{1,80})\]/g;
const INSTRUCTION = /^(?:[●•·\s._…-]*|TBD|TBC|TBA|XX+|X+|\?+|insert\b.*|fill in\b.*|add\b.*|specify\b.*|enter\b.*|select\b.*|name\b.*|date\b.*|amount\b.*|number\b.*|.*\b(?:name|date|address|amount|number|percentage|period|fee|price|jurisdiction|state|county|city)\b.*|.*\d+\s*(?:\(\d+\)\s*)?(?:hours?|days?|weeks?|months?|years?)(?:\(s\))?.*|.*\/.*|.*\bor\b.*)$/i;
// Not placeholders: redactions ([***]), citations ([2019] EWHC 1), editorial letters ("[t]he"), "[Reserved]", footnote marks.
const NOT_PLACEHOLDER = /^(?:\*+|\d{4}|[a-z]|reserved|intentionally (?:left )?(?:blank|omitted)|sic|emphasis added|\d{1,3}|[ivx]+|x)$/i;
// Each with the characters every match contains (`cues`): a block without any of them is not searched. Most blocks
// have none, and a matchAll per pattern and block cost about 4% of linting a batch of Markdown contracts.
const OTHER = [
  { re: /_{4,}/g, cues: ['____'], kind: 'blank' },
  // "<SCOPE OF WORK>", "<Customer Name>": a blank in angle brackets (the reader keeps what is no HTML element).
  { re: /<[A-Za-z][\w&/ .'-]{0,60}>/g, cues: ['<'], kind: 'angle' },
  // A bare "TBD", "TBC" or "TBA" in capitals.
  { re: /\b(?:TBD|TBC|TBA)\b/g, cues: ['TB'], kind: 'tbd' },
  { re: /\{\{\s*[^{}\n]{1,60}\}\}/g, cues: ['{{'], kind: 'field' },
  { re: /\bXX+\b/g, cues: ['XX'], kind: 'XX' },
  { re: /[●•]{1,3}(?=\s*(?:days?|hours?|months?|%|per cent|\)|\]|$))/g, cues: ['●', '•'], kind: 'bullet' },
];
const SIGNATURE_LINE = /^(?:by|name|title|signature|signed|date|witness|its|print name|authori[sz]ed signatory)\b/i;

export interface PlaceholderHit {
  text: string;
  index: number;
}

/** The unfilled blanks in a piece of text. */
export function findPlaceholders(text: string): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  for (const m of text.includes('[') ? text.matchAll(BRACKET) : []) {
    const inner = m[1]!.trim();
    if (NOT_PLACEHOLDER.test(inner)) continue;
    if (INSTRUCTION.test(inner) || /^[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,4}$/.test(inner)) hits.push({ text: m[0], index: m.index ?? 0 });
  }
  for (const { re, cues } of OTHER) {
    if (!cues.some((c) => text.includes(c))) continue;
    // The signature itself is left blank until signing; the name, title and date beside it are to be filled in.
    if (re.source.startsWith('_') && SIGNATURE_LINE.test(text.trim()) && !/^(?:name|title|date|print name|signed by)\b/i.test(text.trim())) continue;
    for (const m of text.matchAll(re)) {
      if (m[0].startsWith('<') && !isBracketedWords(m[0])) continue; // an HTML element (<script>, <b>) is no blank
      if (!hits.some((h) => m.index! >= h.index && m.index! < h.index + h.text.length)) hits.push({ text: m[0], index: m.index ?? 0 });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

export default defineRule({
  meta: {
    id: 'placeholder',
    description: 'Report unfilled blanks and drafting instructions: [●], [TBD], [Insert …], [Customer Name], ____, {{field}}, XX days.',
    defaultSeverity: 'error',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { placeholder: 'Unfilled placeholder {text}.' },
    ask: 'Fill in or delete every placeholder before the draft is signed.',
    url: 'rules/placeholder.md',
  },
  check(ctx) {
    for (const p of placedBlocks(ctx.doc)) {
      for (const hit of findPlaceholders(p.block.text)) {
        ctx.report({
          messageId: 'placeholder',
          data: { text: hit.text.length > 60 ? `${hit.text.slice(0, 57)}…` : hit.text },
          at: spanLocation(p, hit.index, hit.text.length),
        });
      }
    }
  },
});
