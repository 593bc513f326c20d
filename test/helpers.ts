import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Section } from '../src/model.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared corpus beside the clone (CI has it; a user's fresh clone does not). */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');
export const HAS_CORPUS = existsSync(CORPUS);
export const SKIP_CORPUS_REASON = HAS_CORPUS ? '' : ' (skipped: ../shared/corpus not present)';

/** "number heading" lines indented two spaces a level, down to maxDepth. */
export function compactOutline(sections: readonly Section[], maxDepth = Infinity): string {
  const lines: string[] = [];
  const visit = (s: Section, depth: number): void => {
    if (depth > maxDepth) return;
    lines.push(`${'  '.repeat(depth - 1)}${[s.number ?? '-', s.heading ?? ''].join(' ').trim()}`);
    for (const c of s.children) visit(c, depth + 1);
  };
  for (const s of sections) visit(s, 1);
  return lines.join('\n');
}

/** Run the CLI in-process with captured output (the process layer only adds process.* around main). */
export async function runCli(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../src/cli/main.js');
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return { code, out, err };
}
