import { basename, dirname } from 'node:path';
import type { PackReport } from '../lint/pack.js';
import type { BatchItem } from './batch.js';
import { readInput } from './io.js';
import type { LintResult } from './lint-file.js';

/**
 * A contract pack from the CLI (`--pack`): its files read, linted together (src/lint/pack.ts), and each file's
 * report given its inline suppressions, in the order given. A file that cannot be read is reported on its line and
 * the pack goes on without it. Packs are linted in-process: the documents must be in one place.
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

export async function lintPackItems(name: string, items: readonly BatchItem[]): Promise<PackRun> {
  const [{ InputError, readDocument }, { lintPack }, { registryFor }, { applyInlineDirectives, recount, SUPPRESSION_RULE_IDS }, { deadline, TimeoutError }] = await Promise.all([
    import('../read/index.js'), import('../lint/pack.js'), import('./registry.js'), import('../lint/suppress.js'), import('./lint-file.js'),
  ]);
  const results: Array<LintResult | null> = items.map(() => null);
  const members: Array<{ index: number; member: import('../lint/pack.js').PackMember; known: Set<string> }> = [];
  // The pack's time: each file's allowance, summed (0 anywhere: none).
  const seconds = items.some((x) => !x.timeout) ? 0 : items.reduce((n, x) => n + (x.timeout ?? 0), 0);
  const checkpoint = deadline(seconds);
  for (const [index, item] of items.entries()) {
    try {
      const bytes = await readInput(item.source, item.maxBytes);
      const doc = await readDocument(item.path, bytes, undefined, { checkpoint, ...(item.revisions ? { revisions: item.revisions } : {}) });
      const registry = await registryFor(item.setup);
      members.push({ index, member: { doc, playbook: { rules: new Map(item.rules) }, registry: registry.rules }, known: new Set([...registry.rules.keys(), ...SUPPRESSION_RULE_IDS]) });
    } catch (err) {
      if (err instanceof InputError) results[index] = { ok: false, error: err.problem };
      else if (err instanceof TimeoutError) results[index] = { ok: false, error: err.message };
      else results[index] = { ok: false, error: `cannot read: ${(err as Error).message.split('\n')[0]}` };
    }
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
