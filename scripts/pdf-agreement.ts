/**
 * npm run eval:pdf — does a PDF read like the document it was printed from?
 *
 * Two sets, printed here (not committed) into a temporary folder and reused on the next run:
 *   - docx: every DOCX of ../shared/corpus/docx printed to PDF by LibreOffice (`soffice --headless --convert-to pdf`),
 *     with its tracked changes shown accepted, as clauselint reads the DOCX;
 *   - markdown: every Markdown file of ../shared/corpus/markdown rendered to HTML (remark → rehype) and printed by
 *     headless Chromium with its header and footer (date and title, file URL and page numbers).
 * For each pair: the clause numbers of the PDF's outline against the source's (numbered paragraphs: the multiset of
 * section numbers, agreement = shared / the larger of the two counts; "A." is "A", and a list label one reader
 * gives alone, "a", is the "5(a)" the other gives), and the clause statuses under
 * `--preset outsourcing` (agreement over (clause, document) pairs).
 *
 *   npm run eval:pdf                   # both sets
 *   npm run eval:pdf -- --set docx     # one set
 *   npm run eval:pdf -- --verbose      # and each document's differences
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { RULES } from '../rules/index.js';
import { resolveConfig } from '../src/config/resolve.js';
import { lintDocument } from '../src/lint/engine.js';
import { type ContractDocument, walkSections } from '../src/model.js';
import { readDocument } from '../src/read/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const OUT = join(tmpdir(), 'clauselint-pdf-eval');
const { values } = parseArgs({ options: { set: { type: 'string' }, verbose: { type: 'boolean' } } });

/**
 * A copy of a DOCX that Word and LibreOffice show with its tracked changes accepted and no markup (settings.xml's
 * `w:revisionView`): the text clauselint reads by default (`--revisions accepted`). Printed as it is, LibreOffice
 * shows the markup: deleted text struck through, and every renumbered clause as "3.1[2.1]".
 */
function withoutMarkup(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const settings = files['word/settings.xml'];
  if (settings) {
    const xml = strFromU8(settings).replace(/<w:revisionView\b[^>]*\/>/g, '');
    files['word/settings.xml'] = strToU8(xml.replace(/(<w:settings\b[^>]*>)/, '$1<w:revisionView w:markup="0" w:insDel="0" w:formatting="0"/>'));
  }
  return zipSync(files);
}

/** Print every DOCX of the corpus to PDF with LibreOffice (changes accepted, no markup), once. */
function printDocx(): Array<{ source: string; pdf: string }> {
  const dir = join(OUT, 'docx');
  const copies = join(OUT, 'docx-accepted');
  mkdirSync(dir, { recursive: true });
  mkdirSync(copies, { recursive: true });
  const sources = readdirSync(join(CORPUS, 'docx')).filter((f) => f.endsWith('.docx')).sort();
  const todo = sources.filter((f) => !existsSync(join(dir, f.replace(/\.docx$/, '.pdf'))));
  for (const f of todo) writeFileSync(join(copies, f), withoutMarkup(readFileSync(join(CORPUS, 'docx', f))));
  if (todo.length > 0) {
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...todo.map((f) => join(copies, f))], { stdio: 'ignore', timeout: 900_000 });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal})`);
  }
  return sources.map((f) => ({ source: join(CORPUS, 'docx', f), pdf: join(dir, f.replace(/\.docx$/, '.pdf')) }));
}

/** Render every Markdown file of the corpus to HTML and print it with Chromium's header and footer, once. */
async function printMarkdown(): Promise<Array<{ source: string; pdf: string }>> {
  const dir = join(OUT, 'markdown');
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(join(CORPUS, 'markdown')).filter((f) => f.endsWith('.md')).sort();
  const todo = sources.filter((f) => !existsSync(join(dir, f.replace(/\.md$/, '.pdf'))));
  if (todo.length > 0) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    // As a site renders them: front matter dropped, the HTML in the Markdown kept.
    const md = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
    for (const f of todo) {
      const body = String(await md.process(readFileSync(join(CORPUS, 'markdown', f), 'utf8')));
      const html = join(dir, f.replace(/\.md$/, '.html'));
      writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><title>${basename(f, '.md')}</title>` +
        '<style>body{font:11pt/1.4 serif;max-width:40em;margin:auto} table{border-collapse:collapse} td,th{border:1px solid #999;padding:2px 4px}</style>' +
        `</head><body>${body}</body></html>`);
      await page.goto(pathToFileURL(html).href);
      await page.pdf({ path: join(dir, f.replace(/\.md$/, '.pdf')), format: 'A4', displayHeaderFooter: true, margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
    }
    await browser.close();
  }
  return sources.map((f) => ({ source: join(CORPUS, 'markdown', f), pdf: join(dir, f.replace(/\.md$/, '.pdf')) }));
}

const numbers = (doc: ContractDocument): string[] => [...walkSections(doc.sections)].map((s) => s.number).filter((n): n is string => n !== null);

/** "A." and "A" are one number: the readers differ in keeping the full stop. */
const norm = (n: string): string => n.replace(/\.$/, '');

/**
 * Shared numbers (as multisets) over the larger count. Two passes: the same number; then a list label one reader
 * gives alone ("a", as the Markdown reader numbers a lettered list) and the other under its clause ("5(a)").
 */
function numberAgreement(a: string[], b: string[]): { shared: number; of: number; source: number; missing: string[]; extra: string[] } {
  const left = a.map(norm);
  const right = b.map(norm);
  let shared = 0;
  const take = (same: (x: string, y: string) => boolean): void => {
    for (let i = 0; i < left.length; i++) {
      const j = right.findIndex((y) => same(left[i]!, y));
      if (j < 0) continue;
      shared++;
      left.splice(i--, 1);
      right.splice(j, 1);
    }
  };
  take((x, y) => x === y);
  // "a" or "(a)(1)": a list label given without its clause, matched by the end of the other reader's full number.
  const relative = (x: string): string | null => (/^[A-Za-z]{1,4}$|^\d{1,3}$/.test(x) ? `(${x})` : /^\(/.test(x) ? x : null);
  const within = (x: string, y: string): boolean => {
    const r = relative(x);
    return r !== null && y.length > r.length && y.endsWith(r);
  };
  take((x, y) => within(x, y) || within(y, x));
  return { shared, of: Math.max(a.length, b.length), source: a.length, missing: left, extra: right };
}

async function statuses(doc: ContractDocument): Promise<Map<string, string>> {
  const resolved = await resolveConfig({ file: '(eval)', dir: '/', config: {}, extends: [] }, RULES, 'outsourcing');
  const report = lintDocument(doc, { rules: resolved.rules }, RULES);
  return new Map(report.clauses.map((c) => [c.id, c.status]));
}

async function measure(name: string, pairs: Array<{ source: string; pdf: string }>): Promise<void> {
  let shared = 0;
  let of = 0;
  let source = 0;
  let same = 0;
  let pairsCount = 0;
  const rows: string[] = [];
  // The UK facilities-management pack of 2017 (its files carry the pack's version, "v.1.4" / "FM1.4").
  const pack = { docs: 0, shared: 0, of: 0, source: 0, same: 0, pairs: 0 };
  for (const p of pairs) {
    const src = await readDocument(p.source, readFileSync(p.source));
    let pdf: ContractDocument;
    try {
      pdf = await readDocument(p.pdf, readFileSync(p.pdf));
    } catch (err) {
      rows.push(`  ${basename(p.source)}: PDF not read: ${(err as Error).message}`);
      continue;
    }
    const n = numberAgreement(numbers(src), numbers(pdf));
    shared += n.shared;
    of += n.of;
    source += n.source;
    const [a, b] = await Promise.all([statuses(src), statuses(pdf)]);
    const differ: string[] = [];
    for (const [id, st] of a) {
      pairsCount++;
      if (b.get(id) === st) same++;
      else differ.push(`${id} ${st}→${b.get(id)}`);
    }
    if (/v\.?1[.-]4|FM1\.4/.test(basename(p.source))) {
      pack.docs++;
      pack.shared += n.shared;
      pack.of += n.of;
      pack.source += n.source;
      pack.same += a.size - differ.length;
      pack.pairs += a.size;
    }
    const pct = (x: number, y: number): string => (y === 0 ? '  –  ' : `${((100 * x) / y).toFixed(1)}%`);
    rows.push(`  ${basename(p.source).slice(0, 60).padEnd(60)} numbers ${String(n.shared).padStart(4)}/${String(n.of).padEnd(4)} ${pct(n.shared, n.of).padStart(6)}  statuses ${a.size - differ.length}/${a.size}`);
    if (values.verbose) {
      if (n.missing.length) rows.push(`      not in the PDF: ${n.missing.slice(0, 25).join(' ')}${n.missing.length > 25 ? ' …' : ''}`);
      if (n.extra.length) rows.push(`      only in the PDF: ${n.extra.slice(0, 25).join(' ')}${n.extra.length > 25 ? ' …' : ''}`);
      if (differ.length) rows.push(`      statuses: ${differ.join(', ')}`);
    }
  }
  if (pack.of > 0) rows.push(`  the 2017 FM pack alone (${pack.docs} documents): clause numbers ${pack.shared}/${pack.of} = ${((100 * pack.shared) / pack.of).toFixed(1)}% (of the source's numbered paragraphs: ${((100 * pack.shared) / pack.source).toFixed(1)}%); clause statuses ${pack.same}/${pack.pairs} = ${((100 * pack.same) / pack.pairs).toFixed(1)}%`);
  console.log(`${name}: ${pairs.length} documents`);
  console.log(rows.join('\n'));
  console.log(`${name}: clause numbers ${shared}/${of} = ${((100 * shared) / Math.max(1, of)).toFixed(1)}% (of the source's ${source} numbered paragraphs: ${((100 * shared) / Math.max(1, source)).toFixed(1)}%); clause statuses ${same}/${pairsCount} = ${((100 * same) / Math.max(1, pairsCount)).toFixed(1)}%\n`);
}

if (!existsSync(CORPUS)) {
  console.error(`eval:pdf: ${CORPUS} not found`);
  process.exit(2);
}
if (values.set === undefined || values.set === 'docx') await measure('docx (LibreOffice PDF)', printDocx());
if (values.set === undefined || values.set === 'markdown') await measure('markdown (Chromium PDF)', await printMarkdown());
