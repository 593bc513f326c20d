import { parentPort } from 'node:worker_threads';
import { type LintResult, type LintTask, lintTask } from './lint-file.js';

/** The message a worker posts when a file's time starts (the pool's hard timeout runs from then). */
export interface StartedMessage {
  clauselintStarted: number;
}

/** The worker-thread entry point (piscina): lint one file. */
export default function run(task: LintTask): Promise<LintResult> {
  const id = task.id;
  return lintTask(task, id === undefined ? undefined : () => parentPort?.postMessage({ clauselintStarted: id } satisfies StartedMessage));
}
