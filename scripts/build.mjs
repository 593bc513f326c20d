/**
 * npm run build — the CLI as one bundle in dist/src/cli/, with two small start-up modules.
 *
 * Why a bundle: a run used to load ~300 modules (our ~150 plus the dependencies' many small packages), and
 * resolving and compiling them was most of a pre-commit run on one contract. esbuild bundles src/ and the
 * dependencies into one CommonJS file, clauselint.cjs, which the start-up modules (run.js for bin/clauselint.js,
 * worker.js for piscina's worker threads) run with V8's code cache (src/cli/code-cache.ts): from the second run
 * on, the functions a run uses come compiled from the cache instead of being parsed and compiled again. That
 * took a one-file run (the corpus's 22 KB USDR model DPA, --preset outsourcing) from 0.39 s to 0.30 s (0.79×, medians of 11 paired
 * whole-process runs); the code splitting it replaces (ES module chunks loaded on demand) saved less, as Node 20
 * caches no compiled code for ES modules. `--version` alone is answered by run.js without loading the bundle.
 *
 * Every file sits in dist/src/cli/, so the paths the CLI resolves from its own location (package.json,
 * rules/<id>.md, worker.js) stay as they were. piscina and pdf.js stay outside the bundle: piscina starts its
 * worker threads from its own files, and pdf.js loads its worker module (run in the same thread under Node) from
 * beside its own; the bundle imports them, and users' config and plugin modules, through src/host-import.ts.
 * Type checking is `npm run typecheck` (tsc --noEmit).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
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
 * module.exports) and the named exports Node's cjs-module-lexer finds. esbuild's own shape can
 * differ: when the bundle was split into ES module chunks, such a package's only export was
 * `default`, so `const { parse } = await import('yaml')` ran under tsx and in the tests of src/,
 * and failed in the bundle users run ("parse is not a function"). So that the bundle never depends
 * on how esbuild wraps a package, this plugin gives every dynamic import of a bundled CommonJS
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
      // The path relative to the project: the bundle names the module by it, and must not carry the build
      // machine's folders (nor change with them: the code cache is keyed by the bundle's content).
      return { path: relative(root, resolved.path).split(sep).join('/'), namespace: 'commonjs-as-node-loads-it' };
    });
    b.onLoad({ filter: /.*/, namespace: 'commonjs-as-node-loads-it' }, async (args) => {
      const file = join(root, args.path);
      const names = Object.keys(await import(pathToFileURL(file).href)).filter((n) => n !== 'default' && n !== 'module.exports');
      const lines = [`const m = require(${JSON.stringify(`./${basename(file)}`)});`, 'export default m;'];
      names.forEach((n, i) => lines.push(`const e${i} = m[${JSON.stringify(n)}];`, `export { e${i} as ${JSON.stringify(n)} };`));
      return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(file) };
    });
  },
};
const outdir = join(root, 'dist', 'src', 'cli');
rmSync(join(root, 'dist'), { recursive: true, force: true });

// 1. The CLI and the worker's task as one CommonJS bundle, run by the start-up modules with V8's code cache
//    (src/cli/code-cache.ts). `import.meta.url` becomes the bundle's own URL: the paths resolved from it
//    (package.json, rules/<id>.md) stay as they were.
const bundle = join(outdir, 'clauselint.cjs');
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/bundle.ts'],
  outfile: bundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [dynamicCommonJsImports],
  define: { 'import.meta.url': '__clauselintUrl' },
  banner: { js: "const __clauselintUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});

// The bundle's few non-ASCII characters (’ “ — §) are in regular expressions — literals, and the String.raw sources
// they are built from — where esbuild leaves them as they are. Written as \u escapes, which mean the same there, the
// file is ASCII: read as Latin-1 it loads in under a millisecond (decoding the 2 MB as UTF-8 took 8–12 ms) and V8
// parses it as one-byte source. A one-file run: 0.97× the time (21 paired runs); outputs byte-identical.
const source = readFileSync(bundle, 'utf8');
// (After a backslash, "\\u…" would mean something else: refuse rather than guess.)
if (/\\[^\x00-\x7f]/.test(source)) throw new Error('clauselint.cjs: a non-ASCII character after a backslash; escape it in the source');
writeFileSync(bundle, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// 2. The two start-up modules (bin/clauselint.js imports run.js; piscina starts worker.js), small ES modules that
//    load the bundle. The cache file is named after the bundle's content, so no build reads another's code.
const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
await build({
  absWorkingDir: root,
  entryPoints: { run: 'src/cli/start.ts', worker: 'src/cli/worker-start.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { __CLAUSELINT_BUNDLE_HASH__: JSON.stringify(hash) },
  legalComments: 'none',
  logLevel: 'warning',
});
