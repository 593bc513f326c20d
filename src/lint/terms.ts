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

const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether the code point is a letter or a number (\p{L} or \p{N}), ASCII answered without a regex. */
function wordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(c));
}

/**
 * Where each of the wanted words occurs in the blocks, as flat (block, offset) pairs. A word is a run of letters
 * and numbers (/[\p{L}\p{N}]+/u), read by hand: a regex's match objects for every word of a long agreement cost
 * more than the rest of the term checks.
 */
function wordIndex(blocks: readonly PlacedBlock[], wanted: ReadonlySet<string>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  let shortest = Infinity;
  let longest = 0;
  for (const w of wanted) {
    shortest = Math.min(shortest, w.length);
    longest = Math.max(longest, w.length);
  }
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i]!.block.text;
    let k = 0;
    while (k < text.length) {
      const c = text.codePointAt(k)!;
      if (!wordCode(c)) {
        k += c > 0xffff ? 2 : 1;
        continue;
      }
      const start = k;
      k += c > 0xffff ? 2 : 1;
      while (k < text.length) {
        const d = text.codePointAt(k)!;
        if (!wordCode(d)) break;
        k += d > 0xffff ? 2 : 1;
      }
      if (k - start < shortest || k - start > longest) continue;
      const word = text.slice(start, k);
      if (!wanted.has(word)) continue;
      let at = index.get(word);
      if (!at) index.set(word, (at = []));
      at.push(i, start);
    }
  }
  return index;
}

/** The words a use of the term can start with: its first word, and for a one-word term its plurals. */
function firstWords(term: string): string[] | null {
  const first = FIRST_WORD.exec(term)?.[0];
  if (!first) return null;
  if (/\s/.test(term) || first.length !== term.length) return [first];
  const forms = [first, `${first}s`, `${first}es`];
  if (/[^aeiou]y$/i.test(first)) forms.push(`${first.slice(0, -1)}ies`);
  return forms;
}

const BEFORE = /[\p{L}\p{N}"“'‘]/u;
const AFTER = /[\p{L}\p{N}"”'’]/u;
const SPACE = /\s/;

/** The code point before `i` (a whole surrogate pair), as a string. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}

/**
 * The length of a use of the term at `at` — what `termPattern(term)` would match there, tried in the same order —
 * or -1. Written out rather than as a regex per term: compiling a few hundred Unicode-class regexes was most of
 * the cost of a long agreement's term checks.
 */
function useAt(text: string, at: number, words: readonly string[], endings: readonly string[]): number {
  if (at > 0 && BEFORE.test(charBefore(text, at))) return -1;
  let pos = at;
  for (let w = 0; w < words.length - 1; w++) {
    if (!text.startsWith(words[w]!, pos)) return -1;
    pos += words[w]!.length;
    const spaceFrom = pos;
    while (pos < text.length && SPACE.test(text[pos]!)) pos++;
    if (pos === spaceFrom) return -1;
  }
  const last = words[words.length - 1]!;
  for (const ending of endings) {
    const stem = ending === 'ies' ? last.slice(0, -1) : last;
    const word = stem + ending;
    if (!text.startsWith(word, pos)) continue;
    const end = pos + word.length;
    const tails = text[end] === "'" || text[end] === '’' ? (text[end + 1] === 's' ? [2, 1, 0] : [1, 0]) : [0];
    for (const t of tails) {
      const next = text.codePointAt(end + t);
      if (next === undefined || !AFTER.test(String.fromCodePoint(next))) return end + t - at;
    }
  }
  return -1;
}

/**
 * Where each term is used outside its quoted definition. Each term's pattern is tried only where a word it can
 * start with occurs (from a word index of the document), not run over every block: a long agreement defines a few
 * hundred terms in a thousand blocks.
 */
export function termUses(doc: ContractDocument, terms: readonly string[]): Map<string, TermUse[]> {
  const blocks = placedBlocks(doc);
  const out = new Map<string, TermUse[]>();
  // Only the words the terms can start with are indexed (one pass over the text).
  const wanted = new Set(terms.flatMap((t) => firstWords(t.trim()) ?? []));
  let index: Map<string, number[]> | null = null;
  for (const term of terms) {
    const uses: TermUse[] = [];
    const words = firstWords(term.trim());
    if (words === null) {
      // A term that does not start with a letter or digit: scan every block.
      const re = termPattern(term);
      for (const b of blocks) for (const m of b.block.text.matchAll(re)) uses.push({ block: b, index: m.index });
      out.set(term, uses);
      continue;
    }
    index ??= wordIndex(blocks, wanted);
    const starts: number[] = [];
    for (const w of words) starts.push(...(index.get(w) ?? []));
    if (starts.length === 0) {
      out.set(term, uses);
      continue;
    }
    // (block, offset) pairs in reading order, as a scan of the blocks would meet them.
    const order = Array.from({ length: starts.length / 2 }, (_, k) => k).sort((x, y) => starts[2 * x]! - starts[2 * y]! || starts[2 * x + 1]! - starts[2 * y + 1]!);
    const base = term.trim();
    const termWords = base.split(/\s+/);
    // termPattern's order: the term, +s, +es, then -y+ies.
    const endings = ['s', 'es', '', ...(/[^aeiou]y$/i.test(base) ? ['ies'] : [])];
    let lastBlock = -1;
    let end = 0;
    for (const k of order) {
      const bi = starts[2 * k]!;
      const offset = starts[2 * k + 1]!;
      if (bi === lastBlock && offset < end) continue; // inside the previous use
      const length = useAt(blocks[bi]!.block.text, offset, termWords, endings);
      if (length < 0) continue;
      uses.push({ block: blocks[bi]!, index: offset });
      lastBlock = bi;
      end = offset + length;
    }
    out.set(term, uses);
  }
  return out;
}

/**
 * A schedule, annex, exhibit or appendix issued as a document of its own ("Call-Off Schedule 8 – Security.docx"):
 * it uses the main terms' definitions and numbering, which are in another file.
 */
export function isAttachmentDocument(doc: ContractDocument): boolean {
  const name = doc.path.split(/[\\/]/).pop() ?? '';
  return /\b(?:schedule|annex|exhibit|appendix)\b/i.test(doc.title ?? '') || /\b(?:schedule|annex|exhibit|appendix)\b/i.test(name);
}

/** A definitions schedule: its terms are defined for the other documents of the contract, which use them. */
export function isDefinitionsDocument(doc: ContractDocument): boolean {
  const name = doc.path.split(/[\\/]/).pop() ?? '';
  return /\bdefinitions\b/i.test(doc.title ?? '') || /\bdefinitions\b/i.test(name);
}

/** The document with its text in lower case (for uses of a term in any case); positions are kept. */
export function lowerCased(doc: ContractDocument): ContractDocument {
  const lowerSection = (s: ContractDocument['sections'][number]): ContractDocument['sections'][number] => ({
    ...s,
    heading: s.heading === null ? null : s.heading.toLowerCase(),
    blocks: s.blocks.map((b) => ({ ...b, text: b.text.toLowerCase() })),
    children: s.children.map(lowerSection),
  });
  return { ...doc, preamble: doc.preamble.map((b) => ({ ...b, text: b.text.toLowerCase() })), sections: doc.sections.map(lowerSection) };
}
