/**
 * npm run build — the CLI as a few bundled ES modules in dist/src/cli/.
 *
 * Why a bundle: a run used to load ~300 modules (our ~150 plus remark/micromark's many small
 * packages), and resolving and compiling them was most of a pre-commit run on one contract.
 * esbuild bundles src/ and the dependencies; code splitting keeps what a run does not need
 * (the DOCX reader for a Markdown file, reports other than the one asked for, ajv for a run
 * without a config file, `--version`) in chunks loaded on demand. Every chunk sits in
 * dist/src/cli/, so the paths the CLI resolves from its own location (package.json,
 * rules/<id>.md, worker.js) stay as they were. piscina stays outside the bundle: it starts
 * its worker threads from its own files. Type checking is `npm run typecheck` (tsc --noEmit).
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'src', 'cli');
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/run.ts', 'src/cli/worker.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  external: ['piscina'],
  // CommonJS dependencies (yauzl, saxes, ajv …) call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __clauselintRequire } from 'node:module'; const require = __clauselintRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
