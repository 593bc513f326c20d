import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { parseDirective } from '../src/lint/suppress.js';
import { readMarkdown } from '../src/read/markdown.js';

const run = runCli;

// Clean under the playbook below except for what each test adds.
const BASE = `# Services Agreement

## 1. Data

**1.1 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.

## 2. Liability

**2.1 Cap.** Except for fraud or breach of confidentiality, each party's total liability shall not exceed the fees paid in the 12 months before the claim.
`;
const AUDIT_WEAK = `
## 11. Audit

**11.1 Audit Rights.** The Customer may audit the Supplier's records once a year; a SOC 2 Type II report shall be accepted in lieu of an audit.
`;
// Only the rules these tests are about, so that the findings stay the same whatever the presets add.
const RULES = { 'breach-notification': 'error', 'audit-rights': 'error', placeholder: 'error' };
const CONFIG = JSON.stringify({ extends: [], rules: RULES });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-suppress-'));
  write('clauselint.config.json', CONFIG);
});

function write(rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

type JsonFinding = { ruleId: string; severity: string; line: number; message: string; suppressed: null | { kind: string; reason: string; approver: string | null; expires: string | null } };
function findings(out: string, file = 0): JsonFinding[] {
  return (JSON.parse(out) as { files: Array<{ findings: JsonFinding[] }> }).files[file]!.findings.filter((f) => ['audit-rights', 'placeholder', 'suppression-reason', 'waiver-expired', 'invalid-suppression'].includes(f.ruleId));
}

describe('inline suppressions (Markdown comments)', () => {
  it('parses the directive forms', () => {
    expect(parseDirective('clauselint-disable audit-rights -- accepted: SOC 2 Type II in lieu, approved by Legal 2026-03', 4)).toEqual({
      kind: 'disable', rules: ['audit-rights'], reason: 'accepted: SOC 2 Type II in lieu, approved by Legal 2026-03', line: 4,
      text: 'clauselint-disable audit-rights -- accepted: SOC 2 Type II in lieu, approved by Legal 2026-03',
    });
    expect(parseDirective('clauselint-disable-next placeholder, audit-rights -- signed later', 1)).toMatchObject({ kind: 'disable-next', rules: ['placeholder', 'audit-rights'], reason: 'signed later' });
    expect(parseDirective('clauselint-disable', 1)).toMatchObject({ kind: 'disable', rules: [], reason: null });
    expect(parseDirective('clauselint-enable audit-rights', 1)).toMatchObject({ kind: 'enable', rules: ['audit-rights'] });
    expect(parseDirective('clauselint-ignore x', 1)).toBeNull();
    const doc = readMarkdown('a.md', 'Text.\n\n<!-- clauselint-disable x -- y -->\n\nMore <!-- clauselint-enable x --> text.\n\n<!-- ordinary comment -->\n');
    expect(doc.directives).toEqual([{ line: 3, text: 'clauselint-disable x -- y' }, { line: 5, text: 'clauselint-enable x' }]);
    expect(readMarkdown('b.md', '# T\n\nText.\n').directives).toBeUndefined();
  });

  it('with a reason: suppressed, listed as such in JSON and SARIF, not counted, exit 0', async () => {
    write('a.md', `${BASE}\n<!-- clauselint-disable audit-rights -- accepted: SOC 2 Type II in lieu, approved by Legal 2026-03 -->\n${AUDIT_WEAK}`);
    const r = await run(['-f', 'json', 'a.md'], dir);
    expect(r.code).toBe(0);
    expect(findings(r.out)).toEqual([expect.objectContaining({
      ruleId: 'audit-rights', severity: 'error', line: 15,
      suppressed: { kind: 'inline', reason: 'accepted: SOC 2 Type II in lieu, approved by Legal 2026-03', approver: null, expires: null },
    })]);
    const file = JSON.parse(r.out).files[0];
    expect(file.errorCount).toBe(0);
    expect(file.suppressedCount).toBe(1);
    expect(Object.keys(file).slice(-4)).toEqual(['errorCount', 'warningCount', 'infoCount', 'suppressedCount']);
    expect(Object.keys(file.findings[0]).at(-1)).toBe('suppressed');

    const sarif = JSON.parse((await run(['-f', 'sarif', 'a.md'], dir)).out);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'audit-rights');
    expect(result.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'accepted: SOC 2 Type II in lieu, approved by Legal 2026-03', properties: { clauselintKind: 'inline' } }]);

    const stylish = await run(['a.md'], dir);
    expect(stylish.out).not.toContain('audit-rights');
  });

  it('disable-next covers the next paragraph, or the whole clause when it precedes a heading; enable ends a disable', async () => {
    write('a.md', [
      BASE,
      '<!-- clauselint-disable-next placeholder -- filled in at signature -->',
      '**2.2 Fees.** The fees are [TBD].',
      '',
      '**2.3 Notices.** Notices go to [Address].',
      '',
      '<!-- clauselint-disable-next audit-rights -- accepted by Legal -->',
      AUDIT_WEAK,
      '<!-- clauselint-disable placeholder -- schedules are filled in later -->',
      '## 12. Schedules',
      '',
      '**12.1** Schedule 1: [TBD].',
      '',
      '<!-- clauselint-enable placeholder -->',
      '**12.2** Schedule 2: [TBD].',
      '',
    ].join('\n'));
    const r = await run(['-f', 'json', 'a.md'], dir);
    const f = findings(r.out).map((x) => [x.ruleId, x.line, x.suppressed?.reason ?? null]);
    expect(f).toEqual([
      ['placeholder', 12, 'filled in at signature'],
      ['placeholder', 14, null],
      ['audit-rights', 20, 'accepted by Legal'],
      ['placeholder', 25, 'schedules are filled in later'],
      ['placeholder', 28, null],
    ]);
    expect(r.code).toBe(1);
  });

  it('a disable at the top without enable also covers a missing clause (reported at 1:1)', async () => {
    write('a.md', `<!-- clauselint-disable audit-rights -- audits are in the master agreement -->\n${BASE}`);
    const r = await run(['-f', 'json', 'a.md'], dir);
    expect(findings(r.out)).toEqual([expect.objectContaining({ ruleId: 'audit-rights', line: 1, message: 'Missing audit-rights clause.', suppressed: expect.objectContaining({ kind: 'inline' }) })]);
    expect(r.code).toBe(0);
  });

  it('without a reason: suppresses nothing and is reported itself; unknown rules and directives are reported', async () => {
    write('a.md', `${BASE}\n<!-- clauselint-disable audit-rights -->\n${AUDIT_WEAK}\n<!-- clauselint-disable-next audit-rigths -- typo -->\n<!-- clauselint-silence placeholder -->\n`);
    const r = await run(['-f', 'json', 'a.md'], dir);
    expect(findings(r.out).map((x) => [x.ruleId, x.severity, x.line, x.message, x.suppressed])).toEqual([
      ['suppression-reason', 'warn', 11, 'clauselint-disable audit-rights gives no reason (add " -- why"): it suppresses nothing.', null],
      ['audit-rights', 'error', 15, expect.stringContaining('Weak audit-rights clause'), null],
      ['invalid-suppression', 'warn', 17, 'Unknown rule "audit-rigths" in clauselint-disable-next.', null],
      ['invalid-suppression', 'warn', 18, 'Unknown clauselint directive "clauselint-silence".', null],
    ]);
    expect(r.code).toBe(1);
    const stylish = await run(['a.md'], dir);
    expect(stylish.out).toContain('11:1  warning  § 2.1 Cap  clauselint-disable audit-rights gives no reason (add " -- why"): it suppresses nothing.  suppression-reason');
    const sarif = JSON.parse((await run(['-f', 'sarif', 'a.md'], dir)).out);
    expect(sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'suppression-reason').shortDescription.text).toMatch(/must say why/);
  });
});

describe('waivers file (any format)', () => {
  const waiver = (extra: Record<string, unknown>): string => JSON.stringify({
    waivers: [{ rule: 'audit-rights', files: 'contracts/**', clause: '11', approver: 'Legal (J. Doe)', expires: '2099-12-31', reason: 'SOC 2 Type II accepted in lieu', ...extra }],
  });

  it('suppresses by rule, file glob and clause, with reason, approver and expiry in the report', async () => {
    write('clauselint.config.json', JSON.stringify({ extends: [], rules: RULES, waivers: 'waivers.json' }));
    write('waivers.json', waiver({}));
    write('contracts/a.md', `${BASE}${AUDIT_WEAK}`);
    write('other/b.md', `${BASE}${AUDIT_WEAK}`);
    write('contracts/c.md', `${BASE}${AUDIT_WEAK.replace('11.', '12.').replace('11.1', '12.1')}`);
    const r = await run(['-f', 'json', 'contracts/a.md', 'other/b.md', 'contracts/c.md'], dir);
    expect(findings(r.out, 0)).toEqual([expect.objectContaining({ ruleId: 'audit-rights', suppressed: { kind: 'waiver', reason: 'SOC 2 Type II accepted in lieu', approver: 'Legal (J. Doe)', expires: '2099-12-31' } })]);
    expect(findings(r.out, 1)).toEqual([expect.objectContaining({ ruleId: 'audit-rights', suppressed: null })]); // another folder
    expect(findings(r.out, 2)).toEqual([expect.objectContaining({ ruleId: 'audit-rights', suppressed: null })]); // another clause
    const sarif = JSON.parse((await run(['-f', 'sarif', 'contracts/a.md'], dir)).out);
    expect(sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'audit-rights').suppressions).toEqual([{
      kind: 'external', status: 'accepted', justification: 'SOC 2 Type II accepted in lieu',
      properties: { clauselintKind: 'waiver', approver: 'Legal (J. Doe)', expires: '2099-12-31' },
    }]);
    // Valid SARIF 2.1.0 (the schema the SARIF tests use; see test/report-sarif.test.ts).
    const require = createRequire(import.meta.url);
    const { default: Ajv04 } = (await import('ajv-draft-04')) as unknown as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } } };
    const { default: addFormats } = (await import('ajv-formats')) as unknown as { default: (ajv: unknown) => void };
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect((await run(['contracts/a.md'], dir)).code).toBe(0);
  });

  it('an expired waiver stops suppressing and says so; a waiver without a reason suppresses nothing and is reported', async () => {
    write('clauselint.config.json', JSON.stringify({ extends: [], rules: RULES, waivers: 'legal/waivers.yaml' }));
    write('legal/waivers.yaml', [
      'waivers:',
      '  - rule: audit-rights',
      '    files: "../contracts/*.md"',
      '    reason: SOC 2 Type II accepted in lieu',
      '    approver: Legal',
      '    expires: 2020-01-31',
      '',
    ].join('\n'));
    write('contracts/a.md', `${BASE}${AUDIT_WEAK}`);
    const expired = await run(['-f', 'json', 'contracts/a.md'], dir);
    expect(findings(expired.out).map((x) => [x.ruleId, x.line, x.message, x.suppressed])).toEqual([
      ['audit-rights', 13, expect.stringContaining('Weak audit-rights clause'), null],
      ['waiver-expired', 13, 'Waiver for audit-rights (legal/waivers.yaml #1, approved by Legal) expired on 2020-01-31: the finding is reported again.', null],
    ]);
    expect(expired.code).toBe(1);

    write('legal/waivers.yaml', 'waivers:\n  - rule: audit-rights\n    files: "../contracts/*.md"\n    approver: Legal\n    expires: 2099-01-31\n');
    const noReason = await run(['-f', 'json', 'contracts/a.md'], dir);
    expect(findings(noReason.out).map((x) => [x.ruleId, x.message, x.suppressed])).toEqual([
      ['audit-rights', expect.stringContaining('Weak audit-rights clause'), null],
      ['suppression-reason', 'Waiver for audit-rights (legal/waivers.yaml #1, approved by Legal) gives no reason: it suppresses nothing.', null],
    ]);

    write('legal/waivers.yaml', 'waivers:\n  - rule: audit-rights\n    files: "*.md"\n    reason: x\n    approver: Legal\n    expires: 31.01.2099\n');
    const bad = await run(['contracts/a.md'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('clauselint: legal/waivers.yaml: waivers[0].expires: must be a date written YYYY-MM-DD');
  });
});

describe('baseline', () => {
  it('writes the current findings, then reports only new ones, matched by rule, file and clause rather than line', async () => {
    write('contracts/a.md', `${BASE}${AUDIT_WEAK}`);
    write('contracts/b.md', `${BASE}\n**2.2 Fees.** The fees are [TBD].\n`);
    const before = await run(['contracts'], dir);
    expect(before.code).toBe(1);

    const wrote = await run(['--write-baseline', 'contracts'], dir);
    expect(wrote.code).toBe(0);
    expect(wrote.out).toBe('');
    expect(wrote.err).toMatch(/^clauselint: wrote \d+ findings in 2 files to \.clauselint-baseline\.json\n$/);
    const baseline = JSON.parse(readFileSync(join(dir, '.clauselint-baseline.json'), 'utf8'));
    expect(baseline.version).toBe(1);
    expect(baseline.files['contracts/a.md']).toContainEqual({ rule: 'audit-rights', clause: '11.1', count: 1 });
    expect(baseline.files['contracts/b.md']).toContainEqual({ rule: 'placeholder', clause: '2.2', count: 1 });

    // Lines move (a paragraph added at the top); the known findings stay quiet, a new placeholder is reported.
    write('contracts/a.md', `${BASE.replace('## 1. Data', '## 1. Data\n\nAn added paragraph.\n')}${AUDIT_WEAK}`);
    write('contracts/b.md', `${BASE}\n**2.2 Fees.** The fees are [TBD].\n\n**2.3 Notices.** Notices go to [Address].\n`);
    const after = await run(['-f', 'json', 'contracts'], dir);
    const all = JSON.parse(after.out).files.flatMap((f: { findings: JsonFinding[] }) => f.findings);
    expect(all.filter((f: JsonFinding) => !f.suppressed).map((f: JsonFinding) => [f.ruleId, f.line])).toEqual([['placeholder', 13]]);
    expect(all.filter((f: JsonFinding) => f.suppressed).every((f: JsonFinding) => f.suppressed!.kind === 'baseline' && f.suppressed!.reason === 'recorded in the baseline (.clauselint-baseline.json)')).toBe(true);
    expect(after.code).toBe(1);
    const stylish = await run(['contracts'], dir);
    expect(stylish.out).toMatch(/✖ 1 problem \(1 error, 0 warnings, \d+ suppressed\)/);

    // --no-baseline shows everything; a named baseline that does not exist is an error.
    const none = await run(['-f', 'json', '--no-baseline', 'contracts'], dir);
    expect(JSON.parse(none.out).files.flatMap((f: { findings: JsonFinding[] }) => f.findings).every((f: JsonFinding) => f.suppressed === null)).toBe(true);
    const missing = await run(['--baseline', 'nope.json', 'contracts'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('clauselint: nope.json: no such file');
  });
});

describe('suppression matching (pure)', () => {
  it('a waiver clause covers its sub-clauses; the baseline matches at most as many findings as it counts', async () => {
    const { applyBaseline, buildBaseline, clauseCovers } = await import('../src/lint/suppress.js');
    expect(clauseCovers('11', '11')).toBe(true);
    expect(clauseCovers('11', '11.2(b)')).toBe(true);
    expect(clauseCovers('§ 11.', '11(a)')).toBe(true);
    expect(clauseCovers('11', '110')).toBe(false);
    expect(clauseCovers('11', null)).toBe(false);
    expect(clauseCovers('Schedule 2', 'Schedule 2.1')).toBe(true);

    const finding = (line: number, number: string | null) => ({
      ruleId: 'placeholder', severity: 'error' as const, messageId: 'placeholder', message: `x${line}`, line, column: 1,
      section: number === null ? null : { number, heading: null }, excerpt: null, ask: null, url: 'rules/placeholder.md',
    });
    const report = { path: 'a.md', format: 'markdown' as const, clauses: [], findings: [finding(3, '2.1'), finding(5, '2.1'), finding(9, '3')], errorCount: 3, warningCount: 0, infoCount: 0 };
    const baseline = buildBaseline(null, [{ key: 'a.md', report: { ...report, findings: report.findings.slice(0, 1) } }]);
    expect(baseline).toEqual({ version: 1, files: { 'a.md': [{ rule: 'placeholder', clause: '2.1', count: 1 }] } });
    const applied = applyBaseline(report, baseline.files['a.md'], 'b.json');
    expect(applied.findings.map((f) => f.suppressed?.kind ?? null)).toEqual(['baseline', null, null]);
    expect([applied.errorCount, applied.suppressedCount]).toEqual([2, 1]);
    // Rewriting keeps the files not linted this time and drops those without findings.
    expect(buildBaseline({ version: 1, files: { 'b.md': [{ rule: 'x', clause: null, count: 2 }], 'a.md': [] } }, [{ key: 'a.md', report: { ...report, findings: [] } }]))
      .toEqual({ version: 1, files: { 'b.md': [{ rule: 'x', clause: null, count: 2 }] } });
  });
});
