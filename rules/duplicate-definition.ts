import { excerpt } from '../src/detect/util.js';
import { defineRule } from '../src/lint/types.js';
import type { DefinedTerm } from '../src/model.js';

export function termKey(term: string): string {
  return term.replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

export default defineRule({
  meta: {
    id: 'duplicate-definition',
    description: 'Report a term defined more than once.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { duplicate: '"{term}" is defined again; first defined at {first}.' },
    ask: 'Keep one definition of each term, or give the second meaning a different term.',
    url: 'rules/duplicate-definition.md',
  },
  check(ctx) {
    const first = new Map<string, DefinedTerm>();
    for (const d of ctx.doc.definitions) {
      const k = termKey(d.term);
      const f = first.get(k);
      if (!f) {
        first.set(k, d);
        continue;
      }
      // The same words repeated (a definition echoed in a recital) is not a second meaning.
      if (f.position.line === d.position.line) continue;
      const where = f.sectionNumber ? `clause ${f.sectionNumber}` : `line ${f.position.line}`;
      ctx.report({
        messageId: 'duplicate',
        data: { term: d.term, first: where },
        at: { section: d.sectionNumber ? { number: d.sectionNumber, heading: null } : null, position: d.position, excerpt: excerpt(d.definition, 200) },
      });
    }
  },
});
