import type { ContractDocument } from '../model.js';
import { collectDefinitions } from './definitions.js';
import type { RawBlock } from './raw.js';
import { buildSections } from './sections.js';

/**
 * Plain text: paragraphs are runs of non-blank lines. (First cut: the CUAD-tuned
 * reader replaces this.)
 */
export function readText(path: string, source: string): ContractDocument {
  const lines = source.split(/\r\n|\r|\n/);
  const raw: RawBlock[] = [];
  let cur: { start: number; col: number; parts: string[] } | null = null;
  const flush = (): void => {
    if (cur) raw.push({ kind: 'paragraph', text: cur.parts.join(' ').replace(/\s+/g, ' ').trim(), position: { line: cur.start, column: cur.col } });
    cur = null;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') return flush();
    if (!cur) cur = { start: i + 1, col: line.search(/\S/) + 1, parts: [] };
    cur.parts.push(line.trim());
  });
  flush();
  const built = buildSections(raw);
  return {
    path, format: 'text', title: built.title,
    preamble: built.preamble, sections: built.sections,
    definitions: collectDefinitions(built.preamble, built.sections),
  };
}
