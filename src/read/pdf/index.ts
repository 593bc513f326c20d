import type { Block, ContractDocument, Section, SourcePosition } from '../../model.js';
import { CELL_LIST_LABEL, parseEnumerator } from '../enumerators.js';
import { InputError } from '../errors.js';
import { isPagePiece, readText } from '../text.js';
import { type PdfLine, pageLines } from './lines.js';
import { loadPdf, type PdfLimits, type PdfPage } from './load.js';

/**
 * PDF → the section tree, through the layout the plain-text reader lacks:
 *
 * 1. pdf.js gives each page's positioned text (src/read/pdf/load.ts, with the caps against PDF bombs);
 * 2. items → printed lines (lines.ts);
 * 3. running headers and footers go: lines in the top or bottom band of the page that recur on many pages (digits
 *    aside: "Page 3 of 12"), page numbers, and the date/title and URL/"1/5" lines a browser prints;
 * 4. lines → paragraphs by the layout: a paragraph ends at a wider gap than the line spacing, a change of type size,
 *    a line that starts with a clause number after a line that ended a sentence or stopped short, and it goes on
 *    over a page break when the page ended mid-sentence; words hyphenated at a line end are joined;
 * 5. one paragraph per line, blank lines between, goes to the plain-text reader (its enumerators, outline, headings,
 *    title and contents logic), with the lines set in larger type marked as headings;
 * 6. every position is mapped back to its page and the line on that page (`page`, `pageLine`, and the column on it).
 */

export interface PdfOptions {
  checkpoint?: () => void;
  limits?: PdfLimits;
}

export async function readPdf(path: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<ContractDocument> {
  const pages = await loadPdf(path, bytes, options.checkpoint, options.limits);
  const layout = layoutText(pages);
  if (layout === null) throw new InputError(path, 'no text layer: a scanned PDF needs OCR first');
  const { text, headings, rows, title, map } = layout;
  options.checkpoint?.();
  const doc = readText(path, text, { headings, rows, title, withoutFurniture: true });
  doc.format = 'pdf';
  remapPositions(doc, map);
  return doc;
}

/** Pages → the text the plain-text reader gets (a paragraph a line), its heading lines and the way back to the pages; null without text. */
export function layoutText(pages: readonly PdfPage[]): Synthesised | null {
  const perPage = pages.map((p, i) => pageLines(p, i + 1));
  if (perPage.every((ls) => ls.length === 0)) return null;
  const body = withoutFurniture(perPage, pages.map((p) => p.height));
  const paras = paragraphs(body);
  nestByIndent(paras);
  return synthesise(paras);
}

// ---------------------------------------------------------------------------
// 3. Running headers and footers

/** The top and bottom bands of a page where running headers and footers sit, as a share of its height. */
const BAND = 0.12;
const repeatKey = (s: string): string => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
/** What a browser prints at the top and bottom of each page: "12/6/26, 2:05 PM  Title", "file:///…  1/5". */
const BROWSER_LINE = /^\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?: ?[AP]M)?\b|^(?:https?|file):\/\/\S+(?: {2,}| )\d+\/\d+$|^\d+\/\d+$/;

function withoutFurniture(perPage: PdfLine[][], heights: number[]): PdfLine[] {
  const inBand = (l: PdfLine): boolean => l.y > heights[l.page - 1]! * (1 - BAND) || l.y < heights[l.page - 1]! * BAND;
  const pagesWith = new Map<string, Set<number>>();
  for (const lines of perPage) {
    for (const l of lines) {
      if (!inBand(l)) continue;
      const key = repeatKey(l.text);
      if (!pagesWith.has(key)) pagesWith.set(key, new Set());
      pagesWith.get(key)!.add(l.page);
    }
  }
  const pagesWithText = perPage.filter((ls) => ls.length > 0).length;
  const recurring = (l: PdfLine): boolean => (pagesWith.get(repeatKey(l.text))?.size ?? 0) >= Math.max(2, Math.ceil(pagesWithText * 0.4));
  const furniture = (l: PdfLine): boolean => inBand(l) && (
    recurring(l) || isPagePiece(l.text) || BROWSER_LINE.test(l.text) || l.pieces.every((p) => isPagePiece(p.text) || BROWSER_LINE.test(p.text))
  );
  return perPage.flatMap((lines) => lines.filter((l) => !furniture(l)));
}

// ---------------------------------------------------------------------------
// 4. Paragraphs

interface Para {
  lines: PdfLine[];
  /** A table row: each column's text (a cell's lines joined), left to right. */
  cells?: string[];
}

const TERMINAL = /[.;:!?]["”'’)\]]*$/;
const ENDS_SENTENCE = /[.!?]["”'’)\]]*$/;

/** The usual distance between the baselines of two lines of one paragraph, per type size. */
function lineSpacing(lines: readonly PdfLine[]): (size: number) => number {
  const gaps = new Map<number, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const gap = a.y - b.y;
    if (a.page !== b.page || a.size !== b.size || gap <= 0 || gap > a.size * 3) continue;
    if (!gaps.has(a.size)) gaps.set(a.size, []);
    gaps.get(a.size)!.push(gap);
  }
  const typical = new Map<number, number>();
  for (const [size, gs] of gaps) {
    gs.sort((x, y) => x - y);
    // The lower quartile: most pairs of lines are in one paragraph, and the rest only widen the gap.
    typical.set(size, gs[Math.floor(gs.length / 4)]!);
  }
  return (size) => typical.get(size) ?? size * 1.2;
}

/** The right edge of full lines on a page: a line that stops well short of it ends its paragraph. */
function rightEdges(lines: readonly PdfLine[]): Map<number, number> {
  const byPage = new Map<number, number[]>();
  for (const l of lines) {
    if (!byPage.has(l.page)) byPage.set(l.page, []);
    byPage.get(l.page)!.push(l.right);
  }
  const out = new Map<number, number>();
  for (const [page, rs] of byPage) out.set(page, rs.sort((a, b) => a - b)[Math.floor(rs.length * 0.9)]!);
  return out;
}

function startsClause(text: string): boolean {
  const e = parseEnumerator(text.slice(0, 200));
  return e !== null && e.label.length <= 24;
}

function paragraphs(lines: readonly PdfLine[]): Para[] {
  const spacing = lineSpacing(lines);
  const right = rightEdges(lines);
  const out: Para[] = [];
  let cur = null as Para | null;
  let row: TableRow | null = null;
  for (const l of lines) {
    const prev: PdfLine | undefined = cur?.lines.at(-1);
    if (row && prev && continuesRow(row, prev, l, spacing)) {
      addToRow(row, l);
      cur!.lines.push(l);
      cur!.cells = row.cells;
      continue;
    }
    row = row && prev ? nextRow(row, prev, l, spacing) : null;
    if (row) {
      cur = { lines: [l], cells: row.cells };
      out.push(cur);
      continue;
    }
    if (!cur || !prev || startsNew(prev, l, cur, spacing, right)) {
      cur = { lines: [l] };
      out.push(cur);
      if (l.pieces.length > 1) {
        row = tableRow(l.pieces.map((p) => p.x), l.pieces.map((p) => p.text));
        cur.cells = row.cells;
      }
    } else {
      cur.lines.push(l);
    }
  }
  return out;
}

/**
 * A cell that opens a list item or a clause of its own: "a) in respect of …" beside a term, "6.19. Reactive
 * Maintenance" beside a label (a clause number written "6.19.", not a quantity such as "7.5 Man Hours").
 */
function opensClause(cell: string): boolean {
  return CELL_LIST_LABEL.test(cell) || /^\d{1,3}(?:\.\d{1,3})+\.\s+\S/.test(cell);
}

/** A table row being read: its columns' left edges, each cell's text so far, and which cells have ended. */
interface TableRow { columns: number[]; cells: string[]; closed: boolean[] }

function tableRow(columns: number[], cells: string[]): TableRow {
  return { columns, cells, closed: columns.map(() => false) };
}

/**
 * A list item on a line of its own ("a) the Buyer's statutory auditors;"): read as the list it is, item by item, as a
 * word processor numbers it — neither run into the row above nor a row of its own.
 */
function listItemLine(l: PdfLine): boolean {
  return l.pieces.length === 1 && CELL_LIST_LABEL.test(l.text);
}

/** The column a piece starts in, by its left edge (a few points either way), or -1. */
const columnOf = (row: TableRow, x: number, size: number): number => row.columns.findIndex((c) => Math.abs(c - x) <= Math.max(4, size * 0.4));

/**
 * A line goes on a table row when it follows at the line spacing and each of its pieces starts in one of the row's
 * columns: the next line of a cell that wraps ("Buyer" ⏎ "Authorised" ⏎ "Representative" beside its meaning).
 * Rows are set apart by their cell padding, a wider gap.
 */
function continuesRow(row: TableRow, prev: PdfLine, l: PdfLine, spacing: (size: number) => number): boolean {
  if (prev.page !== l.page || prev.y - l.y > spacing(l.size) * 1.3) return false;
  if (listItemLine(l)) return false;
  // A cell's lines follow one another from the top of the row: text in a column whose cell has already ended
  // (the meaning wrapped on alone) is the next row's ("Business Day" … ⏎ "holiday;" ⏎ "Insolvency Event" …).
  return l.pieces.every((p) => {
    const k = columnOf(row, p.x, l.size);
    return k >= 0 && !row.closed[k];
  });
}

/**
 * The table's next row: a line just below a row, each of its pieces starting in one of the row's columns, is the
 * next row of the same table even when it fills only one cell ("2" beside nothing, its text in the next column).
 */
function nextRow(row: TableRow, prev: PdfLine, l: PdfLine, spacing: (size: number) => number): TableRow | null {
  if (prev.page !== l.page || prev.y - l.y > spacing(l.size) * 2.5) return null;
  if (listItemLine(l)) return null;
  const ks = l.pieces.map((p) => columnOf(row, p.x, l.size));
  if (ks.some((k) => k < 0)) return null;
  const cells = row.columns.map(() => '');
  l.pieces.forEach((p, i) => {
    cells[ks[i]!] = p.text;
  });
  return tableRow(row.columns, cells);
}

function addToRow(row: TableRow, l: PdfLine): void {
  const present = new Set(l.pieces.map((p) => columnOf(row, p.x, l.size)));
  row.cells.forEach((c, k) => {
    if (c !== '' && !present.has(k)) row.closed[k] = true;
  });
  for (const p of l.pieces) {
    const k = columnOf(row, p.x, l.size);
    const cell = row.cells[k]!;
    row.cells[k] = cell === '' ? p.text : joinText(cell, p.text);
  }
}

function startsNew(prev: PdfLine, l: PdfLine, cur: Para, spacing: (size: number) => number, right: Map<number, number>): boolean {
  const sameSize = Math.abs(prev.size - l.size) <= Math.max(prev.size, l.size) * 0.1;
  const short = prev.right < (right.get(prev.page) ?? prev.right) - prev.size * 4;
  const clause = startsClause(l.text);
  if (prev.page !== l.page) {
    // Over a page break a paragraph goes on when the page ended mid-sentence.
    if (/^[\p{Ll}]/u.test(l.text) && sameSize) return false;
    return !sameSize || clause || TERMINAL.test(prev.text) || short;
  }
  if (!sameSize) return true;
  if (prev.y - l.y > spacing(l.size) * 1.3) return true;
  // A line far left of the one above it is not its continuation: a first-line indent is a few ems, not a column
  // ("PARTY 1   PARTY 2" over a table's right-hand cells, then "Signature" at the margin).
  if (prev.x - l.x > l.size * 6) return true;
  if (l.pieces.length > 1 || prev.pieces.length > 1) return true; // table rows and tab-stop layouts, a line each
  if (clause && (TERMINAL.test(prev.text) || short || /\b(?:and|or)$/.test(prev.text))) return true;
  // A first-line indent after a line that stopped short.
  if (short && ENDS_SENTENCE.test(prev.text) && l.x > cur.lines[0]!.x + l.size) return true;
  return short && ENDS_SENTENCE.test(prev.text) && !/^[\p{Ll}]/u.test(l.text);
}

/**
 * Nested lists printed from HTML (and some word processors) number every level "1.", "2.": only the indent says
 * that the "1." under "2." is clause 2.1. A plain number indented under another, starting at 1, is given its full
 * number, as the section tree of the source would have it; a paragraph further left than a list closes it, and
 * only items in the same type nest (a numbered heading above a list is not its parent).
 */
function nestByIndent(paras: readonly Para[]): void {
  const open: Array<{ x: number; size: number; full: string; children: number }> = [];
  for (const p of paras) {
    if (p.cells) continue;
    const first = p.lines[0]!;
    const tol = Math.max(2, first.size * 0.3);
    const m = /^(\d{1,3})[.)]\s+(?=\S)/.exec(first.text);
    if (!m) {
      while (open.length > 0 && first.x < open.at(-1)!.x - tol) open.pop();
      continue;
    }
    // Deeper levels end; so does a sibling, and a number set in other type (a numbered heading is no list item).
    while (open.length > 0 && (open.at(-1)!.x > first.x - tol || Math.abs(open.at(-1)!.size - first.size) > first.size * 0.1)) open.pop();
    const parent = open.at(-1);
    const n = Number(m[1]);
    let full = m[1]!;
    if (parent && (parent.children > 0 || n === 1)) {
      full = `${parent.full}.${n}`;
      parent.children++;
    }
    open.push({ x: first.x, size: first.size, full, children: 0 });
    if (full !== m[1]) first.text = `${full} ${first.text.slice(m[0].length)}`;
  }
}

// ---------------------------------------------------------------------------
// 5. The text for the plain-text reader, and the way back

/** Prefixes whose hyphen is part of the word when it falls at a line end ("third-party", "sub-processor"). */
const HYPHENATED_PREFIXES = new Set(['non', 'sub', 'self', 'third', 'co', 'cross', 'multi', 'pre', 'post', 'anti', 'ex', 'well', 'long', 'short', 'full',
  'part', 'sole', 'joint', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'thirty', 'sixty', 'ninety', 'day',
  'year', 'month', 'end', 'on', 'off', 'in', 'out', 'up', 'down', 'follow', 'set', 'look', 'opt', 'all', 'built', 'high', 'low', 'first', 'second', 'over', 'under']);

/** Where each printed line of a paragraph starts in its joined text. */
export interface LineAt { offset: number; page: number; pageLine: number }

/** The plain-text reader's input: a paragraph a line, with what the layout says of its lines (1-based, odd). */
interface Synthesised { text: string; headings: Map<number, number>; rows: Map<number, string[]>; title?: number; map: LineAt[][] }

function synthesise(paras: readonly Para[]): Synthesised {
  const sizes = new Map<number, number>();
  for (const p of paras) for (const l of p.lines) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  const bodySize = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const out: string[] = [];
  const headings = new Map<number, number>();
  const headingSizes = new Set<number>();
  const rows = new Map<number, string[]>();
  const map: LineAt[][] = [];
  for (const p of paras) {
    let text = '';
    let at: LineAt[] = [];
    if (p.cells) {
      // A table row: its cells, a layout gap between them; placed at its first line. A cell that opens with a list
      // item ("Insolvency Event" beside "a) in respect of a person:") starts that list: the item is a paragraph
      // of its own, as the word processor numbers it, and the items after it follow it.
      const k = p.cells.findIndex((c, i) => i > 0 && opensClause(c));
      const cells = k > 0 ? p.cells.slice(0, k) : p.cells;
      text = cells.join('    ');
      rows.set(out.length * 2 + 1, cells);
      at.push({ offset: 0, page: p.lines[0]!.page, pageLine: p.lines[0]!.pageLine });
      if (k > 0) {
        out.push(text);
        map.push(at);
        text = p.cells.slice(k).join('    ');
        at = [{ offset: 0, page: p.lines[0]!.page, pageLine: p.lines[0]!.pageLine }];
      }
    } else {
      for (const l of p.lines) {
        text = text === '' ? l.text : joinText(text, l.text);
        at.push({ offset: text.length - l.text.length, page: l.page, pageLine: l.pageLine });
      }
    }
    const words = text.split(' ').length;
    if (p.lines.length <= 2 && p.lines[0]!.size >= bodySize * 1.15 && words <= 16 && !/[.;:,]$/.test(text)) {
      headings.set(out.length * 2 + 1, p.lines[0]!.size);
      headingSizes.add(p.lines[0]!.size);
    }
    out.push(text);
    map.push(at);
  }
  // The largest type is depth 1, the next depth 2 …
  const rank = [...headingSizes].sort((a, b) => b - a);
  for (const [line, size] of headings) headings.set(line, rank.indexOf(size) + 1);
  // The first paragraph, on the first page, in the largest type, is the title.
  const title = headings.get(1) === 1 && paras[0]!.lines[0]!.page === 1 ? 1 : undefined;
  return { text: `${out.join('\n\n')}\n`, headings, rows, title, map };
}

/** A paragraph so far and its next line: a space between, or a word hyphenated at the line end joined (its hyphen kept in "third-party"). */
function joinText(sofar: string, next: string): string {
  if (sofar.endsWith('\u00ad')) return sofar.slice(0, -1) + next;
  const m = /(\p{L}+)-$/u.exec(sofar);
  if (!m || !/^\p{Ll}/u.test(next)) return `${sofar} ${next}`;
  return HYPHENATED_PREFIXES.has(m[1]!.toLowerCase()) || /^\p{Lu}/u.test(m[1]!) ? sofar + next : sofar.slice(0, -1) + next;
}

/** Put each position on its page: `line` stays the reading order; `page`, `pageLine` and `column` are the printed place. */
function remapPositions(doc: ContractDocument, map: readonly LineAt[][]): void {
  const done = new WeakSet<SourcePosition>();
  const fix = (pos: SourcePosition): void => {
    if (done.has(pos)) return;
    done.add(pos);
    const at = map[(pos.line - 1) / 2];
    if (!at) return;
    const offset = pos.column - 1;
    let k = 0;
    while (k + 1 < at.length && at[k + 1]!.offset <= offset) k++;
    pos.page = at[k]!.page;
    pos.pageLine = at[k]!.pageLine;
    pos.column = Math.max(1, offset - at[k]!.offset + 1);
  };
  const blocks = (bs: readonly Block[]): void => bs.forEach((b) => fix(b.position));
  const sections = (ss: readonly Section[]): void => ss.forEach((s) => {
    fix(s.position);
    blocks(s.blocks);
    sections(s.children);
  });
  blocks(doc.preamble);
  sections(doc.sections);
  for (const d of doc.definitions) fix(d.position);
}
