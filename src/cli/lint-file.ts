import { lintDocument, type RuleSetting } from '../lint/engine.js';
import { applyInlineDirectives, recount, SUPPRESSION_RULE_IDS } from '../lint/suppress.js';
import type { FileReport } from '../lint/types.js';
import { InputError, readDocument } from '../read/index.js';
import { type LintSetup, registryFor } from './registry.js';

/** One file to lint: plain data, so that it can go to a worker thread. */
export interface LintTask {
  /** The path as reported (relative to the working directory when inside it). */
  path: string;
  bytes: Uint8Array;
  setup: LintSetup;
  /** The file's playbook: rule id → severity and options. */
  rules: Array<[string, RuleSetting]>;
  /** DOCX with tracked changes: which text to lint (default: accepted). */
  revisions?: 'accepted' | 'original';
}

export type LintResult = { ok: true; report: FileReport } | { ok: false; error: string };

/** Read, lint and apply the document's inline suppressions: the part of a run that depends only on the file and its playbook. */
export async function lintTask(task: LintTask): Promise<LintResult> {
  const registry = await registryFor(task.setup);
  let doc;
  try {
    doc = await readDocument(task.path, task.bytes, undefined, task.revisions ? { revisions: task.revisions } : {});
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.problem };
    return { ok: false, error: `cannot read: ${(err as Error).message.split('\n')[0]}` };
  }
  let report;
  try {
    report = lintDocument(doc, { rules: new Map(task.rules) }, registry.rules);
  } catch (err) {
    return { ok: false, error: `lint failed: ${(err as Error).message.split('\n')[0]}` };
  }
  const known = new Set([...registry.rules.keys(), ...SUPPRESSION_RULE_IDS]);
  return { ok: true, report: recount(applyInlineDirectives(report, doc, known)) };
}
