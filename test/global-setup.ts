import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI tests run what users run: bin/clauselint.js → the esbuild bundle in dist/. Build it once
 * before any test file starts, from the sources as they are now, so that no test runs a stale
 * bundle (or, as before, src/ through tsx while users ran a broken bundle).
 */
export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stderr}${r.stdout}`);
}
