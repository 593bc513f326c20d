import type {
  Blockquote, Code, FootnoteDefinition, Heading, Html, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root,
  RootContent, Table, TableCell, TableRow, Yaml,
} from 'mdast';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Token } from 'markdown-it';

/**
 * Markdown → the mdast tree the reader walks (src/read/mdast.ts), parsed by markdown-it.
 *
 * Why not remark: micromark, remark's parser, builds a full inline syntax tree with a position for every character
 * run, and was 40% of the CPU time of a lint of the corpus's 44 Markdown contracts (1.8 s of 4.5 s, one thread);
 * markdown-it parses the same files about 15 times faster. The reader needs blocks, headings, lists, tables, HTML
 * (suppression comments) and line positions, which markdown-it's tokens carry. This module rebuilds from them the
 * part of the mdast the reader uses, with the positions remark would give (line, and the column where the block's
 * text starts), so that every reading is the same: test/markdown-parse.test.ts compares the two parsers' readings
 * of every Markdown file of the corpus and of constructs the corpus lacks.
 *
 * CommonMark, with what GitHub adds that contracts use (tables, strikethrough, task-list markers, footnotes) and
 * YAML/TOML front matter. Literal autolinks need nothing: the reader keeps a link's text, which is the URL.
 */

const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
// GitHub has no inline footnotes ("^[note]"): remark leaves them as text.
md.inline.ruler.disable(['footnote_inline']);

/** Front matter: a YAML ("---") or TOML ("+++") block at the very start. */
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??\1[ \t]*(?:\r?\n|$)/;

/** The mdast of a Markdown source: CommonMark + GitHub's tables, strikethrough, task items, footnotes + front matter. */
export function parseMarkdown(source: string): Root {
  const root: Root = { type: 'root', children: [] };
  let text = source;
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    const node: Yaml = { type: 'yaml', value: fm[2] ?? '', position: span(1, 1) };
    if (fm[1] === '+++') (node as unknown as { type: string }).type = 'toml';
    root.children.push(node as RootContent);
    // Blank lines in its place: the lines after it keep their numbers.
    text = '\n'.repeat((fm[0].match(/\n/g) ?? []).length) + source.slice(fm[0].length);
  }
  const lines = text.split(/\r?\n/);
  new TreeBuilder(lines, root).build(md.parse(text, {}));
  return root;
}

function span(line: number, column: number): NonNullable<Nodes['position']> {
  return { start: { line, column }, end: { line, column } };
}

type Container = Root | List | ListItem | Blockquote | Table | TableRow | FootnoteDefinition;

class TreeBuilder {
  private readonly stack: Container[];
  /** Footnote definitions, placed where they were written (markdown-it moves them to the end). */
  private readonly footnotes: FootnoteDefinition[] = [];
  /** The number of cells the table row being read writes. */
  private rowCells = 0;

  constructor(private readonly lines: readonly string[], root: Root) {
    this.stack = [root];
  }

  build(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) i = this.token(tokens, i);
    this.placeFootnotes();
  }

  private get top(): Container {
    return this.stack.at(-1)!;
  }

  private add(node: RootContent): void {
    (this.top as Parent).children.push(node);
  }

  private open(node: Container & RootContent): void {
    this.add(node);
    this.stack.push(node);
  }

  /** Handle tokens[i]; returns the index of the last token consumed. */
  private token(tokens: readonly Token[], i: number): number {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const line = t.map![0];
        const node: Heading = { type: 'heading', depth: Number(t.tag.slice(1)) as Heading['depth'], children: [], position: this.at(line, tokens[i + 1]!, t.markup) };
        node.children = inlineChildren(tokens[i + 1]!, line + 1, false);
        this.add(node);
        return i + 2;
      }
      case 'paragraph_open': {
        const line = t.map![0];
        const inline = tokens[i + 1]!;
        const task = this.top.type === 'listItem' && (this.top as Parent).children.length === 0 && TASK.test(inline.content);
        const node: Paragraph = { type: 'paragraph', children: inlineChildren(inline, line + 1, task), position: this.at(line, inline) };
        // A task item's text starts after its checkbox and one space ("- [x] Expires" at "Expires").
        if (task) node.position!.start.column += TASK.exec(inline.content)![0].length;
        this.add(node);
        return i + 2;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const start = t.type === 'ordered_list_open' ? Number(t.attrGet('start') ?? 1) : null;
        this.open({ type: 'list', ordered: start !== null, start, spread: false, children: [], position: this.marker(t.map![0]) });
        return i;
      }
      case 'list_item_open':
        this.open({ type: 'listItem', spread: false, children: [], position: this.marker(t.map![0]) });
        return i;
      case 'blockquote_open':
        this.open({ type: 'blockquote', children: [], position: this.marker(t.map![0]) });
        return i;
      case 'table_open':
        this.open({ type: 'table', align: [], children: [], position: this.marker(t.map![0]) });
        return i;
      case 'tr_open':
        this.open({ type: 'tableRow', children: [], position: this.marker(t.map![0]) });
        this.rowCells = cellCount(this.lines[t.map![0]] ?? '');
        return i;
      case 'th_open':
      case 'td_open': {
        // markdown-it pads a short row with empty cells up to the header's count; the row has the cells it writes.
        const row = this.top as TableRow;
        if (row.children.length < this.rowCells) row.children.push({ type: 'tableCell', children: inlineChildren(tokens[i + 1]!, row.position?.start.line ?? 1, false) });
        return i + 2;
      }
      case 'footnote_open': {
        const label = String((t.meta as { label?: string }).label ?? '');
        const node: FootnoteDefinition = { type: 'footnoteDefinition', identifier: identifier(label), label, children: [] };
        this.footnotes.push(node);
        this.stack.push(node);
        return i;
      }
      case 'code_block':
      case 'fence': {
        const node: Code = { type: 'code', lang: t.info.trim().split(/\s+/)[0] || null, value: t.content.replace(/\n$/, ''), position: this.marker(t.map![0]) };
        this.add(node);
        return i;
      }
      case 'html_block': {
        // Its lines as written inside its container (indentation kept), placed where the container's content starts.
        const value = t.content.replace(/\n+$/, '');
        const src = this.lines[t.map![0]] ?? '';
        const k = src.indexOf(value.split('\n')[0]!);
        const node: Html = { type: 'html', value, position: k >= 0 ? span(t.map![0] + 1, k + 1) : this.marker(t.map![0]) };
        this.add(node);
        return i;
      }
      case 'hr':
        this.add({ type: 'thematicBreak', position: this.marker(t.map![0]) });
        return i;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
      case 'table_close':
      case 'tr_close':
      case 'footnote_close':
        this.stack.pop();
        return i;
      default:
        // thead/tbody, footnote_block_open/close, footnote_anchor: no node of their own.
        return i;
    }
  }

  /** Where a block's text starts: its first line, at the column where the inline text begins. */
  private at(line: number, inline: Token, markup?: string): NonNullable<Nodes['position']> {
    const src = this.lines[line] ?? '';
    if (markup !== undefined && markup.startsWith('#')) {
      const k = src.indexOf('#');
      return span(line + 1, k >= 0 ? k + 1 : 1);
    }
    const first = inline.content.split('\n')[0]!.trimEnd();
    const k = first === '' ? -1 : src.indexOf(first);
    return span(line + 1, k >= 0 ? k + 1 : firstNonSpace(src));
  }

  /** A container or leaf block: its first line, at its first character. */
  private marker(line: number): NonNullable<Nodes['position']> {
    return span(line + 1, firstNonSpace(this.lines[line] ?? ''));
  }

  /** Footnote definitions go back among the blocks, before the first block written after them (as remark keeps them). */
  private placeFootnotes(): void {
    const root = this.stack[0] as Root;
    for (const f of this.footnotes) {
      const line = firstLine(f);
      if (line !== null) f.position = span(line, 1);
      const k = root.children.findIndex((c) => (c.position?.start.line ?? 0) > (f.position?.start.line ?? Number.MAX_SAFE_INTEGER));
      if (k < 0) root.children.push(f);
      else root.children.splice(k, 0, f);
    }
  }
}

/** GitHub's task-list marker at the start of a list item: "[ ]" or "[x]" and the whitespace after it. */
const TASK = /^\[[ xX]\](?=[ \t]|$)[ \t]?/;

/** The cells a table row writes: "| a | b |" and "a | b" have two; an escaped "\|" separates nothing. */
function cellCount(line: string): number {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).length;
}

function firstLine(n: Parent): number | null {
  for (const c of n.children) if (c.position) return c.position.start.line;
  return null;
}

function firstNonSpace(s: string): number {
  const k = s.search(/\S/);
  return k >= 0 ? k + 1 : 1;
}

/** A footnote's identifier as mdast normalises it (whitespace collapsed, lower case). */
function identifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}

/**
 * The phrasing content of an inline token, as mdast writes it: text with its soft line breaks, hard breaks, code,
 * inline HTML (placed on its line, for suppression comments), strong, emphasis, strikethrough, links and images.
 * `taskItem`: the first paragraph of a list item, whose "[ ]" or "[x]" marker GitHub reads as a checkbox.
 */
function inlineChildren(inline: Token, line: number, taskItem: boolean): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const stack: Array<{ children: PhrasingContent[] }> = [{ children: out }];
  let currentLine = line;
  const push = (n: PhrasingContent): void => {
    stack.at(-1)!.children.push(n);
  };
  const pushText = (value: string): void => {
    const siblings = stack.at(-1)!.children;
    const last = siblings.at(-1);
    if (last?.type === 'text') last.value += value;
    else siblings.push({ type: 'text', value });
  };
  const children = inline.children ?? [];
  children.forEach((c, k) => {
    switch (c.type) {
      case 'text':
      case 'text_special': {
        let value = c.content;
        if (taskItem && k === 0) value = value.replace(TASK, '');
        if (value !== '') pushText(value);
        break;
      }
      case 'softbreak':
        currentLine++;
        pushText('\n');
        break;
      case 'hardbreak':
        currentLine++;
        push({ type: 'break' });
        break;
      case 'code_inline':
        push({ type: 'inlineCode', value: c.content });
        break;
      case 'html_inline':
        push({ type: 'html', value: c.content, position: span(currentLine, 1) });
        currentLine += c.content.match(/\n/g)?.length ?? 0;
        break;
      case 'strong_open':
      case 'em_open':
      case 's_open':
      case 'link_open': {
        const node = c.type === 'strong_open' ? { type: 'strong', children: [] } : c.type === 'em_open' ? { type: 'emphasis', children: [] }
          : c.type === 's_open' ? { type: 'delete', children: [] } : { type: 'link', url: String(c.attrGet('href') ?? ''), children: [] };
        push(node as PhrasingContent);
        stack.push(node as { children: PhrasingContent[] });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image':
        push({ type: 'image', url: String(c.attrGet('src') ?? ''), alt: c.content });
        break;
      case 'footnote_ref': {
        const label = String((c.meta as { label?: string }).label ?? '');
        push({ type: 'footnoteReference', identifier: identifier(label), label });
        break;
      }
      default:
        break;
    }
  });
  return out;
}
