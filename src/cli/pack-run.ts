import { basename, dirname } from 'node:path';
import type { PackReport } from '../lint/pack.js';
import type { BatchItem } from './batch.js';
import { readInput } from './io.js';
import type { LintResult, LintTask, ReadResult } from './lint-file.js';

/**
 * A contract pack from the CLI (`--pack`, config `packs`): its files read (on worker threads when there are
 * many), linted together in-process (src/lint/pack.ts: the documents must be in one place), and each file's report
 * given its inline suppressions, in the order given. A file that cannot be read is reported on its line and the
 * pack goes on without it.
 */

export interface PackRun {
  results: LintResult[];
  pack: PackReport | null;
}

/** A pack's name: the folder its files share, else "pack". */
export function packName(sources: readonly string[]): string {
  const dirs = new Set(sources.map((s) => dirname(s)));
  return dirs.size === 1 ? basename([...dirs][0]!) || 'pack' : 'pack';
}

/**
 * Read the pack's files: on worker threads when there are many (reading is most of the work that needs no other
 * file), else in-process. Results in input order.
 */
async function readAll(items: readonly BatchItem[], workers: number | 'auto', onRead: (index: number, r: ReadResult) => void): Promise<void> {
  const [{ readTask }, { workerCount }] = await Promise.all([import('./lint-file.js'), import('./batch.js')]);
  const tasks: Array<LintTask | ReadResult> = [];
  for (const item of items) {
    try {
      const bytes = await readInput(item.source, item.maxBytes);
      tasks.push({ path: item.path, bytes, setup: item.setup, rules: [], ...(item.revisions ? { revisions: item.revisions } : {}), ...(item.timeout ? { timeout: item.timeout } : {}) });
    } catch (err) {
      tasks.push({ ok: false, error: (err as { problem?: string }).problem ?? (err as Error).message });
    }
  }
  const n = workerCount(workers, tasks.filter((t) => !('ok' in t)).length);
  if (n <= 1) {
    for (const [i, t] of tasks.entries()) onRead(i, 'ok' in t ? t : await readTask(t));
    return;
  }
  const { LintPool } = await import('./pool.js');
  const pool = await LintPool.create(n);
  try {
    // Each document is handed on as it arrives: the main thread analyses it while the workers read the next ones.
    await Promise.all(tasks.map(async (t, i) => onRead(i, 'ok' in t ? t : await pool.read(t))));
  } finally {
    await pool.destroy();
  }
}

export async function lintPackItems(name: string, items: readonly BatchItem[], workers: number | 'auto' = 'auto'): Promise<PackRun> {
  const [{ lintPack, prepareMember }, { registryFor }, { applyInlineDirectives, recount, SUPPRESSION_RULE_IDS }, { deadline, TimeoutError }] = await Promise.all([
    import('../lint/pack.js'), import('./registry.js'), import('../lint/suppress.js'), import('./lint-file.js'),
  ]);
  const results: Array<LintResult | null> = items.map(() => null);
  const slots: Array<{ index: number; member: import('../lint/pack.js').PackMember; known: Set<string> } | null> = items.map(() => null);
  // The pack's time to lint: each file's allowance, summed (0 anywhere: none).
  const seconds = items.some((x) => !x.timeout) ? 0 : items.reduce((n, x) => n + (x.timeout ?? 0), 0);
  const checkpoint = deadline(seconds);
  const registries = await Promise.all(items.map((item) => registryFor(item.setup)));
  let failure: string | null = null;
  await readAll(items, workers, (index, r) => {
    if (!r.ok) {
      results[index] = r;
      return;
    }
    const registry = registries[index]!.rules;
    const playbook = { rules: new Map(items[index]!.rules) };
    let prepared;
    try {
      prepared = failure === null ? prepareMember(r.doc, playbook, registry, checkpoint) : undefined;
    } catch (err) {
      failure = err instanceof TimeoutError ? err.message : `lint failed: ${(err as Error).message.split('\n')[0]}`;
    }
    slots[index] = { index, member: { doc: r.doc, playbook, registry, ...(prepared ? { prepared } : {}) }, known: new Set([...registry.keys(), ...SUPPRESSION_RULE_IDS]) };
  });
  const members = slots.filter((s): s is NonNullable<typeof s> => s !== null);
  if (failure !== null) {
    for (const m of members) results[m.index] = { ok: false, error: failure };
    return { results: results.map((r) => r!), pack: null };
  }
  let pack: PackReport | null = null;
  if (members.length > 0) {
    try {
      const out = lintPack(name, members.map((m) => m.member), { checkpoint });
      pack = out.pack;
      out.reports.forEach((report, k) => {
        const m = members[k]!;
        results[m.index] = { ok: true, report: recount(applyInlineDirectives(report, m.member.doc, m.known)) };
      });
    } catch (err) {
      const error = err instanceof TimeoutError ? err.message : `lint failed: ${(err as Error).message.split('\n')[0]}`;
      for (const m of members) results[m.index] = { ok: false, error };
    }
  }
  return { results: results.map((r) => r!), pack };
}
