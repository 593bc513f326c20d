/**
 * The test's reference reading of Markdown: the same reader (src/read/markdown.ts) on the tree remark builds
 * (CommonMark + GFM + front matter), as clauselint parsed Markdown before it moved to markdown-it. Used only by
 * tests, to show that the move changed no reading (test/markdown-parse.test.ts).
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ContractDocument } from '../../src/model.js';
import { readMarkdown } from '../../src/read/markdown.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

export function remarkTree(source: string): Root {
  return remark.parse(source) as Root;
}

export function readMarkdownWithRemark(path: string, source: string): ContractDocument {
  return readMarkdown(path, source, remarkTree);
}
