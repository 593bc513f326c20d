import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';
import { HOST_IMPORT } from '../host-import.js';
import type { Bundle } from './bundle.js';

/**
 * Start-up with V8's code cache, on every Node version clauselint supports.
 *
 * A one-file run spent about a fifth of its time parsing and compiling clauselint's own JavaScript, again on every
 * run (Node 22.1 keeps V8's compiled code between runs with `module.enableCompileCache()`; Node 20 has nothing for
 * ES modules): with the cache, a run on the corpus's 22 KB DPA takes 0.30 s instead of 0.39 s. So the CLI is built as one CommonJS bundle (dist/src/cli/clauselint.cjs), and this
 * module runs it as a `vm.Script` with the code V8 compiled for it on an earlier run: the bytecode of every
 * function that run used, kept in the user's cache folder. V8 checks the data against its own version and flags
 * and rejects what does not fit; the file name carries the bundle's content hash, so a new build never reads the
 * code of an old one.
 *
 * The first run with a given build and Node writes the cache, after its work (the code it compiled is then in
 * it): the process that lints in-process, or a worker thread after its first file (a batch's main thread does no
 * linting, so it writes only when no worker did). A cache that cannot be read or written is no error: the run
 * compiles as before. CLAUSELINT_CODE_CACHE=0 turns it off.
 *
 * Not a start-up snapshot (`node --build-snapshot`, Node 20): a snapshot of the loaded bundle ran the same one-file
 * lint in 1.13× the time of this cache (15 paired whole-process runs), as it holds the objects but not the
 * compiled functions; warming the functions up in the snapshot's builder crashed V8. And a snapshot needs Node
 * started with `--snapshot-blob`, which bin/clauselint.js cannot pass without starting a second process.
 */

/** Set at build time (scripts/build.mjs): the bundle's SHA-256, a prefix of it. */
declare const __CLAUSELINT_BUNDLE_HASH__: string;

interface Loaded {
  bundle: Bundle;
  /** Write the cache now, if this process found none it could use (at most once). */
  save(): void;
}

function cacheFolder(): string | null {
  if (process.env.CLAUSELINT_CODE_CACHE === '0') return null;
  const env = process.env;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'clauselint');
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'clauselint', 'Cache') : null;
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home folder (a sandboxed user)
  }
  return isAbsolute(home) ? join(home, process.platform === 'darwin' ? 'Library/Caches' : '.cache', 'clauselint') : null;
}

/** Load the bundle beside this module, with the code cache when there is one. */
export function loadBundle(file: string): Loaded {
  // The bundle's import() of modules outside it (user configs, plugins, piscina, pdf.js) goes through this one.
  (globalThis as { [HOST_IMPORT]?: (s: string) => Promise<unknown> })[HOST_IMPORT] = (s) => import(s);
  const folder = cacheFolder();
  const name = `code-${__CLAUSELINT_BUNDLE_HASH__}-${process.version}-${process.arch}.bin`;
  let cachedData: Buffer | undefined;
  if (folder) {
    try {
      cachedData = readFileSync(join(folder, name));
    } catch {
      // none yet
    }
  }
  // CommonJS's own wrapper; the build writes the bundle in ASCII (scripts/build.mjs), so Latin-1 reads it exactly.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'latin1')}\n})`;
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const exports = {};
  const module = { exports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(exports, exports, createRequire(file), module, file, dirname(file));
  let pending = folder !== null && (!cachedData || script.cachedDataRejected === true);
  const startedAt = Date.now();
  return {
    bundle: module.exports as Bundle,
    save() {
      if (!pending || !folder) return;
      pending = false;
      if (writtenSince(join(folder, name), startedAt)) return; // by a worker of this run, which linted
      writeCache(folder, name, script);
    },
  };
}

const KEEP = 8;

function pruneOldest(folder: string): void {
  const caches = readdirSync(folder)
    .filter((f) => f.startsWith('code-') && f.endsWith('.bin'))
    .map((f) => ({ path: join(folder, f), time: statSync(join(folder, f)).mtimeMs }))
    .sort((x, y) => y.time - x.time);
  for (const c of caches.slice(KEEP)) rmSync(c.path, { force: true });
}

function writtenSince(path: string, time: number): boolean {
  try {
    return statSync(path).mtimeMs >= time;
  } catch {
    return false;
  }
}

/**
 * Write atomically (a parallel run reads a whole file or none). Caches of other builds and Node versions stay, up
 * to KEEP in all, so that two installed versions used in turn (a project's and pre-commit's) do not drop each
 * other's cache on every run; beyond that the least recently written go.
 */
function writeCache(folder: string, name: string, script: Script): void {
  const tmp = join(folder, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, join(folder, name));
    pruneOldest(folder);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is not there to write in
    }
  }
}
