import type { PdfItem, PdfPage } from './load.js';

/**
 * Positioned text → printed lines. Items on one baseline (within a third of the font size: superscripts and
 * subscripts stay on their line) make a line, read left to right. Between two items, a gap of a few letters is a
 * space, a wide one (a tab stop, a table's next cell) a layout gap written as four spaces, which is what the
 * plain-text reader reads as a column break.
 */

export interface PdfLine {
  /** 1-based page number. */
  page: number;
  /** 1-based line on its page, counted from the top over every printed line (running headers included). */
  pageLine: number;
  text: string;
  /** Left and right edges, baseline, and the line's main font size (of most of its characters). */
  x: number;
  right: number;
  y: number;
  size: number;
  /** Fonts of most of its characters. */
  font: string;
  /** The text of each piece between layout gaps, with its left edge (table cells, tab stops). */
  pieces: Array<{ x: number; text: string }>;
}

const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };

/** Ligature glyphs as letters, no-break and other odd spaces as spaces. */
function clean(s: string): string {
  return s.replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c] ?? c).replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ').replace(/[\u200b\u200c\u200d\ufeff]/g, '');
}

/** A clause number or list label alone: "1.", "12.3", "(b)", "iv)", "•". */
const LABEL = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?|\(?[A-Za-z]{1,2}[.)]|\(?[ivxlcIVXLC]{1,6}[.)]|[•·▪◦‣\-–])$/;

/**
 * A clause number glued to its text: Word and LibreOffice put a tab after an automatic number, and pdf.js, which
 * reads the tab as an unmapped glyph, joins the two ("2.1The Buyer", "2.2.1ensure", "(a)the Supplier"). The gap
 * was a tab stop, so a space goes back. A number printed with tracked changes shown carries its old number in
 * brackets ("3.1[2.1]"): the old one goes.
 */
function unglue(text: string): string {
  return text.replace(/^(\d{1,3}(?:\.\d{1,3})*\.?)\[\d{1,3}(?:\.\d{1,3})*\.?\]/, '$1 ').replace(/^(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.(?=\p{Lu})|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)|[a-z]\)(?=\p{L}))(?=[\p{L}"“])/u, '$1 ');
}

/** A gap at least this many font sizes wide is layout (a column or tab stop), not a space between words. */
const LAYOUT_GAP = 1.8;

export function pageLines(page: PdfPage, pageNo: number): PdfLine[] {
  const rows: PdfItem[][] = [];
  // Highest baseline first; items of one baseline together.
  const items = page.items.filter((i) => clean(i.str).trim() !== '' || i.width > 0);
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const it of sorted) {
    // Sorted by baseline, an item can only belong to the last row opened.
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(row[0]!.size, it.size) * 0.33) row.push(it);
    else rows.push([it]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows.sort((a, b) => b[0]!.y - a[0]!.y)) {
    const line = joinRow(row.sort((a, b) => a.x - b.x), pageNo);
    if (line) lines.push(line);
  }
  lines.forEach((l, i) => (l.pageLine = i + 1));
  return lines;
}

function joinRow(row: PdfItem[], page: number): PdfLine | null {
  const pieces: Array<{ x: number; text: string }> = [];
  let cur: { x: number; text: string } | null = null;
  let end = -Infinity;
  const weight = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const it of row) {
    const s = clean(it.str);
    const size = Math.round(it.size * 2) / 2;
    if (s.trim() === '') {
      // A space item: its width says whether it is a word space or a tab stop.
      if (cur && it.width > it.size * LAYOUT_GAP) cur = null;
      else if (cur && !cur.text.endsWith(' ')) cur.text += ' ';
      end = Math.max(end, it.x + it.width);
      continue;
    }
    const gap = it.x - end;
    if (!cur || gap > it.size * LAYOUT_GAP) {
      cur = { x: it.x, text: s.replace(/^\s+/, '') };
      pieces.push(cur);
    } else {
      const space = gap > it.size * 0.15 && !cur.text.endsWith(' ') && !s.startsWith(' ');
      cur.text += (space ? ' ' : '') + s;
    }
    end = Math.max(end, it.x + it.width);
    weight.set(it.font, (weight.get(it.font) ?? 0) + s.length);
    sizes.set(size, (sizes.get(size) ?? 0) + s.length);
  }
  const kept = pieces.map((p) => ({ x: p.x, text: unglue(p.text.replace(/\s+/g, ' ').trim()) })).filter((p) => p.text !== '');
  if (kept.length === 0) return null;
  // "1." at a tab stop before its heading or text is one piece with it: the gap is the numbering's, not a column's.
  if (kept.length > 1 && LABEL.test(kept[0]!.text)) kept.splice(0, 2, { x: kept[0]!.x, text: `${kept[0]!.text} ${kept[1]!.text}` });
  const top = (m: Map<string | number, number>): string | number => [...m.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return {
    page, pageLine: 0,
    text: kept.map((p) => p.text).join('    '),
    x: kept[0]!.x, right: end, y: row[0]!.y,
    size: top(sizes as Map<string | number, number>) as number,
    font: top(weight as Map<string | number, number>) as string,
    pieces: kept,
  };
}
