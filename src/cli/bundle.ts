import { main } from './main.js';
import run from './worker.js';

/** What the built CLI's one bundle (dist/src/cli/clauselint.cjs) gives its start-up modules. */
export interface Bundle {
  /** The CLI on this process: the only place that touches process.* and its exit code. */
  runCli(): Promise<number>;
  /** The worker-thread task (piscina). */
  worker: typeof run;
}

export function runCli(): Promise<number> {
  return main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  });
}

export { run as worker };
