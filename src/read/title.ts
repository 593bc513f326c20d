import type { RawBlock } from './raw.js';

// Shared by the Markdown and DOCX readers; kept apart from markdown.ts so that reading a
// DOCX does not load the Markdown parser.

/** Mark the document title: a single level-1 heading at the top, or a short title line before any clause. */
export function markTitle(raw: RawBlock[]): void {
  const first = raw[0];
  if (!first) return;
  const h1 = raw.filter((b) => b.headingDepth === 1);
  if (first.headingDepth === 1 && h1.length === 1) {
    first.title = true;
    return;
  }
  if (first.headingDepth === undefined && first.kind === 'paragraph' && !first.listPath &&
      /\b(agreement|contract|addendum|terms|order form|licen[cs]e|schedule|memorandum|deed)\b/i.test(first.text) &&
      first.text.length <= 100 && !/[.;:,]$/.test(first.text.trim())) {
    first.title = true;
  }
}
