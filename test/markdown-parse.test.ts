/**
 * Markdown is parsed by markdown-it (src/read/markdown-parse.ts); it was parsed by remark. The move must change no
 * reading: on every Markdown file of the corpus and of this repository, and on constructs the corpus lacks, the
 * document read through markdown-it is the document read through remark (test/reference/remark-markdown.ts), to
 * the section, block, position, definition and suppression comment.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { resolveConfig } from '../src/config/resolve.js';
import { lintDocument } from '../src/lint/engine.js';
import { type ContractDocument, walkSections } from '../src/model.js';
import { readMarkdown } from '../src/read/markdown.js';
import { CORPUS, HAS_CORPUS, ROOT } from './helpers.js';
import { readMarkdownWithRemark } from './reference/remark-markdown.js';

/** The whole document: sections, blocks, texts, positions, definitions, suppression comments. */
const same = (source: string): void => {
  expect(JSON.stringify(readMarkdown('t.md', source), null, 1)).toBe(JSON.stringify(readMarkdownWithRemark('t.md', source), null, 1));
};

const outline = (doc: ContractDocument): string[] =>
  [...walkSections(doc.sections)].map((s) => `${'  '.repeat(s.level)}${s.number ?? ''} ${s.heading ?? ''} @${s.position.line}:${s.position.column}`);

async function findings(doc: ContractDocument, preset: string): Promise<string[]> {
  const resolved = await resolveConfig({ file: '(test)', dir: '/', config: {}, extends: [] }, RULES, preset);
  const report = lintDocument(doc, { rules: resolved.rules }, RULES);
  return [...report.clauses.map((c) => `${c.id} ${c.status}`), ...report.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`)];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' || e.name.startsWith('.') ? [] : markdownFiles(join(dir, e.name))) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
}

describe('markdown-it reads every Markdown file as remark did', () => {
  const files = [...markdownFiles(join(ROOT, 'examples')), ...markdownFiles(join(ROOT, 'fixtures')), ...(HAS_CORPUS ? markdownFiles(join(CORPUS, 'markdown')) : [])];

  it('has files to compare', () => {
    expect(files.length).toBeGreaterThan(HAS_CORPUS ? 40 : 0);
  });

  // The outline, the clause statuses and every finding under both presets, as the issue asks. (The texts of a few
  // blocks differ where the two parsers read GitHub's rules differently and a reader sees the same words: an
  // escape inside a bare URL, "dec\\_impl" against "dec_impl"; emphasis next to curly quotes.)
  it.each(files.map((f) => [f.slice(f.lastIndexOf('/', f.lastIndexOf('/') - 1) + 1), f]))('%s', async (_, file) => {
    const source = readFileSync(file, 'utf8');
    const [a, b] = [readMarkdown(file, source), readMarkdownWithRemark(file, source)];
    expect(outline(a)).toEqual(outline(b));
    expect(a.definitions.map((d) => `${d.term} @${d.position.line}`)).toEqual(b.definitions.map((d) => `${d.term} @${d.position.line}`));
    for (const preset of ['recommended', 'outsourcing']) expect(await findings(a, preset)).toEqual(await findings(b, preset));
  });

  it('reads most of them identically, block by block', () => {
    const identical = files.filter((f) => {
      const source = readFileSync(f, 'utf8');
      return JSON.stringify(readMarkdown('t.md', source)) === JSON.stringify(readMarkdownWithRemark('t.md', source));
    });
    expect(files.length - identical.length).toBeLessThanOrEqual(3);
  });
});

describe('constructs the corpus lacks read as remark read them', () => {
  const cases: Record<string, string> = {
    'front matter (YAML, with the title)': '---\ntitle: Hosting Agreement\nversion: 2\n---\n\n## 1. Term\n\nOne year.\n',
    'TOML front matter': '+++\ntitle = "Terms"\n+++\n\n## 1. Fees\n\nMonthly.\n',
    'footnotes': '## 1. Fees\n\nFees are monthly.[^1] Taxes extra.[^vat]\n\n[^1]: Invoiced in arrears.\n\n[^vat]: At the rate in force.\n\n## 2. Term\n\nOne year.\n',
    'task items': '## Options\n\n- [x]     Expires after one year.\n- [ ] Continues until terminated.\n',
    'single-tilde and double-tilde strikethrough': '## 1. Fees\n\nThe ~~old~~ rate is gone.\n',
    'setext headings and a hard break': 'Terms\n=====\n\nSection One\n-----------\n\nLine one  \nline two\\\nline three.\n',
    'nested lists, loose and tight, with a restart': '1. First\n\n   1. Sub one\n   2. Sub two\n\n2. Second\n\n   text\n\n5. Fifth\n- bullet\n',
    'blockquote and code': '> ## 1. Quoted\n>\n> Text in a quote.\n\n```\ncode line\n```\n\n    indented code\n',
    'HTML heading with Markdown straight after, and inline HTML comments': '<h2>4. Liability</h2>\n   1.  Capped.\n   2.  Excluded.\n\nText <!-- clauselint-disable-line placeholder -- agreed --> [TBD].\n\n<!-- clauselint-disable numbering-gap -- a form -->\n',
    'entities, escapes, inline code, links and images': '## 1. Notices\n\nSend to &quot;Legal&quot; \\*not\\* `code` [the portal](https://example.test) ![logo](x.png) &amp; co.\n',
    'tables with inline markup and an empty row': '| **Term** | Meaning |\n|---|---|\n| *Fees* | the `charges` |\n|  |  |\n',
  };
  it.each(Object.entries(cases))('%s', (_, source) => same(source));
});
