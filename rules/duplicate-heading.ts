import { sectionLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';
import type { Section } from '../src/model.js';
import { isStandardTextHeading } from '../src/read/standard-texts.js';


/**
 * Whether two sibling sections with one heading would confuse a reader: both are clauses with text of their own (a
 * list entry repeated is no heading), they do not end in the same sub-number ("(n)(2) Representation" and
 * "(t)(2) Representation" are parallel paragraphs of different parents), and no alternative part lies between them
 * ("PART A – short form" … "PART B – long form").
 */
function confusing(list: readonly Section[], first: Section, s: Section): boolean {
  const hasText = (x: Section): boolean => x.blocks.length > 0 || x.children.length > 0;
  if (!hasText(first) || !hasText(s)) return false;
  const tail = (x: Section): string => /(\([^)]+\)|[^.()]+)$/.exec(x.number ?? '')?.[1] ?? '';
  if (first.number !== null && s.number !== null && tail(first) === tail(s)) return false;
  const between = list.slice(list.indexOf(first) + 1, list.indexOf(s));
  const alternative = /^(?:part|option|alternative|lot)\s+\w+\b/i;
  return !between.some((x) => alternative.test(x.number ?? '') || alternative.test(x.heading ?? ''));
}

function partKind(s: Section): string {
  if (s.number === null) return 'heading';
  return /^(?:schedule|annex|annexure|appendix|exhibit|attachment|addendum|part|article)\b/i.test(s.number) ? 'part' : 'clause';
}

function key(h: string): string {
  return h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Headings a document repeats on purpose, one per part: a summary in every section, "Definitions" in each annex,
 * "Scope" and "General" under each service. A reader is not confused by them.
 */
const STRUCTURAL = /^(?:(?:short |plain english |plain language )?(?:version|summary|overview)|definitions?(?: and interpretation)?|interpretation|defined terms|scope|general|introduction|purpose|background|recitals|notes?|examples?|description|details|contents|table of contents|applicability|exceptions|exclusions|(?:additional )?terms|requirements|responsibilities|priority|severity)$/;

export default defineRule({
  meta: {
    id: 'duplicate-heading',
    description: 'Report two sections with the same heading under the same parent, where a reader would be confused.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { duplicate: 'Heading "{heading}" is used again under the same {parent}; first at {first}.' },
    ask: 'Give each clause a distinct heading, or merge the two clauses.',
    url: 'rules/duplicate-heading.md',
  },
  check(ctx) {
    // An unnumbered heading that opens the document, nothing before it, is its title ("Terms of Service", a
    // summary, then "Terms of Service" again where the terms start).
    const opensDocument = (first: Section | undefined): boolean =>
      first !== undefined && first === ctx.doc.sections[0] && first.number === null && ctx.doc.preamble.length === 0;
    // Siblings only: the same heading under different clauses, schedules or annexes is a parallel structure.
    const siblings = (list: readonly Section[], path: Section[]): void => {
      // A standard text set into the document (a FAR clause) keeps its own headings.
      if (path.some((x) => isStandardTextHeading(x.heading))) return;
      const seen = new Map<string, Section>();
      const parent = path.at(-1);
      for (const s of list) {
        // A clause, a schedule or annex, and an unnumbered heading are different kinds of part: "2 Service levels" and
        // "Annex 1 — Service levels" do not confuse a reader.
        const k = s.heading === null ? '' : `${partKind(s)}|${key(s.heading)}`;
        if (k !== '' && !STRUCTURAL.test(key(s.heading!))) {
          const first = seen.get(k);
          // The same heading twice in a row with nothing between is a title printed twice, not two sections; the
          // document's title again where its text starts is no duplicate either.
          const adjacent = first !== undefined && list.indexOf(first) === list.indexOf(s) - 1 && first.blocks.length === 0 && first.children.length === 0;
          const title = (ctx.doc.title !== null && key(ctx.doc.title) === key(s.heading!)) || opensDocument(first);
          if (first && !adjacent && !title && !STRUCTURAL.test(key(s.heading!)) && confusing(list, first, s)) {
            const where = parent ? `clause ${[parent.number, parent.heading].filter(Boolean).join(' ')}` : 'document';
            ctx.report({ messageId: 'duplicate', data: { heading: s.heading!, parent: where, first: [first.number, first.heading].filter(Boolean).join(' ') }, at: sectionLocation([...path, s]) });
          } else seen.set(k, s);
        }
        siblings(s.children, [...path, s]);
      }
    };
    siblings(ctx.doc.sections, []);
  },
});
