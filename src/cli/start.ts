import { fileURLToPath } from 'node:url';
import { loadBundle } from './code-cache.js';
import { setV8FlagsForLinting } from './v8-flags.js';
import { VERSION } from './version.js';

// The built CLI's start (dist/src/cli/run.js, from bin/clauselint.js): the bundle beside it, with the code cache.
// `--version` alone answers without it (a script asking which clauselint is installed pays no start-up).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  setV8FlagsForLinting();
  const loaded = loadBundle(fileURLToPath(new URL('./clauselint.cjs', import.meta.url)));
  process.exitCode = await loaded.bundle.runCli();
  loaded.save();
}
