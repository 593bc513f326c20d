import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { PRESETS } from '../src/config/presets.js';
import { DETECTORS } from '../src/detect/index.js';

const run = runCli;

/** A folder this process may not list (Linux containers deny /proc/1/fdinfo even to root), to test a glob into it. */
const UNREADABLE_FOLDER = ((): boolean => {
  try {
    readdirSync('/proc/1/fdinfo');
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EACCES';
  }
})();

const CLEAN = `# Services Agreement

## 1. Data

**1.1 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.

## 2. Liability

**2.1 Cap.** Except for fraud or breach of confidentiality, each party's total liability shall not exceed the fees paid in the 12 months before the claim.

## 3. Law

**3.1 Law.** This Agreement is governed by the laws of England and Wales.

**3.2 Confidentiality.** Each party shall keep the other party's confidential information confidential during the term and for five years after termination.

**3.3 Termination.** Either party may terminate this Agreement by written notice if the other party commits a material breach which it fails to remedy within 30 days of notice, or becomes insolvent.

**3.4 Disputes.** Any dispute shall be referred to a director of each party, who shall meet within ten business days to resolve it, and failing that to the courts of England and Wales.

**3.5 Data Protection.** Each party shall comply with the UK GDPR.
`;
const WEAK = CLEAN.replace('within 24 hours', 'without undue delay');
const WARN_ONLY = `${CLEAN}\n## 4. Assignment\n\n**4.1 Assignment.** The Supplier may assign this Agreement without the consent of the Customer.\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-lint-'));
  process.env.CLAUSELINT_TEST = '1';
});

function write(rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('clauselint (lint)', () => {
  it('exits 0 on a clean contract and prints nothing', async () => {
    const r = await run([write('clean.md', CLEAN)]);
    expect(r.err).toBe('');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 1 on an error and shows clause number, heading, message, rule id and quoted words', async () => {
    const r = await run([write('weak.md', WEAK)], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('§ 1.1 Breach  Weak breach-notification clause: no outer time limit, only a vague deadline.  breach-notification');
    expect(r.out).toContain('“The Supplier shall notify the Customer of any Personal Data Breach without undue delay.”');
    expect(r.out).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('warnings alone exit 0, and exit 1 beyond --max-warnings', async () => {
    const f = write('warn.md', WARN_ONLY);
    expect((await run(['--preset', 'outsourcing', '--rule-dummy', f])).code).toBe(2); // unknown flag: usage error
    const cfg = write('cfg.json', JSON.stringify({ extends: 'recommended', rules: { assignment: 'warn' } }));
    const ok = await run(['-c', cfg, f]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/1 warning/);
    expect((await run(['-c', cfg, '--max-warnings', '0', f])).code).toBe(1);
    expect((await run(['-c', cfg, '--max-warnings', '1', f])).code).toBe(0);
    const quiet = await run(['-c', cfg, '--quiet', f]);
    expect(quiet.out).toBe('');
  });

  it('finds the config by walking up from each file, and a bad one exits 2 naming file and key', async () => {
    write('repo/.clauselintrc.yaml', 'rules:\n  breach-notification: [error, { maxHours: 12 }]\n');
    const f = write('repo/contracts/a.md', CLEAN);
    const r = await run([f], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Breach notice 24 hours exceeds the 12-hour threshold.');

    write('bad/clauselint.config.json', JSON.stringify({ rules: { 'breach-notification': ['error', { maxHour: 12 }] } }));
    const g = write('bad/a.md', CLEAN);
    const bad = await run([g], dir);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('clauselint: bad/clauselint.config.json: rules.breach-notification: unknown option "maxHour"');

    write('bad2/package.json', JSON.stringify({ name: 'x', clauselint: { rules: { 'no-such-rule': 'error' } } }));
    const h = write('bad2/a.md', CLEAN);
    const bad2 = await run([h], dir);
    expect(bad2.code).toBe(2);
    expect(bad2.err.trim()).toBe('clauselint: bad2/package.json: rules.no-such-rule: unknown rule');

    write('bad3/.clauselintrc.json', JSON.stringify({ rules: { insurance: 'loud' } }));
    const bad3 = await run([write('bad3/a.md', CLEAN)], dir);
    expect(bad3.code).toBe(2);
    expect(bad3.err).toContain('rules.insurance: severity must be "off", "warn" or "error"');
  });

  it('--preset selects a playbook and an unknown preset is a usage error', async () => {
    const f = write('a.md', CLEAN);
    const r = await run(['--preset', 'outsourcing', '-f', 'json', f], dir);
    const json = JSON.parse(r.out);
    // Every clause of the playbook that has a detector, in id order.
    expect(json.files[0].clauses.map((c: { id: string }) => c.id)).toEqual(PRESETS.outsourcing!.filter((id) => DETECTORS.has(id)).sort());
    expect(json.files[0].clauses.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['service-levels', 'rto-rpo', 'termination-for-convenience']));
    const bad = await run(['--preset', 'nope', f], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown preset "nope"');
  });

  it('prints the documented JSON shape, byte-identical across runs', async () => {
    const f = write('weak.md', WEAK);
    const a = await run(['-f', 'json', 'weak.md'], dir);
    const b = await run(['-f', 'json', f], dir);
    expect(a.out).toBe(b.out);
    const json = JSON.parse(a.out);
    expect(Object.keys(json)).toEqual(['files', 'failures', 'errorCount', 'warningCount']);
    const file = json.files[0];
    expect(file.path).toBe('weak.md');
    expect(file.format).toBe('markdown');
    expect(file.clauses.find((c: { id: string }) => c.id === 'breach-notification')).toEqual({
      id: 'breach-notification', status: 'weak', section: { number: '1.1', heading: 'Breach' },
      evidence: 'The Supplier shall notify the Customer of any Personal Data Breach without undue delay.', values: { noticeHours: null },
    });
    expect(file.findings).toEqual([expect.objectContaining({
      ruleId: 'breach-notification', severity: 'error', messageId: 'weak', line: 5, column: 1, section: { number: '1.1', heading: 'Breach' },
    })]);
    for (const c of file.clauses) expect(['present', 'weak', 'missing', 'referenced', 'not-applicable']).toContain(c.status);
  });

  it('lints a directory, respects .gitignore, and keeps going after a bad file (exit 2)', async () => {
    mkdirSync(join(dir, '.git'));
    write('.gitignore', 'ignored/\n');
    write('docs/good.md', CLEAN);
    write('docs/broken.docx', 'not a zip');
    write('docs/notes.csv', 'x');
    write('ignored/skip.md', WEAK);
    const r = await run(['-f', 'json', '.'], dir);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['docs/good.md']);
    expect(json.failures).toEqual([{ path: 'docs/broken.docx', error: 'not a DOCX: not a zip archive' }]);
    expect(r.err.trim()).toBe('clauselint: docs/broken.docx: not a DOCX: not a zip archive');
  });

  it('a pattern that matches nothing exits 2', async () => {
    const r = await run(['nothing/**/*.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no files matching "nothing/**/*.md"');
  });

  it('an empty argument (an unset shell variable) exits 2 at once, without searching from the root', async () => {
    write('weak.md', WEAK);
    const r = await run(['', 'weak.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('clauselint: no files matching "" (an empty argument: an unset shell variable?)\n');
  });

  it('an empty file name given to an option, outline or compare is a usage error naming it', async () => {
    write('weak.md', WEAK);
    const cases: Array<[string[], string]> = [
      [['-o', '', 'weak.md'], '--output-file needs a file name'],
      [['-c', '', 'weak.md'], '--config needs a file name'],
      [['--cache', '--cache-location', '', 'weak.md'], '--cache-location needs a file name'],
      [['outline', ''], 'outline: an empty file name ("": an unset shell variable?)'],
      [['compare', '', 'weak.md'], 'compare: an empty file name ("": an unset shell variable?)'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, dir);
      expect([r.code, r.err]).toEqual([2, `clauselint: ${message}\n`]);
    }
  });

  it.runIf(UNREADABLE_FOLDER)('a folder a glob cannot read is the pattern\'s one-line error, not a crash', async () => {
    const r = await run(['/proc/1/**/*.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^clauselint: "\/proc\/1\/\*\*\/\*\.md": cannot search \/proc\/1\/\S+: permission denied\n$/);
  });

  it('writes -o atomically and refuses to write over an input', async () => {
    const f = write('weak.md', WEAK);
    const r = await run(['-f', 'json', '-o', 'out/report.json', 'weak.md'], dir).catch(() => null);
    expect(r?.code).toBe(2); // the folder does not exist: reported, not thrown
    expect(r?.err).toBe('clauselint: out/report.json: cannot write: no folder out\n'); // the file named, not the temporary one
    const inFile = await run(['-o', 'weak.md/report.json', 'weak.md'], dir);
    expect(inFile.err).toBe('clauselint: weak.md/report.json: cannot write: weak.md is not a folder\n');
    const onFolder = await run(['-o', '.', 'weak.md'], dir);
    expect(onFolder.err).toBe('clauselint: .: cannot write: it is a folder\n');
    mkdirSync(join(dir, 'out'));
    const ok = await run(['-f', 'json', '-o', 'out/report.json', 'weak.md'], dir);
    expect(ok.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).files[0].path).toBe('weak.md');
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
    const before = readFileSync(f, 'utf8');
    const clash = await run(['-o', 'weak.md', 'weak.md'], dir);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('refusing to overwrite an input file');
    expect(readFileSync(f, 'utf8')).toBe(before);
  });
});
