import { fileURLToPath } from 'node:url';
import type { LintTask } from './lint-file.js';
import { loadBundle } from './code-cache.js';

// The built CLI's worker-thread entry (dist/src/cli/worker.js, started by piscina): the same bundle and cache as
// the main thread. A worker that found no cache writes it after its first file, with the linting code compiled.
const loaded = loadBundle(fileURLToPath(new URL('./clauselint.cjs', import.meta.url)));

export default async function run(task: LintTask): ReturnType<typeof loaded.bundle.worker> {
  try {
    return await loaded.bundle.worker(task);
  } finally {
    loaded.save();
  }
}
