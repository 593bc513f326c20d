import { main } from './main.js';
import type run from './worker.js';

/** What the built CLI's one bundle (dist/src/cli/clauselint.cjs) gives its start-up modules. */
export interface Bundle {
  /** The CLI on this process: the only place that touches process.* and its exit code. */
  runCli(): Promise<number>;
  /** The worker-thread task (piscina). */
  worker: typeof worker;
}

/** The exit code of a process that wrote to a pipe whose reader had gone: 128 + SIGPIPE, as `cat` or `grep` give. */
const BROKEN_PIPE = 141;

/**
 * When the reader of the output goes away (`clauselint … | head`), Node reports EPIPE as an 'error' event, and
 * without a listener that is a crash with a stack trace. The run stops there, quietly, with BROKEN_PIPE: not 0, so
 * that a pipeline with `set -o pipefail` does not pass a contract that was never fully checked.
 */
function stopOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(BROKEN_PIPE);
  });
}

export function runCli(): Promise<number> {
  stopOnBrokenPipe(process.stdout);
  stopOnBrokenPipe(process.stderr);
  return main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  });
}

/** The worker-thread task; its module (and node:worker_threads) is loaded only on a worker thread. */
export async function worker(task: Parameters<typeof run>[0]): ReturnType<typeof run> {
  return (await import('./worker.js')).default(task);
}
