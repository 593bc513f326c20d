import type { BlockKind, SourcePosition } from '../model.js';

/**
 * What every reader emits: a flat, ordered list of blocks with the structural
 * hints its format provides. One section builder turns them into the tree,
 * so a clause typed as "12.3 Audit." reads the same from Markdown, DOCX or text.
 */
export interface RawBlock {
  kind: BlockKind;
  text: string;
  position: SourcePosition;
  cells?: string[];
  /** An explicit heading level (Markdown `#`, DOCX heading style), 1-based. */
  headingDepth?: number;
  /** The ordinal path of nested ordered lists the block opens an item of ([2, 1] for the first item of a list inside item 2). */
  listPath?: number[];
  /** A heading marked up at the start of the text (a `header_*` span or bold run-in text). */
  leadHeading?: string;
  /**
   * A number the format supplies outside the text, such as Word's automatic
   * numbering as rendered ("14.2", "(b)"). Parsed like a typed enumerator.
   */
  autoLabel?: string;
  /** With `autoLabel`: the list the number counts in (Word's abstract numbering), so that a separate list restarting at 1 inside a clause is read as a list in it. */
  listKey?: string;
  /** True for a document title (Markdown setext/first `#`, DOCX Title style). */
  title?: boolean;
  /**
   * Body text the reader has already judged: it opens no clause and is no
   * heading, even if it starts like one (a recital "A. …" in the preamble, a
   * wrapped cross-reference "2.3 hereof…" at the start of a line).
   */
  plain?: boolean;
}
