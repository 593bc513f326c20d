import { sectionRef } from '../detect/util.js';
import type { Block, ContractDocument, Section } from '../model.js';
import type { FindingLocation } from './types.js';
import { excerpt } from '../detect/util.js';

export interface PlacedBlock {
  block: Block;
  /** Enclosing sections, outermost first (empty in the preamble). */
  path: Section[];
  /** True for a section heading, presented as a block. */
  heading: boolean;
}

const placedCache = new WeakMap<ContractDocument, readonly PlacedBlock[]>();

/**
 * Every block of the document with its section path, headings included, in
 * reading order — computed once per document: most hygiene
 * rules and blockAtLine (once per tracked change) walk the same list.
 */
export function placedBlocks(doc: ContractDocument): readonly PlacedBlock[] {
  let cached = placedCache.get(doc);
  if (!cached) {
    cached = collectPlacedBlocks(doc);
    placedCache.set(doc, cached);
  }
  return cached;
}

function collectPlacedBlocks(doc: ContractDocument): PlacedBlock[] {
  const out: PlacedBlock[] = doc.preamble.map((block) => ({ block, path: [], heading: false }));
  const visit = (s: Section, ancestors: Section[]): void => {
    const path = [...ancestors, s];
    if (s.heading) out.push({ block: { kind: 'heading', text: s.heading, position: s.position }, path, heading: true });
    for (const block of s.blocks) out.push({ block, path, heading: false });
    for (const c of s.children) visit(c, path);
  };
  for (const s of doc.sections) visit(s, []);
  return out;
}

/** A finding location at a span of a block: the section, the block's position, and the words around the span. */
export function spanLocation(p: PlacedBlock, index: number, length: number, context = 80): FindingLocation {
  const t = p.block.text;
  const start = Math.max(0, index - context);
  const end = Math.min(t.length, index + length + context);
  return {
    section: sectionRef(p.path),
    position: p.block.position,
    excerpt: excerpt(`${start > 0 ? '…' : ''}${t.slice(start, end)}${end < t.length ? '…' : ''}`, 2 * context + length + 2),
  };
}

/** The location of a section itself (its heading line). */
export function sectionLocation(path: readonly Section[]): FindingLocation {
  const s = path.at(-1)!;
  return { section: sectionRef(path), position: s.position, excerpt: s.heading ?? (s.blocks[0] ? excerpt(s.blocks[0].text, 160) : null) };
}

/** The block that holds a source line (DOCX: paragraph index): the last block starting at or before it. */
export function blockAtLine(doc: ContractDocument, line: number): PlacedBlock | null {
  let best: PlacedBlock | null = null;
  for (const p of placedBlocks(doc)) {
    if (p.block.position.line <= line && (!best || p.block.position.line >= best.block.position.line)) best = p;
  }
  return best;
}
