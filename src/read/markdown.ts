import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { ContractDocument } from '../model.js';
import { collectDefinitions } from './definitions.js';
import { mdastToRaw } from './mdast.js';
import type { RawBlock } from './raw.js';
import { buildSections } from './sections.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

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

export function readMarkdown(path: string, source: string): ContractDocument {
  const tree = processor.parse(source) as Root;
  const raw = mdastToRaw(tree, { positions: 'source', sourceLines: source.split(/\r?\n/) });
  markTitle(raw);
  const built = buildSections(raw);
  let title = built.title;
  if (title === null) {
    const fm = tree.children.find((n) => n.type === 'yaml');
    if (fm && fm.type === 'yaml') {
      try {
        const data = parseYaml(fm.value) as unknown;
        if (data && typeof data === 'object' && typeof (data as Record<string, unknown>).title === 'string') {
          title = (data as Record<string, string>).title!;
        }
      } catch {
        // Front matter that is not YAML is left alone: it is not contract text.
      }
    }
  }
  if (title === null) {
    const named = raw.find((b) => b.headingDepth === 1 && /\b(agreement|contract|addendum|terms)\b/i.test(b.text));
    if (named) title = named.text;
  }
  return {
    path, format: 'markdown', title,
    preamble: built.preamble, sections: built.sections,
    definitions: collectDefinitions(built.preamble, built.sections),
  };
}
