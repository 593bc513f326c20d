import type { Code, Html, List, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { SourcePosition } from '../model.js';
import { parseEnumerator } from './enumerators.js';
import { isHeadingLike } from './headings.js';
import { isBracketedWords } from './html.js';
import type { RawBlock } from './raw.js';

const INLINE_TAG = /<\/?(?:span|a|em|strong|b|i|u|sup|sub|font)\b[^>]*>/gi;

/**
 * Flatten an mdast tree (from remark-parse, or from mammoth's HTML through
 * hast-util-to-mdast) into raw blocks for the section builder.
 */
export interface MdastOptions {
  /** 'source': positions from the mdast nodes (Markdown). 'index': 1-based block counter (DOCX). */
  positions: 'source' | 'index';
  /** The source lines, to compute columns of lines inside a paragraph. */
  sourceLines?: readonly string[];
  /**
   * Parse Markdown text (the same way as the document). Markdown written straight after an HTML heading, with no
   * blank line ("<h2>9. Liability</h2>" then "   1.  EACH PARTY'S AGGREGATE LIABILITY…"), is part of the HTML
   * block in CommonMark; it is parsed again from here so that the clauses under the heading are not lost.
   */
  reparse?: (markdown: string) => Root;
}

interface Inline {
  text: string;
  lead?: string;
}

/** A line that stops at a reference word, the number on the next line: "… as set out in paragraph". */
const REFERENCE_END = /\b(?:paragraphs?|sections?|clauses?|articles?|sub-?(?:sections?|paragraphs?|clauses?)|schedules?|annex(?:es)?|appendix|exhibits?|to|of|in|under|per|see)$|§$/i;
const HEADER_SPAN = /^<span\b[^>]*class=["'][^"']*\bheader_\d/i;
const TEMPLATE_LINE = /^\{\{[#/][^}]*\}\}$/;

export function mdastToRaw(tree: Root, options: MdastOptions): RawBlock[] {
  const converter = new MdastConverter(options);
  for (const child of tree.children) converter.visit(child, []);
  return converter.out;
}

/** One line-group of a paragraph: where it starts (line offset) and its lines. */
interface LineGroup { start: number; lines: string[] }

/** The blocks of a Markdown tree in reading order, with the positions the options ask for. */
class MdastConverter {
  readonly out: RawBlock[] = [];
  private counter = 0;

  constructor(private readonly options: MdastOptions) {}

  private pos(node: Nodes | undefined, lineOffset = 0): SourcePosition {
    if (this.options.positions === 'index' || !node?.position) {
      this.counter += 1;
      return { line: this.counter, column: 1 };
    }
    const start = node.position.start;
    if (lineOffset === 0 && node.type !== 'code') return { line: start.line, column: start.column };
    const line = start.line + lineOffset;
    const src = this.options.sourceLines?.[line - 1] ?? '';
    const col = src.search(/\S/);
    return { line, column: col >= 0 ? col + 1 : 1 };
  }

  visit(node: RootContent, listPath: number[]): void {
    switch (node.type) {
      case 'heading': {
        const text = renderInline(node.children).text.replace(/\s+/g, ' ').trim();
        if (text !== '') this.out.push({ kind: 'heading', text, headingDepth: node.depth, position: this.pos(node) });
        return;
      }
      case 'paragraph': case 'code':
        this.paragraph(node, 'paragraph');
        return;
      case 'list':
        this.list(node, listPath);
        return;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((c) => renderInline(c.children).text.replace(/\s+/g, ' ').trim());
          if (cells.every((c) => c === '')) continue;
          this.out.push({ kind: 'table-row', text: cells.filter((c) => c !== '').join(' | '), cells, position: this.pos(row) });
        }
        return;
      case 'blockquote': case 'footnoteDefinition':
        for (const child of node.children) this.visit(child as RootContent, listPath);
        return;
      case 'html':
        this.html(node, listPath);
        return;
      default:
        return; // yaml/toml front matter, thematic breaks, link definitions
    }
  }

  private list(node: List, listPath: number[]): void {
    // A table of contents (every item a link to a heading of this page) is no clauses: the headings follow.
    if (tocLinks(node) >= 3) return;
    const start = node.start ?? 1;
    // A list indented under item 1 that starts at 2 goes on counting that item's list: its siblings, indented
    // by mistake ("1. At least 12 nodes⏎      2. At least 9 nodes").
    const base = node.ordered && start > 1 && listPath.at(-1) === start - 1 ? listPath.slice(0, -1) : listPath;
    node.children.forEach((item, i) => {
      const path = node.ordered ? [...base, start + i] : listPath;
      const [first, ...rest] = item.children;
      if (first && first.type === 'paragraph') {
        this.paragraph(first, 'list-item', node.ordered ? path : undefined);
      } else {
        if (node.ordered) this.out.push({ kind: 'list-item', text: '', listPath: path, position: this.pos(item) });
        if (first) this.visit(first, path);
      }
      for (const child of rest) this.visit(child, path);
    });
  }

  /** An HTML block: a heading written in HTML (and the Markdown after it, read again), else its text. */
  private html(node: Html, listPath: number[]): void {
    const h = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>[ \t]*/i.exec(node.value);
    if (h) {
      const text = decodeEntities(stripTags(h[2]!)).replace(/\s+/g, ' ').trim();
      if (text !== '') this.out.push({ kind: 'heading', text, headingDepth: Number(h[1]), position: this.pos(node) });
      const rest = node.value.slice(h[0].length);
      if (rest.trim() !== '' && this.options.reparse && node.position) {
        // The rest starts on a line of its own: shift its positions to where it is in the source.
        const lines = h[0].split('\n').length - (rest.startsWith('\n') ? 0 : 1);
        const sub = this.options.reparse(rest.replace(/^\n/, ''));
        shiftLines(sub, node.position.start.line - 1 + lines);
        for (const child of sub.children) this.visit(child, listPath);
      }
      return;
    }
    const value = node.value.trim();
    const text = isBracketedWords(value) ? value : decodeEntities(stripTags(node.value)).replace(/\s+/g, ' ').trim();
    if (text !== '') this.out.push({ kind: 'paragraph', text, position: this.pos(node) });
  }

  private paragraph(node: Paragraph | Code, kind: RawBlock['kind'], listPath?: number[]): void {
    // Indented prose that Markdown reads as code keeps its inline HTML as text: drop the tags, keep their text.
    const inline: Inline = node.type === 'code' ? { text: node.value.replace(INLINE_TAG, '') } : renderInline(node.children);
    const groups = lineGroups(inline.text.split('\n'), node.type === 'code');
    // "1. The dashboard⏎2. Landscape⏎3. Monitoring" written as one list item with line breaks: the items that
    // go on counting from the list item's own number are its siblings in that list, as the reader sees them.
    let next = listPath ? listPath.at(-1)! + 1 : 0;
    groups.forEach((g, gi) => {
      const text = g.lines.filter((l) => l !== '').join(' ').replace(/[ \t\u00a0]+/g, ' ').trim();
      if (text === '' && !(gi === 0 && listPath)) return;
      const block: RawBlock = { kind, text, position: this.pos(node, g.start) };
      if (gi === 0) {
        if (listPath) block.listPath = listPath;
        if (inline.lead !== undefined) block.leadHeading = inline.lead;
      } else if (listPath && Number(/^(\d{1,3})[.)]\s/.exec(text)?.[1]) === next) {
        block.kind = 'list-item';
        block.listPath = [...listPath.slice(0, -1), next++];
        block.text = text.replace(/^\d{1,3}[.)]\s+/, '');
      }
      this.out.push(block);
    });
  }
}

/** A paragraph's lines in groups, one per clause it holds ("2.1. Purchase Orders…⏎(a) each…"). */
function lineGroups(lines: readonly string[], code: boolean): LineGroup[] {
  const groups: LineGroup[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (TEMPLATE_LINE.test(t)) return;
    if (t === '' && code) {
      // Indented text that Markdown reads as code: blank lines separate its paragraphs.
      if (groups.length > 0 && groups.at(-1)!.lines.at(-1) !== '') groups.at(-1)!.lines.push('');
      return;
    }
    const prevBlank = groups.at(-1)?.lines.at(-1) === '';
    // "… defined in paragraph⏎7.2.3. prior to …": a reference wrapped onto the next line opens no clause.
    const wrappedReference = i > 0 && REFERENCE_END.test(lines[i - 1]!.trimEnd());
    const starts = groups.length === 0 || prevBlank || (t !== '' && !wrappedReference && parseEnumerator(t) !== null);
    if (starts) groups.push({ start: i, lines: [t] });
    else groups.at(-1)!.lines.push(t);
  });
  return groups;
}

/**
 * The links of a list that is a table of contents: every item's text one link to an anchor of the page
 * ("[4.1 Basis for Award](#41-basis-for-award)"), its sub-lists too. 0 when any item is something else.
 */
function tocLinks(list: List): number {
  let n = 0;
  for (const item of list.children) {
    const [first, ...rest] = item.children;
    if (first?.type !== 'paragraph') return 0;
    const inline = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (inline.length !== 1 || inline[0]!.type !== 'link' || !inline[0]!.url.startsWith('#')) return 0;
    n++;
    for (const child of rest) {
      const sub = child.type === 'list' ? tocLinks(child) : 0;
      if (sub === 0) return 0;
      n += sub;
    }
  }
  return n;
}

/** Move every position of a tree down by `delta` lines. */
function shiftLines(node: Nodes, delta: number): void {
  if (node.position) {
    node.position.start.line += delta;
    node.position.end.line += delta;
  }
  if ('children' in node) for (const c of node.children) shiftLines(c, delta);
}

/** Plain text of inline content, with the heading marked up at its start (if any). */
function renderInline(children: readonly PhrasingContent[]): Inline {
  let text = '';
  let lead: string | undefined;
  let leadFromSpan = false;
  let capturing: { depth: number; start: number } | null = null;
  let significantSeen = false;

  const walk = (nodes: readonly PhrasingContent[], top: boolean): void => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          text += n.value;
          break;
        case 'inlineCode':
          text += n.value;
          break;
        case 'break':
          text += '\n';
          break;
        case 'html': {
          const v = n.value;
          if (top && !significantSeen && capturing === null && HEADER_SPAN.test(v)) {
            capturing = { depth: 1, start: text.length };
            significantSeen = true;
          } else if (capturing !== null && /^<span\b/i.test(v) && !/\/>$/.test(v)) {
            capturing.depth += 1;
          } else if (capturing !== null && /^<\/span>/i.test(v)) {
            capturing.depth -= 1;
            if (capturing.depth === 0) {
              lead = text.slice(capturing.start).trim();
              leadFromSpan = true;
              capturing = null;
            }
          } else if (/^<br\s*\/?>$/i.test(v)) {
            text += '\n';
          } else if (isBracketedWords(v)) {
            text += v;
          }
          break;
        }
        case 'strong': {
          // "3.1.1**Roles.**", "(a)**Processor …**": a clause number with its bold heading written against it is "3.1.1 Roles.".
          if (/^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\))$/i.test(text) && /^\p{L}/u.test(n.children[0]?.type === 'text' ? n.children[0].value : '')) text += ' ';
          const before = text.length;
          const first = top && !significantSeen;
          walk(n.children, false);
          const inner = text.slice(before).trim();
          if (first && lead === undefined && capturing === null && inner !== '' && !/^["“'‘]/.test(inner)) {
            lead = inner;
          }
          significantSeen = true;
          break;
        }
        case 'emphasis':
        case 'delete':
        case 'link':
        case 'linkReference':
          walk(n.children as PhrasingContent[], false);
          break;
        case 'image':
        case 'imageReference':
          break;
        case 'paragraph' as never: {
          // Table cells from mammoth's HTML hold whole paragraphs.
          const para = n as unknown as { children: PhrasingContent[] };
          if (text !== '' && !text.endsWith(' ')) text += ' ';
          walk(para.children, false);
          break;
        }
        case 'footnoteReference':
          text += `[${n.identifier}]`;
          break;
        default:
          break;
      }
      if (n.type === 'text' && n.value.trim() !== '') significantSeen = true;
    }
  };
  walk(children, true);

  const full = text.trim();
  if (lead !== undefined) {
    // A bold lead counts as a heading only when it reads as one: "Fees." before the
    // clause text, or a whole short paragraph in bold. "**2.1.**" is a number, not a heading.
    const restAfter = full.startsWith(lead) ? full.slice(lead.length).trim() : null;
    const ok = restAfter !== null && lead.split(/\s+/).length <= 12 &&
      (leadFromSpan || (restAfter === '' ? isHeadingLike(lead, 12) : /[.:]$/.test(lead) || /^[.:]/.test(restAfter)));
    if (!ok || parseEnumerator(lead)?.rest === '') lead = undefined;
  }
  return lead === undefined ? { text: full } : { text: full, lead };
}

function stripTags(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]+>/g, ' ');
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}
