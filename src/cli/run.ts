import { main } from './main.js';

// The process layer: the only place that touches process.* and exit codes.
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
});
process.exitCode = code;
