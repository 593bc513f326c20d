import { excerpt } from '../src/detect/util.js';
import { placedBlocks } from '../src/lint/blocks.js';
import { isDefinitionsDocument, lowerCased, termUses } from '../src/lint/terms.js';
import type { ContractDocument } from '../src/model.js';
import type { PackContext } from '../src/lint/pack-context.js';
import { defineRule } from '../src/lint/types.js';
import { termKey } from './duplicate-definition.js';

const EMBEDDED_STANDARD = /\b(?:FAR|DFARS|GSAR|HSAR)\s+\d{2,3}\.\d|\bstandard contractual clauses\b/i;

/** Per pack and document: the term forms the pack's other documents use (each document's lower-cased text searched once per pack). */
const packUses = new WeakMap<PackContext, Map<ContractDocument, ContractDocument>>();

/** Which of the forms some other document of the pack uses. */
function usedInOtherDocuments(pack: PackContext, doc: ContractDocument, terms: readonly string[]): Set<string> {
  let lowered = packUses.get(pack);
  if (!lowered) {
    lowered = new Map(pack.docs.map((d) => [d, lowerCased(d)]));
    packUses.set(pack, lowered);
  }
  const out = new Set<string>();
  const wanted = [...new Set(terms)];
  for (const other of pack.docs) {
    if (other === doc) continue;
    const uses = termUses(lowered.get(other)!, wanted.filter((t) => !out.has(t)));
    for (const [t, list] of uses) if (list.length > 0) out.add(t);
    if (out.size === wanted.length) break;
  }
  return out;
}

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
    // A definitions schedule defines its terms for the other documents of the contract: alone, it cannot be judged;
    // in a pack, a term the pack shares is used if any document of the pack uses it.
    if (isDefinitionsDocument(ctx.doc) && !ctx.pack) return;
    const pack = ctx.pack;
    const sharedHere = new Set(pack ? pack.shared.filter((d) => ctx.doc.definitions.includes(d)) : []);
    const seen = new Set<string>();
    // An abbreviation introduced in passing ("Protected Health Information ("PHI")") is no definition to keep.
    // An acronym defined in passing ((the "EPA")) and a definition inside a standard text set into the document (a FAR
    // clause's own definitions) are not definitions this document must use.
    const defs = ctx.doc.definitions.filter((d) => d.kind !== 'alias' && d.kind !== 'linked' && !(d.kind === 'inline' && /^[\p{Lu}\d&-]{2,8}s?$/u.test(d.term)) && !EMBEDDED_STANDARD.test(d.scope ?? '')).filter((d) => {
      const k = termKey(d.term);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const all = ctx.doc.definitions;
    // A use in any case counts ("HITECH Act" for "HITECH ACT", "inverted domestic corporation" for the sentence-case
    // term), and so does the singular of a term defined in the plural ("Supplier" for "Suppliers").
    const forms = (t: string): string[] => {
      const l = t.toLowerCase();
      return /[^s]s$/.test(l) && l.length > 4 ? [l, l.slice(0, -1)] : [l];
    };
    const lowered = termUses(lowerCased(ctx.doc), [...new Set(all.flatMap((d) => forms(d.term)))]);
    const uses = new Map(all.map((d) => [d.term, forms(d.term).flatMap((f) => lowered.get(f) ?? [])]));
    const elsewhere = pack ? usedInOtherDocuments(pack, ctx.doc, [...sharedHere].flatMap((d) => forms(d.term))) : new Set<string>();
    // The defining sentence itself may mention the term once more ("… (the "Services"). The Services …" counts).
    const used = (d: (typeof all)[number]): boolean => uses.get(d.term)!.some((u) => !(u.block.block.position.line === d.position.line && u.block.block.text.slice(0, 300) === d.definition.slice(0, 300) && u.index < 3)) ||
      (sharedHere.has(d) && forms(d.term).some((f) => elsewhere.has(f)));
    // Two names given together ("General Data Protection Regulation" or "GDPR"): one in use keeps both.
    const together = (d: (typeof all)[number]): boolean => all.some((x) => x !== d && x.position.line === d.position.line && x.definition === d.definition && used(x));
    // A near spelling in use ("Earnback %" for "Earn Back %", "Test Issues Threshold" for "Test Issue Threshold") is
    // a use with a spelling to align, not a definition to delete.
    const squash = (t: string): string => t.toLowerCase().split(/[^\p{L}\p{N}%]+/u).filter(Boolean).map((w) => w.replace(/s$/, '')).join('');
    let squashed: string | null = null;
    const nearUse = (d: (typeof all)[number]): boolean => {
      squashed ??= squash(placedBlocks(ctx.doc).map((b) => b.block.text).join(' '));
      const key = squash(d.term);
      const first = squashed.indexOf(key);
      return key.length >= 6 && first >= 0 && squashed.indexOf(key, first + 1) >= 0;
    };
    for (const d of defs) {
      if (!used(d) && !together(d) && !nearUse(d)) {
        ctx.report({
          messageId: 'unused',
          data: { term: d.term },
          at: { section: d.sectionNumber ? { number: d.sectionNumber, heading: null } : null, position: d.position, excerpt: excerpt(d.definition, 200) },
        });
      }
    }
  },
});
