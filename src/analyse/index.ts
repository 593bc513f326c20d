import type { Block, ContractDocument, Section, SourcePosition } from '../model.js';
import { patternText, splitSentences } from './sentences.js';

export interface Sentence {
  text: string;
  /** The text as the clause patterns read it (see patternText); detectors read it through textOf. */
  patternText: string;
  /** The innermost section holding the sentence (null in the preamble). */
  section: Section | null;
  /** Ancestors from the top-level section down to `section`. */
  path: Section[];
  position: SourcePosition;
  block: Block;
  /** Index in AnalysedDocument.sentences. */
  index: number;
}

export interface AnalysedDocument {
  doc: ContractDocument;
  sentences: Sentence[];
  /** Every section in document order, with its ancestors. */
  sections: Array<{ section: Section; path: Section[] }>;
  /** All the text, lower-cased, for cheap "is this topic mentioned at all" checks. */
  lowerText: string;
}

/**
 * The analyse stage: sentences with their section context. Modality and
 * negation (src/detect/util.ts) and values (src/analyse/values.ts) are read
 * by detectors on the few candidate sentences that need them.
 */
export function analyse(doc: ContractDocument): AnalysedDocument {
  const sentences: Sentence[] = [];
  const sections: AnalysedDocument['sections'] = [];
  const parts: string[] = [];

  const addBlock = (block: Block, section: Section | null, path: Section[]): void => {
    parts.push(block.text);
    for (const s of splitSentences(block.text)) {
      sentences.push({ text: s.text, patternText: patternText(s.text), section, path, position: block.position, block, index: sentences.length });
    }
  };

  for (const b of doc.preamble) addBlock(b, null, []);
  const visit = (s: Section, ancestors: Section[]): void => {
    const path = [...ancestors, s];
    sections.push({ section: s, path });
    if (s.heading) parts.push(s.heading);
    for (const b of s.blocks) addBlock(b, s, path);
    for (const c of s.children) visit(c, path);
  };
  for (const s of doc.sections) visit(s, []);
  return { doc, sentences, sections, lowerText: parts.join('\n').toLowerCase() };
}
