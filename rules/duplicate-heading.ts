import { sectionLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';
import type { Section } from '../src/model.js';

function key(h: string): string {
  return h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export default defineRule({
  meta: {
    id: 'duplicate-heading',
    description: 'Report two sections with the same heading at the same level (within the same schedule or annex).',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { duplicate: 'Heading "{heading}" is used again at this level; first at {first}.' },
    ask: 'Give each clause a distinct heading, or merge the two clauses.',
    url: 'rules/duplicate-heading.md',
  },
  check(ctx) {
    // Scope: the document body, or each schedule/annex (their clause headings legitimately repeat the body's).
    const seen = new Map<string, Section>();
    const visit = (s: Section, path: Section[], scope: string): void => {
      const here = [...path, s];
      const inner = /^(?:Schedule|Annex|Annexure|Exhibit|Appendix|Attachment|Addendum)\b/i.test(s.number ?? '') ? `${scope}/${s.number}` : scope;
      if (s.heading !== null && key(s.heading) !== '') {
        const k = `${inner}|${s.level}|${key(s.heading)}`;
        const first = seen.get(k);
        if (first) {
          ctx.report({ messageId: 'duplicate', data: { heading: s.heading, first: [first.number, first.heading].filter(Boolean).join(' ') }, at: sectionLocation(here) });
        } else seen.set(k, s);
      }
      for (const c of s.children) visit(c, here, inner);
    };
    for (const s of ctx.doc.sections) visit(s, [], '');
  },
});
