import { stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { FileReport } from '../lint/types.js';
import type { ContractDocument } from '../model.js';
import { type CliIo, readInput, safePath } from './io.js';
import { VERSION } from './version.js';

const HELP = `Usage:
  clauselint [options] [FILE|DIR|GLOB ...]          lint contracts (.docx, .pdf, .md, .markdown, .txt)
  clauselint outline [--format text|json] FILE...   print the section tree clauselint reads
  clauselint compare [options] OLD NEW              compare the findings of two drafts
                                                    (two folders: two drafts of a pack)
  clauselint init [--preset NAME] [--format yaml|json]  write a starter config in this folder
  clauselint rules [--preset NAME] [--format text|json] list the rules, their presets and severity
  clauselint explain RULE                           print a rule's documentation
  clauselint serve [--port N] [--no-open] [--config FILE]  the reviewer's desk: a web page
                         on 127.0.0.1 to drop contracts on (opens the browser)

Options:
  -f, --format NAME      stylish (default), json, sarif, markdown or html;
                         outline: text (default) or json; compare: stylish, json or markdown
  -o, --output-file F    write the report to F (atomically) instead of stdout
  -p, --preset NAME      playbook: recommended, outsourcing, gdpr-dpa, hipaa-baa, pci-dss
  -c, --config FILE      use this config file instead of looking for one
      --pack             the files given are one contract (core terms and schedules):
                         shared definitions, references between them, one clause coverage
      --annotate PATH    write a copy of each DOCX with the findings as Word comments
                         (PATH is a .docx file, or a directory for several files)
      --revisions MODE   DOCX with tracked changes: lint the text with the changes
                         accepted (default) or the original before them
      --quiet            report errors only (and no progress bar)
      --max-warnings N   exit 1 when there are more than N warnings
      --baseline FILE    report only findings not in this baseline
                         (default: .clauselint-baseline.json here, when it exists)
      --write-baseline   record the current findings in the baseline file
      --no-baseline      ignore the baseline file
      --cache            skip files unchanged since the last run
      --cache-location F the cache file (default: .clauselintcache)
      --shard I/N        lint only shard I of N (a stable hash of each path; a pack
                         stays in one shard): one job of a CI matrix of N
      --workers N|auto   lint on N threads (1: in-process; auto, the default:
                         every core for 16 files or more)
      --max-file-size MB skip (and report) files larger than this (default 50)
      --timeout SECONDS  give up on a file that takes longer (default 60; 0: none)
      --color, --no-color  force or disable colours
      --port N           serve: the port to try first (default 4870; 0: any free port)
      --host ADDR        serve: listen on ADDR instead of 127.0.0.1 (reachable by others!)
      --no-open          serve: do not open the browser
  -h, --help             show this help
  -v, --version          print the version

Config files, looked up from each file's folder upwards: clauselint.config.{json,yaml,yml,mjs},
.clauselintrc{,.json,.yaml,.yml,.mjs}, or a "clauselint" key in package.json.

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings
(compare: 1 when the new draft introduces an error);
2 usage, config or unreadable input (the other files are still linted).
`;

interface ReadResult {
  docs: ContractDocument[];
  failures: Array<{ path: string; error: string }>;
}

/** Read every file; a bad one is reported on one line and the batch goes on. */
async function readAll(paths: readonly string[], io: CliIo, revisions?: 'accepted' | 'original', maxBytes?: number): Promise<ReadResult> {
  // Loaded on demand so that --version and --help start fast.
  const { InputError, readDocument } = await import('../read/index.js');
  const docs: ContractDocument[] = [];
  const failures: ReadResult['failures'] = [];
  for (const p of paths) {
    try {
      docs.push(await readDocument(p, await readInput(resolve(io.cwd, p), maxBytes), undefined, revisions ? { revisions } : {}));
    } catch (err) {
      const problem = err instanceof InputError ? err.problem : `cannot read: ${(err as Error).message.split('\n')[0]}`;
      failures.push({ path: p, error: problem });
      io.stderr(`clauselint: ${safePath(p)}: ${problem}\n`);
    }
  }
  return { docs, failures };
}

async function writeOutput(io: CliIo, file: string | undefined, text: string, inputs: readonly string[]): Promise<boolean> {
  if (file === undefined) {
    io.stdout(text);
    return true;
  }
  const { writeAtomic } = await import('./write.js');
  try {
    await writeAtomic(file, text, inputs, io.cwd);
    return true;
  } catch (err) {
    io.stderr(`clauselint: ${safePath(file)}: ${(err as Error).message}\n`);
    return false;
  }
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        preset: { type: 'string', short: 'p' },
        config: { type: 'string', short: 'c' },
        annotate: { type: 'string' },
        revisions: { type: 'string' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'boolean' },
        'no-baseline': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        workers: { type: 'string' },
        'max-file-size': { type: 'string' },
        timeout: { type: 'string' },
        force: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        'no-open': { type: 'boolean' },
        pack: { type: 'boolean' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`clauselint: ${(err as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(`clauselint: no files given\n\n${HELP}`);
    return 2;
  }
  for (const name of ['output-file', 'config', 'cache-location'] as const) {
    if (values[name] === '') {
      io.stderr(`clauselint: --${name} needs a file name\n`);
      return 2;
    }
  }
  if ((positionals[0] === 'outline' || positionals[0] === 'compare') && positionals.includes('')) {
    io.stderr(`clauselint: ${positionals[0]}: an empty file name ("": an unset shell variable?)\n`);
    return 2;
  }
  if (values.revisions !== undefined && values.revisions !== 'accepted' && values.revisions !== 'original') {
    io.stderr(`clauselint: unknown --revisions "${safePath(values.revisions)}" (expected accepted or original)\n`);
    return 2;
  }
  if (positionals[0] === 'serve') {
    const { serveCommand } = await import('./serve.js');
    return serveCommand(positionals.slice(1), values, io);
  }
  if (positionals[0] === 'outline') return outline(positionals.slice(1), values, io);
  if (positionals[0] === 'compare') return compare(positionals.slice(1), values, io);
  if (positionals[0] === 'init' || positionals[0] === 'rules' || positionals[0] === 'explain') {
    const commands = await import('./commands.js');
    if (positionals[0] === 'init') return commands.init(positionals.slice(1), values, io);
    if (positionals[0] === 'rules') return commands.rules(positionals.slice(1), values, io);
    return commands.explain(positionals.slice(1), values, io);
  }
  return lint(positionals, values, io);
}

export type Values = {
  format?: string; 'output-file'?: string; preset?: string; config?: string; quiet?: boolean;
  'max-warnings'?: string; color?: boolean; 'no-color'?: boolean; annotate?: string;
  revisions?: string;
  baseline?: string; 'write-baseline'?: boolean; 'no-baseline'?: boolean; cache?: boolean; 'cache-location'?: string;
  workers?: string; force?: boolean; 'max-file-size'?: string; timeout?: string;
  port?: string; host?: string; 'no-open'?: boolean; pack?: boolean; shard?: string;
};

/** --max-file-size and --timeout: numbers, or a usage error (a string). */
function limitOptions(values: Values): { maxFileSize?: number; timeout?: number } | string {
  const out: { maxFileSize?: number; timeout?: number } = {};
  const number = (s: string): number => (/^\s*$/.test(s) ? NaN : Number(s));
  if (values['max-file-size'] !== undefined) {
    const mb = number(values['max-file-size']);
    if (!Number.isFinite(mb) || mb <= 0) return `--max-file-size needs a size in MB greater than 0 (got "${values['max-file-size']}")`;
    out.maxFileSize = mb;
  }
  if (values.timeout !== undefined) {
    const s = number(values.timeout);
    if (!Number.isFinite(s) || s < 0) return `--timeout needs a number of seconds (0: no limit; got "${values.timeout}")`;
    out.timeout = s;
  }
  return out;
}

async function outline(files: string[], values: Values, io: CliIo): Promise<number> {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`clauselint: unknown outline format "${safePath(format)}" (expected text or json)\n`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr('clauselint: outline needs at least one file\n');
    return 2;
  }
  const limits = limitOptions(values);
  if (typeof limits === 'string') {
    io.stderr(`clauselint: ${safePath(limits)}\n`);
    return 2;
  }
  const { mbToBytes } = await import('./io.js');
  const { docs, failures } = await readAll(files, io, values.revisions as 'accepted' | 'original' | undefined, limits.maxFileSize === undefined ? undefined : mbToBytes(limits.maxFileSize));
  const { formatOutlineJson, formatOutlineText } = await import('../report/outline.js');
  // --pack: the files are one contract; the outline says which is its main document.
  let pack: { name: string; main: string; files: string[] } | undefined;
  if (values.pack && docs.length > 0) {
    const [{ packContext }, { packName }] = await Promise.all([import('../lint/pack-context.js'), import('./pack-run.js')]);
    const name = packName(files.map((f) => resolve(io.cwd, f)));
    pack = { name, main: packContext(name, docs).main.path, files: docs.map((d) => d.path) };
  }
  const ok = await writeOutput(io, values['output-file'], format === 'json' ? formatOutlineJson(docs, pack) : formatOutlineText(docs, pack), files);
  return failures.length > 0 || !ok ? 2 : 0;
}

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'markdown', 'html'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The run options shared by lint and compare; a string: a usage error. */
async function runOptions(values: Values, io: CliIo, forLint: boolean): Promise<import('./lint-run.js').RunOptions | string> {
  let workers: number | 'auto' = 'auto';
  if (values.workers !== undefined && values.workers !== 'auto') {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) return `--workers needs a whole number of at least 1, or "auto" (got "${values.workers}")`;
  }
  if (values['no-baseline'] && (values.baseline !== undefined || values['write-baseline'])) return '--no-baseline cannot be combined with --baseline or --write-baseline';
  if (values.baseline === '') return '--baseline needs a file name';
  let shard: { index: number; count: number } | null = null;
  if (values.shard !== undefined) {
    const m = /^(\d{1,4})\/(\d{1,4})$/.exec(values.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) return `--shard needs I/N with 1 ≤ I ≤ N (got "${values.shard}")`;
    if (values['write-baseline']) return '--write-baseline needs every file: run it without --shard';
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const limits = limitOptions(values);
  if (typeof limits === 'string') return limits;
  const { DEFAULT_BASELINE } = await import('./baseline.js');
  return {
    config: values.config,
    preset: values.preset,
    quiet: values.quiet,
    revisions: values.revisions as 'accepted' | 'original' | undefined,
    workers,
    cache: forLint && values.cache ? resolve(io.cwd, values['cache-location'] ?? '.clauselintcache') : null,
    baseline: forLint && !values['no-baseline']
      ? { file: resolve(io.cwd, values.baseline ?? DEFAULT_BASELINE), explicit: values.baseline !== undefined, write: Boolean(values['write-baseline']) }
      : null,
    progress: forLint ? io.progress ?? null : null,
    pack: values.pack,
    shard,
    ...limits,
  };
}

async function lint(patterns: string[], values: Values, io: CliIo): Promise<number> {
  const format = values.format ?? 'stylish';
  if (!(LINT_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`clauselint: unknown format "${safePath(format)}" (expected ${LINT_FORMATS.join(', ')})\n`);
    return 2;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings)) {
      io.stderr(`clauselint: --max-warnings needs a whole number (got "${safePath(values['max-warnings'])}")\n`);
      return 2;
    }
  }
  if (values.annotate === '') {
    io.stderr('clauselint: --annotate needs a path\n');
    return 2;
  }
  const opts = await runOptions(values, io, true);
  if (typeof opts === 'string') {
    io.stderr(`clauselint: ${safePath(opts)}\n`);
    return 2;
  }
  const { expandPatterns, PatternError } = await import('./files.js');

  let files: string[];
  try {
    files = await expandPatterns(patterns, io.cwd);
  } catch (err) {
    if (err instanceof PatternError) {
      io.stderr(`clauselint: ${safePath(err.message)}\n`);
      return 2;
    }
    throw err;
  }

  // Config discovery, ignores, cache, workers, waivers and baseline: src/cli/lint-run.ts.
  const { runLint } = await import('./lint-run.js');
  const run = await runLint(files, opts, io);
  if (typeof run === 'number') return run;
  const { relativeName, failures } = run;
  const reports = run.items.map((x) => x.report);

  const { renderLint } = await import('./render.js');
  const text = await renderLint(format as LintFormat, reports, failures.map((f) => ({ path: relativeName(f.path), error: f.error })), values, io, run);
  const ok = await writeOutput(io, values['output-file'], text, files);
  const { withoutSuppressed } = await import('../lint/suppress.js');
  const visible = withoutSuppressed(reports);
  const annotated = values.annotate === undefined ? true : await annotateAll(values.annotate, run.items.map((x, i) => ({ report: visible[i]!, source: x.source })), files, io);
  if (failures.length > 0 || !ok || !annotated) return 2;
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`clauselint: too many warnings (${warnings}, at most ${maxWarnings} allowed)\n`);
    return 1;
  }
  return 0;
}

/**
 * --annotate: a copy of each DOCX input with the findings as Word comments.
 * PATH is the output file for one DOCX, or a directory (existing, or written
 * with a trailing slash) that receives each copy under its own file name.
 * Inputs are never written over. False when something could not be written.
 */
async function annotateAll(target: string, items: Array<{ report: FileReport; source: string }>, inputs: readonly string[], io: CliIo): Promise<boolean> {
  const [{ annotateDocx }, { writeAtomic }] = await Promise.all([import('../report/annotate.js'), import('./write.js')]);
  const docx = items.filter((x) => x.report.format === 'docx');
  for (const x of items) {
    if (x.report.format === 'pdf') io.stderr(`clauselint: ${safePath(x.report.path)}: a PDF cannot carry Word comments: annotate the DOCX it was made from\n`);
    else if (x.report.format !== 'docx') io.stderr(`clauselint: ${safePath(x.report.path)}: not a DOCX, not annotated\n`);
  }
  if (docx.length === 0) {
    io.stderr('clauselint: --annotate: no DOCX file to annotate\n');
    return false;
  }
  const isDir = target.endsWith('/') || target.endsWith(sep) || (await stat(resolve(io.cwd, target)).then((s) => s.isDirectory(), () => false));
  if (!isDir && docx.length > 1) {
    io.stderr(`clauselint: --annotate: ${docx.length} DOCX files to annotate: give a directory, not "${safePath(target)}"\n`);
    return false;
  }
  const outputs = docx.map((x) => ({ ...x, out: isDir ? join(target, basename(x.source)) : target }));
  let ok = true;
  const seen = new Set<string>();
  for (const x of outputs) {
    const key = resolve(io.cwd, x.out);
    if (seen.has(key)) {
      io.stderr(`clauselint: ${safePath(x.out)}: two inputs have this file name; annotate them separately\n`);
      ok = false;
      continue;
    }
    seen.add(key);
    try {
      const bytes = await readInput(resolve(io.cwd, x.source));
      const { bytes: annotated } = annotateDocx(bytes, x.report.findings, { date: new Date() });
      await writeAtomic(x.out, annotated, inputs, io.cwd);
    } catch (err) {
      const problem = err instanceof Error && 'problem' in err ? String((err as { problem: unknown }).problem) : (err as Error).message;
      io.stderr(`clauselint: ${safePath(x.out)}: ${problem}\n`);
      ok = false;
    }
  }
  return ok;
}

/**
 * `compare OLD_DIR NEW_DIR` (or `--pack`): each side linted as one pack, then compared as one document whose
 * clauses are the pack's and whose findings are every file's, each clause number qualified by its file.
 */
async function comparePacks(args: [string, string], opts: import('./lint-run.js').RunOptions, io: CliIo): Promise<[[FileReport, FileReport], import('./lint-run.js').LintRun] | number> {
  const [{ runLint }, { expandPatterns }, { withoutSuppressed }] = await Promise.all([import('./lint-run.js'), import('./files.js'), import('../lint/suppress.js')]);
  const side = async (dir: string): Promise<[FileReport, import('./lint-run.js').LintRun] | number> => {
    const run = await runLint(await expandPatterns([dir], io.cwd), { ...opts, pack: true }, io);
    if (typeof run === 'number') return run;
    if (run.failures.length > 0 || run.packs.length !== 1) return 2;
    const pack = run.packs[0]!;
    const findings = withoutSuppressed(run.items.map((x) => x.report)).flatMap((r) => r.findings.map((f) => ({
      ...f, section: { number: `${basename(r.path)}${f.section?.number ? ` ${f.section.number}` : ''}`, heading: f.section?.heading ?? null },
    })));
    const report: FileReport = {
      path: dir, format: run.items[0]!.report.format, findings,
      clauses: pack.clauses.map((c) => ({ id: c.id, status: c.status, section: c.section, evidence: c.evidence, values: c.values })),
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warn').length,
      infoCount: findings.filter((f) => f.severity === 'info').length,
    };
    return [report, run];
  };
  const a = await side(args[0]);
  if (typeof a === 'number') return a;
  const b = await side(args[1]);
  if (typeof b === 'number') return b;
  return [[a[0], b[0]], b[1]];
}

/** `compare OLD NEW`: the findings of two drafts, matched by rule and clause. */
async function compare(args: string[], values: Values, io: CliIo): Promise<number> {
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json' && format !== 'markdown') {
    io.stderr(`clauselint: unknown compare format "${safePath(format)}" (expected stylish, json or markdown)\n`);
    return 2;
  }
  if (args.length !== 2) {
    io.stderr('clauselint: compare needs two files: OLD NEW\n');
    return 2;
  }
  const opts = await runOptions(values, io, false);
  if (typeof opts === 'string') {
    io.stderr(`clauselint: ${safePath(opts)}\n`);
    return 2;
  }
  const { runLint } = await import('./lint-run.js');
  const { withoutSuppressed } = await import('../lint/suppress.js');
  let pair: [FileReport, FileReport];
  let run: import('./lint-run.js').LintRun;
  const isDir = async (p: string): Promise<boolean> => stat(resolve(io.cwd, p)).then((s) => s.isDirectory(), () => false);
  if (values.pack || ((await isDir(args[0]!)) && (await isDir(args[1]!)))) {
    // Two drafts of a pack: each folder (or set) linted as one contract, compared as one.
    const sides = await comparePacks(args as [string, string], opts, io);
    if (typeof sides === 'number') return sides;
    [pair, run] = sides;
  } else {
    const one = await runLint(args, opts, io);
    if (typeof one === 'number') return one;
    if (one.failures.length > 0) return 2;
    if (one.items.length !== 2) {
      io.stderr(`clauselint: compare: ${one.ignored.map(safePath).join(', ')} ignored by the config\n`);
      return 2;
    }
    run = one;
    pair = withoutSuppressed(one.items.map((x) => x.report)) as [FileReport, FileReport];
  }
  const [oldReport, newReport] = pair;
  const { compareReports, compareExitCode, formatCompareJson, formatCompareMarkdown, formatCompareStylish } = await import('../report/compare.js');
  const c = compareReports(oldReport, newReport);
  const { colours, reportMeta } = await import('./render.js');
  const text = format === 'json' ? formatCompareJson(c)
    : format === 'markdown' ? formatCompareMarkdown(c, await reportMeta(values, [], run))
      : formatCompareStylish(c, await colours(values, io));
  const ok = await writeOutput(io, values['output-file'], text, args);
  return ok ? compareExitCode(c) : 2;
}
