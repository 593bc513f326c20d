import { excerpt } from '../src/detect/util.js';
import { placedBlocks } from '../src/lint/blocks.js';
import { isDefinitionsDocument, lowerCased, termUses } from '../src/lint/terms.js';
import type { ContractDocument } from '../src/model.js';
import type { PackContext } from '../src/lint/pack-context.js';
import { defineRule } from '../src/lint/types.js';
import { isStandardTextHeading } from '../src/read/standard-texts.js';
import { termKey } from './duplicate-definition.js';


/** Per pack: for each form of a shared term, the documents that use it (every document searched once, for all the forms). */
const packUses = new WeakMap<PackContext, Map<string, Set<ContractDocument>>>();

function sharedFormsUsed(pack: PackContext): Map<string, Set<ContractDocument>> {
  let used = packUses.get(pack);
  if (used) return used;
  used = new Map();
  const forms = [...new Set(pack.shared.flatMap((d) => termForms(d.term)))];
  for (const doc of pack.docs) {
    for (const [form, list] of termUses(lowerCased(doc), forms)) {
      if (list.length === 0) continue;
      if (!used.has(form)) used.set(form, new Set());
      used.get(form)!.add(doc);
    }
  }
  packUses.set(pack, used);
  return used;
}

/** Which of the forms some other document of the pack uses. */
function usedInOtherDocuments(pack: PackContext, doc: ContractDocument, terms: readonly string[]): Set<string> {
  const used = sharedFormsUsed(pack);
  return new Set(terms.filter((t) => [...(used.get(t) ?? [])].some((d) => d !== doc)));
}

/** A term in lower case (dashes without spaces), and its singular when it is defined in the plural ("Supplier" for "Suppliers"). */
function termForms(t: string): string[] {
  // "Non –Compliance" as typed in a definitions table is used as "Non-Compliance".
  const l = t.toLowerCase().replace(/\s*([-–—])\s*/g, '-');
  return /[^s]s$/.test(l) && l.length > 4 ? [l, l.slice(0, -1)] : [l];
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
    // An acronym defined in passing ((the "EPA"), a standard's short name ("SSAE 18")) and a definition inside a standard text set into the document (a FAR
    // clause's own definitions) are not definitions this document must use.
    const defs = ctx.doc.definitions.filter((d) => d.kind !== 'alias' && d.kind !== 'linked' && !(d.kind === 'inline' && /^[\p{Lu}\d&-]{2,8}(?: \d{1,5})?s?$/u.test(d.term)) && !isStandardTextHeading(d.scope ?? null)).filter((d) => {
      const k = termKey(d.term);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const all = ctx.doc.definitions;
    // A use in any case counts ("HITECH Act" for "HITECH ACT", "inverted domestic corporation" for the sentence-case
    // term), and so does the singular of a term defined in the plural ("Supplier" for "Suppliers").
    const forms = termForms;
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
