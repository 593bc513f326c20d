import { readFileSync } from 'node:fs';

/** The package version, read once from package.json next to the build. */
export const VERSION: string = (() => {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'clauselint' && pkg.version) return pkg.version;
    } catch {
      // try the next location (src/cli or dist/src/cli)
    }
  }
  return '0.0.0';
})();
