/**
 * npm run build — the CLI as a few bundled ES modules in dist/src/cli/.
 *
 * Why a bundle: a run used to load ~300 modules (our ~150 plus remark/micromark's many small
 * packages), and resolving and compiling them was most of a pre-commit run on one contract.
 * esbuild bundles src/ and the dependencies; code splitting keeps what a run does not need
 * (the DOCX reader for a Markdown file, reports other than the one asked for, ajv for a run
 * without a config file, `--version`) in chunks loaded on demand. Every chunk sits in
 * dist/src/cli/, so the paths the CLI resolves from its own location (package.json,
 * rules/<id>.md, worker.js) stay as they were. piscina and pdf.js stay outside the bundle:
 * piscina starts its worker threads from its own files, and pdf.js loads its worker module
 * (run in the same thread under Node) from beside its own. Type checking is `npm run typecheck` (tsc --noEmit).
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTERNAL = ['piscina', 'pdfjs-dist'];

/** Is this resolved file CommonJS, as Node would load it (extension, else the nearest package.json's "type")? */
function isCommonJs(file) {
  const ext = extname(file);
  if (ext === '.cjs') return true;
  if (ext === '.mjs') return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type !== 'module';
    } catch {
      // no package.json here: look further up
    }
  }
  return true;
}

/**
 * `await import('yaml')` of a CommonJS package gives, in Node, a namespace with `default` (the
 * module.exports) and the named exports Node's cjs-module-lexer finds. esbuild, splitting code,
 * puts such a package in a chunk whose only export is `default`, so `const { parse } = await
 * import('yaml')` ran under tsx and in the tests of src/, and failed in the bundle users run
 * ("parse is not a function"). This plugin gives every dynamic import of a bundled CommonJS
 * package a small ES module with Node's shape instead: the export names are the ones Node itself
 * exposes (read by importing the package here, at build time), the values come from the bundled
 * module.exports. ES-module packages need nothing: esbuild keeps their named exports.
 */
const dynamicCommonJsImports = {
  name: 'dynamic-commonjs-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.path.startsWith('node:') || EXTERNAL.includes(args.path)) return undefined;
      const resolved = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
      if (resolved.errors.length > 0 || resolved.external || !isCommonJs(resolved.path)) return undefined;
      return { path: resolved.path, namespace: 'commonjs-as-node-loads-it' };
    });
    b.onLoad({ filter: /.*/, namespace: 'commonjs-as-node-loads-it' }, async (args) => {
      const names = Object.keys(await import(pathToFileURL(args.path).href)).filter((n) => n !== 'default' && n !== 'module.exports');
      const lines = [`const m = require(${JSON.stringify(args.path)});`, 'export default m;'];
      names.forEach((n, i) => lines.push(`const e${i} = m[${JSON.stringify(n)}];`, `export { e${i} as ${JSON.stringify(n)} };`));
      return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};
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
  external: EXTERNAL,
  plugins: [dynamicCommonJsImports],
  // CommonJS dependencies (yauzl, saxes, ajv …) call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __clauselintRequire } from 'node:module'; const require = __clauselintRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
