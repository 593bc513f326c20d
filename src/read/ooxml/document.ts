/**
 * word/document.xml, streamed: paragraphs and tables in reading order, with
 * Word's automatic numbering, tracked changes, comment anchors and footnotes.
 *
 * Paragraph index: every `w:p` of the body in reading order, table-cell
 * paragraphs included, counts once (1-based), whatever the revisions view;
 * paragraphs of text boxes, headers, footers, footnotes and comments do not
 * count. It is the `position.line` of the blocks (see src/model.ts).
 *
 * Revisions views:
 * - accepted: inserted text kept, deleted text dropped; a paragraph whose mark
 *   is deleted joins the next paragraph (Word's result on "Accept All").
 * - original: the reverse (inserted text and inserted paragraph marks undone,
 *   the paragraph properties before a tracked property change restored).
 * - markup: everything shown, as LibreOffice's text export and Word's "All
 *   Markup" view number it (used by the fidelity check, not by the linter).
 */
import { isHeadingLike } from '../headings.js';
import { CELL_LIST_LABEL, parseEnumerator } from '../enumerators.js';
import type { RawBlock } from '../raw.js';
import type { StoryItem } from './comments.js';
import { NumberingCounters, type NumberingDefinitions } from './numbering.js';
import { clampLevel, type StyleSheet } from './styles.js';
import { isOn, parsePart } from './xml.js';
import type { Revision } from '../../model.js';
import type { ZipPackage } from './zip.js';

export type RevisionsView = 'accepted' | 'original' | 'markup';

/** A tracked change, as the model records it. */
export type RevisionRecord = Revision;

export interface CommentAnchor {
  paragraph: number;
  /** The commented text (between commentRangeStart and commentRangeEnd), as shown in the view read. */
  text: string;
}

/** One paragraph as the view shows it (for tests and the fidelity check). */
export interface ParagraphTrace {
  index: number;
  /** Word's number ("1.2", "(a)"), null when unnumbered; bullets have their glyph here and bullet=true. */
  label: string | null;
  bullet: boolean;
  /** 0-based list level, when numbered. */
  level?: number;
  text: string;
  inTable: boolean;
  /** Indexes of later paragraphs joined into this one (deleted paragraph marks in the accepted view). */
  joined?: number[];
}

export interface DocumentReading {
  raw: RawBlock[];
  paragraphs: ParagraphTrace[];
  revisions: RevisionRecord[];
  commentAnchors: Map<string, CommentAnchor>;
  paragraphCount: number;
}

interface Props {
  styleId: string | null;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

interface Piece {
  text: string;
  bold: boolean;
  /** A footnote or endnote reference (text is empty). */
  note?: StoryItem;
}

interface Para {
  index: number;
  props: Props;
  oldProps: Props | null;
  /** Visible pieces in the view being read. */
  pieces: Piece[];
  markIns: boolean;
  markDel: boolean;
  toc: boolean;
}

/** A paragraph after joins, with its number resolved. */
interface Finished {
  index: number;
  joined: number[];
  /** The text, whitespace collapsed. */
  text: string;
  /** The text split at line breaks (w:br, w:cr). */
  lines: string[];
  lead?: string;
  label: string | null;
  bullet: boolean;
  level?: number;
  /** Which Word list the number counts in (RenderedNumber.list). */
  list?: string;
  headingDepth?: number;
  title: boolean;
  toc: boolean;
  notes: StoryItem[];
}

interface RevOpen {
  depth: number;
  ins: boolean;
  rec: RevisionRecord;
}

/** Elements whose whole content is ignored. */
const SKIP = new Set([
  'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:sectPr', 'w:tblPr', 'w:tblGrid', 'w:tcPr',
  'w:tblPrEx', 'w:sdtPr', 'w:sdtEndPr', 'w:customXmlPr', 'w:smartTagPr', 'w:rPrChange', 'w:subDoc',
  'w:altChunk', 'w:fldData', 'w:ffData', 'w:numberingChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange',
  'w:tblGridChange', 'w:sectPrChange',
]);

export interface DocumentContext {
  styles: StyleSheet;
  numbering: NumberingDefinitions;
  footnotes: Map<string, StoryItem>;
  endnotes: Map<string, StoryItem>;
  view: RevisionsView;
}

export async function readDocumentPart(pkg: ZipPackage, part: string, ctx: DocumentContext): Promise<DocumentReading | null> {
  const reader = new BodyReader(ctx);
  const found = await parsePart(pkg, part, {
    open: (name, a) => reader.open(name, a),
    close: (name) => reader.close(name),
    text: (t) => reader.text(t),
  });
  if (!found) return null;
  return { raw: reader.raw, paragraphs: reader.paragraphs, revisions: reader.revisions, commentAnchors: reader.commentAnchors, paragraphCount: reader.paraCount };
}

type Attrs = Readonly<Record<string, string>>;

/** A paragraph whose mark is gone in the view read, waiting to join the next one (with the ones joined already). */
interface Carry { para: Para; joined: number[] }

/**
 * The reading of word/document.xml as it streams past: where the parser is (the paragraph, its properties, the run,
 * complex fields, tracked changes, comments, the table row and cell), and what has been read.
 */
class BodyReader {
  readonly raw: RawBlock[] = [];
  readonly paragraphs: ParagraphTrace[] = [];
  readonly revisions: RevisionRecord[] = [];
  readonly commentAnchors = new Map<string, CommentAnchor>();
  paraCount = 0;

  private readonly openComments = new Map<string, CommentAnchor>();
  private readonly counters: NumberingCounters;
  private readonly insVisible: boolean;
  private readonly delVisible: boolean;
  private depth = 0;
  private skipDepth = -1;
  private para: Para | null = null;

  // Paragraph properties: where w:pPr, a tracked property change in it and the paragraph mark's w:rPr open,
  // and the properties being read (the paragraph's, or its old ones).
  private pPrDepth = -1;
  private pPrChangeDepth = -1;
  private markRPrDepth = -1;
  private target: Props | null = null;

  // Runs.
  private runBold = false;
  private runHidden = false;
  private runRPrDepth = -1;
  private inText = false;
  private inInstr = false;
  private readonly revStack: RevOpen[] = [];
  private lastRev: { rec: RevisionRecord; gap: string } | null = null;
  /** Complex fields: instruction text, and whether still in the instruction. */
  private readonly fields: Array<{ instr: string; inInstr: boolean; toc: boolean }> = [];

  // Tables: rows of cells of finished paragraphs (nested tables flatten into the outer cell).
  private tableDepth = 0;
  private trPrDepth = -1;
  private rowRev: 'ins' | 'del' | null = null;
  private row: Finished[][] | null = null;
  private rowStartIndex = 0;
  private cell: Finished[] | null = null;
  private carry: Carry | null = null;

  constructor(private readonly ctx: DocumentContext) {
    this.counters = new NumberingCounters(ctx.numbering);
    this.insVisible = ctx.view !== 'original';
    this.delVisible = ctx.view !== 'accepted';
  }

  // ── the parser's events ─────────────────────────────────────────────────────────────────────────────────────

  open(name: string, a: Attrs): void {
    this.depth++;
    if (this.skipDepth >= 0) return;
    if (SKIP.has(name)) {
      this.skipDepth = this.depth;
      return;
    }
    if (this.pPrDepth >= 0) this.openInParagraphProperties(name, a);
    else if (this.runRPrDepth >= 0) {
      if (name === 'w:b') this.runBold = isOn(a);
      else if (name === 'w:vanish') this.runHidden = isOn(a);
    } else if (!this.openStructure(name, a)) this.openInline(name, a);
  }

  close(name: string): void {
    if (this.skipDepth >= 0) {
      if (this.skipDepth === this.depth) this.skipDepth = -1;
    } else if (this.pPrDepth >= 0) {
      this.closeInParagraphProperties();
    } else if (this.runRPrDepth >= 0) {
      if (this.depth === this.runRPrDepth) this.runRPrDepth = -1;
    } else {
      this.closeElement(name);
    }
    this.depth--;
  }

  text(t: string): void {
    if (this.skipDepth >= 0) return;
    if (this.inText) this.addText(t, this.runBold);
    else if (this.inInstr) {
      const f = this.fields.at(-1);
      if (f && f.inInstr) f.instr += t;
    }
  }

  // ── opening elements ────────────────────────────────────────────────────────────────────────────────────────

  /** Paragraph properties (and the old ones inside a tracked property change, and the paragraph mark's changes). */
  private openInParagraphProperties(name: string, a: Attrs): void {
    if (name === 'w:pPrChange') {
      if (this.para) this.para.oldProps = { styleId: null };
      this.pPrChangeDepth = this.depth;
      this.target = this.para?.oldProps ?? null;
      return;
    }
    if (name === 'w:rPr' && this.pPrChangeDepth < 0) {
      this.markRPrDepth = this.depth;
      return;
    }
    if (this.markRPrDepth >= 0) {
      this.openMarkRevision(name, a);
      return;
    }
    const target = this.target;
    if (target === null) return;
    switch (name) {
      case 'w:pStyle': target.styleId = a['w:val'] ?? null; break;
      case 'w:numId': if (a['w:val'] !== undefined) target.numId = a['w:val']; break;
      case 'w:ilvl': if (a['w:val'] !== undefined) target.ilvl = clampLevel(Number(a['w:val'])); break;
      case 'w:outlineLvl': if (a['w:val'] !== undefined) target.outlineLvl = Number(a['w:val']); break;
    }
  }

  /** The paragraph mark inserted or deleted (w:pPr/w:rPr/w:ins …): the paragraph joins the next when it is gone. */
  private openMarkRevision(name: string, a: Attrs): void {
    const para = this.para;
    if (!para || !(name === 'w:ins' || name === 'w:moveTo' || name === 'w:del' || name === 'w:moveFrom')) return;
    const ins = name === 'w:ins' || name === 'w:moveTo';
    if (ins) para.markIns = true;
    else para.markDel = true;
    const rec: RevisionRecord = { kind: ins ? 'insertion' : 'deletion', author: a['w:author'] ?? null, date: a['w:date'] ?? null, paragraph: para.index, text: '', paragraphMark: true };
    if (name === 'w:moveTo' || name === 'w:moveFrom') rec.move = true;
    this.revisions.push(rec);
    this.lastRev = null;
  }

  /** Paragraphs, their properties, runs and tables; false for an element read by openInline. */
  private openStructure(name: string, a: Attrs): boolean {
    switch (name) {
      case 'w:p':
        this.paraCount++;
        this.para = { index: this.paraCount, props: { styleId: null }, oldProps: null, pieces: [], markIns: false, markDel: false, toc: this.fields.some((f) => f.toc) };
        return true;
      case 'w:pPr':
        if (this.para) {
          this.pPrDepth = this.depth;
          this.target = this.para.props;
        } else {
          this.skipDepth = this.depth;
        }
        return true;
      case 'w:r':
        this.runBold = false;
        this.runHidden = false;
        return true;
      case 'w:rPr':
        this.runRPrDepth = this.depth;
        return true;
      case 'w:tbl':
        if (this.tableDepth === 0 && this.para === null) this.flushCarry();
        this.tableDepth++;
        return true;
      case 'w:tr':
        if (this.tableDepth === 1) {
          this.row = [];
          this.rowRev = null;
          this.rowStartIndex = this.paraCount + 1;
        }
        return true;
      case 'w:trPr':
        this.trPrDepth = this.depth;
        return true;
      case 'w:tc':
        if (this.tableDepth === 1) this.cell = [];
        return true;
      case 'w:ins': case 'w:moveTo': case 'w:del': case 'w:moveFrom':
        this.openChange(name, a);
        return true;
      default:
        return false;
    }
  }

  /** Text, its stand-ins (tabs, breaks), fields, notes and comment anchors. */
  private openInline(name: string, a: Attrs): void {
    switch (name) {
      case 'w:t': case 'w:delText':
        this.inText = true;
        return;
      case 'w:instrText':
        this.inInstr = true;
        return;
      case 'w:tab': case 'w:ptab':
        this.addText(' ', this.runBold);
        return;
      case 'w:br': case 'w:cr':
        this.addText('\n', this.runBold);
        return;
      case 'w:noBreakHyphen':
        this.addText('-', this.runBold);
        return;
      case 'w:fldChar':
        this.fieldChar(a['w:fldCharType']);
        return;
      case 'w:footnoteReference': case 'w:endnoteReference': {
        const note = (name === 'w:footnoteReference' ? this.ctx.footnotes : this.ctx.endnotes).get(a['w:id'] ?? '');
        if (note && this.para && this.visibleNow()) this.para.pieces.push({ text: '', bold: false, note });
        return;
      }
      case 'w:commentRangeStart': case 'w:commentRangeEnd': case 'w:commentReference':
        this.commentMark(name, a['w:id']);
        return;
    }
  }

  /** A complex field's begin, separator or end: a TOC field's result is a table of contents. */
  private fieldChar(type: string | undefined): void {
    if (type === 'begin') this.fields.push({ instr: '', inInstr: true, toc: false });
    else if (type === 'separate') {
      const f = this.fields.at(-1);
      if (f) {
        f.inInstr = false;
        f.toc = /^\s*TOC\b/i.test(f.instr);
        if (f.toc && this.para) this.para.toc = true;
      }
    } else if (type === 'end') this.fields.pop();
  }

  private commentMark(name: string, id: string | undefined): void {
    if (id === undefined) return;
    if (name === 'w:commentRangeStart') {
      if (this.commentAnchors.has(id)) return;
      const anchor = { paragraph: this.para?.index ?? this.paraCount + 1, text: '' };
      this.commentAnchors.set(id, anchor);
      this.openComments.set(id, anchor);
    } else if (name === 'w:commentRangeEnd') {
      this.openComments.delete(id);
    } else if (!this.commentAnchors.has(id)) {
      this.commentAnchors.set(id, { paragraph: this.para?.index ?? this.paraCount, text: '' });
    }
  }

  /** A tracked insertion or deletion of text, or of a whole table row (in w:trPr). */
  private openChange(name: string, a: Attrs): void {
    const ins = name === 'w:ins' || name === 'w:moveTo';
    if (this.trPrDepth >= 0) {
      if (this.tableDepth === 1) this.rowRev = ins ? 'ins' : 'del';
      return;
    }
    const rec = this.openRevision(ins, a, name === 'w:moveTo' || name === 'w:moveFrom');
    this.revStack.push({ depth: this.depth, ins, rec });
  }

  private openRevision(ins: boolean, a: Attrs, move: boolean): RevisionRecord {
    const kind = ins ? 'insertion' : 'deletion';
    const author = a['w:author'] ?? null;
    const date = a['w:date'] ?? null;
    const paragraph = this.para?.index ?? this.paraCount + 1;
    // Word splits one change into several elements (one per run of formatting): adjacent
    // ones of the same kind, author and date are one change. A nested one (text inserted
    // and then deleted) stays apart.
    const last = this.lastRev;
    if (this.revStack.length === 0 && last && last.rec.kind === kind && last.rec.author === author && last.rec.date === date &&
        last.rec.paragraph === paragraph && !last.rec.paragraphMark && last.gap.trim() === '') {
      last.rec.text += last.gap;
      return last.rec;
    }
    const rec: RevisionRecord = { kind, author, date, paragraph, text: '' };
    if (move) rec.move = true;
    this.revisions.push(rec);
    return rec;
  }

  // ── closing elements ────────────────────────────────────────────────────────────────────────────────────────

  private closeInParagraphProperties(): void {
    if (this.depth === this.pPrChangeDepth) {
      this.pPrChangeDepth = -1;
      this.target = this.para?.props ?? null;
    } else if (this.depth === this.markRPrDepth) {
      this.markRPrDepth = -1;
    } else if (this.depth === this.pPrDepth) {
      this.pPrDepth = -1;
      this.target = null;
    }
  }

  private closeElement(name: string): void {
    switch (name) {
      case 'w:t': case 'w:delText':
        this.inText = false;
        break;
      case 'w:instrText':
        this.inInstr = false;
        break;
      case 'w:p':
        this.closeParagraph();
        break;
      case 'w:ins': case 'w:moveTo': case 'w:del': case 'w:moveFrom': {
        const top = this.revStack.at(-1);
        if (top && top.depth === this.depth) {
          this.revStack.pop();
          this.lastRev = { rec: top.rec, gap: '' };
        }
        break;
      }
      case 'w:trPr':
        this.trPrDepth = -1;
        break;
      case 'w:tc':
        if (this.tableDepth === 1) {
          this.flushCarry();
          if (this.row && this.cell) this.row.push(this.cell);
          this.cell = null;
        }
        break;
      case 'w:tr':
        if (this.tableDepth === 1 && this.row) {
          this.flushCarry();
          this.emitRow(this.row);
          this.row = null;
          this.rowRev = null;
        }
        break;
      case 'w:tbl':
        this.tableDepth--;
        break;
      case 'w:body':
        this.flushCarry();
        break;
    }
  }

  private closeParagraph(): void {
    const p = this.para;
    if (!p) return;
    this.para = null;
    for (const c of this.openComments.values()) if (c.text !== '' && c.text.length < 1000) c.text += ' ';
    if (!this.rowHidden()) this.finishPara(p);
  }

  // ── text and what the view shows ────────────────────────────────────────────────────────────────────────────

  /** A table row inserted or deleted by a tracked change the view does not show. */
  private rowHidden(): boolean {
    return this.tableDepth > 0 && this.rowRev !== null && !(this.rowRev === 'ins' ? this.insVisible : this.delVisible);
  }

  private visibleNow(): boolean {
    if (this.runHidden) return false;
    if (this.fields.some((f) => f.inInstr)) return false;
    if (this.rowHidden()) return false;
    for (const r of this.revStack) if (r.ins ? !this.insVisible : !this.delVisible) return false;
    return true;
  }

  private addText(text: string, bold: boolean): void {
    const para = this.para;
    if (para === null || text === '') return;
    const visible = this.visibleNow();
    // The text goes to the innermost change: an insertion's text is what it still shows,
    // the part deleted later is that deletion's.
    const inner = this.revStack.at(-1);
    if (inner) inner.rec.text += text;
    if (this.revStack.length === 0 && this.lastRev) this.lastRev.gap += text;
    if (!visible) return;
    para.pieces.push({ text, bold });
    for (const c of this.openComments.values()) if (c.text.length < 1000) c.text += text;
  }

  // ── finished paragraphs ─────────────────────────────────────────────────────────────────────────────────────

  /** Close a paragraph in the view: join, number, and hand it to its container. */
  private finishPara(p: Para): void {
    const markGone = (p.markDel && !this.delVisible) || (p.markIns && !this.insVisible);
    if (markGone) {
      if (this.carry === null) this.carry = { para: p, joined: [] };
      else {
        this.carry.para.pieces.push(...p.pieces);
        this.carry.joined.push(p.index);
      }
      return;
    }
    let first = p;
    let joined: number[] = [];
    const c = this.carry;
    if (c !== null) {
      this.carry = null;
      // Joined paragraphs keep the first one's properties when it keeps text (as Word
      // does on joining), the surviving paragraph's when the first one is wholly gone.
      if (c.para.pieces.some((x) => x.text.trim() !== '')) {
        first = { ...c.para, pieces: [...c.para.pieces, ...p.pieces] };
        joined = [...c.joined, p.index];
      }
    }
    this.emitFinished(this.finish(first, joined));
  }

  /** Flush a paragraph waiting to be joined when its container ends: it stands alone. */
  private flushCarry(): void {
    const c = this.carry;
    if (c === null) return;
    this.carry = null;
    if (c.para.pieces.some((x) => x.text.trim() !== '')) this.emitFinished(this.finish(c.para, c.joined));
  }

  private resolveNumber(p: Props): { label: string; bullet: boolean; level: number; list: string } | null {
    const { styles, numbering } = this.ctx;
    const style = styles.paragraph(p.styleId);
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === undefined) {
      numId = style?.numId;
      ilvl ??= style?.ilvl;
    }
    if (numId === undefined || numId === '0') return null;
    if (ilvl === undefined) {
      // No level given: the level the list links to the paragraph's style (w:lvl/w:pStyle),
      // or to the nearest style it is based on; else the first level.
      const styleId = p.styleId ?? styles.defaultParagraphStyle;
      if (styleId !== null) {
        for (const id of styles.chain(styleId)) {
          ilvl = numbering.levelOfStyle(numId, id);
          if (ilvl !== undefined) break;
        }
      }
      ilvl ??= 0;
    }
    return this.counters.next(numId, ilvl);
  }

  private finish(p: Para, joined: number[]): Finished {
    const props = this.ctx.view === 'original' && p.oldProps ? p.oldProps : p.props;
    const num = this.resolveNumber(props);
    const style = this.ctx.styles.paragraph(props.styleId);
    let text = '';
    const notes: StoryItem[] = [];
    for (const x of p.pieces) {
      text += x.text;
      if (x.note) notes.push(x.note);
    }
    const lines = text.split('\n');
    text = text.replace(/\s+/g, ' ').trim();
    const f: Finished = {
      index: p.index, joined, text, lines, label: num ? num.label.replace(/\s+/g, ' ').trim() : null, bullet: num?.bullet ?? false,
      title: style?.title ?? false, toc: p.toc || (style?.toc ?? false), notes,
    };
    if (num) {
      f.level = num.level;
      f.list = num.list;
    }
    const lead = leadHeading(p.pieces, text);
    if (lead !== undefined) f.lead = lead;
    const outline = props.outlineLvl ?? style?.outlineLvl;
    const depthOf = style?.headingLevel ?? (outline !== undefined && outline >= 0 && outline <= 8 ? outline + 1 : undefined);
    if (depthOf !== undefined && text !== '') f.headingDepth = depthOf;
    return f;
  }

  private emitFinished(f: Finished): void {
    this.paragraphs.push({
      index: f.index, label: f.label, bullet: f.bullet, text: f.text, inTable: this.tableDepth > 0,
      ...(f.level !== undefined ? { level: f.level } : {}), ...(f.joined.length > 0 ? { joined: f.joined } : {}),
    });
    if (this.tableDepth > 0) {
      this.cell?.push(f);
      return;
    }
    const numbered = f.label !== null && f.label !== '' && !f.bullet;
    if (f.text === '' && !numbered) {
      this.pushNotes(f.notes, f.index);
      return;
    }
    // A typed clause after a line break inside the paragraph ("…organisation.↵↵14.8 The
    // Supplier must…") starts a block of its own, as in the Markdown and text readers.
    const groups = f.toc ? [f.text] : splitAtTypedClauses(f.lines);
    if (groups.length > 1 && groups[0] === '' && !numbered) groups.shift();
    this.raw.push(paragraphBlock(f, groups[0] ?? '', numbered));
    for (const g of groups.slice(1)) this.raw.push({ kind: 'paragraph', text: g, position: { line: f.index, column: 1 } });
    this.pushNotes(f.notes, f.index);
  }

  /** Footnotes and endnotes referred to in a paragraph, after it. */
  private pushNotes(notes: readonly StoryItem[], line: number): void {
    for (const n of notes) {
      if (n.text !== '') this.raw.push({ kind: 'paragraph', text: n.text, position: { line, column: 1 }, plain: true });
    }
  }

  /**
   * A table row: one table-row block with its cells; a numbered paragraph in a
   * cell instead becomes a block of its own (so a clause written in a table
   * opens its section), with the cells around it as table-row blocks.
   */
  private emitRow(cells: Finished[][]): void {
    // Numbered by Word, or by hand in a cell after the first: "a)⇥in respect of a person:" under a defined term is
    // the list item Word would have numbered, not a line of the row.
    const typed = new Set(cells.slice(1).flat().filter((f) => f.label === null && CELL_LIST_LABEL.test(f.text)));
    const numbered = (f: Finished): boolean => (f.label !== null && f.label !== '' && !f.bullet && !f.toc) || typed.has(f);
    const all = cells.flat();
    const notes = all.flatMap((f) => f.notes);
    if (!all.some(numbered)) {
      const line = all[0]?.index ?? this.rowStartIndex;
      this.pushRow(cells.map(cellText), line);
      this.pushNotes(notes, line);
      return;
    }
    let pending: string[] = [];
    let pendingLine: number | null = null;
    let current: Finished[] = [];
    const closeCell = (): void => {
      if (current.length > 0 || pending.length > 0) pending.push(cellText(current));
      current = [];
    };
    for (const c of cells) {
      for (const f of c) {
        if (!numbered(f)) {
          if (pendingLine === null) pendingLine = f.index;
          current.push(f);
          continue;
        }
        if (current.length > 0) closeCell();
        this.pushRow(pending, pendingLine ?? f.index);
        pending = [];
        pendingLine = null;
        this.raw.push(cellListItem(f, typed.has(f)));
      }
      closeCell();
    }
    this.pushRow(pending, pendingLine ?? this.rowStartIndex);
    this.pushNotes(notes, all.at(-1)?.index ?? this.rowStartIndex);
  }

  private pushRow(parts: string[], line: number): void {
    if (parts.every((c) => c === '')) return;
    this.raw.push({ kind: 'table-row', text: parts.filter((c) => c !== '').join(' | '), cells: parts, position: { line, column: 1 } });
  }
}

/** A cell's text: its paragraphs' texts, run together. */
function cellText(fs: readonly Finished[]): string {
  return fs.map((f) => f.text).filter((t) => t !== '').join(' ');
}

/** A numbered paragraph in a table cell, as a list item of its own (numbered by Word, or `typed` by hand). */
function cellListItem(f: Finished, typed: boolean): RawBlock {
  const block: RawBlock = typed
    ? { kind: 'list-item', text: f.text, position: { line: f.index, column: 1 } }
    : { kind: 'list-item', text: f.text, autoLabel: f.label!, position: { line: f.index, column: 1 } };
  if (f.list !== undefined) block.listKey = f.list;
  if (f.lead !== undefined) block.leadHeading = f.lead;
  return block;
}

/** A body paragraph's block: a list item when Word numbers it, a heading by its style, a table of contents line. */
function paragraphBlock(f: Finished, text: string, numbered: boolean): RawBlock {
  const block: RawBlock = { kind: 'paragraph', text, position: { line: f.index, column: 1 } };
  if (f.toc) {
    block.plain = true;
    return block;
  }
  if (numbered) {
    block.kind = 'list-item';
    block.autoLabel = f.label!;
    if (f.list !== undefined) block.listKey = f.list;
  } else if (f.bullet) {
    block.kind = 'list-item';
  }
  if (f.lead !== undefined) block.leadHeading = f.lead;
  if (f.headingDepth !== undefined && readsAsHeading(f.text)) {
    // A numbered paragraph ranks by its number, whatever its style (so "1.2" in a plain
    // style and "1.1" in a heading style stay siblings); a heading style makes its text
    // the clause heading. An unnumbered one in a heading style is a heading.
    if (numbered) block.leadHeading ??= f.text;
    else {
      block.kind = 'heading';
      block.headingDepth = f.headingDepth;
    }
  }
  if (f.title) block.title = true;
  return block;
}

function splitAtTypedClauses(lines: readonly string[]): string[] {
  const groups: string[][] = [];
  for (const line of lines) {
    const t = line.replace(/\s+/g, ' ').trim();
    if (groups.length === 0) groups.push([t]);
    else if (t !== '' && parseEnumerator(t) !== null) groups.push([t]);
    else groups.at(-1)!.push(t);
  }
  return groups.map((g) => g.filter((l) => l !== '').join(' ')).filter((g, i) => i === 0 || g !== '');
}

/**
 * Text in a heading style that reads as a heading rather than as body text
 * set in that style: short, no closing sentence punctuation, no modal verb.
 */
function readsAsHeading(text: string): boolean {
  if (isHeadingLike(text, 15)) return true;
  const words = text.split(/\s+/).length;
  return words <= 12 && !/[.;:,]$/.test(text) && !/\b(shall|will|must|may|means)\b/.test(text);
}

/**
 * The bold text at the start of a paragraph, when it reads as a run-in
 * heading ("Fees." before the clause text, or a whole short bold paragraph),
 * with the same tests as the Markdown reader's bold lead.
 */
function leadHeading(pieces: readonly Piece[], full: string): string | undefined {
  let lead = '';
  for (const p of pieces) {
    if (p.text.trim() === '') {
      if (lead !== '') lead += p.text;
      continue;
    }
    if (!p.bold) break;
    lead += p.text;
  }
  lead = lead.replace(/\s+/g, ' ').trim();
  if (lead === '' || /^["“'‘]/.test(lead)) return undefined;
  if (!full.startsWith(lead)) return undefined;
  const restAfter = full.slice(lead.length).trim();
  const ok = lead.split(/\s+/).length <= 12 &&
    (restAfter === '' ? isHeadingLike(lead, 12) : /[.:]$/.test(lead) || /^[.:]/.test(restAfter));
  if (!ok || parseEnumerator(lead)?.rest === '') return undefined;
  return lead;
}
