import { excerpt } from '../src/detect/util.js';
import { isDefinitionsDocument, termUses } from '../src/lint/terms.js';
import { defineRule } from '../src/lint/types.js';
import { termKey } from './duplicate-definition.js';

export default defineRule({
  meta: {
    id: 'unused-definition',
    description: 'Report a defined term that the contract never uses.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { unused: '"{term}" is defined but never used.' },
    ask: 'Delete the definition, or use the term where the contract means it.',
    url: 'rules/unused-definition.md',
  },
  check(ctx) {
    // A definitions schedule defines its terms for the other documents of the contract.
    if (isDefinitionsDocument(ctx.doc)) return;
    const seen = new Set<string>();
    // An abbreviation introduced in passing ("Protected Health Information ("PHI")") is no definition to keep.
    const defs = ctx.doc.definitions.filter((d) => d.kind !== 'alias').filter((d) => {
      const k = termKey(d.term);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const uses = termUses(ctx.doc, defs.map((d) => d.term));
    for (const d of defs) {
      // The defining sentence itself may mention the term once more ("… (the "Services"). The Services …" counts).
      const n = uses.get(d.term)!.filter((u) => !(u.block.block.position.line === d.position.line && u.block.block.text.slice(0, 300) === d.definition.slice(0, 300) && u.index < 3)).length;
      if (n === 0) {
        ctx.report({
          messageId: 'unused',
          data: { term: d.term },
          at: { section: d.sectionNumber ? { number: d.sectionNumber, heading: null } : null, position: d.position, excerpt: excerpt(d.definition, 200) },
        });
      }
    }
  },
});
