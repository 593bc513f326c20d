import { lintDocument, type RuleSetting } from '../lint/engine.js';
import { applyInlineDirectives, recount, SUPPRESSION_RULE_IDS } from '../lint/suppress.js';
import type { FileReport } from '../lint/types.js';
import type { ContractDocument } from '../model.js';
import { InputError, readDocument } from '../read/index.js';
import { timedOut } from './io.js';
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
  /** Seconds this file may take to read and lint (0 or absent: no limit). */
  timeout?: number;
  /** The task's number in its batch (worker threads report when they start it). */
  id?: number;
  /** Only read the document (a pack's files are read on worker threads and linted together). */
  readOnly?: boolean;
}

export type LintResult = { ok: true; report: FileReport } | { ok: false; error: string };

export type ReadResult = { ok: true; doc: ContractDocument } | { ok: false; error: string };

/** Read one file into the document model, a failure as its one line (see lintTask). */
export async function readTask(task: LintTask, onStart?: () => void): Promise<ReadResult> {
  onStart?.();
  try {
    return { ok: true, doc: await readDocument(task.path, task.bytes, undefined, { checkpoint: deadline(task.timeout), ...(task.revisions ? { revisions: task.revisions } : {}) }) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.problem };
    if (err instanceof TimeoutError) return { ok: false, error: err.message };
    return { ok: false, error: `cannot read: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** Thrown at a checkpoint once the file's time is up. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** A checkpoint that throws a TimeoutError once `seconds` have passed since it was made. */
export function deadline(seconds: number | undefined): () => void {
  if (!seconds) return () => {};
  const end = performance.now() + seconds * 1000;
  return () => {
    if (performance.now() > end) throw new TimeoutError(timedOut(seconds));
  };
}

/**
 * Read, lint and apply the document's inline suppressions: the part of a run
 * that depends only on the file and its playbook. With a timeout, a deadline
 * is checked between the stages and between rules (cooperative: a stage that
 * never returns is stopped only on a worker thread, by the pool).
 * `onStart` is called when the file's time starts.
 */
export async function lintTask(task: LintTask, onStart?: () => void): Promise<LintResult> {
  const registry = await registryFor(task.setup);
  onStart?.();
  const checkpoint = deadline(task.timeout);
  let doc;
  try {
    doc = await readDocument(task.path, task.bytes, undefined, { checkpoint, ...(task.revisions ? { revisions: task.revisions } : {}) });
    checkpoint();
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.problem };
    if (err instanceof TimeoutError) return { ok: false, error: err.message };
    return { ok: false, error: `cannot read: ${(err as Error).message.split('\n')[0]}` };
  }
  let report;
  try {
    report = lintDocument(doc, { rules: new Map(task.rules) }, registry.rules, { checkpoint });
  } catch (err) {
    if (err instanceof TimeoutError) return { ok: false, error: err.message };
    return { ok: false, error: `lint failed: ${(err as Error).message.split('\n')[0]}` };
  }
  const known = new Set([...registry.rules.keys(), ...SUPPRESSION_RULE_IDS]);
  return { ok: true, report: recount(applyInlineDirectives(report, doc, known)) };
}
