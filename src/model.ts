/**
 * The document model: the one type every later stage (analyse, detect, rules,
 * reporters) consumes. Readers turn bytes into a ContractDocument; nothing
 * downstream looks at the original bytes again.
 */

export type Format = 'markdown' | 'docx' | 'text' | 'pdf';

/**
 * Where something came from in the input file.
 * - Markdown and text: 1-based line and column.
 * - PDF: `page` and `pageLine` say where it is printed (see below); `line` is the paragraph's place in reading order.
 * - DOCX: `line` is the 1-based paragraph index in the document body and
 *   `column` is 1. Every `w:p` of the body counts once, in reading order:
 *   table-cell paragraphs included (row by row, cell by cell), paragraphs of
 *   headers, footers, footnotes, comments and text boxes not. The count does
 *   not depend on the revisions view, so a paragraph deleted in a tracked
 *   change still has its number and the later ones do not shift. A table row
 *   is at the index of its first paragraph; a footnote's text is at the index
 *   of the paragraph that refers to it.
 */
export interface SourcePosition {
  line: number;
  column: number;
  /** PDF only: the 1-based page, and the line on it (every printed line from the top, running headers included); `column` is then on that line and `line` only orders. */
  page?: number;
  pageLine?: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table-row';

/** A piece of a section's own text. */
export interface Block {
  kind: BlockKind;
  /** Plain text, inline markup removed, whitespace collapsed. */
  text: string;
  position: SourcePosition;
  /** For table rows: the text of each cell. */
  cells?: string[];
}

export interface Section {
  /**
   * The clause number as the reader sees it, in full: "12", "12.3",
   * "12.3(b)", "ARTICLE IV", "Schedule 2", "§ 4". Null for an unnumbered
   * heading.
   */
  number: string | null;
  /** The enumerator exactly as printed in front of the text: "(b)", "12.3.", "ARTICLE IV". */
  label: string | null;
  /** The heading, or the run-in heading of a clause ("12.3 Audit. The Supplier…" → "Audit"). */
  heading: string | null;
  /** Depth in the tree: 1 for a top-level section. */
  level: number;
  /** The section's own text (children excluded). The run-in body of the first line comes first. */
  blocks: Block[];
  children: Section[];
  position: SourcePosition;
}

export interface DefinedTerm {
  term: string;
  /** The sentence or clause that defines it (trimmed). */
  definition: string;
  position: SourcePosition;
  /** Number of the section that holds the definition, when numbered. */
  sectionNumber: string | null;
  /**
   * How it is defined: `means` ("X" means …), `inline` ((the "X")), `table` (a row of a definitions table), or
   * `alias` (an abbreviation introduced in passing: Protected Health Information ("PHI")). An alias defines a term
   * for the reader but is no definition a drafter must use or keep unique. `linked`: a term the document links to
   * its definition elsewhere (a Markdown link, or a `<span class="coverpage_link">` to a cover page's variable).
   */
  kind?: 'means' | 'inline' | 'table' | 'alias' | 'linked';
  /**
   * The self-contained part the definition belongs to, when it is in one: a schedule, annex, appendix, exhibit or
   * addendum, or a deed or agreement set into the document ("Schedule 2", "Annex 1", "Form of Guarantee"). Null for
   * the document's own definitions.
   */
  scope?: string | null;
}

/** A tracked change in a DOCX (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`), recorded whichever view was linted. */
export interface Revision {
  kind: 'insertion' | 'deletion';
  author: string | null;
  /** As written in the file (ISO 8601, e.g. "2017-11-16T10:04:00Z"), or null. */
  date: string | null;
  /** The paragraph index (`SourcePosition.line`) where the change is. */
  paragraph: number;
  /** The inserted or deleted text; "" for a paragraph mark. */
  text: string;
  /** A paragraph mark inserted or deleted: two paragraphs split or joined by the change. */
  paragraphMark?: boolean;
  /** Part of a tracked move. */
  move?: boolean;
}

/** A reviewer's comment in a DOCX. */
export interface ReviewComment {
  id: string;
  author: string | null;
  /** As written in the file, or null. */
  date: string | null;
  /** The comment's text; its paragraphs joined with "\n". */
  text: string;
  /** The paragraph index (`SourcePosition.line`) the comment is anchored to; 0 when not in the body. */
  paragraph: number;
  /** The text the comment marks, when it marks a range. */
  anchorText?: string;
}

export interface ContractDocument {
  path: string;
  format: Format;
  title: string | null;
  /** Text before the first section (title page, parties, recitals). */
  preamble: Block[];
  sections: Section[];
  definitions: DefinedTerm[];
  /** DOCX only: which text was read when the document has tracked changes. */
  revisionsView?: 'accepted' | 'original';
  /** DOCX only: every tracked insertion and deletion, in document order. */
  revisions?: Revision[];
  /** DOCX only: the comments, in document order. */
  comments?: ReviewComment[];
  /** Markdown only: the `<!-- clauselint-… -->` comments (suppressions), their text without the comment marks, in source order. */
  directives?: Array<{ line: number; text: string }>;
}

/** Depth-first walk over a section tree, parents before children. */
export function* walkSections(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.children);
  }
}
