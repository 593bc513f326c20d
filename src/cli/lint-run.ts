import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { globsMatch, isIgnored, packOf, playbookFor } from '../config/resolve.js';
import { ConfigError } from '../config/schema.js';
import { applyBaseline, applyWaivers, buildBaseline, recount, SUPPRESSION_RULES } from '../lint/suppress.js';
import type { PackReport } from '../lint/pack.js';
import type { FileReport, RuleMeta } from '../lint/types.js';
import { BaselineError, loadBaseline, saveBaseline } from './baseline.js';
import type { BatchItem } from './batch.js';
import { type CliIo, DEFAULT_MAX_FILE_MB, mbToBytes, safePath } from './io.js';
import type { ConfigContext } from './setup.js';
import { WriteError } from './write.js';

export interface RunOptions {
  config?: string | undefined;
  preset?: string | undefined;
  quiet?: boolean | undefined;
  /** DOCX with tracked changes: which text to lint. */
  revisions?: 'accepted' | 'original' | undefined;
  workers: number | 'auto';
  /** The cache file (absolute), or null without --cache. */
  cache: string | null;
  /** The baseline file (absolute) and what to do with it, or null. */
  baseline: { file: string; explicit: boolean; write: boolean } | null;
  /** Draw a progress bar on this terminal. */
  progress: NodeJS.WritableStream | null;
  /** --max-file-size (MB): overrides the configs' `maxFileSize`. */
  maxFileSize?: number | undefined;
  /** --timeout (seconds, 0: none): overrides the configs' `timeout`. */
  timeout?: number | undefined;
  /** --pack: every file given is one contract. */
  pack?: boolean | undefined;
  /** --shard I/N: lint only the files (and packs) whose stable hash falls in shard I of N. */
  shard?: { index: number; count: number } | null | undefined;
}

/** The shard (0-based) a key falls in: a stable hash, the same on every machine and run. */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

export interface LintRun {
  /** Each report, with the path its document was read from, in input order. */
  items: Array<{ report: FileReport; source: string }>;
  /** Files that could not be read, as given. */
  failures: Array<{ path: string; error: string }>;
  relativeName: (p: string) => string;
  /** Every rule the reports may name (built-in, custom, plugin; the suppression notes that occur). */
  rules: RuleMeta[];
  clauseTitles: Record<string, string>;
  /** Files skipped because a config's `ignores` names them. */
  ignored: string[];
  /** The packs linted as one contract (--pack), with their clause coverage. */
  packs: PackReport[];
}

/** Today as YYYY-MM-DD in local time (a waiver applies until the end of its expiry day). */
export function today(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function posix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * Lint files under their configs: discover each file's config, skip ignored
 * files, lint (cache, workers, progress), then apply waivers and the baseline,
 * and --quiet. A number: the run stopped on a config or baseline error
 * (already reported) with that exit code.
 */
export async function runLint(files: readonly string[], opts: RunOptions, io: CliIo): Promise<LintRun | number> {
  const { Contexts } = await import('./setup.js');
  const relativeName = (p: string): string => {
    const r = relative(io.cwd, resolve(io.cwd, p));
    return r === '' || r.startsWith('..') || isAbsolute(r) ? p : r;
  };
  const contexts = new Contexts({ config: opts.config, preset: opts.preset, display: relativeName });
  const plan = await planRun(files, opts, io, contexts, relativeName);
  if (typeof plan === 'number') return plan;
  const { results, packs } = await lintPlanned(plan, opts, io, relativeName);

  const failures: LintRun['failures'] = [];
  let items: LintRun['items'] = [];
  const day = today();
  for (const [i, r] of results.entries()) {
    const m = plan.meta[i]!;
    if (!r.ok) {
      failures.push({ path: m.given, error: r.error });
      io.stderr(`clauselint: ${safePath(m.given)}: ${r.error}\n`);
      continue;
    }
    let report = r.report;
    for (const w of m.ctx.waivers) {
      report = applyWaivers(report, w.list, (globs) => globsMatch(w.dir, globs, m.source), day, w.file);
    }
    items.push({ report, source: m.given });
  }
  if (opts.baseline) {
    const applied = await baselineStep(items, plan.baseline, opts.baseline, files, io, relativeName);
    if (typeof applied === 'number') return applied;
    items = applied;
  }
  if (opts.quiet) {
    items = items.map((x) => ({ ...x, report: recount({ ...x.report, findings: x.report.findings.filter((f) => f.severity === 'error') }) }));
  }
  const { rules, clauseTitles } = await ruleMetas(contexts, items);
  return { items, failures, relativeName, rules, clauseTitles, ignored: plan.ignored, packs };
}

type Contexts = import('./setup.js').Contexts;
type Baseline = Awaited<ReturnType<typeof loadBaseline>>;

/** What a run lints: each file's batch item and config, the files its configs ignore, and the baseline read. */
interface Plan {
  batch: BatchItem[];
  meta: Array<{ given: string; source: string; ctx: ConfigContext }>;
  ignored: string[];
  baseline: Baseline;
}

/** Each file's config, playbook and limits (its shard's files only), and the baseline; an exit code on a bad config. */
async function planRun(files: readonly string[], opts: RunOptions, io: CliIo, contexts: Contexts, relativeName: (p: string) => string): Promise<Plan | number> {
  const { DEFAULT_TIMEOUT_SECONDS } = await import('./batch.js');
  const plan: Plan = { batch: [], meta: [], ignored: [], baseline: null };
  try {
    for (const given of files) {
      const source = resolve(io.cwd, given);
      const ctx = await contexts.forFile(source);
      if (isIgnored(ctx.resolved, source)) {
        plan.ignored.push(given);
        continue;
      }
      if (opts.shard) {
        // A pack is one unit of work; a file alone is keyed by its path relative to the working directory.
        const p = opts.pack ? { dir: '', name: '--pack' } : packOf(ctx.resolved, source);
        const key = p ? `pack:${posix(relative(io.cwd, p.dir))}:${p.name}` : posix(relativeName(given));
        if (shardOf(key, opts.shard.count) !== opts.shard.index - 1) continue;
      }
      const playbook = playbookFor(ctx.resolved, source);
      plan.batch.push({
        source, path: relativeName(given), setup: ctx.setup,
        rules: [...playbook.rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        ...(opts.revisions ? { revisions: opts.revisions } : {}),
        maxBytes: mbToBytes(opts.maxFileSize ?? ctx.limits.maxFileSize ?? DEFAULT_MAX_FILE_MB),
        timeout: opts.timeout ?? ctx.limits.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      });
      plan.meta.push({ given, source, ctx });
    }
    if (opts.baseline) {
      plan.baseline = await loadBaseline(opts.baseline.file);
      if (plan.baseline === null && opts.baseline.explicit && !opts.baseline.write) throw new BaselineError('no such file');
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`clauselint: ${safePath(err.message)}\n`);
      return 2;
    }
    if (err instanceof BaselineError) {
      io.stderr(`clauselint: ${safePath(relativeName(opts.baseline!.file))}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return plan;
}

/**
 * Lint what was planned. Packs (--pack: every file; else a config's `packs`) are linted together, in-process,
 * without the cache: a file's findings depend on the others. The other files go through the batch.
 */
async function lintPlanned(plan: Plan, opts: RunOptions, io: CliIo, relativeName: (p: string) => string): Promise<{ results: Array<import('./lint-file.js').LintResult>; packs: PackReport[] }> {
  const { batch, meta } = plan;
  const packs: PackReport[] = [];
  const groups = new Map<string, { name: string; indexes: number[] }>();
  meta.forEach((m, i) => {
    const p = opts.pack ? { dir: '', name: '' } : packOf(m.ctx.resolved, m.source);
    if (!p) return;
    const key = `${p.dir}\u0000${p.name}`;
    if (!groups.has(key)) groups.set(key, { name: p.name, indexes: [] });
    groups.get(key)!.indexes.push(i);
  });
  const results: Array<import('./lint-file.js').LintResult> = new Array(batch.length);
  const grouped = new Set([...groups.values()].flatMap((g) => g.indexes));
  const single = batch.map((_, i) => i).filter((i) => !grouped.has(i));
  let cache: import('./cache.js').LintCache | null = null;
  if (single.length > 0) {
    const [{ lintBatch }, { LintCache }] = await Promise.all([import('./batch.js'), import('./cache.js')]);
    if (opts.cache) cache = await LintCache.load(opts.cache);
    const out = await lintBatch(single.map((i) => batch[i]!), { workers: opts.workers, cache, progress: opts.quiet ? null : opts.progress });
    single.forEach((i, k) => (results[i] = out[k]!));
  }
  if (groups.size > 0) {
    const { lintPackItems, packName } = await import('./pack-run.js');
    for (const g of groups.values()) {
      const items = g.indexes.map((i) => batch[i]!);
      const run = await lintPackItems(g.name || packName(items.map((b) => b.source)), items, opts.workers);
      g.indexes.forEach((i, k) => (results[i] = run.results[k]!));
      if (run.pack) packs.push(run.pack);
    }
  }
  if (cache) {
    try {
      await cache.save(io.cwd);
    } catch (err) {
      io.stderr(`clauselint: ${safePath(relativeName(cache.file))}: cannot write the cache: ${err instanceof WriteError ? err.reason : (err as Error).message}\n`);
    }
  }
  return { results, packs };
}

/** --write-baseline records the findings; a baseline read then hides the findings it lists. An exit code on failure. */
async function baselineStep(items: LintRun['items'], read: Baseline, opts: NonNullable<RunOptions['baseline']>, files: readonly string[], io: CliIo, relativeName: (p: string) => string): Promise<LintRun['items'] | number> {
  const dir = dirname(opts.file);
  const keyOf = (source: string): string => posix(relative(dir, resolve(io.cwd, source)));
  let baseline = read;
  if (opts.write) {
    baseline = buildBaseline(baseline, items.map((x) => ({ key: keyOf(x.source), report: x.report })));
    try {
      await saveBaseline(opts.file, baseline, files, io.cwd);
    } catch (err) {
      io.stderr(`clauselint: ${safePath(relativeName(opts.file))}: ${(err as Error).message}\n`);
      return 2;
    }
    const n = Object.values(baseline.files).reduce((a, l) => a + l.reduce((b, e) => b + e.count, 0), 0);
    const k = Object.keys(baseline.files).length;
    io.stderr(`clauselint: wrote ${n} finding${n === 1 ? '' : 's'} in ${k} file${k === 1 ? '' : 's'} to ${safePath(relativeName(opts.file))}\n`);
  }
  if (!baseline) return items;
  const b = baseline;
  const shown = relativeName(opts.file);
  return items.map((x) => ({ ...x, report: applyBaseline(x.report, b.files[keyOf(x.source)], shown) }));
}

/** Every rule the reports may name (built-in, custom, plugin; the suppression notes that occur), and clause titles. */
async function ruleMetas(contexts: Contexts, items: LintRun['items']): Promise<{ rules: RuleMeta[]; clauseTitles: Record<string, string> }> {
  const rules = new Map<string, RuleMeta>();
  const clauseTitles: Record<string, string> = {};
  for (const ctx of await contexts.all()) {
    for (const rule of ctx.registry.rules.values()) {
      if (!rules.has(rule.meta.id)) rules.set(rule.meta.id, rule.meta);
      if (rule.meta.title) clauseTitles[rule.meta.id] = rule.meta.title;
    }
  }
  const used = new Set(items.flatMap((x) => x.report.findings.map((f) => f.ruleId)));
  for (const r of SUPPRESSION_RULES) {
    if (used.has(r.id)) rules.set(r.id, { ...r, clause: false, schema: {}, defaultOptions: {}, messages: {} });
  }
  return { rules: [...rules.values()], clauseTitles };
}
