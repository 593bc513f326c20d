import { parentPort } from 'node:worker_threads';
import { type LintResult, type LintTask, lintTask, type ReadResult, readTask } from './lint-file.js';

/** The message a worker posts when a file's time starts (the pool's hard timeout runs from then). */
export interface StartedMessage {
  clauselintStarted: number;
}

/** The worker-thread entry point (piscina): lint one file, or only read it (`readOnly`). */
export default function run(task: LintTask): Promise<LintResult | ReadResult> {
  const id = task.id;
  const started = id === undefined ? undefined : (): void => parentPort?.postMessage({ clauselintStarted: id } satisfies StartedMessage);
  return task.readOnly ? readTask(task, started) : lintTask(task, started);
}
