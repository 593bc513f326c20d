import type { ContractDocument } from '../model.js';
import { collectDefinitions } from './definitions.js';
import { isSubStyle, parseEnumerator, type EnumStyle, type Enumerator } from './enumerators.js';
import { cleanHeading, isAllCaps, isHeadingLike, isTitleCase, letterPartHeading, splitRunInHeading } from './headings.js';
import type { RawBlock } from './raw.js';
import { buildSections } from './sections.js';

/**
 * Plain text, as typed or as converted from PDF (the CUAD contracts): clause
 * numbers typed into the text, page-break noise, hard-wrapped paragraphs,
 * whole pages flattened onto one line.
 *
 * 1. Lines: page numbers, "Source: … EDGAR" lines, repeated headers and
 *    footers (by repetition), trailing page numbers of flattened pages (by
 *    sequence) and orphan label columns are dropped; what is left is a list of
 *    content lines, each with the kind of break before it (line, blank, page).
 * 2. Title and table of contents: the title is found near the top; a table
 *    of contents is skipped up to the body (the first entry repeated, or prose).
 * 3. Segments: the content is cut into blocks at paragraph breaks and at
 *    clause enumerators. An enumerator at the start of a paragraph is taken
 *    at its word; one inside a line ("…Agreement. 2. Term. …", "…:  a) …")
 *    only when it continues the numbering seen so far (or belongs to a run
 *    1, 2, 3… found over the whole document) and follows the end of a
 *    sentence, a layout gap or a heading. Cross-references ("Section 2.3",
 *    "and 4") are not clauses. Wrapped lines and paragraphs split by a page
 *    break are joined. "The parties agree as follows" ends the preamble:
 *    numbered parties and recitals before it stay preamble text.
 * 4. Blocks go to the shared section builder, with run-in headings the
 *    builder cannot see ("2.1 General   This Agreement…", "1.3 Term "Term"
 *    means…", "1. GRANT The Company…", "1. Definitions When used…") passed
 *    as lead headings, and text that only looks like a clause marked plain.
 *    Unnumbered documents get their headings from short heading lines and
 *    run-in ALL-CAPS headings ("SERVICES: Kappa shall…").
 */
export function readText(path: string, source: string, layout: TextLayout = {}): ContractDocument {
  const { lines, header } = contentLines(source, layout.withoutFurniture === true);
  const title = findTitle(lines) ?? layoutTitle(lines, layout) ?? (header ? { text: header } : null);
  skipTableOfContents(lines);
  const { segs, bodyStart } = segment(lines);
  const { raw, numbered } = toRawBlocks(segs, lines, title, bodyStart, layout);
  const built = buildSections(raw, { pseudoHeadings: false, runInSections: !numbered });
  return {
    path, format: 'text', title: built.title ?? title?.text ?? null,
    preamble: built.preamble, sections: built.sections,
    definitions: collectDefinitions(built.preamble, built.sections),
  };
}

/** What a reader with layout (the PDF reader) knows that plain text does not say. */
export interface TextLayout {
  /** Source lines (1-based) set as headings (larger type, standing alone), with their depth: 1 for the largest type. */
  headings?: ReadonlyMap<number, number>;
  /** The source line (1-based) set first on the first page in the largest type: the document's title. */
  title?: number;
  /** Source lines (1-based) that are a table row, with its cells: read as the table row it is, as a DOCX row is. */
  rows?: ReadonlyMap<number, readonly string[]>;
  /**
   * The reader has removed the page furniture itself (running headers and footers, by their place on the page):
   * every line is content, a label repeated in every row of a table ("Sub Service") included.
   */
  withoutFurniture?: boolean;
}

// ---------------------------------------------------------------------------
// 1. Lines

/** How a content line is separated from the one before it. */
type Break = 'start' | 'line' | 'blank' | 'page';

interface CLine {
  /** The content, leading and trailing whitespace removed (inner spacing kept: gaps are layout). */
  text: string;
  /** 1-based line number in the source. */
  line: number;
  /** 0-based offset of `text` in the source line. */
  off: number;
  before: Break;
  /** Removed from the content stream (table of contents, filing label). */
  dropped?: boolean;
}

const PAGE_PIECE: RegExp[] = [
  /^\d{1,3}$/, // 12
  /^[-–—]\s*\d{1,3}\s*[-–—]$/, // - 12 -
  /^\(?\s*page\s*\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?\s*\)?$/i, // Page 3 of 10
  /^\d{1,3}\s*(?:of|\/)\s*\d{1,3}$/, // 3 of 10
  /^\d{1,3}\s*\|\s*page$/i, /^page\s*\|\s*\d{1,3}$/i,
  /^[-–—]?\s*[ivx]{1,6}\s*[-–—]?$/, // ii, - iii -
  /^[A-Z]-\d{1,3}$/, // B-2 (exhibit pages)
  /^(?:st|nd|rd|th)$/, // a superscript ordinal on its own line
];
const NOISE_LINE: RegExp[] = [
  /^Source:\s.{2,120},\s*[^,]{1,30},\s*\d{1,2}\/\d{1,2}\/\d{2,4}$/, // EDGAR source line
  /^QuickLinks\b.*$/,
  /^\[(?:LOGO|GRAPHIC[^\]]*|PHOTO|PICTURE)\]$/i,
];

/** A page number or page label on its own: "12", "- 12 -", "Page 3 of 10", "ii", "B-2". */
export function isPagePiece(s: string): boolean {
  return PAGE_PIECE.some((re) => re.test(s));
}

/** Pieces of a line separated by runs of two or more spaces (layout gaps). */
type Piece = { start: number; end: number };

function pieces(text: string): Piece[] {
  const out: Array<{ start: number; end: number }> = [];
  const re = /\S+(?:[ \u00a0]\S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const repeatKey = (s: string): string => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** A piece repeated on many pages: a running header or footer, or a confidentiality legend. */
function isRepeatCandidate(s: string): boolean {
  if (s.length > 250) return false;
  const e = parseEnumerator(s);
  // "(c) [***]" and "ARTICLE 5" are content; "17 *****Confidential Treatment…" is a page number and a legend.
  if (e && !(e.style === 'decimal' && e.components!.length === 1 && !/\./.test(e.label) && e.rest.length > 30)) return false;
  return true;
}

/**
 * Content lines, and the first running header that names the agreement (a title fallback). `laidOut`: the page
 * furniture is gone already (the PDF reader), so nothing is dropped as a header, a footer or a page number.
 */
function contentLines(source: string, laidOut = false): { lines: CLine[]; header: string | null } {
  const phys = source.replace(/\t/g, '    ').split(/\r\n|\r|\n/);
  const cleaner = new LineCleaner(repeatedPieces(phys), laidOut);
  phys.forEach((l, i) => cleaner.add(l, i));
  const tmp = cleaner.kept;
  stripTrailingPageNumbers(tmp);
  dropPageNumberLines(tmp);
  const out: CLine[] = tmp.map((t, i) => {
    let before: Break = 'start';
    if (i > 0) {
      const prev = tmp[i - 1]!;
      if (t.noiseBefore || prev.trailingPage !== undefined || t.blanksBefore >= 3) before = 'page';
      else if (t.blanksBefore > 0) before = 'blank';
      else before = 'line';
    }
    return { text: t.text, line: t.line, off: t.off, before };
  });
  dropOrphanLabels(out);
  return { lines: out, header: cleaner.header };
}

/** A line kept, with what stood before it (noise dropped, blank lines) and a page number cut from its end. */
interface KeptLine { text: string; line: number; off: number; noiseBefore: boolean; blanksBefore: number; trailingPage?: number; trimmedEnd?: boolean }

/**
 * The short pieces (headers, footers) that repeat over the whole document. A single word ("Content", "General")
 * needs more repeats than a running footer ("Proprietary to Bank of America").
 */
function repeatedPieces(phys: readonly string[]): (s: string) => boolean {
  const counts = new Map<string, number>();
  for (const l of phys) {
    for (const p of pieces(l)) {
      const s = l.slice(p.start, p.end);
      if (isRepeatCandidate(s)) counts.set(repeatKey(s), (counts.get(repeatKey(s)) ?? 0) + 1);
    }
  }
  return (s: string): boolean => {
    if (!isRepeatCandidate(s) || !/[\p{L}*]/u.test(s) || isHeadingWorthy(s)) return false;
    const n = counts.get(repeatKey(s)) ?? 0;
    return n >= (/\s/.test(s.trim()) || /\d/.test(s) ? 3 : 5);
  };
}

/** Physical lines to content lines: page furniture dropped from both ends of a line (a whole noise line goes). */
class LineCleaner {
  readonly kept: KeptLine[] = [];
  header: string | null = null;
  private blanks = 0;
  private noise = false;

  constructor(private readonly repeated: (s: string) => boolean, private readonly laidOut: boolean) {}

  private noisePiece(s: string): boolean {
    return isPagePiece(s) || NOISE_LINE.some((re) => re.test(s)) || (!this.laidOut && this.repeated(s));
  }

  add(l: string, i: number): void {
    const ps = pieces(l);
    if (ps.length === 0) {
      this.blanks++;
      return;
    }
    if (this.header === null) this.header = this.runningTitle(l, ps);
    const [a, b] = this.contentRange(l, ps);
    if (a === b) {
      this.noise = true;
      return;
    }
    const start = ps[a]!.start;
    const end = ps[b - 1]!.end;
    // A centred "2." is a page number.
    if (a === b - 1 && start >= 25 && /^\d{1,3}\.$/.test(l.slice(start, end))) {
      this.noise = true;
      return;
    }
    // "Trademarks    ----------": a heading's underline, converted to dashes, is layout (kept as spaces: columns stay right).
    const kept = l.slice(start, end);
    const unlined = kept.includes('---') || kept.includes('===') ? kept.replace(/(?<=^|\s)[-=]{3,}(?=\s|$)/g, (m) => ' '.repeat(m.length)).trimEnd() : kept;
    const trimmed = a > 0 || b < ps.length;
    this.kept.push({ text: unlined, line: i + 1, off: start, noiseBefore: this.noise || a > 0, blanksBefore: this.blanks, trimmedEnd: b < ps.length });
    this.noise = trimmed && b < ps.length;
    this.blanks = 0;
  }

  /** The first running header that names the agreement ("MASTER SERVICES AGREEMENT" on every page), or null. */
  private runningTitle(l: string, ps: readonly Piece[]): string | null {
    let title: string | null = null;
    for (const p of ps) {
      const t = l.slice(p.start, p.end).replace(/\s+/g, ' ');
      if (this.repeated(t) && /\b(?:agreement|contract)\b/i.test(t) && t.length <= 100 && isHeadingLike(t, 14)) title = cleanHeading(t);
    }
    return title;
  }

  /**
   * The pieces of the line that are content, [a, b): noise trimmed from both ends. A single repeated word at the
   * edge of a longer line ("4.     PAYMENT") is kept: only running headers and footers of several words, or whole
   * lines, go.
   */
  private contentRange(l: string, ps: readonly Piece[]): [number, number] {
    if (ps.every((p) => this.noisePiece(l.slice(p.start, p.end)))) return [ps.length, ps.length];
    const edgeNoise = (k: number): boolean => {
      const t = l.slice(ps[k]!.start, ps[k]!.end);
      return this.noisePiece(t) && (ps.length === 1 || isPagePiece(t) || /\s|\d/.test(t) || NOISE_LINE.some((re) => re.test(t)));
    };
    let a = 0;
    let b = ps.length;
    while (a < b && edgeNoise(a)) a++;
    while (b > a && edgeNoise(b - 1)) b--;
    return [a, b];
  }
}

/** "2." alone just before a page break is the page number, not a clause without text. */
function dropPageNumberLines(ts: KeptLine[]): void {
  for (let i = ts.length - 2; i >= 0; i--) {
    const t = ts[i]!;
    const next = ts[i + 1]!;
    if (/^\d{1,3}\.$/.test(t.text) && !t.trimmedEnd && (next.noiseBefore || next.blanksBefore >= 3)) {
      next.noiseBefore = true;
      next.blanksBefore += t.blanksBefore;
      ts.splice(i, 1);
    }
  }
}

/**
 * Flattened pages end in their page number: "…in the Territory. 3". A trailing number is cut when the numbers
 * rise from page to page (or the line says "Page 3", "3 of 12").
 */
function stripTrailingPageNumbers(ts: KeptLine[]): void {
  const cands: Array<{ i: number; n: number; cut: number }> = [];
  ts.forEach((t, i) => {
    if (t.text.length < 150) return;
    const m = /\s(?:[-–—]\s*)?(?:Page\s+)?(\d{1,3})(?:\s*(?:of|\/)\s*\d{1,3})?(?:\s*[-–—])?$/i.exec(t.text);
    if (m) cands.push({ i, n: Number(m[1]), cut: m.index });
  });
  let last = 0;
  cands.forEach((c, k) => {
    const next = cands[k + 1];
    const rising = (c.n > last && c.n <= last + 3) || (next !== undefined && next.n > c.n && next.n <= c.n + 3);
    const explicit = /(?:page|[-–—]|of)/i.test(ts[c.i]!.text.slice(c.cut));
    if (rising || explicit) {
      const t = ts[c.i]!;
      t.text = t.text.slice(0, c.cut).replace(/\s+$/, '');
      t.trailingPage = c.n;
      last = c.n;
    }
  });
}

/** Short headings are kept even when they repeat (TOC, heading, running header). */
function isHeadingWorthy(s: string): boolean {
  return /^(?:ARTICLE|SECTION|SCHEDULE|EXHIBIT|ANNEX|APPENDIX|ATTACHMENT)\b/i.test(s) || TOC_MARK.test(s.trim());
}

const labelOnly = (s: string): Enumerator | null => {
  const e = parseEnumerator(s);
  return e && e.rest === '' && !/\s{2,}/.test(s.trim()) ? e : null;
};

/**
 * A column of bare numbers ("2." "3." "4." on lines of their own, the text
 * elsewhere) is what a PDF converter leaves of a numbered list it could not
 * place: drop runs of two or more.
 */
function dropOrphanLabels(ls: CLine[]): void {
  let i = 0;
  while (i < ls.length) {
    let j = i;
    while (j < ls.length && labelOnly(ls[j]!.text) && !/^(?:ARTICLE|Article|SECTION|Section|SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix|PART|Part)\b/.test(ls[j]!.text)) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) ls[k]!.dropped = true;
      if (j < ls.length && ls[j]!.before === 'line') ls[j]!.before = ls[i]!.before;
    }
    i = Math.max(j, i + 1);
  }
}

// ---------------------------------------------------------------------------
// 2. Title and table of contents

interface Title {
  text: string;
  /** The content line that is the title, when it is a line of its own. */
  lineIndex?: number;
}

const TITLE_WORD = /\b(AGREEMENT|CONTRACT|AMENDMENT|ADDENDUM|LICEN[CS]E|TERMS AND CONDITIONS|MEMORANDUM|DEED|UNDERTAKING|ORDER FORM)S?\b/;
const FILING_LABEL = /^(?:EXHIBIT|Exhibit|EX-)\s*[\w.()'-]{1,12}\.?(?=\s|$)/;

/** The title the layout shows ("Hosting Terms" above everything in the largest type), when the words do not say it. */
function layoutTitle(ls: CLine[], layout: TextLayout): Title | null {
  const i = ls.findIndex((l) => l.line === layout.title);
  return i >= 0 && parseEnumerator(ls[i]!.text) === null ? { text: cleanHeading(ls[i]!.text), lineIndex: i } : null;
}

function findTitle(ls: CLine[]): Title | null {
  // Drop the filing label ("EXHIBIT 10.13") from the first lines, and wherever the same label starts a line
  // again (page headers): it names the filing, not a schedule of this contract.
  let label: string | null = null;
  for (let i = 0, seen = 0; i < ls.length && seen < 4; i++) {
    if (ls[i]!.dropped) continue;
    seen++;
    const m = FILING_LABEL.exec(ls[i]!.text);
    if (m) {
      label = m[0];
      break;
    }
  }
  if (label !== null) {
    for (const l of ls) {
      if (l.dropped || !l.text.startsWith(label) || /^[\w.]/.test(l.text.slice(label.length, label.length + 1))) continue;
      const rest = l.text.slice(label.length).replace(/^\s+/, '');
      if (rest === '') l.dropped = true;
      else if (/^[\p{Lu}"“(\[]/u.test(rest) && !/^(?:to|of|hereto)\b/i.test(rest)) {
        l.off += l.text.length - rest.length;
        l.text = rest;
      }
    }
  }
  // The opening sentence ("THIS SUPPLY AGREEMENT (…) is made…") ends the title page: look no further for a title line.
  const OPENING = /\b(?:This|THIS)\s+((?:[\p{Lu}][\p{L}&'’-]*\s+(?:(?:and|of|for|to|on|AND|OF|FOR|TO|ON|&)\s+)*){1,8}(?:Agreement|AGREEMENT|Contract|CONTRACT|Amendment|AMENDMENT|Addendum|ADDENDUM))\b/u;
  let opening = -1;
  for (let i = 0, seen = 0; i < ls.length && seen < 12 && opening < 0; i++) {
    if (ls[i]!.dropped) continue;
    seen++;
    if (OPENING.test(ls[i]!.text.replace(/\s+/g, ' '))) opening = i;
  }
  // Pieces of the first lines: split at line ends and layout gaps, each cut at its first lower-case word.
  interface P { text: string; li: number; whole: boolean; allCaps: boolean }
  const ps: P[] = [];
  let chars = 0;
  for (let i = 0; i < ls.length && chars < 3000 && (opening < 0 || i <= opening); i++) {
    const l = ls[i]!;
    if (l.dropped) continue;
    chars += l.text.length;
    // Not past a table of contents: its entries ("2.0  LICENSE   4") are not the title.
    const toc = TOC_MARK.exec(l.text);
    const pcs = pieces(toc ? l.text.slice(0, toc.index) : l.text);
    for (const pc of pcs) {
      const t = l.text.slice(pc.start, pc.end).replace(/\s+/g, ' ');
      const caps = capsRun(t);
      ps.push({ text: caps ?? '', li: i, whole: pcs.length === 1 && caps === t, allCaps: caps === t });
    }
    if (toc) break;
  }
  const LEGEND = /\b(CONFIDENTIAL|OMITTED|SECURITIES AND EXCHANGE|REDACTED|BRACKETS)\b/;
  const COMPANY = /\b(INC|INCORPORATED|CORP|CORPORATION|LLC|L\.?L\.?C|LTD|LIMITED|CO|COMPANY|L\.?P|N\.?V|S\.?A|AG|GMBH|PLC)\.?,?$/;
  for (let k = 0; k < ps.length; k++) {
    const p = ps[k]!;
    if (!TITLE_WORD.test(p.text) || LEGEND.test(p.text) || /^THIS\s/.test(p.text) || /:/.test(p.text)) continue; // not "AGREEMENT NUMBER: 200-04
    // Extend backwards over ALL-CAPS pieces that continue the name ("MULTIPLE LINAC AND MULTI-MODALITY" + "DISTRIBUTOR AGREEMENT").
    let t = p.text;
    let whole = p.whole;
    for (let b = k - 1; b >= 0; b--) {
      const q = ps[b]!;
      if (!q.allCaps || q.text === '' || LEGEND.test(q.text) || COMPANY.test(q.text) || TITLE_WORD.test(q.text) || /^(?:EXECUTION|DATED|BETWEEN|AND|BY)\b/.test(q.text)) break;
      if (`${q.text} ${t}`.split(' ').length > 14 || /[.;:,]$/.test(q.text)) break;
      if (!/\b(AND|OF|TO|FOR|THE|&|-)$/.test(q.text) && q.li !== p.li) break;
      t = `${q.text} ${t}`;
      whole = whole && q.whole;
    }
    t = t.replace(/^(?:EXECUTION (?:COPY|VERSION)|CONFIDENTIAL|THIS)\s+/i, '').replace(/\s*[-_=*]{3,}.*$/, '');
    // "… AGREEMENT THIS AGREEMENT is made": the title ends before the sentence starts; "… AGREEMENT BETWEEN THE CITY
    // OF …": before the parties.
    const cut = /\s+(?:THIS|BETWEEN|BY AND BETWEEN|AMONG|BY AND AMONG|DATED|MADE|EXHIBIT|SCHEDULE|APPENDIX|ANNEX|ATTACHMENT)\s/.exec(t);
    if (cut && cut.index > 0 && TITLE_WORD.test(t.slice(0, cut.index))) t = t.slice(0, cut.index);
    t = cleanHeading(t.replace(/[,;(]+$/, ''));
    // "SERVICES AGREEMENT SERVICES AGREEMENT": a title printed twice.
    const half = /^(.{6,}?) \1$/.exec(t);
    if (half) t = half[1]!;
    if (!TITLE_WORD.test(t) || t.split(' ').length > 16 || (t.split(' ').length === 1 && !whole)) continue;
    return whole && ls[p.li]!.text.replace(/\s+/g, ' ').trim() === t ? { text: t, lineIndex: p.li } : { text: t };
  }
  // A Title Case name before the opening sentence ("Amendment #3 to the Manufacturing Agreement This Amendment…"),
  // or a short Title Case line naming the agreement.
  const head = ls.filter((l, i) => !l.dropped && (opening < 0 || i <= opening)).slice(0, 12);
  for (const l of head) {
    const m = /(?:^|[.:]\s+|\d{4}\s+)((?:[\p{Lu}#][\p{L}\d&#'’-]*\s+(?:(?:of|and|the|to|for|on|in)\s+)*){0,10}(?:Agreement|Amendment|Addendum|Contract))\s+(?:This|THIS)\b/u.exec(l.text.replace(/\s+/g, ' '));
    if (m) return { text: cleanHeading(m[1]!) };
  }
  for (const l of head) {
    const t = l.text.replace(/\s+/g, ' ').trim();
    if (t.length <= 100 && /\b(?:agreement|contract)\b/i.test(t) && !/[.;:,]$/.test(t) && isHeadingLike(t, 14)) return { text: cleanHeading(t), lineIndex: ls.indexOf(l) };
    // … or a piece of a line set off by layout gaps ("Exhibit 10.10   Road Transportation Agreement   Party A …").
    for (const pc of pieces(l.text)) {
      const u = l.text.slice(pc.start, pc.end).replace(/\s+/g, ' ');
      if (u !== t && u.length <= 100 && /\b(?:agreement|contract)\b/i.test(u) && !/[.;:,]$/.test(u) && isHeadingLike(u, 14)) return { text: cleanHeading(u) };
    }
  }
  // The name in the opening sentence: "THIS SUPPLY AGREEMENT ("Agreement") is entered into…",
  // "This Master Development and Manufacturing Agreement (including…".
  if (opening >= 0) return { text: cleanHeading(OPENING.exec(ls[opening]!.text.replace(/\s+/g, ' '))![1]!) };
  return null;
}

/** The leading ALL-CAPS run of a piece ("STRATEGIC ALLIANCE AGREEMENT THIS AGREEMENT is made" → up to "AGREEMENT"). */
function capsRun(text: string): string | null {
  const words = text.split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    if (/\p{Ll}/u.test(w)) break;
    out.push(w);
  }
  if (out.length === 0) return null;
  // Drop a trailing lone word of the sentence start ("THIS", "WHEREAS").
  while (out.length > 0 && /^(THIS|WHEREAS|THE|AND|BETWEEN|BY|OF)$/.test(out.at(-1)!)) out.pop();
  const s = out.join(' ');
  return /\p{Lu}{2}/u.test(s) ? s : null;
}

const SMALL = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'upon', 'under',
  'with', 'without', 'its', 'per', 'vs', 'via', 'nor', 'than', 'between', 'among', 'no', 'not', 'all', 'other',
]);

/** Index (in `words`) where running prose starts: three content words in lower case among eight. */
function proseStart(words: string[]): number {
  const flags = words.map((w) => /^[\p{Ll}]/u.test(w) && !SMALL.has(w.replace(/[^\p{L}]/gu, '')) && /\p{L}{2}/u.test(w));
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (flags[i]) count++;
    if (i >= 8 && flags[i - 8]) count--;
    if (count >= 3) {
      // Back up to the first word of the window that starts the sentence.
      let s = Math.max(0, i - 7);
      while (s < i && !flags[s]) s++;
      return s;
    }
  }
  return -1;
}

const TOC_MARK = /\b(?:TABLE OF CONTENTS?|Table of Contents?|Table Of Contents?)\b|^(?:CONTENTS|Contents|INDEX)$|^(?:[A-Za-z]+[ \t]+){1,4}CONTENTS$|^(?:List|LIST|Index|INDEX) (?:of|OF) (?:Exhibits|EXHIBITS|Schedules|SCHEDULES|Appendices|APPENDICES|Attachments|ATTACHMENTS|Annexes|ANNEXES)\b:?/;

/**
 * Skip a table of contents: from its heading to the body, which starts where
 * the first entry's number comes back at the start of a line, or where prose
 * starts (backing up over ALL-CAPS title lines just before it).
 */
function skipTableOfContents(ls: CLine[]): void {
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    if (l.dropped) continue;
    const mark = TOC_MARK.exec(l.text);
    if (!mark) continue;
    const afterMark = mark.index + mark[0].length;
    let first: string | null = null; // display of the first entry's enumerator
    let entries = 0;
    let end: { line: number; at: number } | null = null;
    for (let j = i; j < ls.length && end === null; j++) {
      const c = ls[j]!;
      if (c.dropped) continue;
      const from = j === i ? afterMark : 0;
      const text = c.text.slice(from);
      if (j > i && first !== null && entries >= 2) {
        const e = parseEnumerator(text);
        if (e && e.display === first && !/\d\s*$/.test(text.trim())) {
          end = { line: j, at: 0 };
          break;
        }
      }
      // Prose?
      const words: string[] = [];
      const starts: number[] = [];
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) { words.push(m[0]); starts.push(m.index); }
      const p = j === i && /^(?:List|LIST|Index|INDEX)/.test(mark[0]) ? -1 : proseStart(words);
      if (p >= 0) {
        if (j === i) {
          // Body on the heading's own line: it starts after the last page number before the prose.
          let k = p - 1;
          while (k >= 0 && !/^\d{1,3}$/.test(words[k]!)) k--;
          end = { line: j, at: from + (k >= 0 ? starts[k + 1]! : starts[0] ?? 0) };
        } else {
          let s = j;
          for (let b = j - 1; b > i; b--) {
            const pb = ls[b]!;
            if (pb.dropped) continue;
            if (isAllCaps(pb.text) && !/\d\s*$/.test(pb.text) && !labelOnly(pb.text)) s = b;
            else break;
          }
          end = { line: s, at: 0 };
        }
        break;
      }
      for (let w = 0; w < words.length; w++) {
        const e = parseEnumerator(words.slice(w, w + 3).join(' '));
        if (e && (w === 0 || /^\d{1,3}$/.test(words[w - 1]!) || /^\.+$/.test(words[w - 1]!) || (!isSubStyle(e.style) && /\.$|^[A-Z]/.test(e.label)))) {
          if (first === null && !isSubStyle(e.style)) first = e.display;
          entries++;
        }
      }
      if (j - i > 400) break;
    }
    if (end === null || entries < 2) continue;
    // Drop from the mark to the body.
    const keepHead = l.text.slice(0, mark.index).trimEnd();
    for (let j = i; j < end.line; j++) ls[j]!.dropped = true;
    if (end.line === i) {
      ls[i]!.dropped = false;
      const body = l.text.slice(end.at);
      l.off += end.at;
      l.text = body;
    } else if (end.at > 0) {
      const c = ls[end.line]!;
      c.off += end.at;
      c.text = c.text.slice(end.at);
    }
    if (keepHead !== '' && end.line !== i) {
      ls[i]!.dropped = false;
      ls[i]!.text = keepHead;
    }
    const b = ls[end.line]!;
    if (b.before === 'line') b.before = 'blank';
    i = end.line;
  }
}

// ---------------------------------------------------------------------------
// 3. Segments

interface Part { li: number; start: number; end: number }
interface Seg {
  parts: Part[];
  /** The enumerator the segment starts with, when it was recognised as a clause number. */
  e?: Enumerator;
  style?: EnumStyle;
  value?: number;
}

type Strength = 'para' | 'line' | 'gap' | 'space';

/** Words after which a number is a cross-reference, not a clause: "Section 2.3", "and 4". */
const REF_WORDS = new Set([
  'section', 'sections', 'article', 'articles', 'clause', 'clauses', 'paragraph', 'paragraphs', 'subsection',
  'subsections', 'sub-section', 'sub-clause', 'subclause', 'schedule', 'schedules', 'exhibit', 'exhibits', 'annex',
  'appendix', 'item', 'items', 'part', 'parts', 'and', 'or', 'to', 'of', 'in', 'under', 'with', 'see', 'per', 'than',
  'from', 'by', 'at', 'between', 'through', 'thru', 'including', 'no', 'nos', 'pursuant', 'hereof', 'the', 'a', 'each',
  'rule', 'rules', 'form', 'regulation', 'code', 'act', 'chapter', 'title', 'usc', 'u.s.c', 'cfr', 'c.f.r', 'sec',
  '§', '§§', '&', 'is', 'be', 'are', 'was', 'were', 'on', 'for', 'about', 'approximately', 'over', 'least', 'within',
  'after', 'before', 'until', 'last', 'first', 'next', 'only', 'plus', 'minus', 'equal', 'up', 'than', 'version',
  'level', 'phase', 'tier', 'step', 'stage', 'class', 'type', 'table', 'figure', 'page', 'pages', 'number', 'floor',
  'suite', 'room', 'box', 'unit', 'building', 'route', 'highway', 'street', 'avenue', 'road', 'drive',
  'this', 'that', 'such', 'said', 'any', 'foregoing', 'applicable', 'relevant', 'respective',
]);

/** A word that may start an enumerator: "1.", "12.3", "(a)", "iv)", "ARTICLE", "Section", "§", "Exhibit". */
const CANDIDATE_WORD = /^(?:\(?[0-9A-Za-z]{1,6}[.)]|\d{1,3}(?:\.\d{1,3})*|(?:[A-Z]|[IVX]{2,5})\.\d{1,3}(?:\.\d{1,3}){0,4}(?:\.[a-z])?|ARTICLE|Article|SECTION|Section|Sec\.|CLAUSE|Clause|§|PART|Part|CHAPTER|Chapter|SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|ANNEXURE|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum)(?:[.:)]|$)/;
const WORD = /\S+/g;
const KEYWORDS = new Set(['ARTICLE', 'Article', 'SECTION', 'Section', 'Sec', 'CLAUSE', 'Clause', 'PART', 'Part', 'CHAPTER', 'Chapter',
  'SCHEDULE', 'Schedule', 'EXHIBIT', 'Exhibit', 'ANNEX', 'Annex', 'ANNEXURE', 'APPENDIX', 'Appendix', 'ATTACHMENT', 'Attachment',
  'ADDENDUM', 'Addendum']);
const candidateCache = new WeakMap<CLine, number[]>();

/** Start offsets of the words of a line that may begin an enumerator (cached per line). */
function candidates(l: CLine): number[] {
  let c = candidateCache.get(l);
  if (c && (c as { src?: string } & number[]).src === l.text) return c;
  c = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(l.text))) {
    const w = m[0];
    const ch = w.charCodeAt(0);
    // Cheap filters first: "(", digits, "§", and letters only in a short word ending in "." or ")" or a keyword.
    const letter = (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
    if (!(ch === 40 || (ch >= 48 && ch <= 57) || ch === 167 || letter)) continue;
    // ("C.2.1", "M.7.a.": a clause number under a lettered part.)
    const lettered = w.length <= 18 && /^(?:[A-Z]|[IVX]{2,5})\.\d/.test(w);
    if (letter && !lettered && !(w.length <= 7 && /[.)]$/.test(w)) && !KEYWORDS.has(w.replace(/[.:)]$/, ''))) continue;
    if (CANDIDATE_WORD.test(w)) c.push(m.index);
  }
  (c as { src?: string } & number[]).src = l.text;
  candidateCache.set(l, c);
  return c;
}

/** Length of the run of whitespace that ends at `pos`. */
function spaceBefore(text: string, pos: number): number {
  let k = pos;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  return pos - k;
}

function labelForm(label: string): string {
  return /^\d+$/.test(label) ? 'bare' : /^\d+\.$/.test(label) ? 'dot' : /^\d+\.0+\.?$/.test(label) ? 'zero' : 'keyword';
}

/** What is open so far: the numbering an in-line enumerator has to continue. */
class Outline {
  top: number | null = null; // last top-level number (first component)
  path: number[] | null = null; // last decimal number
  article: number | null = null;
  /** The last lettered part ("B.  MICOA BILLED POLICIES" → 2): its clauses are numbered afresh. */
  letterPart: number | null = null;
  /** The part of the last clause numbered under a lettered part ("A.2" → 1): "B." next is the next part. */
  numberedPart: number | null = null;
  subs: Array<{ style: EnumStyle; value: number }> = [];
  /** How one-part clause numbers have been typed so far: "7", "7.", "7.0", "Section 7". */
  singleForms = new Set<string>();

  readings(e: Enumerator): Array<{ style: EnumStyle; value: number }> {
    const r = [{ style: e.style, value: e.value }];
    if (e.alternative) r.push({ style: e.alternative.style, value: e.alternative.value });
    return r;
  }

  /** Is `e` the number that comes next (strict) or near enough (loose)? */
  continues(e: Enumerator, loose: boolean): { style: EnumStyle; value: number } | null {
    const slack = loose ? 3 : 1;
    if (this.letterPart !== null && letterPartHeading(e.rest)) {
      // "I.  MISCELLANEOUS" after "H." is the ninth letter, not roman one.
      const letter = this.readings(e).find((r) => r.style === 'ualpha-dot' && r.value === this.letterPart! + 1);
      if (letter) return letter;
    }
    if (this.numberedPart !== null) {
      // "B. Customer Content" after "A.2 Third Party Features".
      const part = this.readings(e).find((r) => r.style === 'ualpha-dot' && r.value === this.numberedPart! + 1);
      if (part) return part;
    }
    if (e.style === 'article') {
      if (this.article === null ? e.value === 1 || (loose && e.value <= 3) : e.value > this.article && e.value <= this.article + slack) return { style: e.style, value: e.value };
      return null;
    }
    if (e.style === 'attachment') return loose ? { style: e.style, value: e.value } : null;
    if (e.style === 'decimal') {
      const c = e.components!;
      if (c.length === 1 && !/^(?:Section|Sec|Clause|§|SECTION|CLAUSE)/.test(e.label)) {
        // A restarted "1." list, or one in progress, inside a clause.
        const digits = this.subs.findLast((s) => s.style === 'digit-dot');
        if (digits && c[0] === digits.value + 1) return { style: 'digit-dot', value: c[0]! };
      }
      if (this.decimalNext(c, slack)) return { style: 'decimal', value: c.at(-1)! };
      if (c.length === 1 && this.top !== null && c[0] === 1 && /\.$/.test(e.label)) return { style: 'digit-dot', value: 1 };
      return null;
    }
    for (const r of this.readings(e)) {
      const open = this.subs.findLast((s) => s.style === r.style);
      if (open ? r.value > open.value && r.value <= open.value + slack : r.value === 1) return r;
    }
    return null;
  }

  /** A list of the same style starting again at its first item ("… will: 1) … 6)", then "… will: 1) …"). */
  restarts(e: Enumerator): { style: EnumStyle; value: number } | null {
    for (const r of this.readings(e)) {
      if (r.value === 1 && isSubStyle(r.style) && this.subs.some((s) => s.style === r.style)) return r;
    }
    return null;
  }

  private decimalNext(c: number[], slack: number): boolean {
    const p = this.path;
    if (p === null) {
      if (this.article !== null && c[0] === this.article) return c.slice(1).every((x) => x <= slack);
      return c[0]! <= slack && c.slice(1).every((x) => x <= slack);
    }
    // Sibling, child or the next number of an ancestor: c = p[0..j) + [p[j]+k] (+ [1…]).
    for (let j = 0; j <= Math.min(p.length, c.length - 1); j++) {
      if (j > 0 && c[j - 1] !== p[j - 1]) break;
      const base = j < p.length ? p[j]! : 0;
      const v = c[j]!;
      if (v > base && v <= base + slack && c.slice(j + 1).every((x) => x <= 1 || x <= slack - 1)) return true;
    }
    if (this.article !== null && c[0] === this.article && (p[0] ?? 0) < this.article && c.slice(1).every((x) => x <= slack)) return true;
    return false;
  }

  accept(e: Enumerator, as: { style: EnumStyle; value: number }): void {
    if (as.style === 'ualpha-dot' && as.value === (this.letterPart ?? 0) + 1 && letterPartHeading(e.rest)) {
      // A lettered part: the clause numbers start again under it.
      this.letterPart = as.value;
      this.path = null;
      this.top = null;
      this.subs = [];
      return;
    }
    if (as.style === 'article') {
      this.article = as.value;
      this.path = null;
      this.subs = [];
    } else if (as.style === 'attachment') {
      this.subs = [];
      this.path = null;
      this.top = null;
      this.article = null;
    } else if (as.style === 'decimal') {
      this.numberedPart = e.part !== undefined ? e.components![0]! : null;
      this.path = e.components!;
      this.top = e.components![0]!;
      this.subs = [];
      if (e.components!.length === 1) this.singleForms.add(labelForm(e.label));
    } else {
      const k = this.subs.findLastIndex((s) => s.style === as.style);
      if (k >= 0) this.subs.length = k;
      this.subs.push({ style: as.style, value: as.value });
    }
  }
}

const TERMINAL = /[.:;!?]["”'’)\]]*$/;

function prevWord(tail: string): string {
  // The last word is in the last characters (an end-anchored regex over a long line scans all of it).
  const m = /(\S+)\s*$/.exec(tail.length > 200 ? tail.trimEnd().slice(-200) : tail);
  return m ? m[1]!.toLowerCase().replace(/^[("“'‘[]+|[,)"”'’\]]+$/g, '') : '';
}

/** Is the text before an in-line enumerator a place where a clause can start? */
function goodContext(tail: string, e: Enumerator, s: Strength): boolean {
  const trimmed = tail.trimEnd();
  if (trimmed === '') return true;
  // Every test below reads the end of the text before the enumerator: on a long line, only its last 200
  // characters (end-anchored regexes scan from the start, once per candidate enumerator).
  const t = trimmed.length > 200 ? trimmed.slice(-200) : trimmed;
  const w = prevWord(t);
  const sub = isSubStyle(e.style);
  const listJoin = /[;,]\s*(?:and|or),?$/i.test(t); // "…; and (b)", "…, and, (d)"
  if (REF_WORDS.has(w) && !(sub && /^(and|or)$/.test(w) && (listJoin || s !== 'space'))) return false;
  if (/[,(]$/.test(t) && s === 'space') return false;
  if (/(?:^|\s)(?:U\.S|No|Nos|Inc|Ltd|Corp|Co|Mr|Mrs|Ms|Dr|St|Sec|Art|v|vs|e\.g|i\.e|et al)\.$/i.test(t)) return false;
  if (s !== 'space') return true;
  if (TERMINAL.test(t)) return true;
  if (sub && listJoin) return true;
  // "2. PRODUCT MANUFACTURE AND SUPPLY 2.1 Manufacture…": a heading with no full stop.
  if (!sub && (e.components?.length ?? 1) > 1 && /\p{Lu}{2,}[\p{Lu}\d)]*$/u.test(t) && !/\p{Ll}/u.test(w)) return true;
  return false;
}

/** A segment that so far is only a clause number and a short heading: "9. Compensation", "3.1 Licensed Rights". */
function headingOnly(seg: string): boolean {
  if (seg === '') return false;
  const e = parseEnumerator(seg);
  if (!e || e.rest === '') return false;
  const r = e.rest.replace(/[.:]$/, '');
  if (/(?<!\b\p{Lu})[.:!?]\s/u.test(r) || r.split(' ').length > 12) return false;
  return isAllCaps(r) || isTitleCase(r);
}

/** The leading ALL-CAPS words of a clause body ("PRODUCT SUPPLY" in "PRODUCT SUPPLY The Supplier…"), if any. */
function capsLead(rest: string): string | null {
  const words = rest.trim().split(/\s+/);
  let n = 0;
  let letters = 0;
  while (n < words.length) {
    const w = words[n]!;
    // A number inside the heading ("APCN 2 CONFIGURATION") but not a clause number after it.
    const inner = /^\d{1,4}$/.test(w) && n > 0 && n + 1 < words.length && /^[\p{Lu}][\p{Lu}\d&'’,-]*$/u.test(words[n + 1]!) && /\p{Lu}{2}/u.test(words[n + 1]!);
    if (/\p{Ll}/u.test(w) || (!/[\p{L}&]/u.test(w) && !/^[-–—&/]$/.test(w) && !inner)) break;
    if (n > 0 && !inner && parseEnumerator(words.slice(n, n + 4).join(' '))) break;
    letters += w.replace(/[^\p{L}]/gu, '').length;
    n++;
  }
  if (n === 0 || letters < 4 || n > 14) return null;
  if (n === words.length) return words.join(' ');
  const next = words[n]!;
  const sub = parseEnumerator(words.slice(n, n + 4).join(' ')) !== null; // "GENERAL 15.1 Authority…"
  if ((!/^[\p{Lu}"“(]/u.test(next) && !sub) || (n === 1 && letters < 5)) return null;
  return words.slice(0, n).join(' ').replace(/[,;]$/, '');
}

/** The text after the label reads as the start of a clause (not "(a) thereof", "1. of the"). */
function goodRest(e: Enumerator, s: Strength, viaColon: boolean): boolean {
  const r = e.rest;
  if (r === '') return s !== 'space';
  if (/^\*(?:\s?\*){2}|^\[\*/.test(r)) return true; // a redacted heading: "ARTICLE I. * * * VITAMIN SPONSOR"
  // "Article 16 (Notices)", "Section 15.7 (Survival)": a cross-reference with its title.
  if (!isSubStyle(e.style) && s !== 'para' && /^\(/.test(r)) return false;
  if (/^[\p{Lu}"“'‘(\[]/u.test(r) || /^\d/.test(r)) return true;
  if (!isSubStyle(e.style)) return false;
  // Lower-case list items ("(a) telephone support…") at the start of a line or after a colon.
  return s === 'para' || s === 'line' || ((s === 'gap') && (viaColon || e.value > 1));
}

/**
 * Clause numbers that vouch for each other: in-line "N." (or "Section N", "ARTICLE N") candidates whose
 * values run 1, 2, 3, … through the document. A member of such a run starts a clause even where the text
 * before it gives no sign ("…Securities Laws 1. Definitions In this…").
 */
function numberChains(ls: CLine[]): Set<string> {
  interface C { key: string; kind: string; v: number; len: number; q: number; prev: C | null }
  const best = new Map<string, C>(); // kind + value → the best chain ending there
  ls.forEach((l, li) => {
    if (l.dropped) return;
    for (const pos of candidates(l)) {
      const e = parseEnumerator(l.text.slice(pos, pos + 120));
      if (!e || (e.style !== 'decimal' && e.style !== 'article') || (e.components && e.components.length !== 1)) continue;
      if (e.style === 'decimal' && !/\.$|^(?:Section|SECTION|Clause|CLAUSE)/.test(e.label)) continue;
      if (!/^[\p{Lu}"“]/u.test(e.rest)) continue;
      if (pos > 0 && REF_WORDS.has(prevWord(l.text.slice(Math.max(0, pos - 40), pos)))) continue;
      const kind = e.style === 'article' ? 'article' : e.label.replace(/[\d.\s]+$/, '').toLowerCase() || 'n';
      const before = e.value === 1 ? undefined : best.get(`${kind}:${e.value - 1}`);
      if (e.value !== 1 && !before) continue;
      // Prefer, among equally long runs, the number that looks most like a clause start.
      const lead = l.text.slice(Math.max(0, pos - 3), pos);
      const q = (pos === 0 || /\s{2,}$/.test(lead) ? 2 : 0) + (pos > 0 && TERMINAL.test(l.text.slice(Math.max(0, pos - 12), pos).trimEnd()) ? 1 : 0) +
        (capsLead(e.rest) || splitRunInHeading(e.rest) ? 1 : 0);
      const c: C = { key: `${li}:${pos}`, kind, v: e.value, len: (before?.len ?? 0) + 1, q, prev: before ?? null };
      const cur = best.get(`${kind}:${e.value}`);
      if (!cur || cur.len < c.len || (cur.len === c.len && cur.q < c.q)) best.set(`${kind}:${e.value}`, c);
    }
  });
  const ok = new Set<string>();
  const ends = [...best.values()].filter((c) => c.len >= 3).sort((a, b) => b.len - a.len);
  for (const end of ends.slice(0, 3)) {
    for (let c: C | null = end; c; c = c.prev) ok.add(c.key);
  }
  return ok;
}

const AS_FOLLOWS = /\b(?:agree[sd]?|AGREE[SD]?)\s+(?:[\w-]+\s+){0,4}?(?:as follows|AS FOLLOWS)\b/g;

function segment(ls: CLine[]): { segs: Seg[]; bodyStart: number } {
  const segmenter = new Segmenter(ls);
  for (let li = 0; li < ls.length; li++) if (!ls[li]!.dropped) segmenter.line(li);
  return { segs: segmenter.segs, bodyStart: segmenter.bodyStart };
}

type Accepted = { style: EnumStyle; value: number };

/**
 * Lines into segments, one per clause, list item or paragraph: where each clause starts, at the start of a line
 * or inside it ("…as follows: 1. Definitions In this…"), by its number's place in the clause numbering so far.
 */
class Segmenter {
  readonly segs: Seg[] = [];
  /** Where the body starts (the segment after "the parties agree as follows"), -1 when nothing says. */
  bodyStart = -1;
  private outline = new Outline();
  private readonly chained: Set<string>;
  private cur: Seg | null = null;
  private lastLine: CLine | null = null;
  /** A top-level clause with a heading opened before any "agree as follows": the body started without one. */
  private headedTop = false;
  private readonly bodyLimit: number;
  /** The width lines wrap at (the 80th percentile of line lengths). */
  private readonly wrap: number;

  constructor(private readonly ls: readonly CLine[]) {
    this.chained = numberChains(ls as CLine[]);
    this.bodyLimit = ls.length * 0.4;
    const widths = ls.filter((l) => !l.dropped).map((l) => l.text.length).sort((a, b) => a - b);
    this.wrap = widths.length ? widths[Math.floor(widths.length * 0.8)]! : 80;
  }

  /**
   * "NOW, THEREFORE, the parties agree as follows:" ends the preamble: numbered parties and recitals before it are
   * not clauses, and the clause numbering starts afresh after it.
   */
  private enterBody(li: number): void {
    if (this.bodyStart >= 0 || this.headedTop || li > this.bodyLimit) return;
    this.bodyStart = this.segs.length;
    this.outline = new Outline();
  }

  line(li: number): void {
    const l = this.ls[li]!;
    const cands = candidates(l);
    this.lineStart(li, l, cands[0] === 0);
    this.lastLine = l;
    this.inLine(li, l.text, cands);
  }

  /** The start of a line: a new segment (a clause when its number is recognised), or the current one goes on. */
  private lineStart(li: number, l: CLine, numberFirst: boolean): void {
    const text = l.text;
    const cur = this.cur;
    let startNew = true;
    const e0 = numberFirst ? parseEnumerator(text.slice(0, 200)) : null;
    let as0: Accepted | null = null;
    if (cur && this.lastLine) {
      const prevText = this.ls[cur.parts.at(-1)!.li]!.text;
      const tail = this.tailOf(cur, -1, 0);
      const lastPart = cur.parts.at(-1)!;
      const prevSegIsLabel = cur.e !== undefined && cur.parts.length === 1 &&
        labelOnly(this.ls[lastPart.li]!.text.slice(lastPart.start, lastPart.end)) !== null;
      const br = l.before;
      const strength: Strength = br === 'line' ? 'line' : br === 'page' && !TERMINAL.test(tail) ? 'line' : 'para';
      if (e0) as0 = this.recognise(e0, strength, tail, false, '', `${li}:0`);
      if (as0) startNew = true;
      else if (prevSegIsLabel && !/^[\p{Ll}]/u.test(text)) startNew = false; // "1." ⏎ "Services. The Company…"
      else if (br === 'line') startNew = lineBreakStarts(prevText, text, this.wrap);
      else if (br === 'page') startNew = TERMINAL.test(tail) && !/^[\p{Ll}]/u.test(text) || isShortHeading(prevText, this.wrap);
      else startNew = !(!TERMINAL.test(tail) && /^[\p{Ll}]/u.test(text) && !isShortHeading(prevText, this.wrap));
    } else if (e0) {
      as0 = this.recognise(e0, 'para', '');
    }
    if (startNew || !cur) this.open(li, 0, as0 ? e0! : undefined, as0 ?? undefined);
    else cur.parts.push({ li, start: 0, end: text.length });
  }

  /** Numbers inside the line that start a clause there. */
  private inLine(li: number, text: string, cands: readonly number[]): void {
    AS_FOLLOWS.lastIndex = 0;
    const follows = AS_FOLLOWS.exec(text);
    const followsAt = follows ? follows.index + follows[0].length : -1;
    for (const pos of cands) {
      if (pos === 0) continue;
      if (followsAt >= 0 && followsAt <= pos) this.enterBody(li);
      const e = parseEnumerator(text.slice(pos, pos + 200));
      if (!e) continue;
      const s: Strength = spaceBefore(text, pos) >= 2 ? 'gap' : 'space';
      const tail = this.tailOf(this.cur, li, pos);
      const atEnd = e.rest === '' && text.slice(pos + e.label.length).trim() === '';
      const as = this.recognise(e, s, tail, atEnd, this.segText(this.cur, li, pos), `${li}:${pos}`);
      if (!as) continue;
      this.cur!.parts.at(-1)!.end = pos;
      this.open(li, pos, e, as);
    }
    if (followsAt >= 0) this.enterBody(li);
  }

  /** The last words of a segment before a point (up to about 60 characters). */
  private tailOf(seg: Seg | null, li: number, upto: number): string {
    if (!seg) return '';
    let out = '';
    for (let k = seg.parts.length - 1; k >= 0 && out.length < 60; k--) {
      const p = seg.parts[k]!;
      const end = p.li === li ? Math.min(p.end, upto) : p.end;
      out = `${this.ls[p.li]!.text.slice(Math.max(p.start, end - 80), end)} ${out}`;
    }
    return out.trimEnd();
  }

  /** The current segment's text up to a point, when it is short (else ''). */
  private segText(seg: Seg | null, li: number, upto: number): string {
    if (!seg) return '';
    let out = '';
    for (const p of seg.parts) {
      const end = p.li === li ? Math.min(p.end, upto) : p.end;
      out += ` ${this.ls[p.li]!.text.slice(p.start, end)}`;
      if (out.length > 160) return '';
    }
    return out.replace(/\s+/g, ' ').trim();
  }

  private open(li: number, start: number, e?: Enumerator, as?: Accepted): void {
    const cur: Seg = { parts: [{ li, start, end: this.ls[li]!.text.length }] };
    this.cur = cur;
    if (e && as) {
      cur.e = e;
      cur.style = as.style;
      cur.value = as.value;
      this.outline.accept(e, as);
      if (as.style === 'decimal' || as.style === 'article') {
        const after = this.ls[li]!.text.slice(start, start + 200).replace(/^\s+/, '').slice(e.label.length).replace(/^[\s.:\-–—]+/, '');
        const piece = after.split(/\s{2,}/)[0]!;
        if (capsLead(e.rest) || splitRunInHeading(e.rest) || isHeadingLike(e.rest, 12) || (piece !== after && isHeadingLike(piece, 10))) this.headedTop = true;
      }
    }
    this.segs.push(cur);
  }

  /** Decide whether an enumerator starts a clause here. */
  private recognise(e: Enumerator, s: Strength, tail: string, atLineEnd = false, segSoFar = '', at = ''): Accepted | null {
    if (this.chained.has(at) && s !== 'para') return { style: e.style, value: e.value };
    // "GOOSEHEAD INSURANCE AGENCY, LLC FRANCHISE AGREEMENT EXHIBIT B GUARANTEE…": a running header, then the exhibit.
    if (e.style === 'attachment' && s === 'space') {
      const header = segSoFar !== '' && isAllCaps(segSoFar) && isAllCaps(e.label) && !/[.;:]$/.test(segSoFar) &&
        !parseEnumerator(segSoFar) && !REF_WORDS.has(prevWord(tail));
      return header && (e.rest === '' || capsLead(e.rest) !== null || isAllCaps(e.rest)) ? { style: e.style, value: e.value } : null;
    }
    const viaColon = tail.trimEnd().endsWith(':');
    // "2.2.1 ensure continuity…": a sub-clause of a list that runs on from its lead-in starts in lower case; at the
    // start of a paragraph, continuing the numbering, it is a clause all the same.
    const runOn = s === 'para' && e.style === 'decimal' && (e.components?.length ?? 0) >= 2 && /^\p{Ll}/u.test(e.rest) && this.outline.continues(e, true) !== null;
    if (!goodRest(e, s, viaColon) && !(atLineEnd && !isSubStyle(e.style)) && !runOn) return null;
    const strict = s === 'space';
    const cont = this.outline.continues(e, !strict);
    let afterHeading = false;
    if (s !== 'para' && !goodContext(tail, e, s)) {
      // Still a clause when it continues the numbering right after a heading without a full stop
      // ("9. Compensation (a) In consideration…", "3.1 Licensed Rights 3.1.1 License Grants…"),
      // or when it continues the clause numbers and carries its own heading ("…("CLIENT") 2. STRATEGIC ALLIANCE: …").
      if (!cont || (REF_WORDS.has(prevWord(tail)) && !(isSubStyle(cont.style) && /^(and|or)$/.test(prevWord(tail)) && s !== 'space'))) return null;
      afterHeading = headingOnly(segSoFar);
      const ownHeading = !isSubStyle(cont.style) && (capsLead(e.rest) !== null || splitRunInHeading(e.rest) !== null);
      if (!afterHeading && !ownHeading) return null;
    }
    if (e.style === 'decimal') return this.recogniseDecimal(e, s, tail, cont);
    if (e.style === 'attachment') {
      if (strict) return null;
      if (s === 'gap' && !/^$|^[\p{Lu}"“(]/u.test(e.rest)) return null;
      return { style: e.style, value: e.value };
    }
    if (cont) {
      // Starting a list in the middle of a sentence needs a colon or a full stop before it.
      if (strict && cont.value === 1 && !afterHeading && !/[.:]["”'’)]*\s*$/.test(tail)) return null;
      return cont;
    }
    if (!strict && (s === 'para' || TERMINAL.test(tail))) {
      const again = this.outline.restarts(e);
      if (again) return again;
    }
    return s === 'para' && e.style === 'article' ? { style: e.style, value: e.value } : null;
  }

  /** A decimal number ("7", "7.", "7.2", "Section 7") where recognise has found nothing against it. */
  private recogniseDecimal(e: Enumerator, s: Strength, tail: string, cont: Accepted | null): Accepted | null {
    const outline = this.outline;
    const c = e.components!;
    const bare = c.length === 1 && !/\.$/.test(e.label) && !/^(?:Section|Sec|Clause|§|SECTION|CLAUSE)/.test(e.label);
    if (bare && !cont && !(splitRunInHeading(e.rest) || isHeadingLike(e.rest))) return null;
    // "…Attention: 10 Farm Springs…" in an ARTICLE / 9.5 document: a bare number continues only bare numbers.
    if (/^\d+$/.test(e.label) && cont && s !== 'para' && !outline.singleForms.has('bare') && !(outline.top === null && c[0] === 1) &&
        (outline.singleForms.size === 0 || !(capsLead(e.rest) || splitRunInHeading(e.rest) || isHeadingLike(e.rest)))) return null;
    // "100 Liverpool Street": a bare number far from the clause numbering is an address or an amount.
    if (bare && !cont && c[0]! > (outline.top ?? 0) + 2) return null;
    // "…Dynamex.   4 3.6 Except…": a page number left before the next clause.
    if (bare && /^[\d*]/.test(e.rest)) return null;
    // "1 April, 2020": a date.
    if (bare && /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(e.rest)) return null;
    if (cont) return cont;
    if (s === 'space') return null;
    // "4.7.98 Schedules": a date, not clause 4.7.98.
    if (c.length >= 3 && c.at(-1)! > 31) return null;
    // Out of sequence: only at the start of a paragraph, or of a line after a full sentence.
    if (s === 'para' || (s === 'line' && TERMINAL.test(tail))) return { style: 'decimal', value: e.value };
    return null;
  }
}

/** A short line that reads as a heading ("TERMINATION", "ARTICLE 5", "Governing Law"). */
function isShortHeading(text: string, wrap: number): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > Math.max(60, wrap * 0.7)) return false;
  if (labelOnly(t)) return true;
  return (isAllCaps(t) && !/[,;]$/.test(t) && t.split(' ').length <= 12) || isHeadingLike(t, 8);
}

/** Between two consecutive lines: a new paragraph, or a wrapped line? */
function lineBreakStarts(prev: string, next: string, wrap: number): boolean {
  if (isShortHeading(prev, wrap)) return true;
  const nt = next.replace(/\s+/g, ' ').trim();
  if (/^[\p{Ll}]/u.test(nt)) return false;
  if (TERMINAL.test(prev.trimEnd())) {
    if (prev.trim().length < wrap * 0.75) return true;
    if (isShortHeading(next, wrap)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// 4. Raw blocks

function toRawBlocks(segs: Seg[], ls: CLine[], title: Title | null, bodyStart: number, layout: TextLayout): { raw: RawBlock[]; numbered: boolean } {
  const raw: RawBlock[] = [];
  const firstTop = segs.findIndex((s, k) => k >= bodyStart && (s.style === 'decimal' || s.style === 'article'));
  const tops = segs.filter((s) => s.style === 'decimal' || s.style === 'article').length;
  const numbered = tops >= 2;
  let plainList: EnumStyle | null = null;
  let lastAttachment: string | null = null;

  segs.forEach((seg, k) => {
    const first = seg.parts[0]!;
    const l = ls[first.li]!;
    const rawText = seg.parts.map((p) => ls[p.li]!.text.slice(p.start, p.end)).join(' ');
    const text = rawText.replace(/\s+/g, ' ').trim();
    if (text === '') return;
    const b: RawBlock = { kind: 'paragraph', text, position: { line: l.line, column: l.off + first.start + 1 } };
    if (title?.lineIndex === first.li && seg.parts.length === 1 && first.start === 0 && k < 8 && raw.every((r) => !r.title)) {
      b.title = true;
      raw.push(b);
      return;
    }
    const e = parseEnumerator(text);
    const lastPart = seg.parts.at(-1)!;
    const next = segs[k + 1];
    // The segment is a line of its own, or is cut short by its first sub-clause ("15. U.S. Laws and Regulations 15.1 …"),
    // not by its next sibling ("1) Make the Products 2) Ship the Products").
    const cutShort = next !== undefined && next.e !== undefined && next.parts[0]!.li === lastPart.li && next.parts[0]!.start === lastPart.end &&
      (next.style !== seg.style || (next.e.components?.length ?? 0) > (seg.e?.components?.length ?? 0));
    const wholeLine = cutShort ? 'cut' : seg.parts.length <= 2 && first.start === 0 && lastPart.end === ls[lastPart.li]!.text.length &&
      (seg.parts.length === 1 || labelOnly(ls[first.li]!.text) !== null) ? 'line' : false;
    const cells = seg.parts.length === 1 && first.start === 0 && first.end === l.text.length ? layout.rows?.get(l.line) : undefined;
    if (tableRow(cells, e)) {
      b.kind = 'table-row';
      b.cells = [...cells!];
      b.text = cells!.filter((c) => c !== '').join(' | ');
    } else if (seg.e && e && k < bodyStart) {
      b.plain = true; // parties and recitals, numbered or not, before "the parties agree as follows"
    } else if (seg.e && e && seg.style === 'attachment' && firstTop >= 0 && k < firstTop) {
      // "Exhibit A Declarations Page" before the agreement itself: a cover sheet, not a schedule enclosing the clauses.
      b.plain = true;
    } else if (seg.e && e && seg.style === 'attachment' && e.display === lastAttachment) {
      b.plain = true; // "EXHIBIT A" again at the top of the exhibit's next page
    } else if (seg.e && e) {
      // Lists before the first clause: recitals and parties are preamble unless they carry headings.
      if (numbered && (firstTop < 0 || k < firstTop) && isSubStyle(seg.style!)) {
        if (plainList === null || seg.value === 1) plainList = leadHeading(rawText, e, wholeLine) || splitRunInHeading(e.rest) || isHeadingLike(e.rest, 12) ? null : seg.style!;
        if (plainList !== null) b.plain = true;
      }
      if (!b.plain) {
        const lead = leadHeading(rawText, e, wholeLine);
        if (lead) b.leadHeading = lead;
      }
    } else if (e) {
      // An enumerator the segmenter did not take (a cross-reference that starts a wrapped line, a page's first words).
      b.plain = true;
    } else if (seg.parts.length === 1 && layout.headings?.has(l.line) === true && text.length <= 120) {
      b.headingDepth = layout.headings.get(l.line)!;
    } else if (!numbered && isStandaloneHeading(segs, k, ls)) {
      b.headingDepth = 1;
    } else if (!numbered) {
      // An unnumbered document flattened onto a line: "… Agreement. SERVICES: Kubient shall … REVENUE SHARE: …".
      const split = capsRunIns(seg, ls);
      if (split.length > 1) {
        raw.push(...split.map((x, j) => (j === 0 ? { ...b, ...x } : x)));
        return;
      }
    }
    if (seg.e && e && seg.style === 'attachment' && !b.plain) lastAttachment = e.display;
    raw.push(b);
  });
  return { raw, numbered };
}

/** A row the layout gives is read as one, unless it is a clause set in one cell of it alone ("2.1 The Supplier …"). */
function tableRow(cells: readonly string[] | undefined, e: Enumerator | null): boolean {
  return cells !== undefined && (e === null || cells.filter((c) => c !== '').length >= 2);
}

const WHITESPACE = /\s/;

/** Run-in ALL-CAPS headings inside a paragraph ("… month. NON-CIRCUMVENT: As part of …"), each starting a block. */
function capsRunIns(seg: Seg, ls: CLine[]): RawBlock[] {
  // The segment's text with single spaces, and where each character came from
  // (UTF-16 units and positions in typed arrays: a growing string asked for its
  // last character is flattened each time, and a string or a pair per character
  // is garbage; both tell on a 5 MB line).
  let size = 0;
  for (const p of seg.parts) size += p.end - p.start + 1;
  const units = new Uint16Array(size);
  const atLine = new Int32Array(size);
  const atColumn = new Int32Array(size);
  let n = 0;
  const push = (unit: number, line: number, column: number): void => {
    units[n] = unit;
    atLine[n] = line;
    atColumn[n] = column;
    n++;
  };
  let lastIsSpace = false;
  for (const p of seg.parts) {
    const l = ls[p.li]!;
    for (let i = p.start; i < p.end; i++) {
      const ch = l.text[i]!;
      if (WHITESPACE.test(ch)) {
        if (n > 0 && !lastIsSpace) { push(32, l.line, l.off + i + 1); lastIsSpace = true; }
      } else {
        push(l.text.charCodeAt(i), l.line, l.off + i + 1);
        lastIsSpace = false;
      }
    }
    if (!lastIsSpace) { push(32, l.line, l.off + p.end + 1); lastIsSpace = true; }
  }
  const chunks: string[] = [];
  for (let i = 0; i < n; i += 8192) chunks.push(String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192))));
  const text = chunks.join('');
  const cuts: Array<{ at: number; head: string }> = [];
  const re = /(?:^|(?<=[.!?]["”)]? ))([A-Z][A-Z0-9&/,'’ -]{2,60}[A-Z0-9)]): (?=["“(]?[A-Z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const head = m[1]!;
    if (!/[A-Z]{3}/.test(head) || head.split(' ').length > 8 || !isAllCaps(head)) continue;
    cuts.push({ at: m.index, head });
  }
  if (cuts.length < 2) return [];
  const out: RawBlock[] = [];
  const starts = cuts[0]!.at > 0 ? [{ at: 0, head: '' }, ...cuts] : cuts;
  starts.forEach((c, j) => {
    const end = j + 1 < starts.length ? starts[j + 1]!.at : text.length;
    const t = text.slice(c.at, end).trim();
    if (t === '') return;
    const b: RawBlock = { kind: 'paragraph', text: t, position: { line: atLine[c.at]!, column: atColumn[c.at]! } };
    if (c.head) b.leadHeading = c.head;
    out.push(b);
  });
  return out;
}

/** Unnumbered documents: a short heading-like paragraph followed by body text. */
function isStandaloneHeading(segs: Seg[], k: number, ls: CLine[]): boolean {
  const seg = segs[k]!;
  if (seg.parts.length !== 1) return false;
  const p = seg.parts[0]!;
  const t = ls[p.li]!.text.slice(p.start, p.end).replace(/\s+/g, ' ').trim();
  if (!isHeadingLike(t, 8) || t.length > 70 || /^\d/.test(t)) return false;
  const next = segs[k + 1];
  if (!next) return false;
  const nt = next.parts.map((q) => ls[q.li]!.text.slice(q.start, q.end)).join(' ').replace(/\s+/g, ' ').trim();
  return nt.length > 60 && !isHeadingLike(nt, 8);
}

const STARTERS = new Set(['The', 'This', 'These', 'Each', 'Either', 'Neither', 'Any', 'All', 'Such', 'No', 'Both', 'A', 'An', 'In', 'If', 'Upon', 'Unless', 'Except', 'Notwithstanding', 'Subject', 'During', 'Without', 'Within', 'Where', 'When', 'Nothing', 'For', 'To', 'On', 'At', 'After', 'Before', 'Following', 'Prior', 'As', 'It', 'We', 'You', 'Its']);
const DETERMINERS = new Set(['The', 'This', 'These', 'Each', 'Either', 'Neither', 'Any', 'All', 'Such', 'No', 'Both', 'A', 'An', 'Its', 'It', 'We', 'You']);
const VERBISH = /\b(shall|will|must|may|means|is|are|was|were|has|have|agrees?|hereby)\b/;

/**
 * "Definitions When used in this Agreement" → "Definitions"; "Agency Basis The Corporation agrees" → "Agency Basis";
 * "Transfer Upon Death or Mental Incapacity Upon Your death…" → the longest such heading that still reads as one.
 */
function impliedHeading(rest: string): string | undefined {
  const w = rest.trim().split(/\s+/);
  if (w.length < 3 || !/^\p{Lu}/u.test(w[0]!) || STARTERS.has(w[0]!)) return undefined;
  let weak: string | undefined;
  for (let i = 1; i < Math.min(w.length - 1, 10); i++) {
    const a = w[i]!;
    const b = w[i + 1]!;
    // Not "Party B shall": a one-letter word is part of a name.
    if (!/^\p{Lu}[\p{L}'’-]+$/u.test(a.replace(/[,;]$/, ''))) continue;
    // A sentence starts at a capitalised word before a lower-case one ("When used", "Time is"), or at a sentence
    // opener before a capitalised word ("The Corporation agrees", "If Ehave…").
    if (!((/^\p{Ll}/u.test(b) && (!SMALL.has(b) || STARTERS.has(a))) || (STARTERS.has(a) && /^\p{Lu}/u.test(b)))) continue;
    const start = STARTERS.has(a) ? i : i > 1 && STARTERS.has(w[i - 1]!) ? i - 1 : i;
    const head = w.slice(0, start);
    while (head.length > 0 && /^[-–—]+$/.test(head.at(-1)!)) head.pop(); // "Business Day - Monday through…"
    if (head.length === 0 || head.length > 8) continue;
    const h = head.join(' ');
    if (/[.:;!?"“”(]/.test(h) || VERBISH.test(h) || SMALL.has(head.at(-1)!.toLowerCase())) continue;
    const lower = head.filter((x) => /^\p{Ll}/u.test(x) && !SMALL.has(x)).length;
    if (lower > (head.length <= 5 ? 1 : 0)) continue;
    // A preposition or conjunction before a capital ("Upon Death", "If Ehave") may still be inside the heading:
    // keep looking for a surer sentence start, and fall back to this one.
    if (STARTERS.has(a) && !DETERMINERS.has(a) && /^\p{Lu}/u.test(b)) {
      weak ??= h;
      continue;
    }
    return h;
  }
  return weak;
}

/**
 * A heading the builder's run-in rule does not see: the gap-separated first
 * piece ("2.1.1 General   This Agreement…"), an ALL-CAPS run ("2. PRODUCT
 * SUPPLY The Supplier…"), a defined term repeated in quotes
 * ("1.3 Confidential Information "Confidential Information" means…") or a
 * term before a dash ("1.2 Acceptance Date - the first Business Day…").
 */
function leadHeading(rawText: string, e: Enumerator, wholeLine: 'line' | 'cut' | false = false): string | undefined {
  const rest = e.rest;
  if (rest === '' || splitRunInHeading(rest) || isHeadingLike(rest, 12)) return undefined;
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  // Gap-separated piece right after the label.
  const afterLabel = rawText.replace(/^\s+/, '').slice(e.label.length).replace(/^[\s.:\-–—]+/, '');
  const gap = /\s{2,}/.exec(afterLabel);
  if (gap) {
    const piece = norm(afterLabel.slice(0, gap.index));
    const body = afterLabel.slice(gap.index).trim();
    const words = piece.split(' ').length;
    if (/^[\p{L}\d]/u.test(piece) && isHeadingLike(piece, 12) && (gap[0].length >= 3 || words <= 6) &&
        (/^[\p{Lu}"“(\d]/u.test(body) ||
          // "Appendix 3: Members of the Project Team   […***…]": a heading over a redacted body.
          (/^\[/.test(body) && gap[0].length >= 3 && words >= 2 && !STARTERS.has(piece.split(' ')[0]!) && (isTitleCase(piece) || isAllCaps(piece)))) &&
        rest.startsWith(piece)) return piece;
  }
  // "1. PARTIES:" — a heading ending in a colon, the list follows.
  const colon = /^(.{2,80}):$/.exec(rest);
  if (colon && (isAllCaps(colon[1]!) || isTitleCase(colon[1]!)) && colon[1]!.split(' ').length <= 10) return colon[1]!;
  // ALL-CAPS run followed by a capitalised word.
  const caps = capsLead(rest);
  if (caps && caps !== rest && rest.startsWith(caps)) return caps;
  // A whole short line: "6. GST and taxes (Only Applicable to Australian companies)".
  if (wholeLine && rest.split(' ').length <= 12 && /^[\p{Lu}]/u.test(rest) && !/[.;:,]$/.test(rest) &&
      !/(?<!\b\p{Lu})[.!?]\s/u.test(rest) && !/\b(shall|will|must|may|means|is|are|has|have)\b/.test(rest)) {
    // Title Case, or (for a clause number, not a list item) a short line in sentence case.
    const bare = rest.replace(/\s*\([^)]*\)/g, '');
    if (isTitleCase(bare) || isAllCaps(bare) || (!isSubStyle(e.style) && (wholeLine === 'cut' || rest.split(' ').length <= 8))) return rest;
  }
  // A short parenthesis inside the heading: "Leasing of Property and Drilling of Water Well(s). COFS hereby…",
  // "MAXIMUM DAILY QUANTITY (Dth/Day): 101,300", "ENGINEERING CHANGE REQUESTS (ECR'S). …".
  const paren = /^([\p{Lu}](?:[^.:;!?()"“]|\([^().:;!?"“]{1,30}\)){0,90}?)[.:]\s+(?=\S)/u.exec(rest);
  if (paren && /\(/.test(paren[1]!) && paren[1]!.split(' ').length <= 10) {
    const bare = paren[1]!.replace(/\s*\([^)]*\)/g, '');
    if ((isTitleCase(bare) || isAllCaps(bare)) && !/\b(shall|will|must|may|means)\b/.test(bare)) return paren[1]!;
  }
  // A heading run into the first sentence with no full stop: "Definitions When used in…", "Grant of rights Subject to…".
  const implied = impliedHeading(rest);
  if (implied) return implied;
  // Term repeated in quotes.
  const q = /^([\p{Lu}][^"“”]{0,60}?)\s+["“]([^"”]{1,60})["”]/u.exec(rest);
  if (q && q[2]!.toLowerCase().startsWith(q[1]!.toLowerCase().slice(0, Math.min(q[1]!.length, 6))) && isTitleCase(q[1]!) && q[1]!.split(' ').length <= 8) return q[1]!;
  // Term before a dash.
  const d = /^([\p{Lu}][^.:;"“]{0,60}?)\s+[-–—]{1,2}\s+\S/u.exec(rest);
  if (d && isTitleCase(d[1]!) && d[1]!.split(' ').length <= 8 && !/\b(shall|will|must|may)\b/.test(d[1]!)) return d[1]!;
  return undefined;
}
