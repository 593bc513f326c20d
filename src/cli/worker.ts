import { type LintResult, type LintTask, lintTask } from './lint-file.js';

/** The worker-thread entry point (piscina): lint one file. */
export default function run(task: LintTask): Promise<LintResult> {
  return lintTask(task);
}
