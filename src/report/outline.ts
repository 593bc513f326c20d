import type { ContractDocument, Section } from '../model.js';

/** The tree as the JSON of `clauselint outline --format json`. */
export interface OutlineSection {
  number: string | null;
  heading: string | null;
  level: number;
  /** The line (Markdown, text), paragraph index (DOCX), or the line on its page (PDF, with `page`). */
  line: number;
  page?: number;
  children: OutlineSection[];
}

export interface OutlineFile {
  path: string;
  format: ContractDocument['format'];
  title: string | null;
  sections: OutlineSection[];
}

export function outlineOf(doc: ContractDocument): OutlineFile {
  const conv = (s: Section): OutlineSection => ({
    number: s.number, heading: s.heading, level: s.level,
    ...(s.position.page !== undefined ? { line: s.position.pageLine ?? 1, page: s.position.page } : { line: s.position.line }),
    children: s.children.map(conv),
  });
  return { path: doc.path, format: doc.format, title: doc.title, sections: doc.sections.map(conv) };
}

/** A pack read as one contract (`outline --pack`). */
export interface OutlinePack { name: string; main: string; files: string[] }

export function formatOutlineJson(docs: readonly ContractDocument[], pack?: OutlinePack): string {
  return `${JSON.stringify({ files: docs.map(outlineOf), ...(pack ? { packs: [pack] } : {}) }, null, 2)}\n`;
}

/** Indented outline: number, heading, and where it starts (line, ¶ for a DOCX paragraph index, p.3:12 for a PDF page and line). */
export function formatOutlineText(docs: readonly ContractDocument[], pack?: OutlinePack): string {
  const lines: string[] = pack ? [`pack ${pack.name}: ${pack.files.length} file${pack.files.length === 1 ? '' : 's'}, main ${pack.main}`, ''] : [];
  for (const doc of docs) {
    lines.push(`${doc.path}${doc.title ? ` — ${doc.title}` : ''}`);
    const where = (s: Section): string => (doc.format === 'docx' ? `¶${s.position.line}`
      : s.position.page !== undefined ? `p.${s.position.page}:${s.position.pageLine ?? 1}` : `${s.position.line}:${s.position.column}`);
    const visit = (s: Section): void => {
      const label = [s.number, s.heading].filter((x) => x !== null).join(' ') || '(untitled)';
      lines.push(`${'  '.repeat(s.level)}${label}  ${where(s)}`);
      s.children.forEach(visit);
    };
    doc.sections.forEach(visit);
    if (doc.sections.length === 0) lines.push('  (no sections found)');
    lines.push('');
  }
  return lines.join('\n');
}
