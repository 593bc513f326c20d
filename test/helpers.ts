import { spawn } from 'node:child_process';
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

/** The command users run: the package's bin, which loads the bundle test/global-setup.ts built. */
export const BIN = join(ROOT, 'bin', 'clauselint.js');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** The environment of a CLI run: the test's, without anything that would force colours. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS; // vitest's loaders are not the user's
  return env;
}

/**
 * Run the built CLI (bin/clauselint.js) as a child process in `cwd`, as a user or pre-commit does,
 * with stdout and stderr captured (so neither is a terminal). `bin` runs another entry point, such
 * as an installed package's.
 */
export function runCli(args: readonly string[], cwd = process.cwd(), opts: { bin?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [opts.bin ?? BIN, ...args], { cwd, env: cliEnv(opts.env) });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out, err }));
    child.stdin.end(opts.input ?? '');
  });
}
