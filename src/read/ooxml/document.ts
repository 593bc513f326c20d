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
  const { styles, numbering, view } = ctx;
  const counters = new NumberingCounters(numbering);
  const raw: RawBlock[] = [];
  const paragraphs: ParagraphTrace[] = [];
  const revisions: RevisionRecord[] = [];
  const commentAnchors = new Map<string, CommentAnchor>();
  const openComments = new Map<string, CommentAnchor>();

  let depth = 0;
  let skipDepth = -1;
  let paraCount = 0;
  let para: Para | null = null;

  // pPr parsing state
  let pPrDepth = -1;
  let pPrChangeDepth = -1;
  let markRPrDepth = -1;
  let target: Props | null = null;

  // runs
  let runBold = false;
  let runHidden = false;
  let runRPrDepth = -1;
  let inText = false;
  let inInstr = false;
  const revStack: RevOpen[] = [];
  let lastRev: { rec: RevisionRecord; gap: string } | null = null;
  /** Complex fields: instruction text, and whether still in the instruction. */
  const fields: Array<{ instr: string; inInstr: boolean; toc: boolean }> = [];

  // tables: rows of cells of finished paragraphs (nested tables flatten into the outer cell)
  let tableDepth = 0;
  let trPrDepth = -1;
  let rowRev: 'ins' | 'del' | null = null;
  let row: Finished[][] | null = null;
  let rowStartIndex = 0;
  let cell: Finished[] | null = null;
  /** A paragraph whose mark is gone in this view, waiting to join the next one. */
  let carry: { para: Para; joined: number[] } | null = null;

  const insVisible = view !== 'original';
  const delVisible = view !== 'accepted';
  const visibleNow = (): boolean => {
    if (runHidden) return false;
    if (fields.some((f) => f.inInstr)) return false;
    if (tableDepth > 0 && rowRev !== null && !(rowRev === 'ins' ? insVisible : delVisible)) return false;
    for (const r of revStack) if (r.ins ? !insVisible : !delVisible) return false;
    return true;
  };

  const addText = (text: string, bold: boolean): void => {
    if (para === null || text === '') return;
    const visible = visibleNow();
    // The text goes to the innermost change: an insertion's text is what it still shows,
    // the part deleted later is that deletion's.
    const inner = revStack.at(-1);
    if (inner) inner.rec.text += text;
    if (revStack.length === 0 && lastRev) lastRev.gap += text;
    if (!visible) return;
    para.pieces.push({ text, bold });
    for (const c of openComments.values()) if (c.text.length < 1000) c.text += text;
  };

  const resolveNumber = (p: Props): { label: string; bullet: boolean; level: number; list: string } | null => {
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
    return counters.next(numId, ilvl);
  };

  /** Close a paragraph in the view: join, number, and hand it to its container. */
  const finishPara = (p: Para): void => {
    const markGone = (p.markDel && !delVisible) || (p.markIns && !insVisible);
    if (markGone) {
      if (carry === null) carry = { para: p, joined: [] };
      else {
        carry.para.pieces.push(...p.pieces);
        carry.joined.push(p.index);
      }
      return;
    }
    let first = p;
    let joined: number[] = [];
    if (carry !== null) {
      const c: { para: Para; joined: number[] } = carry;
      carry = null;
      const carriedText = c.para.pieces.some((x) => x.text.trim() !== '');
      // Joined paragraphs keep the first one's properties when it keeps text (as Word
      // does on joining), the surviving paragraph's when the first one is wholly gone.
      if (carriedText) {
        first = { ...c.para, pieces: [...c.para.pieces, ...p.pieces] };
        joined = [...c.joined, p.index];
      } else {
        first = p;
      }
    }
    emitFinished(finish(first, joined));
  };

  /** Flush a paragraph waiting to be joined when its container ends: it stands alone. */
  const flushCarry = (): void => {
    if (carry === null) return;
    const c: { para: Para; joined: number[] } = carry;
    carry = null;
    if (c.para.pieces.some((x) => x.text.trim() !== '')) emitFinished(finish(c.para, c.joined));
  };

  const finish = (p: Para, joined: number[]): Finished => {
    const props = view === 'original' && p.oldProps ? p.oldProps : p.props;
    const num = resolveNumber(props);
    const style = styles.paragraph(props.styleId);
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
  };

  const emitFinished = (f: Finished): void => {
    paragraphs.push({
      index: f.index, label: f.label, bullet: f.bullet, text: f.text, inTable: tableDepth > 0,
      ...(f.level !== undefined ? { level: f.level } : {}), ...(f.joined.length > 0 ? { joined: f.joined } : {}),
    });
    if (tableDepth > 0) {
      cell?.push(f);
      return;
    }
    const numbered = f.label !== null && f.label !== '' && !f.bullet;
    if (f.text === '' && !numbered) {
      pushNotes(f);
      return;
    }
    // A typed clause after a line break inside the paragraph ("…organisation.↵↵14.8 The
    // Supplier must…") starts a block of its own, as in the Markdown and text readers.
    const groups = f.toc ? [f.text] : splitAtTypedClauses(f.lines);
    if (groups.length > 1 && groups[0] === '' && !numbered) groups.shift();
    const block: RawBlock = { kind: 'paragraph', text: groups[0] ?? '', position: { line: f.index, column: 1 } };
    if (f.toc) {
      block.plain = true;
    } else {
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
    }
    raw.push(block);
    for (const g of groups.slice(1)) raw.push({ kind: 'paragraph', text: g, position: { line: f.index, column: 1 } });
    pushNotes(f);
  };

  const pushNotes = (f: Finished): void => {
    for (const n of f.notes) {
      if (n.text !== '') raw.push({ kind: 'paragraph', text: n.text, position: { line: f.index, column: 1 }, plain: true });
    }
  };

  /**
   * A table row: one table-row block with its cells; a numbered paragraph in a
   * cell instead becomes a block of its own (so a clause written in a table
   * opens its section), with the cells around it as table-row blocks.
   */
  const emitRow = (cells: Finished[][]): void => {
    // Numbered by Word, or by hand in a cell after the first: "a)⇥in respect of a person:" under a defined term is
    // the list item Word would have numbered, not a line of the row.
    const typed = new Set(cells.slice(1).flat().filter((f) => f.label === null && CELL_LIST_LABEL.test(f.text)));
    const numbered = (f: Finished): boolean => (f.label !== null && f.label !== '' && !f.bullet && !f.toc) || typed.has(f);
    const cellText = (fs: Finished[]): string => fs.map((f) => f.text).filter((t) => t !== '').join(' ');
    const notes = cells.flat().flatMap((f) => f.notes);
    const flushNotes = (line: number): void => {
      for (const n of notes.splice(0)) if (n.text !== '') raw.push({ kind: 'paragraph', text: n.text, position: { line, column: 1 }, plain: true });
    };
    const pushRow = (parts: string[], line: number): void => {
      if (parts.every((c) => c === '')) return;
      raw.push({ kind: 'table-row', text: parts.filter((c) => c !== '').join(' | '), cells: parts, position: { line, column: 1 } });
    };
    const all = cells.flat();
    if (!all.some(numbered)) {
      const line = all[0]?.index ?? rowStartIndex;
      pushRow(cells.map(cellText), line);
      flushNotes(line);
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
        if (numbered(f)) {
          if (current.length > 0) closeCell();
          pushRow(pending, pendingLine ?? f.index);
          pending = [];
          pendingLine = null;
          const block: RawBlock = typed.has(f)
            ? { kind: 'list-item', text: f.text, position: { line: f.index, column: 1 } }
            : { kind: 'list-item', text: f.text, autoLabel: f.label!, position: { line: f.index, column: 1 } };
          if (f.list !== undefined) block.listKey = f.list;
          if (f.lead !== undefined) block.leadHeading = f.lead;
          raw.push(block);
        } else {
          if (pendingLine === null) pendingLine = f.index;
          current.push(f);
        }
      }
      closeCell();
    }
    pushRow(pending, pendingLine ?? rowStartIndex);
    flushNotes(all.at(-1)?.index ?? rowStartIndex);
  };

  const openRevision = (ins: boolean, a: Readonly<Record<string, string>>, move: boolean): RevisionRecord => {
    const kind = ins ? 'insertion' : 'deletion';
    const author = a['w:author'] ?? null;
    const date = a['w:date'] ?? null;
    const paragraph = para?.index ?? paraCount + 1;
    // Word splits one change into several elements (one per run of formatting): adjacent
    // ones of the same kind, author and date are one change. A nested one (text inserted
    // and then deleted) stays apart.
    if (revStack.length === 0 && lastRev && lastRev.rec.kind === kind && lastRev.rec.author === author && lastRev.rec.date === date &&
        lastRev.rec.paragraph === paragraph && !lastRev.rec.paragraphMark && lastRev.gap.trim() === '') {
      lastRev.rec.text += lastRev.gap;
      return lastRev.rec;
    }
    const rec: RevisionRecord = { kind, author, date, paragraph, text: '' };
    if (move) rec.move = true;
    revisions.push(rec);
    return rec;
  };

  const found = await parsePart(pkg, part, {
    open(name, a) {
      depth++;
      if (skipDepth >= 0) return;
      if (SKIP.has(name)) {
        skipDepth = depth;
        return;
      }
      // Paragraph properties (and the old ones inside a tracked property change).
      if (pPrDepth >= 0) {
        if (name === 'w:pPrChange') {
          if (para) para.oldProps = { styleId: null };
          pPrChangeDepth = depth;
          target = para?.oldProps ?? null;
          return;
        }
        if (name === 'w:rPr' && pPrChangeDepth < 0) {
          markRPrDepth = depth;
          return;
        }
        if (markRPrDepth >= 0) {
          if (para && (name === 'w:ins' || name === 'w:moveTo' || name === 'w:del' || name === 'w:moveFrom')) {
            const ins = name === 'w:ins' || name === 'w:moveTo';
            if (ins) para.markIns = true;
            else para.markDel = true;
            const rec: RevisionRecord = { kind: ins ? 'insertion' : 'deletion', author: a['w:author'] ?? null, date: a['w:date'] ?? null, paragraph: para.index, text: '', paragraphMark: true };
            if (name === 'w:moveTo' || name === 'w:moveFrom') rec.move = true;
            revisions.push(rec);
            lastRev = null;
          }
          return;
        }
        if (target === null) return;
        switch (name) {
          case 'w:pStyle': target.styleId = a['w:val'] ?? null; break;
          case 'w:numId': if (a['w:val'] !== undefined) target.numId = a['w:val']; break;
          case 'w:ilvl': if (a['w:val'] !== undefined) target.ilvl = clampLevel(Number(a['w:val'])); break;
          case 'w:outlineLvl': if (a['w:val'] !== undefined) target.outlineLvl = Number(a['w:val']); break;
        }
        return;
      }
      // Run properties.
      if (runRPrDepth >= 0) {
        if (name === 'w:b') runBold = isOn(a);
        else if (name === 'w:vanish') runHidden = isOn(a);
        return;
      }
      switch (name) {
        case 'w:p':
          paraCount++;
          para = { index: paraCount, props: { styleId: null }, oldProps: null, pieces: [], markIns: false, markDel: false, toc: fields.some((f) => f.toc) };
          return;
        case 'w:pPr':
          if (para) {
            pPrDepth = depth;
            target = para.props;
          } else {
            skipDepth = depth;
          }
          return;
        case 'w:r':
          runBold = false;
          runHidden = false;
          return;
        case 'w:rPr':
          runRPrDepth = depth;
          return;
        case 'w:t':
          inText = true;
          return;
        case 'w:delText':
          inText = true;
          return;
        case 'w:instrText':
          inInstr = true;
          return;
        case 'w:tab': case 'w:ptab':
          addText(' ', runBold);
          return;
        case 'w:br': case 'w:cr':
          addText('\n', runBold);
          return;
        case 'w:noBreakHyphen':
          addText('-', runBold);
          return;
        case 'w:fldChar': {
          const t = a['w:fldCharType'];
          if (t === 'begin') fields.push({ instr: '', inInstr: true, toc: false });
          else if (t === 'separate') {
            const f = fields.at(-1);
            if (f) {
              f.inInstr = false;
              f.toc = /^\s*TOC\b/i.test(f.instr);
              if (f.toc && para) para.toc = true;
            }
          } else if (t === 'end') fields.pop();
          return;
        }
        case 'w:ins': case 'w:moveTo': case 'w:del': case 'w:moveFrom': {
          if (trPrDepth >= 0) {
            if (tableDepth === 1) rowRev = name === 'w:ins' || name === 'w:moveTo' ? 'ins' : 'del';
            return;
          }
          const ins = name === 'w:ins' || name === 'w:moveTo';
          const rec = openRevision(ins, a, name === 'w:moveTo' || name === 'w:moveFrom');
          revStack.push({ depth, ins, rec });
          return;
        }
        case 'w:footnoteReference': case 'w:endnoteReference': {
          const note = (name === 'w:footnoteReference' ? ctx.footnotes : ctx.endnotes).get(a['w:id'] ?? '');
          if (note && para && visibleNow()) para.pieces.push({ text: '', bold: false, note });
          return;
        }
        case 'w:commentRangeStart': {
          const id = a['w:id'];
          if (id !== undefined && !commentAnchors.has(id)) {
            const anchor = { paragraph: para?.index ?? paraCount + 1, text: '' };
            commentAnchors.set(id, anchor);
            openComments.set(id, anchor);
          }
          return;
        }
        case 'w:commentRangeEnd':
          if (a['w:id'] !== undefined) openComments.delete(a['w:id']);
          return;
        case 'w:commentReference': {
          const id = a['w:id'];
          if (id !== undefined && !commentAnchors.has(id)) commentAnchors.set(id, { paragraph: para?.index ?? paraCount, text: '' });
          return;
        }
        case 'w:tbl':
          if (tableDepth === 0 && para === null) flushCarry();
          tableDepth++;
          return;
        case 'w:tr':
          if (tableDepth === 1) {
            row = [];
            rowRev = null;
            rowStartIndex = paraCount + 1;
          }
          return;
        case 'w:trPr':
          trPrDepth = depth;
          return;
        case 'w:tc':
          if (tableDepth === 1) cell = [];
          return;
      }
    },
    close(name) {
      if (skipDepth >= 0) {
        if (skipDepth === depth) skipDepth = -1;
        depth--;
        return;
      }
      if (pPrDepth >= 0) {
        if (depth === pPrChangeDepth) {
          pPrChangeDepth = -1;
          target = para?.props ?? null;
        } else if (depth === markRPrDepth) {
          markRPrDepth = -1;
        } else if (depth === pPrDepth) {
          pPrDepth = -1;
          target = null;
        }
        depth--;
        return;
      }
      if (runRPrDepth >= 0) {
        if (depth === runRPrDepth) runRPrDepth = -1;
        depth--;
        return;
      }
      switch (name) {
        case 'w:t': case 'w:delText':
          inText = false;
          break;
        case 'w:instrText':
          inInstr = false;
          break;
        case 'w:p':
          if (para) {
            const p: Para = para;
            para = null;
            for (const c of openComments.values()) if (c.text !== '' && c.text.length < 1000) c.text += ' ';
            if (!(tableDepth > 0 && rowRev !== null && !(rowRev === 'ins' ? insVisible : delVisible))) finishPara(p);
          }
          break;
        case 'w:ins': case 'w:moveTo': case 'w:del': case 'w:moveFrom': {
          const top = revStack.at(-1);
          if (top && top.depth === depth) {
            revStack.pop();
            lastRev = { rec: top.rec, gap: '' };
          }
          break;
        }
        case 'w:trPr':
          trPrDepth = -1;
          break;
        case 'w:tc':
          if (tableDepth === 1) {
            flushCarry();
            if (row && cell) row.push(cell);
            cell = null;
          }
          break;
        case 'w:tr':
          if (tableDepth === 1 && row) {
            flushCarry();
            emitRow(row);
            row = null;
            rowRev = null;
          }
          break;
        case 'w:tbl':
          tableDepth--;
          break;
        case 'w:body':
          flushCarry();
          break;
      }
      depth--;
    },
    text(t) {
      if (skipDepth >= 0) return;
      if (inText) addText(t, runBold);
      else if (inInstr) {
        const f = fields.at(-1);
        if (f && f.inInstr) f.instr += t;
      }
    },
  });
  if (!found) return null;
  return { raw, paragraphs, revisions, commentAnchors, paragraphCount: paraCount };
}

/** Lines joined with spaces, a new group at each line (after the first) that starts with an enumerator. */
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
