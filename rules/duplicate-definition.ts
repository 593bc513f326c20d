import { excerpt } from '../src/detect/util.js';
import type { PackContext } from '../src/lint/pack-context.js';
import { defineRule, type RuleContext } from '../src/lint/types.js';
import type { ContractDocument, DefinedTerm } from '../src/model.js';
import { isDefinitionsDocument } from '../src/lint/terms.js';

/** A pointer entry: "\"Confidential Information\" has the meaning given in clause 3.2". */
const POINTER = /\b(?:has|have|shall have|will have) the (?:same )?meanings? (?:given|set out|set forth|ascribed|assigned|attributed|stated|specified|provided|defined)(?: to (?:it|them|that term))? (?:in|under|by)\b|\bas defined in\b|\bis defined in\b/i;

/**
 * Not a second meaning: the same words repeated (a definition echoed in a recital, "the Environmental Protection Act
 * 1990 (the "EPA")" cited again), or a term named inline in passing beside its formal definition.
 */
function echo(f: DefinedTerm, d: DefinedTerm): boolean {
  if (f.position.line === d.position.line && (f.definition === d.definition || d.kind !== 'means')) return true;
  // A term named inline ((the "EPA")) names a thing in passing; naming it again, or defining it formally, is no second
  // meaning.
  return d.kind === 'inline' || f.kind === 'inline';
}

/** Aliases, links and pointers ("has the meaning given in clause 3.2") repeat a definition, they do not redefine. */
function restates(d: DefinedTerm): boolean {
  return d.kind === 'alias' || d.kind === 'linked' || POINTER.test(d.definition);
}

export function termKey(term: string): string {
  return term.replace(/[’']/g, "'").replace(/\s*[-–—]\s*/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
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
    messages: {
      duplicate: '"{term}" is defined again; first defined at {first}.',
      duplicateInPack: '"{term}" is defined again; the pack already defines it in {file}.',
    },
    ask: 'Keep one definition of each term, or give the second meaning a different term.',
    url: 'rules/duplicate-definition.md',
  },
  check(ctx) {
    const first = new Map<string, DefinedTerm>();
    for (const d of ctx.doc.definitions) {
      if (restates(d)) continue;
      // A self-contained part (an addendum, a deed, an annex) defines its own terms.
      const k = `${d.scope ?? ''}|${termKey(d.term)}`;
      const f = first.get(k);
      if (!f) {
        first.set(k, d);
        continue;
      }
      // The same words repeated (a definition echoed in a recital) is not a second meaning, nor is a term named again
      // in passing ("as described in Appendix 2 (the "Security Measures")") after its definition.
      if (echo(f, d)) continue;
      const where = f.sectionNumber ? `clause ${f.sectionNumber}` : `line ${f.position.line}`;
      ctx.report({
        messageId: 'duplicate',
        data: { term: d.term, first: where },
        at: { section: d.sectionNumber ? { number: d.sectionNumber, heading: null } : null, position: d.position, excerpt: excerpt(d.definition, 200) },
      });
    }
    if (ctx.pack) packDuplicates(ctx, ctx.pack);
  },
});

/**
 * In a pack, a term the pack shares defined again, in other words: reported where it is defined again, against the
 * main document and the definitions schedules first, then the documents before it.
 */
function packDuplicates(ctx: RuleContext, pack: PackContext): void {
  const doc = ctx.doc;
  // A shared definition that gives a meaning (a term named inline in passing gives none).
  const meaning = (d: DefinedTerm): boolean => pack.shared.includes(d) && d.kind !== 'inline' && !restates(d);
  if (!doc.definitions.some(meaning)) return;
  const canonical = (x: ContractDocument): boolean => x === pack.main || isDefinitionsDocument(x);
  const earlier = canonical(doc)
    ? pack.docs.filter((x) => canonical(x) && pack.docs.indexOf(x) < pack.docs.indexOf(doc))
    : [...pack.docs.filter(canonical), ...pack.docs.slice(0, pack.docs.indexOf(doc)).filter((x) => !canonical(x))];
  const before = new Map<string, { d: DefinedTerm; file: string }>();
  for (const x of earlier) {
    for (const d of x.definitions.filter(meaning)) {
      const k = termKey(d.term);
      if (!before.has(k)) before.set(k, { d, file: x.path.split(/[\\/]/).pop() ?? x.path });
    }
  }
  for (const d of doc.definitions.filter(meaning)) {
    const f = before.get(termKey(d.term));
    if (!f || f.d.definition.replace(/\W+/g, ' ').trim() === d.definition.replace(/\W+/g, ' ').trim()) continue;
    ctx.report({
      messageId: 'duplicateInPack',
      data: { term: d.term, file: f.file },
      at: { section: d.sectionNumber ? { number: d.sectionNumber, heading: null } : null, position: d.position, excerpt: excerpt(d.definition, 200) },
    });
  }
}
