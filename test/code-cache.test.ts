import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

// The built CLI runs its bundle with V8's code cache (src/cli/code-cache.ts), kept in $XDG_CACHE_HOME/clauselint.
// These runs go through bin/clauselint.js and the bundle, as users' do.
const SAMPLE = join(ROOT, 'fixtures/sample-outsourcing.md');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const cacheFiles = (home: string): string[] => readdirSync(join(home, 'clauselint')).filter((f) => f.endsWith('.bin'));

describe('the code cache of the built CLI', () => {
  it('is written by the first run and read by the next, which reports the same', async () => {
    const home = tempDir('clauselint-cache-');
    const env = { XDG_CACHE_HOME: home };
    const first = await runCli(['--preset', 'outsourcing', '-f', 'json', SAMPLE], ROOT, { env });
    expect(first.err).toBe('');
    expect(first.code).toBe(1);
    const [file] = cacheFiles(home);
    expect(file).toMatch(/^code-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.bin$/);
    const written = readFileSync(join(home, 'clauselint', file!));
    expect(written.length).toBeGreaterThan(100_000); // the compiled code of a whole lint run
    const second = await runCli(['--preset', 'outsourcing', '-f', 'json', SAMPLE], ROOT, { env });
    expect(second).toEqual(first);
    // A cache V8 accepted is not written again.
    expect(readFileSync(join(home, 'clauselint', file!)).equals(written)).toBe(true);
  });

  it('a damaged cache is rejected and written anew; the run is unaffected', async () => {
    const home = tempDir('clauselint-cache-');
    const env = { XDG_CACHE_HOME: home };
    const clean = await runCli(['--preset', 'outsourcing', '-f', 'json', SAMPLE], ROOT, { env });
    const [file] = cacheFiles(home);
    writeFileSync(join(home, 'clauselint', file!), Buffer.alloc(4096, 7));
    const damaged = await runCli(['--preset', 'outsourcing', '-f', 'json', SAMPLE], ROOT, { env });
    expect(damaged).toEqual(clean);
    expect(readFileSync(join(home, 'clauselint', file!)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('keeps the eight most recent caches of any builds, and nothing when turned off or unwritable', async () => {
    const home = tempDir('clauselint-cache-');
    mkdirSync(join(home, 'clauselint'));
    // Nine caches of other builds and Node versions, the first the oldest.
    const others = Array.from({ length: 9 }, (_, i) => `code-${String(i).repeat(16)}-v20.0.${i}-x64.bin`);
    others.forEach((f, i) => {
      writeFileSync(join(home, 'clauselint', f), 'other build');
      utimesSync(join(home, 'clauselint', f), 1_000_000 + i, 1_000_000 + i);
    });
    writeFileSync(join(home, 'clauselint', 'notes.txt'), 'not ours');
    const run = await runCli(['-f', 'json', SAMPLE], ROOT, { env: { XDG_CACHE_HOME: home } });
    expect(run.err).toBe('');
    const kept = cacheFiles(home);
    expect(kept).toHaveLength(8);
    expect(kept.filter((f) => !others.includes(f))).toHaveLength(1); // this build's, just written
    expect(kept).not.toContain(others[0]);
    expect(kept).not.toContain(others[1]);
    expect(kept).toContain(others[8]);
    expect(readdirSync(join(home, 'clauselint'))).toContain('notes.txt');

    const off = tempDir('clauselint-cache-');
    const quiet = await runCli(['-f', 'json', SAMPLE], ROOT, { env: { XDG_CACHE_HOME: off, CLAUSELINT_CODE_CACHE: '0' } });
    expect(quiet.out).toBe(run.out);
    expect(readdirSync(off)).toEqual([]);

    const blocked = join(tempDir('clauselint-cache-'), 'a-file');
    writeFileSync(blocked, '');
    const unwritable = await runCli(['-f', 'json', SAMPLE], ROOT, { env: { XDG_CACHE_HOME: blocked } });
    expect(unwritable).toEqual(run);
  });

  it('a batch on worker threads writes one cache, and reads it on the next batch', async () => {
    const home = tempDir('clauselint-cache-');
    const env = { XDG_CACHE_HOME: home };
    const one = await runCli(['--preset', 'outsourcing', '-f', 'json', '--workers', '1', SAMPLE, join(ROOT, 'README.md')], ROOT, { env: { CLAUSELINT_CODE_CACHE: '0' } });
    const first = await runCli(['--preset', 'outsourcing', '-f', 'json', '--workers', '2', SAMPLE, join(ROOT, 'README.md')], ROOT, { env });
    expect(first.err).toBe('');
    expect(first.out).toBe(one.out);
    expect(cacheFiles(home)).toHaveLength(1);
    const again = await runCli(['--preset', 'outsourcing', '-f', 'json', '--workers', '2', SAMPLE, join(ROOT, 'README.md')], ROOT, { env });
    expect(again).toEqual(first);
  });

  it('loads a JavaScript config module and a plugin through the bundle (import() outside it)', async () => {
    const dir = tempDir('clauselint-cache-mjs-');
    writeFileSync(join(dir, '.clauselintrc.mjs'), "export default { extends: 'outsourcing', plugins: ['./renewal.mjs'], rules: { 'no-auto-renewal': 'error' } };\n");
    writeFileSync(
      join(dir, 'renewal.mjs'),
      "export const rules = [{ meta: { id: 'no-auto-renewal', description: 'No automatic renewal.', defaultSeverity: 'warn', messages: { renews: 'Renews automatically.' }, schema: { type: 'object', properties: {}, additionalProperties: false } }, check(context) { for (const s of context.analysed.sentences) if (/renew automatically/i.test(s.text)) context.report({ messageId: 'renews', at: s }); } }];\n",
    );
    writeFileSync(join(dir, 'msa.md'), '# Agreement\n\n## 1. Term\n\nThis Agreement shall renew automatically for further terms of one year.\n');
    for (const home of [tempDir('clauselint-cache-'), null]) {
      const env: Record<string, string> = home ? { XDG_CACHE_HOME: home } : { CLAUSELINT_CODE_CACHE: '0' };
      for (let i = 0; i < 2; i++) {
        const r = await runCli(['-f', 'json', 'msa.md'], dir, { env });
        expect(r.err).toBe('');
        const report = JSON.parse(r.out) as { files: Array<{ findings: Array<{ ruleId: string; severity: string }> }> };
        expect(report.files[0]!.findings).toContainEqual(expect.objectContaining({ ruleId: 'no-auto-renewal', severity: 'error' }));
      }
    }
  });
});
