import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

export const EXTENSIONS = ['docx', 'pdf', 'md', 'markdown', 'txt'];

export class PatternError extends Error {}

/**
 * Expand files, directories and globs (ESLint-style): a directory means every
 * contract file below it; .gitignore is respected; a pattern that matches
 * nothing is an error. Files named explicitly are kept even if ignored.
 */
export async function expandPatterns(patterns: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const pattern of patterns) {
    // "" would resolve to the working directory, and from there the glob to "/**": the whole disk.
    if (pattern === '') throw new PatternError('no files matching "" (an empty argument: an unset shell variable?)');
    let isDir = false;
    let isFile = false;
    try {
      const s = await stat(resolve(cwd, pattern));
      isDir = s.isDirectory();
      isFile = s.isFile();
    } catch {
      // not a path: a glob, or a missing file (reported below)
    }
    if (isFile) {
      add(pattern);
      continue;
    }
    const glob = isDir ? `${pattern.replace(/[\\/]+$/, '')}/**/*.{${EXTENSIONS.join(',')}}` : pattern;
    const hasMagic = /[*?[\]{}()!]/.test(pattern);
    if (!isDir && !hasMagic) {
      add(pattern); // a missing file: the reader reports it on one line
      continue;
    }
    const found = (await search(glob, cwd, pattern))
      .filter((f) => EXTENSIONS.some((e) => f.toLowerCase().endsWith(`.${e}`)) && !/(^|\/)~\$/.test(f))
      .sort();
    if (found.length === 0) throw new PatternError(`no files matching "${pattern}"`);
    found.forEach(add);
  }
  return out;
}

/** The files a glob matches; a folder it cannot read (EACCES) is the pattern's one-line error, not a crash. */
async function search(glob: string, cwd: string, pattern: string): Promise<string[]> {
  // globby (with fast-glob, 300 KB) is loaded only when there is something to glob.
  const { globby } = await import('globby');
  try {
    return await globby(glob, { cwd, gitignore: true, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.code ?? e.message.split('\n')[0]);
    throw new PatternError(`"${pattern}": cannot search ${e.path ?? 'its folders'}: ${why}`);
  }
}
