import { type Enumerator, parseEnumerator, toRoman } from '../src/read/enumerators.js';
import { sectionLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';
import type { Section } from '../src/model.js';
import { isStandardTextHeading } from '../src/read/standard-texts.js';

interface Reading {
  style: string;
  value: number;
  components?: number[];
  /** The word a number is written with ("part", "article"): Part I, II and Article 1 … 6 are two sequences. */
  word?: string;
}

function readingsOf(label: string): Reading[] {
  const e: Enumerator | null = parseEnumerator(`${label} X`);
  if (!e) return [];
  const word = /^([A-Za-z]{2,})\s/.exec(label)?.[1]?.toLowerCase();
  const out: Reading[] = [{ style: e.style, value: e.value, ...(e.components ? { components: e.components } : {}), ...(word ? { word } : {}) }];
  if (e.alternative) out.push({ style: e.alternative.style, value: e.alternative.value, ...(word ? { word } : {}) });
  return out;
}

function decimalParent(path: readonly Section[]): number[] | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i]!.number ?? path[i]!.label;
    if (n === null) continue;
    const r = readingsOf(n)[0];
    return r && r.style === 'decimal' && r.components ? r.components : null;
  }
  return null;
}

/** What makes two numbers part of one list: style, the word it is written with, depth and prefix. */
function kindKey(r: Reading): string {
  return `${r.style}|${r.word ?? ''}|${r.components ? r.components.slice(0, -1).join('.') : ''}|${r.components?.length ?? 0}`;
}

/** The number before `s` in the same list, written like its label ("12.5" → "12.4", "(c)" → "(b)"). */
function formatLike(s: Section, r: Reading, value: number): string {
  if (r.components) return [...r.components.slice(0, -1), value].join('.');
  // The number, after the word it is written with ("ARTICLE 4" → "ARTICLE 3").
  const word = /^[A-Za-z]{2,}\s+/.exec(s.label ?? '')?.[0] ?? '';
  const label = (s.label ?? '').slice(word.length);
  return word + label.replace(/[A-Za-z0-9]+/, (m) => (/^\d+$/.test(m) ? String(value) : /^[ivxlc]+$/i.test(m) && (r.style.includes('roman') || (r.style === 'article' && m.length > 1)) ? toRoman(value)[m === m.toUpperCase() ? 'toUpperCase' : 'toLowerCase']() : String.fromCharCode((m === m.toUpperCase() ? 64 : 96) + value)));
}

/**
 * A skip worth reporting. A clause number far past the last ("Section 508 Compliance" after clause 15) names a
 * statute's section, not a lost clause. In a sub-list ((a), (i), (1)) — where continuation lines, letters that read
 * as numerals ("(l)") and quoted standard texts mislead a reader of the text — only one missing item in a run of at
 * least three siblings is reported: "(i), (ii), (iii), (v)".
 */
function plausibleSkip(r: Reading, before: number, s: Section, siblings: readonly Section[]): boolean {
  if (r.value >= 100 && before < 50) return false;
  if (r.style === 'decimal' || r.style === 'article') return true;
  return r.value === before + 2 && siblings.filter((x) => x.label !== null).length >= 3 && siblings.indexOf(s) > 0;
}

/** A bracketed alternative ("2. [CALL-OFF GUARANTEE …]" after "2. [FRAMEWORK GUARANTEE …] or"): numbered the same on purpose. */
const ALTERNATIVE = /^\s*\[/;


function show(s: Section): string {
  return s.number ?? s.label ?? '?';
}

export default defineRule({
  meta: {
    id: 'numbering-gap',
    description: 'Report clause numbers that skip, repeat, or start a list past its first number.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      skip: 'Numbering skips from {prev} to {next}.',
      repeat: 'Clause number {number} is repeated.',
      start: 'Numbering starts at {number}; {expected} is missing.',
      parent: 'Clause {number} sits under clause {parent}.',
    },
    ask: 'Renumber the clauses (and their cross-references) so that no number is skipped or repeated.',
    url: 'rules/numbering-gap.md',
  },
  check(ctx) {
    // Numbers are checked in reading order against the last number of the same kind seen
    // anywhere before (same style, depth and prefix): Word continues a list across headings
    // ("20." in Part A, "21." under the next heading), and a list may restart at 1 at any time.
    const last = new Map<string, number>();
    const misplacedUnder = new Set<Section>();
    const visitList = (children: readonly Section[], path: readonly Section[]): void => {
      // A standard text set into the document (a FAR clause, the Standard Contractual Clauses) keeps its own
      // numbering, with the paragraphs that do not apply left out: its gaps are not this document's.
      if (path.some((x) => isStandardTextHeading(x.heading))) return;
      let prev: { s: Section; r: Reading } | null = null;
      const parentComps = decimalParent(path);
      // Whether the plain numbers ("1.", "2.") among these children start at 1, as a list inside a clause does.
      const firstPlain = children.find((c) => c.label !== null && /^\d+\.?$/.test(c.label));
      const plainFromOne = firstPlain !== undefined && Number.parseInt(firstPlain.label!, 10) === 1;
      for (const s of children) {
        if (s.label !== null) {
          // A Markdown list item is labelled "3." but numbered "5.3": decimals are read from the number.
          const fromNumber = s.number !== null ? readingsOf(s.number).filter((x) => x.style === 'decimal') : [];
          // A "1." list inside clause 11 is a list of its own, not clause 1 again: numbered "11(1)" when typed or in
          // Word, "1" under the heading "11." in Markdown.
          const innerList = /^\d+\.?$/.test(s.label) && s.number !== null &&
            (/\(\d+\)$/.test(s.number) || (plainFromOne && parentComps !== null && fromNumber[0]?.components !== undefined && fromNumber[0].components.length <= parentComps.length));
          const readings = innerList ? [{ style: 'digit-dot', value: Number.parseInt(s.label, 10) }] : fromNumber.length > 0 ? fromNumber : readingsOf(s.label);
          const r: Reading | undefined = (prev && readings.find((x) => x.style === prev!.r.style)) || readings[0];
          if (r && r.style !== 'attachment') {
            const loc = sectionLocation([...path, s]);
            const key = kindKey(r);
            const before = last.get(key);
            const sibling = prev !== null && key === kindKey(prev.r);
            if (r.components && parentComps && r.components.length === parentComps.length + 1 && r.components.slice(0, -1).join('.') !== parentComps.join('.')) {
              // Once per parent: "1.2 … 1.12 under clause 5" is one defect, not eleven.
              const parentSection = path.at(-1)!;
              if (!misplacedUnder.has(parentSection)) {
                misplacedUnder.add(parentSection);
                ctx.report({ messageId: 'parent', data: { number: show(s), parent: parentComps.join('.') }, at: loc });
              }
            } else if (sibling && r.value === prev!.r.value && !ALTERNATIVE.test(`${s.heading ?? ''} ${s.blocks[0]?.text ?? ''}`)) {
              ctx.report({ messageId: 'repeat', data: { number: show(s) }, at: loc });
            } else if (r.value > 1 && (before === undefined || r.value > before + 1)) {
              if (before !== undefined && before >= 1 && (sibling || r.value > before + 1) && plausibleSkip(r, before, s, children)) {
                const from = sibling ? show(prev!.s) : formatLike(s, r, before);
                ctx.report({ messageId: 'skip', data: { prev: from, next: show(s) }, at: loc });
              } else if (before === undefined && r.value < 100 && r.word !== 'part') {
                // (A sequence that starts at "Section 508" names a statute's section, not 507 lost clauses; a "Part B"
                // whose part A is a bracketed template or a title is no lost part.)
                const expected = r.components ? [...r.components.slice(0, -1), 1].join('.') : formatLike(s, r, 1);
                ctx.report({ messageId: 'start', data: { number: show(s), expected }, at: loc });
              }
            }
            last.set(key, r.value);
            prev = { s, r };
          }
        }
        visitList(s.children, [...path, s]);
      }
    };
    visitList(ctx.doc.sections, []);
  },
});
