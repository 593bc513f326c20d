/**
 * The document model: the one type every later stage (analyse, detect, rules,
 * reporters) consumes. Readers turn bytes into a ContractDocument; nothing
 * downstream looks at the original bytes again.
 */

export type Format = 'markdown' | 'docx' | 'text';

/**
 * Where something came from in the input file.
 * - Markdown and text: 1-based line and column.
 * - DOCX: `line` is the 1-based paragraph index in the document body
 *   (table-cell paragraphs included, in reading order) and `column` is 1.
 */
export interface SourcePosition {
  line: number;
  column: number;
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
}

export interface ContractDocument {
  path: string;
  format: Format;
  title: string | null;
  /** Text before the first section (title page, parties, recitals). */
  preamble: Block[];
  sections: Section[];
  definitions: DefinedTerm[];
}

/** Depth-first walk over a section tree, parents before children. */
export function* walkSections(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.children);
  }
}
