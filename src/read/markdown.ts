import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { ContractDocument, DefinedTerm } from '../model.js';
import { collectDefinitions } from './definitions.js';
import { mdastToRaw } from './mdast.js';
import { parseMarkdown } from './markdown-parse.js';
import type { RawBlock } from './raw.js';
import { buildSections } from './sections.js';
import { markTitle } from './title.js';

export { markTitle } from './title.js';

export function readMarkdown(path: string, source: string, parse: (markdown: string) => Root = parseMarkdown): ContractDocument {
  const tree = parse(source);
  const raw = joinWrappedParagraphs(mdastToRaw(tree, { positions: 'source', sourceLines: source.split(/\r?\n/), reparse: parse }));
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
  const directives = collectDirectives(tree);
  return {
    path, format: 'markdown', title,
    preamble: built.preamble, sections: built.sections,
    definitions: [...collectDefinitions(built.preamble, built.sections), ...linkedTerms(source)],
    ...(directives.length > 0 ? { directives } : {}),
  };
}

/**
 * Markdown converted from a PDF often keeps the PDF's line breaks as paragraphs: "d) ensure that the Processor's
 * employees authorised to process Personal Data under the Agreement" ⏎⏎ "are subject to a confidentiality
 * obligation …". A paragraph that stops without closing punctuation, followed by one that starts in lower case
 * and is no enumerated item ("a) …", "(b) …", "ii. …"), is one paragraph: its sentences are read whole.
 */
export function joinWrappedParagraphs(raw: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const b of raw) {
    const prev = out.at(-1);
    if (prev && (prev.kind === 'paragraph' || prev.kind === 'list-item') && !prev.title && b.kind === 'paragraph'
      && b.leadHeading === undefined && b.listPath === undefined && OPEN_END.test(prev.text.slice(-1)) && CONTINUES.test(b.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}` };
      continue;
    }
    out.push(b);
  }
  return out;
}
// Tested on the paragraph's last character only (a pattern anchored at the end would be tried at every position).
const OPEN_END = /^[\p{L}\d,]$/u;
const CONTINUES = /^(?!(?:[a-z]{1,4}|\d{1,3})[.)]\s)\p{Ll}/u;

// [Security Policy](https://…) and <span class="keyterms_link">Time of Assignment</span>: a term whose definition the
// document links to (another page, a cover page's variable).
const LINKED = /<span\b[^>]*class="[^"]*link[^"]*"[^>]*>([^<]{1,80})<\/span>|(?<!!)\[([^\]\n]{1,80})\]\((?:https?:|\/|#)[^)\s]*\)/g;

function linkedTerms(source: string): DefinedTerm[] {
  const out = new Map<string, DefinedTerm>();
  // The line of each match, counted on from the one before (not from the start for every link).
  let line = 1;
  let counted = 0;
  for (const m of source.matchAll(LINKED)) {
    for (let k = source.indexOf('\n', counted); k >= 0 && k < m.index; k = source.indexOf('\n', k + 1)) line++;
    counted = m.index;
    const term = (m[1] ?? m[2] ?? '').replace(/[*_`]/g, '').replace(/['’]s$/, '').trim();
    if (!/^[\p{Lu}\d]/u.test(term) || out.has(term)) continue;
    out.set(term, { term, definition: m[0].slice(0, 200), position: { line, column: 1 }, sectionNumber: null, kind: 'linked', scope: null });
  }
  return [...out.values()];
}

const DIRECTIVE_COMMENT = /<!--\s*(clauselint-[\s\S]*?)\s*-->/g;

/** The `<!-- clauselint-… -->` comments anywhere in the tree (block or inline HTML), with their source lines. */
export function collectDirectives(tree: Root): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: { type: string; value?: unknown; children?: unknown[]; position?: { start: { line: number } } }): void => {
    if (node.type === 'html' && typeof node.value === 'string' && node.position) {
      for (const m of node.value.matchAll(DIRECTIVE_COMMENT)) {
        const line = node.position.start.line + (node.value.slice(0, m.index).match(/\n/g)?.length ?? 0);
        out.push({ line, text: m[1]!.replace(/\s+/g, ' ').trim() });
      }
    }
    for (const c of node.children ?? []) visit(c as Parameters<typeof visit>[0]);
  };
  visit(tree);
  return out;
}
