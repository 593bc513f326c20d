import { availableParallelism } from 'node:os';
import type { RuleSetting } from '../lint/engine.js';
import { LintCache } from './cache.js';
import { DEFAULT_MAX_BYTES, readInput } from './io.js';
import type { LintResult, LintTask } from './lint-file.js';
import { PROGRESS_MIN_FILES, type Progress, startProgress } from './progress.js';
import type { LintSetup } from './registry.js';
import { VERSION } from './version.js';

export interface BatchItem {
  /** Absolute path, for reading and the cache. */
  source: string;
  /** The path as reported. */
  path: string;
  setup: LintSetup;
  rules: Array<[string, RuleSetting]>;
  revisions?: 'accepted' | 'original';
  /** Largest file size read, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Seconds the file may take to read and lint (0 or absent: no limit). */
  timeout?: number;
}

/** The default time a file may take, in seconds (--timeout, config `timeout`). */
export const DEFAULT_TIMEOUT_SECONDS = 60;

export interface BatchOptions {
  /** 'auto': in-process for small batches, every core for large ones. 1: in-process. */
  workers: number | 'auto';
  cache: LintCache | null;
  /** A terminal to draw a progress bar on, or null. */
  progress: NodeJS.WritableStream | null;
}

/** With --workers auto, batches with fewer files to lint than this are linted in-process (a pre-commit run on a few files starts fast). */
export const AUTO_WORKERS_MIN_FILES = 16;

/** How many worker threads to use for `misses` files (1: lint in-process). */
export function workerCount(option: number | 'auto', misses: number, cores = availableParallelism()): number {
  if (misses <= 1) return 1;
  if (option === 'auto') return misses < AUTO_WORKERS_MIN_FILES ? 1 : Math.max(1, Math.min(cores, Math.ceil(misses / 4)));
  return Math.max(1, Math.min(option, misses));
}

/**
 * Lint a batch of files: each file is read and looked up in the cache, the
 * others are linted in-process or on a pool of worker threads (piscina).
 * Results come back in input order, so the output does not depend on the
 * number of workers.
 */
export async function lintBatch(items: readonly BatchItem[], opts: BatchOptions): Promise<LintResult[]> {
  const results: LintResult[] = new Array<LintResult>(items.length);
  const bar: Progress | null = opts.progress && items.length >= PROGRESS_MIN_FILES ? await startProgress(opts.progress, items.length) : null;
  const misses: Array<{ i: number; task: LintTask; key: string | null }> = [];
  try {
    for (const [i, item] of items.entries()) {
      let bytes: Uint8Array;
      try {
        bytes = await readInput(item.source, item.maxBytes ?? DEFAULT_MAX_BYTES);
      } catch (err) {
        results[i] = { ok: false, error: (err as { problem?: string }).problem ?? (err as Error).message };
        bar?.tick();
        continue;
      }
      let key: string | null = null;
      if (opts.cache) {
        key = LintCache.key({ version: VERSION, setup: item.setup.key, rules: [item.rules, item.revisions ?? null], content: bytes });
        const hit = opts.cache.get(item.source, key);
        if (hit) {
          results[i] = { ok: true, report: { ...hit, path: item.path } };
          bar?.tick();
          continue;
        }
      }
      misses.push({
        i, key,
        task: { path: item.path, bytes, setup: item.setup, rules: item.rules, ...(item.revisions ? { revisions: item.revisions } : {}), ...(item.timeout ? { timeout: item.timeout } : {}) },
      });
    }

    const n = workerCount(opts.workers, misses.length);
    const done = (m: (typeof misses)[number], r: LintResult): void => {
      results[m.i] = r;
      if (r.ok && opts.cache && m.key) opts.cache.set(items[m.i]!.source, m.key, r.report);
      bar?.tick();
    };
    if (n <= 1) {
      const { lintTask } = await import('./lint-file.js');
      for (const m of misses) {
        done(m, await lintTask(m.task));
        // Let the progress bar draw between files.
        if (bar) await new Promise<void>((r) => setImmediate(r));
      }
    } else {
      const { LintPool } = await import('./pool.js');
      const pool = await LintPool.create(n);
      try {
        await Promise.all(misses.map((m) => pool.run(m.task).then((r) => done(m, r))));
      } finally {
        await pool.destroy();
      }
    }
  } finally {
    bar?.stop();
  }
  return results;
}
