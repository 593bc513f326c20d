import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { workerCount } from '../src/cli/batch.js';
import { BIN, ROOT, cliEnv, runCli } from './helpers.js';
import { docx, p } from './ooxml-fixture.js';

const run = runCli;

/** util-linux's script(1): runs a command on a pseudo-terminal, as a user's shell does. */
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** The built CLI with stdout piped and stderr on a real terminal: what the progress bar is drawn on. */
function onTerminal(args: string[], cwd: string): { code: number | null; terminal: string; out: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const outFile = join(cwd, 'stdout.txt');
  // script puts the command's stderr and stdout on the terminal it records; stdout goes to a file.
  const r = spawnSync('script', ['-q', '-e', '-c', `${quoted} > '${outFile}'`, '/dev/null'], { cwd, encoding: 'utf8', env: cliEnv({ COLUMNS: '120' }) });
  return { code: r.status, terminal: r.stdout, out: readFileSync(outFile, 'utf8') };
}

const CONTRACT = (n: number): string => `# Services Agreement ${n}

## 1. Data

**1.1 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within ${n % 2 === 0 ? '24 hours' : 'a reasonable time'}.

## 2. Fees

**2.1 Fees.** The fees are ${n % 3 === 0 ? '[TBD]' : 'set out in Schedule 1'}.
`;


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-repo-'));
});

function write(rel: string, text: string | Uint8Array): string {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('large batches: workers and --cache', () => {
  it('chooses in-process for a few files, every core for many', () => {
    expect(workerCount('auto', 3, 8)).toBe(1);
    expect(workerCount('auto', 200, 8)).toBe(8);
    expect(workerCount('auto', 20, 8)).toBe(5);
    expect(workerCount(4, 2, 8)).toBe(2);
    expect(workerCount(1, 500, 8)).toBe(1);
  });

  it('gives byte-identical output with 1 worker and with several, in input order', async () => {
    for (let i = 1; i <= 12; i++) write(`c/contract-${String(i).padStart(2, '0')}.md`, CONTRACT(i));
    write('c/broken.docx', 'not a zip');
    const one = await run(['-f', 'json', '--preset', 'outsourcing', '--workers', '1', 'c'], dir);
    const three = await run(['-f', 'json', '--preset', 'outsourcing', '--workers', '3', 'c'], dir);
    expect(three.out).toBe(one.out);
    expect(three.err).toBe(one.err);
    expect(three.code).toBe(one.code);
    expect(one.err).toBe('clauselint: c/broken.docx: not a DOCX: not a zip archive\n');
    const sarif1 = await run(['-f', 'sarif', '--workers', '1', 'c'], dir);
    const sarif3 = await run(['-f', 'sarif', '--workers', '3', 'c'], dir);
    expect(sarif3.out).toBe(sarif1.out);
    expect((await run(['--workers', '0', 'c'], dir)).err).toContain('--workers needs a whole number of at least 1');
  });

  it('--cache skips unchanged files and sees changes to a file, the config and the clauselint version key', async () => {
    for (let i = 1; i <= 3; i++) write(`c/contract-${i}.md`, CONTRACT(i));
    write('clauselint.config.json', JSON.stringify({ extends: 'recommended' }));
    const first = await run(['-f', 'json', '--cache', 'c'], dir);
    const cacheFile = join(dir, '.clauselintcache');
    expect(existsSync(cacheFile)).toBe(true);
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cache.entries)).toHaveLength(3);

    // Tamper with one cached report: a hit returns it as stored, which proves the file was not linted again.
    const key = Object.keys(cache.entries).find((k) => k.endsWith('contract-1.md'))!;
    cache.entries[key].report.findings = [];
    cache.entries[key].report.errorCount = 0;
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = await run(['-f', 'json', '--cache', 'c'], dir);
    expect(JSON.parse(second.out).files[0].findings).toEqual([]);
    expect(JSON.parse(second.out).files[1]).toEqual(JSON.parse(first.out).files[1]);

    // A changed file, or a changed playbook, is linted again.
    write('c/contract-1.md', `${CONTRACT(1)}\n`);
    const third = await run(['-f', 'json', '--cache', 'c'], dir);
    expect(JSON.parse(third.out).files[0].findings.length).toBeGreaterThan(0);
    writeFileSync(cacheFile, JSON.stringify({ ...JSON.parse(readFileSync(cacheFile, 'utf8')), entries: Object.fromEntries(Object.entries(JSON.parse(readFileSync(cacheFile, 'utf8')).entries as Record<string, { key: string; report: { findings: unknown[] } }>).map(([k, v]) => [k, { ...v, report: { ...v.report, findings: [] } }])) }));
    write('clauselint.config.json', JSON.stringify({ extends: 'recommended', rules: { 'breach-notification': ['error', { maxHours: 12 }] } }));
    const fourth = await run(['-f', 'json', '--cache', 'c'], dir);
    expect(JSON.parse(fourth.out).files.every((f: { findings: unknown[] }) => f.findings.length > 0)).toBe(true);

    // --cache-location; an unreadable cache is started afresh.
    write('tmp/cache.json', 'not json');
    const moved = await run(['-f', 'json', '--cache', '--cache-location', 'tmp/cache.json', 'c'], dir);
    expect(moved.out).toBe(fourth.out);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'tmp/cache.json'), 'utf8')).entries)).toHaveLength(3);
  });

  it.skipIf(!HAS_SCRIPT)('draws a progress bar on a terminal for many files, and none with --quiet or when not a terminal', async () => {
    for (let i = 1; i <= 10; i++) write(`c/contract-${i}.md`, CONTRACT(i));
    const drawn = onTerminal(['--workers', '1', 'c'], dir);
    expect(drawn.code).toBe(1);
    expect(drawn.terminal).toMatch(/clauselint .* 10\/10 files 100%/);
    expect(drawn.out).not.toMatch(/files \d+%/); // the bar goes to the terminal, not into the report
    expect(drawn.out).toContain('contract-3.md');
    expect(onTerminal(['--quiet', '--workers', '1', 'c'], dir).terminal).not.toMatch(/files \d+%/);
    const piped = await run(['--workers', '1', 'c'], dir);
    expect(piped.err).toBe('');
  });
});

describe('init, rules, explain', () => {
  it('init writes a starter config for a preset that lints as it says, and will not overwrite one', async () => {
    const r = await run(['init', '--preset', 'outsourcing'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote clauselint\.config\.yaml \(preset outsourcing, \d+ rules\)\.\n$/);
    const text = readFileSync(join(dir, 'clauselint.config.yaml'), 'utf8');
    expect(text).toContain('extends: outsourcing');
    expect(text).toMatch(/ {2}breach-notification: +\[error, \{ maxHours: 72 \}\]/);
    const config = parse(text) as { extends: string; rules: Record<string, unknown>; ignores: string[] };
    expect(config.ignores).toEqual(['README.md']);
    write('a.md', CONTRACT(2));
    const lint = await run(['-f', 'json', 'a.md'], dir);
    expect(JSON.parse(lint.out).files[0].clauses.map((c: { id: string }) => c.id)).toContain('rto-rpo');

    const again = await run(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('clauselint.config.yaml already configures clauselint here (use --force');
    expect((await run(['init', 'gdpr-dpa', '--format', 'json', '--force'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'clauselint.config.json'), 'utf8'))).toMatchObject({ extends: 'gdpr-dpa', ignores: ['README.md'] });
    expect((await run(['init', 'nope'], mkdtempSync(join(tmpdir(), 'clauselint-init-')))).err).toContain('unknown preset "nope"');
  });

  it('rules lists every rule with its presets, default severity and setting here; explain prints its documentation', async () => {
    const r = await run(['rules'], dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^rule\s+default\s+presets\s+here\s+category$/);
    expect(r.out).toMatch(/\nbreach-notification\s+error\s+recommended, outsourcing, gdpr-dpa, hipaa-baa, pci-dss\s+error\s+regulatory\n/);
    expect(r.out).toMatch(/\nrto-rpo\s+error\s+outsourcing\s+off\s+operational\n/);
    const json = JSON.parse((await run(['rules', '--preset', 'outsourcing', '-f', 'json'], dir)).out);
    expect(json.rules.find((x: { id: string }) => x.id === 'rto-rpo')).toMatchObject({ origin: 'built-in', defaultSeverity: 'error', presets: ['outsourcing'], setting: 'error', options: { maxRtoHours: 24, maxRpoHours: 24 } });

    const explain = await run(['explain', 'audit-rights'], dir);
    expect(explain.code).toBe(0);
    expect(explain.out).toBe(readFileSync(join(ROOT, 'rules', 'audit-rights.md'), 'utf8'));
    const note = await run(['explain', 'waiver-expired'], dir);
    expect(note.out).toContain('# waiver-expired');
    const typo = await run(['explain', 'audit-right'], dir);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('unknown rule "audit-right" (did you mean audit-rights?)');
  });
});

describe('pre-commit', () => {
  it('.pre-commit-hooks.yaml declares the node hook for contract files', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook).toMatchObject({ id: 'clauselint', entry: 'clauselint', language: 'node', files: '\\.(docx|pdf|md|markdown|txt)$' });
    const re = new RegExp(hook.files as string);
    for (const f of ['msa.docx', 'terms.pdf', 'contracts/dpa.md', 'a.markdown', 'notes.txt']) expect(re.test(f)).toBe(true);
    for (const f of ['a.mdx', 'x.docx.bak']) expect(re.test(f)).toBe(false);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.clauselint).toBe('bin/clauselint.js');
  });

  it('the documented GitHub Actions workflow lints to SARIF and uploads it', () => {
    const wf = parse(readFileSync(join(ROOT, 'examples', 'github-actions-clauselint.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> }> };
    expect(wf.permissions['security-events']).toBe('write');
    const steps = wf.jobs.clauselint!.steps;
    expect(steps.some((s) => s.run?.includes('clauselint') && s.run.includes('--format sarif') && s.run.includes('--output-file clauselint.sarif'))).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.sarif_file).toBe('clauselint.sarif');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(readFileSync(join(ROOT, 'examples', 'github-actions-clauselint.yml'), 'utf8').trim());
  });

  it('the hook entry point: `clauselint FILE...` as pre-commit calls it, in a git repository with its own config', () => {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    write('.pre-commit-config.yaml', 'repos:\n  - repo: https://example.com/clauselint\n    rev: v0.1.0\n    hooks:\n      - id: clauselint\n');
    write('clauselint.config.yaml', [
      'extends: []',
      'rules:',
      '  breach-notification: [error, { maxHours: 48 }]',
      '  placeholder: error',
      'ignores: [README.md]',
      'waivers: waivers.yaml',
      '',
    ].join('\n'));
    write('waivers.yaml', 'waivers:\n  - rule: placeholder\n    files: "contracts/*.docx"\n    reason: the price is agreed at signature\n    approver: Legal\n    expires: 2099-12-31\n');
    write('README.md', '# Our contracts\n\nSee [TBD].\n');
    write('contracts/good.md', CONTRACT(2).replace('24 hours', '24 hours').replace('[TBD]', 'EUR 10'));
    write('contracts/late.md', CONTRACT(4).replace('24 hours', '72 hours'));
    write('contracts/msa.docx', docx({ body: [
      p('Master Services Agreement', { style: 'Title' }),
      p('1. Data', { style: 'Heading1' }),
      p('1.1 The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.'),
      p('2. Fees', { style: 'Heading1' }),
      p('2.1 The fees are [TBD].'),
    ].join('') }));
    git('add', '-A');

    // pre-commit runs the entry from the repository root with the staged files that match `files`.
    const staged = git('diff', '--cached', '--name-only').trim().split('\n');
    const hookFiles = staged.filter((f) => /\.(docx|pdf|md|markdown|txt)$/.test(f));
    expect(hookFiles).toEqual(['README.md', 'contracts/good.md', 'contracts/late.md', 'contracts/msa.docx']);
    // The hook's entry, `clauselint`, is the package's bin (the packaging test runs it from the installed tarball).
    const entry = (files: string[]): { status: number | null; stdout: string; stderr: string } => spawnSync(process.execPath, [BIN, ...files], {
      cwd: dir, encoding: 'utf8', env: cliEnv(),
    });

    const bad = entry(hookFiles);
    expect(bad.stderr).toBe('');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('contracts/late.md');
    expect(bad.stdout).toContain('§ 1.1 Breach  Breach notice 3 days exceeds the 48-hour threshold.  breach-notification');
    expect(bad.stdout).not.toContain('README.md'); // ignored by the config
    expect(bad.stdout).not.toContain('msa.docx'); // its placeholder is waived
    expect(bad.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings, 1 suppressed\)/);

    const ok = entry(['README.md', 'contracts/good.md', 'contracts/msa.docx']);
    expect(ok).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(statSync(join(dir, 'contracts/msa.docx')).size).toBeGreaterThan(0);
  });
});
