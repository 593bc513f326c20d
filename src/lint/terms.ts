import type { ContractDocument } from '../model.js';
import { type PlacedBlock, placedBlocks } from './blocks.js';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for a term used as a term: whole words, plural and possessive allowed, not inside its own quotes. */
export function termPattern(term: string): RegExp {
  const base = term.trim();
  const t = escape(base).replace(/\s+/g, '\\s+');
  // "Activity" is also used as "Activities".
  const plural = /[^aeiou]y$/i.test(base) ? `|${escape(base.slice(0, -1)).replace(/\s+/g, '\\s+')}ies` : '';
  return new RegExp(`(?<![\\p{L}\\p{N}"“'‘])(?:${t}(?:s|es)?${plural})(?:['’]s?)?(?![\\p{L}\\p{N}"”'’])`, 'gu');
}

export interface TermUse {
  block: PlacedBlock;
  index: number;
}

/** Where each term is used outside its quoted definition. */
export function termUses(doc: ContractDocument, terms: readonly string[]): Map<string, TermUse[]> {
  const blocks = placedBlocks(doc);
  const out = new Map<string, TermUse[]>();
  for (const term of terms) {
    const re = termPattern(term);
    // A block can only use the term if it holds its first word (less a final "y", for "Activities"):
    // a plain substring test spares the Unicode regex most blocks.
    const probe = term.trim().split(/\s+/)[0]!.replace(/y$/i, '');
    const uses: TermUse[] = [];
    for (const b of blocks) {
      if (probe && !b.block.text.includes(probe)) continue;
      for (const m of b.block.text.matchAll(re)) uses.push({ block: b, index: m.index ?? 0 });
    }
    out.set(term, uses);
  }
  return out;
}
