import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures } from '../scripts/make-docx-fixtures.js';
import { BIN, ROOT, cliEnv } from './helpers.js';

// The bundle `npm run build` writes (scripts/build.mjs) and bin/clauselint.js runs; test/global-setup.ts
// builds it before the tests. This file checks the bundle against the sources it is built from.
const BUILT = existsSync(join(ROOT, 'dist/src/cli/run.js'));
const SAMPLE = join(ROOT, 'fixtures/sample-outsourcing.md');

/** The built CLI as a user runs it, with `node` options (a V8 trace, a preload) before it. */
function bin(args: string[], cwd = ROOT, node: string[] = []): { code: number | null; signal: NodeJS.Signals | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...node, BIN, ...args], { cwd, encoding: 'utf8', env: cliEnv() });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** The same command from the TypeScript sources, in-process: what the bundle must reproduce. */
async function runCli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../src/cli/main.js');
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return { code, out, err };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A new folder of this file's, removed after the tests. */
function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `clauselint-built-${name}`));
  dirs.push(dir);
  return dir;
}

// The DOCX twin of the sample, generated (never committed).
let DOCX = '';
beforeAll(async () => {
  [DOCX] = (await buildDocxFixtures(scratch('docx-'))) as [string];
});

describe.skipIf(!BUILT)('the built CLI (bin/clauselint.js → dist/)', () => {
  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(bin(['--version'])).toMatchObject({ code: 0, out: `${pkg.version}\n` });
  });

  it('lints the sample as the sources do', async () => {
    const built = bin(['--preset', 'outsourcing', '-f', 'json', SAMPLE]);
    const source = await runCli(['--preset', 'outsourcing', '-f', 'json', SAMPLE], ROOT);
    expect(built.code).toBe(1);
    expect(built.err).toBe('');
    expect(built.out).toBe(source.out);
  });

  it('reads a DOCX, and lints a batch on worker threads', async () => {
    const outline = bin(['outline', '--format', 'json', DOCX]);
    expect(outline.code).toBe(0);
    expect(outline.out).toContain('"number": "2.3(c)(i)"');
    expect(outline.out).toBe((await runCli(['outline', '--format', 'json', DOCX], ROOT)).out);
    const one = bin(['--preset', 'outsourcing', '-f', 'json', '--workers', '1', SAMPLE, DOCX]);
    const two = bin(['--preset', 'outsourcing', '-f', 'json', '--workers', '2', SAMPLE, DOCX]);
    expect(two.err).toBe('');
    expect(two.code).toBe(1);
    expect(two.out).toBe(one.out);
  });

  it('compiles each pattern once, straight to machine code, on the main thread and in workers', () => {
    // V8 prints a line for each compilation of a pattern. Without src/cli/v8-flags.ts each pattern is compiled to
    // bytecode first and again to machine code ("needs tier-up compilation") when it runs a second time.
    const r = bin(['--preset', 'outsourcing', '-f', 'json', '--workers', '2', SAMPLE, DOCX], ROOT, ['--trace-regexp-tier-up']);
    // The signal and the end of stderr say why, should the run not finish.
    expect({ code: r.code, signal: r.signal, err: r.err.slice(-1000) }).toMatchObject({ code: 1, signal: null });
    const count = (line: string): number => r.out.split(line).length - 1;
    expect(count('native code size')).toBeGreaterThan(100);
    // Node's own few patterns, compiled before the CLI starts, may still run in its bytecode and tier up.
    expect(count('bytecode size')).toBeLessThan(10);
    expect(count('needs tier-up compilation')).toBeLessThan(10);
  });

  it('survives patterns compiled before it starts that run again after it has set its V8 flags', () => {
    // Turning V8's regexp tier-up off at run time (--no-regexp-tier-up, which src/cli/v8-flags.ts once set) crashed
    // Node 20 with a segmentation fault as soon as a pattern compiled to bytecode before ran again: here 200 such
    // patterns, compiled by a preload and run again, on one-byte and two-byte text, when the CLI has finished.
    const hook = join(scratch('flags-'), 'early-patterns.cjs');
    writeFileSync(hook, [
      "const res = Array.from({ length: 200 }, (_, i) => new RegExp(`a${i}b|c${i}d+e`, i % 2 ? 'i' : ''));",
      "for (const re of res) re.test('xx a1b');",
      "process.on('exit', () => { let n = 0; for (const re of res) n += Number(re.test('zz c7ddde' + ' q'.repeat(600))) + Number(re.test('\\u2019 c1ddde')); process.stderr.write(`early patterns: ${n}\\n`); });",
      '',
    ].join('\n'));
    const r = bin(['--preset', 'outsourcing', SAMPLE], ROOT, ['--require', hook]);
    expect({ code: r.code, signal: r.signal, err: r.err }).toEqual({ code: 1, signal: null, err: 'early patterns: 2\n' });
  });

  it('loads neither node:crypto nor node:worker_threads to lint one file (each costs start-up time)', () => {
    const hook = `data:text/javascript,process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)))`;
    const r = bin(['--preset', 'outsourcing', SAMPLE], ROOT, ['--import', hook]);
    expect(r.code).toBe(1);
    const loaded = JSON.parse(r.err) as string[];
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (crypto|worker_threads)$/.test(m))).toEqual([]);
  });

  it('stops quietly with 141 when the reader of its output goes away (`| head`)', () => {
    const long = join(scratch('pipe-'), 'long.md'); // an outline far larger than a pipe's buffer
    const clauses = Array.from({ length: 3000 }, (_, i) => `## ${i + 1}. Clause ${i + 1}\n\nThe Supplier shall report monthly.\n`);
    writeFileSync(long, `# Services Agreement\n\n${clauses.join('\n')}`);
    const script = '"$0" "$1" outline --format json "$2" | head -c 10 >/dev/null; echo "exit ${PIPESTATUS[0]}" >&2';
    const r = spawnSync('bash', ['-c', script, process.execPath, BIN, long], { cwd: ROOT, encoding: 'utf8', env: cliEnv() });
    expect(r.stderr).toBe('exit 141\n');
  });

  it('carries no folder of the machine it was built on (the code cache is keyed by its content)', () => {
    const bundle = readFileSync(join(ROOT, 'dist/src/cli/clauselint.cjs'), 'latin1');
    expect(bundle).not.toContain(ROOT);
    expect(bundle).toMatch(/^[\x00-\x7f]*$/); // ASCII, as the start-up reads it
  });

  it('finds the rule documentation it ships', () => {
    const r = bin(['explain', 'audit-rights']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(ROOT, 'rules/audit-rights.md'), 'utf8'));
  });

  it('writes an annotated DOCX and an HTML report', () => {
    const dir = scratch('');
    const r = bin(['--preset', 'outsourcing', '-f', 'html', '-o', join(dir, 'report.html'), '--annotate', dir, DOCX]);
    expect(r.err).toBe('');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<!doctype html>');
    expect(existsSync(join(dir, 'sample-outsourcing.docx'))).toBe(true);
  });
});
