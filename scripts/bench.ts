/**
 * npm run bench — speed and scale against the parsing floor.
 *
 * Generates contracts of 10, 100 and 1,000 pages (deterministic), in Markdown, DOCX and PDF,
 * and measures in this run:
 *   - the parsing floor: markdown-it's tokens alone (Markdown); unzip + a streaming XML pass over
 *     word/document.xml (DOCX), with mammoth's convertToHtml beside it for reference; pdf.js's
 *     text content of every page (PDF);
 *   - clauselint's stages in-process: read, analyse, detect, rules, report;
 *   - the whole `clauselint` process, start-up included, and its peak memory;
 *   - throughput on every file of ../shared/corpus (one process for all of them).
 * Every figure is printed as a ratio to the floor measured in the same run.
 *
 *   npm run bench                 # all sizes (mammoth reference up to 100 pages)
 *   npm run bench -- --quick      # 10 and 100 pages only
 *   npm run bench -- --mammoth    # mammoth at 1,000 pages too (slow, several GB)
 *   npm run bench -- --runs 5     # runs per measurement (median; default 3)
 *   npm run bench -- --per-file   # also every corpus file in a process of its own (slow: ~200 processes)
 *
 * With ../shared/corpus present it also times the 63,000-word Framework Schedule 1 DOCX (issue 4's
 * bar: under 1.5 s and 200 MB for the whole process) and the 150 CUAD texts in one run against
 * one process per file; with CONTRACT_LINT_CLI=/path/to/contract_lint_cli.py, issue 20's workloads beside
 * contract-lint in the same run. Whole-process runs use a code cache of the bench's own (src/cli/code-cache.ts: the
 * first run of the build writes it, as a user's first run does); the one-file workload is also timed without it.
 */
import MarkdownIt from 'markdown-it';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { SaxesParser } from 'saxes';
import { RULES } from '../rules/index.js';
import { analyse } from '../src/analyse/index.js';
import { setV8FlagsForLinting } from '../src/cli/v8-flags.js';
import { PRESETS } from '../src/config/presets.js';
import { detectClauses } from '../src/detect/index.js';
import { lintDocument } from '../src/lint/engine.js';
import { readDocument } from '../src/read/index.js';
import { formatJson } from '../src/report/json.js';
import { generate, toDocx, toMarkdown, toPdf } from './generate-contract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { quick: { type: 'boolean' }, mammoth: { type: 'boolean' }, runs: { type: 'string' }, 'no-build': { type: 'boolean' }, 'per-file': { type: 'boolean' } } });
const RUNS = Number(values.runs ?? 3);
const SIZES = values.quick ? [10, 50, 100] : [10, 50, 100, 1000];

// ---- measurement helpers --------------------------------------------------------------
/** The PDF floor: pdf.js's text content of every page, nothing else. */
async function pdfFloor(bytes: Uint8Array): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  await doc.destroy();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

function docxFloor(bytes: Uint8Array): number {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const xml = new TextDecoder().decode(files['word/document.xml']!);
  const p = new SaxesParser();
  let n = 0;
  p.on('opentag', () => { n += 1; });
  p.write(xml).close();
  return n;
}

// The installed command, bin/clauselint.js, with the peak RSS reported at exit. A
// script file, not `node -e`: the CLI reads its arguments from process.argv[2] on, after the script's path.
const SCRATCH = mkdtempSync(join(tmpdir(), 'clauselint-bench-'));
process.on('exit', () => rmSync(SCRATCH, { recursive: true, force: true }));
const PROCESS_WRAPPER = join(SCRATCH, 'wrapper.mjs');
writeFileSync(PROCESS_WRAPPER, `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); await import(${JSON.stringify(pathToFileURL(join(ROOT, 'bin/clauselint.js')).href)});\n`);

/**
 * The built CLI's code cache (src/cli/code-cache.ts) goes to a folder of the bench's own, so that what another
 * clauselint left in the user's cache plays no part: the first whole-process run of a build writes it, the others
 * read it, as a user's second and later runs do. `cold` runs without it.
 */
const CODE_CACHE = join(SCRATCH, 'cache');

function runProcess(args: string[], cold = false): { ms: number; rssMb: number; code: number } {
  const env = { ...process.env, XDG_CACHE_HOME: CODE_CACHE, ...(cold ? { CLAUSELINT_CODE_CACHE: '0' } : {}) };
  const t = performance.now();
  const r = spawnSync(process.execPath, [PROCESS_WRAPPER, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env });
  const ms = performance.now() - t;
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1] ?? 0) / 1024;
  return { ms, rssMb: rss, code: r.status ?? -1 };
}

function processMedian(args: string[]): { ms: number; rssMb: number } {
  const rs = Array.from({ length: RUNS }, () => runProcess(args));
  return { ms: median(rs.map((r) => r.ms)), rssMb: Math.max(...rs.map((r) => r.rssMb)) };
}

const f = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const x = (r: number): string => `${r.toFixed(2)}×`;

/**
 * Issue 20's workloads beside contract-lint, the nearest open linter, when CONTRACT_LINT_CLI names its one-file CLI
 * (contract_lint_cli.py, run with python3; kept outside this repository): each workload's whole process, the two
 * tools in turn, the median of at least five runs of each, and the ratio.
 */
function yardstick(list: (d: string) => string[], fs1: string): void {
  const cli = process.env.CONTRACT_LINT_CLI;
  if (!cli) {
    console.log('\ncontract-lint: set CONTRACT_LINT_CLI=/path/to/contract_lint_cli.py to time the workloads beside it');
    return;
  }
  const runs = Math.max(5, RUNS);
  const md = list('markdown').filter((p) => p.endsWith('.md'));
  const dpa = md.find((p) => p.endsWith('usdr-model-dpa.md')) ?? md[0]!;
  const other = (args: string[]): number => {
    const t = performance.now();
    spawnSync('python3', [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    return performance.now() - t;
  };
  const node = (): number => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t;
  };
  const workloads: Array<[string, () => number, () => number]> = [
    [`${md.length} Markdown contracts, --preset outsourcing`, () => runProcess(['-p', 'outsourcing', '-f', 'json', ...md]).ms, () => other(md)],
    [`${md.length} Markdown contracts, --preset recommended`, () => runProcess(['-f', 'json', ...md]).ms, () => other(md)],
    [`one Markdown DPA (${dpa.split('/').pop()}), --preset outsourcing`, () => runProcess(['-p', 'outsourcing', dpa]).ms, () => other([dpa])],
    ['the same, without the code cache (a first run)', () => runProcess(['-p', 'outsourcing', dpa], true).ms, () => other([dpa])],
    ['the 63,000-word DOCX, default preset', () => runProcess([fs1]).ms, () => other([fs1])],
    ['--version against node -e 0', () => runProcess(['--version']).ms, node],
  ];
  console.log(`\nAgainst contract-lint (${cli}), whole process, medians of ${runs} paired runs:`);
  console.log('| workload | clauselint | contract-lint | ratio |\n|---|---:|---:|---:|');
  for (const [name, a, b] of workloads) {
    const as: number[] = [];
    const bs: number[] = [];
    for (let i = 0; i < runs; i++) {
      as.push(a());
      bs.push(b());
    }
    console.log(`| ${name} | ${f(median(as))} | ${f(median(bs))} | ${x(median(as) / median(bs))} |`);
  }
}

// ---- main ---------------------------------------------------------------------------
async function main(): Promise<void> {
  setV8FlagsForLinting(); // the in-process figures run with the CLI's V8 settings
  // The whole-process figures run the built CLI: build it first (--no-build to use dist/ as it is).
  if (!values['no-build']) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const dir = join(SCRATCH, 'documents');
  mkdirSync(dir, { recursive: true });
  const playbook = { rules: new Map(PRESETS.outsourcing!.filter((id) => RULES.has(id)).map((id) => [id, { severity: RULES.get(id)!.meta.defaultSeverity, options: {} }])) };
  const clauseIds = [...playbook.rules.keys()].filter((id) => RULES.get(id)!.meta.clause);
  console.log(`clauselint bench — ${RUNS} runs each, median; node ${process.version}; ${new Date().toISOString()}\n`);

  const totals = new Map<string, number>();
  const rows: string[] = [];
  rows.push('| format | pages | words | floor | mammoth | read | analyse | detect | rules | report | lint in-process | × floor | whole process | × floor | peak RSS |');
  rows.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const pages of SIZES) {
    const blocks = generate(pages);
    const md = toMarkdown(blocks);
    const docx = await toDocx(blocks);
    const words = md.split(/\s+/).length;
    const mdPath = join(dir, `msa-${pages}.md`);
    const docxPath = join(dir, `msa-${pages}.docx`);
    const pdfPath = join(dir, `msa-${pages}.pdf`);
    writeFileSync(mdPath, md);
    writeFileSync(docxPath, docx);
    writeFileSync(pdfPath, await toPdf(blocks));
    for (const format of ['markdown', 'docx', 'pdf'] as const) {
      const path = format === 'markdown' ? mdPath : format === 'docx' ? docxPath : pdfPath;
      const bytes = new Uint8Array(readFileSync(path));
      const floor = format === 'markdown'
        ? await time(() => new MarkdownIt({ html: true }).parse(md, {}))
        : format === 'docx' ? await time(() => docxFloor(bytes)) : await time(() => pdfFloor(bytes));
      const mam = format === 'docx' && (pages <= 100 || values.mammoth)
        ? await time(() => mammoth.convertToHtml({ buffer: Buffer.from(bytes) }), 1)
        : null;
      const read = await time(() => readDocument(path, bytes));
      const doc = await readDocument(path, bytes);
      const an = await time(() => analyse(doc));
      const analysed = analyse(doc);
      const det = await time(() => detectClauses(analysed, clauseIds));
      const lint = await time(() => lintDocument(doc, playbook, RULES));
      const report = lintDocument(doc, playbook, RULES);
      const rep = await time(() => formatJson([report]));
      const rules = Math.max(0, lint - an - det);
      const inProcess = read + lint + rep;
      const proc = processMedian(['--preset', 'outsourcing', '-f', 'json', '-o', join(dir, 'out.json'), path]);
      totals.set(`${format}:${pages}`, inProcess);
      totals.set(`${format}:${pages}:process`, proc.ms);
      rows.push(`| ${format} | ${pages} | ${words} | ${f(floor)} | ${mam === null ? '–' : f(mam)} | ${f(read)} | ${f(an)} | ${f(det)} | ${f(rules)} | ${f(rep)} | ${f(inProcess)} | ${x(inProcess / floor)} | ${f(proc.ms)} | ${x(proc.ms / floor)} | ${proc.rssMb.toFixed(0)} MB |`);
    }
  }
  console.log(rows.join('\n'));
  console.log('\nPDF against the DOCX of the same document (whole process, pages a second):');
  for (const pages of SIZES) {
    const pdf = totals.get(`pdf:${pages}:process`)!;
    const docx = totals.get(`docx:${pages}:process`)!;
    console.log(`  ${pages} pages: PDF ${(pages / (pdf / 1000)).toFixed(0)} pages/s, DOCX ${(pages / (docx / 1000)).toFixed(0)} pages/s (PDF ${x(pdf / docx)} the DOCX time)`);
  }

  if (SIZES.includes(1000) && SIZES.includes(100)) {
    console.log('\nScaling, 100 → 1,000 pages (linear would be 10×):');
    for (const format of ['markdown', 'docx', 'pdf']) {
      console.log(`  ${format}: in-process ${x(totals.get(`${format}:1000`)! / totals.get(`${format}:100`)!)}, whole process ${x(totals.get(`${format}:1000:process`)! / totals.get(`${format}:100:process`)!)}`);
    }
  }

  const version = runProcess(['--version']);
  const versions = Array.from({ length: 5 }, () => runProcess(['--version']).ms);
  console.log(`\nclauselint --version: ${f(median(versions))} (first ${f(version.ms)})`);

  const corpus = join(ROOT, '..', 'shared', 'corpus');
  try {
    statSync(corpus);
  } catch {
    console.log('\nCorpus: ../shared/corpus not present, skipped');
    return;
  }
  const list = (d: string): string[] => readdirSync(join(corpus, d)).filter((n) => /\.(md|docx|txt)$/.test(n)).sort().map((n) => join(corpus, d, n));
  const files = ['markdown', 'docx', 'cuad-dev/texts'].flatMap(list);
  const bytes = files.reduce((n, p) => n + statSync(p).size, 0);
  const all = runProcess(['--preset', 'outsourcing', '-f', 'json', '-o', join(dir, 'corpus.json'), ...files]);
  console.log(`\nCorpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in one process: ${f(all.ms)} (${(files.length / (all.ms / 1000)).toFixed(1)} files/s, ${(bytes / 1e6 / (all.ms / 1000)).toFixed(2)} MB/s), peak RSS ${all.rssMb.toFixed(0)} MB`);

  const fs1 = join(corpus, 'docx', 'Framework Schedule 1 - Specification v.1-4.docx');
  const big = processMedian(['-f', 'json', '-o', join(dir, 'fs1.json'), fs1]);
  console.log(`Framework Schedule 1 (63,000-word DOCX), whole process, default preset: ${f(big.ms)}, peak RSS ${big.rssMb.toFixed(0)} MB (bar: 1.5 s, 200 MB)`);

  // Issue 16's bar: the 2017 FM pack (37 files) linted as one contract costs at most 1.3x linting its files separately.
  const packFiles = readdirSync(join(corpus, 'docx')).filter((n) => /v\.?1[.-]4|FM1\.4/.test(n)).sort().map((n) => join(corpus, 'docx', n));
  const separate = Array.from({ length: RUNS }, () => runProcess(['-p', 'outsourcing', '-f', 'json', '-o', join(dir, 'sep.json'), ...packFiles]).ms);
  const asPack = Array.from({ length: RUNS }, () => runProcess(['--pack', '-p', 'outsourcing', '-f', 'json', '-o', join(dir, 'pack.json'), ...packFiles]).ms);
  console.log(`The ${packFiles.length}-file FM pack: as one contract (--pack) ${f(median(asPack))}, its files separately ${f(median(separate))} (${x(median(asPack) / median(separate))}; bar: 1.3x)`);

  const cuad = list('cuad-dev/texts');
  const cuadRuns = Array.from({ length: RUNS }, () => runProcess(['-f', 'json', '-o', join(dir, 'cuad.json'), ...cuad]).ms);
  console.log(`${cuad.length} CUAD texts in one run (default preset, workers auto): ${f(median(cuadRuns))}`);

  yardstick(list, fs1);

  if (values['per-file']) {
    // One process per file, as a linter without batch mode would be run (contract-lint: ~0.25 s a Markdown contract).
    const per = files.map((p) => ({ p, ms: runProcess(['-f', 'json', '-o', join(dir, 'one.json'), p]).ms }));
    for (const kind of ['markdown', 'docx', 'cuad-dev']) {
      const xs = per.filter((r) => r.p.includes(`/${kind}/`)).map((r) => r.ms);
      const worst = per.filter((r) => r.p.includes(`/${kind}/`)).sort((a, b) => b.ms - a.ms)[0]!;
      console.log(`  one process per file, ${kind}: ${xs.length} files, median ${f(median(xs))}, max ${f(worst.ms)} (${worst.p.split('/').pop()})`);
    }
    const cuadPer = per.filter((r) => r.p.includes('/cuad-dev/')).reduce((n, r) => n + r.ms, 0);
    console.log(`  the ${cuad.length} CUAD texts one process each: ${f(cuadPer)}; in one run: ${f(median(cuadRuns))} (${((median(cuadRuns) / cuadPer) * 100).toFixed(0)}%)`);
  }
}

await main();
