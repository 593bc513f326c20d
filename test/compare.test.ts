import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures } from '../scripts/make-docx-fixtures.js';
import type { Finding } from '../src/lint/types.js';
import { compareExitCode, compareReports, formatCompareJson, formatCompareMarkdown, formatCompareStylish } from '../src/report/compare.js';
import { type CliResult, ROOT, runCli } from './helpers.js';
import { fileReport, finding } from './report-helpers.js';

const S = (number: string | null, heading: string | null = null): Finding['section'] => ({ number, heading });

describe('compareReports (matching by rule and clause)', () => {
  it('matches by rule and clause, never by line', () => {
    const old = fileReport('v1.md', [
      finding({ ruleId: 'audit-rights', line: 40, section: S('11.1', 'Audit'), excerpt: 'Audits once a year on 60 days notice.' }),
      finding({ ruleId: 'breach-notification', line: 50, section: S('8.9', 'Breach'), excerpt: 'without undue delay' }),
      finding({ ruleId: 'placeholder', line: 60, section: S('3'), excerpt: 'Fee: [TBD]' }),
    ]);
    const now = fileReport('v2.md', [
      // same rule and clause, moved 100 lines down: unchanged
      finding({ ruleId: 'audit-rights', line: 140, section: S('11.1', 'Audit'), excerpt: 'Audits once a year on 60 days notice.' }),
      // the same line as the old breach finding, but another rule: not a match
      finding({ ruleId: 'liability-cap', line: 50, section: S('8.9', 'Breach'), excerpt: 'without undue delay' }),
      // same line as the old placeholder, same rule, another clause and other words: not a match
      finding({ ruleId: 'placeholder', line: 60, section: S('4'), excerpt: 'Term: [●] years' }),
    ]);
    const c = compareReports(old, now);
    expect(c.unchanged.map((x) => [x.old!.ruleId, x.old!.line, x.new!.line, x.basis])).toEqual([['audit-rights', 40, 140, 'same-words']]);
    expect(c.resolved.map((x) => [x.old!.ruleId, x.old!.section!.number])).toEqual([['breach-notification', '8.9'], ['placeholder', '3']]);
    expect(c.added.map((x) => [x.new!.ruleId, x.new!.section!.number])).toEqual([['liability-cap', '8.9'], ['placeholder', '4']]);
    expect(c.newErrors).toBe(2);
    expect(compareExitCode(c)).toBe(1);
  });

  it('a clause whose words changed is still the same problem; a renumbered clause with the same words too', () => {
    const old = fileReport('v1.md', [
      finding({ ruleId: 'audit-rights', line: 10, section: S('11.1', 'Audit'), excerpt: 'on 60 days notice' }),
      finding({ ruleId: 'exit-assistance', line: 20, section: S('2.2', 'Commencement'), excerpt: 'reasonable endeavours to commence' }),
    ]);
    const now = fileReport('v2.md', [
      finding({ ruleId: 'audit-rights', line: 10, section: S('11.1', 'Audit Rights'), excerpt: 'on 90 days notice' }),
      finding({ ruleId: 'exit-assistance', line: 25, section: S('2.3', 'Commencement'), excerpt: 'reasonable endeavours to commence' }),
    ]);
    const c = compareReports(old, now);
    expect(c.unchanged.map((x) => [x.new!.ruleId, x.basis])).toEqual([['audit-rights', 'same-clause'], ['exit-assistance', 'moved']]);
    expect(c.resolved).toEqual([]);
    expect(c.added).toEqual([]);
    expect(compareExitCode(c)).toBe(0);
  });

  it('several findings of one rule in one clause match by their words', () => {
    const old = fileReport('v1.md', [
      finding({ ruleId: 'placeholder', line: 5, section: S('3'), excerpt: 'Fee: [TBD]' }),
      finding({ ruleId: 'placeholder', line: 6, section: S('3'), excerpt: 'Date: [●]' }),
    ]);
    const now = fileReport('v2.md', [
      finding({ ruleId: 'placeholder', line: 5, section: S('3'), excerpt: 'Date: [●]' }),
      finding({ ruleId: 'placeholder', line: 6, section: S('3'), excerpt: 'Cap: [Insert amount]' }),
      finding({ ruleId: 'placeholder', line: 7, section: S('3'), excerpt: 'Term: [●] years' }),
    ]);
    const c = compareReports(old, now);
    expect(c.unchanged.map((x) => [x.old!.excerpt, x.new!.excerpt])).toEqual([['Date: [●]', 'Date: [●]']]);
    expect(c.resolved.map((x) => x.old!.excerpt)).toEqual(['Fee: [TBD]']);
    expect(c.added.map((x) => x.new!.excerpt)).toEqual(['Cap: [Insert amount]', 'Term: [●] years']);
  });

  it('warnings alone do not fail; a finding raised to error does; clause status changes are listed', () => {
    const old = fileReport('v1.md', [finding({ ruleId: 'assignment', severity: 'warn', section: S('19.1') , excerpt: 'x' })], {
      clauses: [{ id: 'assignment', status: 'weak', section: S('19.1'), evidence: 'x', values: {} }, { id: 'insurance', status: 'missing', section: null, evidence: null, values: {} }],
    });
    const warnOnly = fileReport('v2.md', [finding({ ruleId: 'assignment', severity: 'warn', section: S('19.1'), excerpt: 'x' }), finding({ ruleId: 'insurance', severity: 'warn', line: 3, section: S('15.1'), excerpt: 'y' })], {
      clauses: [{ id: 'assignment', status: 'weak', section: S('19.1'), evidence: 'x', values: {} }, { id: 'insurance', status: 'weak', section: S('15.1', 'Insurance'), evidence: 'y', values: {} }],
    });
    const c = compareReports(old, warnOnly);
    expect(c.newWarnings).toBe(1);
    expect(compareExitCode(c)).toBe(0);
    expect(c.clauses).toEqual([{ id: 'insurance', old: 'missing', new: 'weak', oldSection: null, newSection: S('15.1', 'Insurance') }]);
    const raised = fileReport('v3.md', [finding({ ruleId: 'assignment', severity: 'error', section: S('19.1'), excerpt: 'x' })]);
    expect(compareExitCode(compareReports(old, raised))).toBe(1);
  });
});

// ---------------------------------------------------------------------------
// Two DOCX drafts: the generated sample, and a second draft edited as a vendor would.

/** Replace text in word/document.xml (each `from` must be there exactly once). */
function editDocx(bytes: Uint8Array, edits: Array<[string, string]>): Uint8Array {
  const zip = unzipSync(bytes);
  let xml = strFromU8(zip['word/document.xml']!);
  for (const [from, to] of edits) {
    expect(xml.split(from).length - 1, from).toBe(1);
    xml = xml.replace(from, to);
  }
  zip['word/document.xml'] = strToU8(xml);
  return zipSync(zip);
}

/** Draft 2: a note paragraph after the title (every paragraph index moves by one), two fixes, one edit, one new blank. */
const DRAFT2_EDITS: Array<[string, string]> = [
  ['Call Centre Outsourcing Master Services Agreement</w:t></w:r></w:p>', 'Call Centre Outsourcing Master Services Agreement</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Draft 2: the Supplier\'s comments of 14 March 2025 are incorporated.</w:t></w:r></w:p>'],
  [' is dated [●] 2025.', ' is dated 14 March 2025.'],
  ['The Supplier shall notify the Customer without undue delay after becoming aware', 'The Supplier shall notify the Customer within 24 hours after becoming aware'],
  ['on not less than 60 days&apos; written notice', 'on not less than 90 days&apos; written notice'],
  [' This Agreement and any dispute or claim arising out of or in connection with it shall be governed by and construed in accordance with the law of England and Wales.', ' This Agreement is governed by the law of [Insert jurisdiction].'],
];

describe('clauselint compare', () => {
  let dir: string;

  const run = (args: string[]): Promise<CliResult> => runCli(args, dir);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clauselint-compare-'));
    const [sample] = await buildDocxFixtures(join(dir, 'gen'));
    writeFileSync(join(dir, 'msa-v1.docx'), readFileSync(sample!));
    writeFileSync(join(dir, 'msa-v2.docx'), editDocx(readFileSync(sample!), DRAFT2_EDITS));
    writeFileSync(join(dir, 'msa.md'), readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md')));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stylish: resolved, new and unchanged findings of two DOCX drafts; exit 1 for the new error', async () => {
    const r = await run(['compare', '-p', 'outsourcing', 'msa-v1.docx', 'msa-v2.docx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const out = r.out;
    expect(out.startsWith('msa-v1.docx → msa-v2.docx\n')).toBe(true);
    const section = (title: string): string => {
      const start = out.indexOf(`\n${title} (`);
      expect(start, title).toBeGreaterThanOrEqual(0);
      const end = out.indexOf('\n\n', start + 1);
      return out.slice(start + 1, end);
    };
    const resolved = section('Resolved');
    expect(resolved).toMatch(/¶2 +error +\(whole document\) +Unfilled placeholder \[●\]\. +placeholder/);
    expect(resolved).toMatch(/¶91 +error +§ 8\.9 Personal Data Breach +Weak breach-notification clause/);
    // "without undue delay" was also the vague deadline the 24-hour notice fixes.
    expect(resolved).toMatch(/¶91 +\w+ +§ 8\.9 Personal Data Breach +.*vague-deadline/);
    const added = section('New');
    expect(added).toMatch(/¶\d+ +error +§ 23\.1 Governing Law +Unfilled placeholder \[Insert jurisdiction\]\. +placeholder/);
    const unchanged = section('Unchanged');
    // Every unchanged finding moved one paragraph down (the note after the title), matched all the same.
    const moves = [...unchanged.matchAll(/¶(\d+) → ¶(\d+)/g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(moves.length).toBeGreaterThan(3);
    expect(new Set(moves)).toEqual(new Set([1]));
    expect(unchanged).toMatch(/¶103 → ¶104 +error +§ 11\.1 Audit Rights +Weak audit-rights clause/);
    expect(unchanged).toContain('“The Customer may, not more than once in any twelve-month period and on not less than 90 days\' written notice');
    expect(out).toMatch(/breach-notification +weak → present +§ 8\.9 Personal Data Breach/);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ new errors?, \d+ new warnings?; 3 resolved; \d+ unchanged$/);
  });

  it('JSON: the same comparison with both positions of every finding', async () => {
    const r = await run(['compare', '-p', 'outsourcing', '-f', 'json', 'msa-v1.docx', 'msa-v2.docx']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      old: { path: string }; new: { path: string };
      findings: Record<'resolved' | 'new' | 'unchanged', Array<{ kind: string; basis: string | null; old: Finding | null; new: Finding | null }>>;
      clauses: Array<{ id: string; old: string; new: string }>; newErrors: number;
    };
    expect(Object.keys(json)).toEqual(['old', 'new', 'findings', 'clauses', 'newErrors', 'newWarnings']);
    expect([json.old.path, json.new.path]).toEqual(['msa-v1.docx', 'msa-v2.docx']);
    expect(json.findings.resolved.map((x) => x.old!.ruleId).sort()).toEqual(['breach-notification', 'placeholder', 'vague-deadline']);
    expect(json.findings.new.some((x) => x.new!.ruleId === 'placeholder' && x.new!.section?.number === '23.1' && x.old === null)).toBe(true);
    for (const x of json.findings.unchanged) expect(x.new!.line - x.old!.line).toBe(x.old!.excerpt === null ? 0 : 1);
    expect(json.findings.unchanged.find((x) => x.new!.ruleId === 'audit-rights')!.basis).toBe('same-clause');
    expect(json.clauses).toContainEqual(expect.objectContaining({ id: 'breach-notification', old: 'weak', new: 'present' }));
    expect(json.newErrors).toBeGreaterThanOrEqual(1);
  });

  it('Markdown: one table per group', async () => {
    const r = await run(['compare', '-p', 'outsourcing', '-f', 'markdown', 'msa-v1.docx', 'msa-v2.docx']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^# Draft comparison\n\nmsa-v1.docx → msa-v2.docx\n\n\*\*\d+ new errors?, \d+ new warnings?; 3 resolved; \d+ unchanged\*\*\n/);
    expect(r.out).toContain('## Resolved (3)\n\n| Severity | Clause | Finding | Rule | Was at |\n| --- | --- | --- | --- | --- |\n');
    expect(r.out).toMatch(/\| error \| § 8\.9 Personal Data Breach \| Weak breach-notification clause: no outer time limit, only a vague deadline\.<br>“The Supplier shall notify .*” \| `breach-notification` \| ¶91 \|/);
    expect(r.out).toMatch(/\| error \| § 11\.1 Audit Rights \| .* \| `audit-rights` \| ¶103 → ¶104 \|/);
    expect(r.out).toMatch(/\| Breach notification \(`breach-notification`\) \| weak \| present \(§ 8\.9 Personal Data Breach\) \|/);
  });

  it('the Markdown and DOCX versions of the same contract: nothing new, nothing resolved (lines differ entirely)', async () => {
    const r = await run(['compare', '-p', 'outsourcing', 'msa.md', 'gen/sample-outsourcing.docx']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Resolved (0)\n  none\n');
    expect(r.out).toContain('New (0)\n  none\n');
    expect(r.out).toMatch(/178:1 → ¶91 +error +§ 8\.9 Personal Data Breach/);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(/^✔ 0 new errors, 0 new warnings; 0 resolved; \d+ unchanged$/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['compare', 'msa-v1.docx'])).code).toBe(2);
    expect((await run(['compare', '-f', 'sarif', 'msa-v1.docx', 'msa-v2.docx'])).err).toContain('unknown compare format "sarif"');
    const missing = await run(['compare', 'msa-v1.docx', 'nope.docx']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.docx: no such file');
  });

  it('formatters are pure functions of the comparison', () => {
    const c = compareReports(fileReport('a.md', []), fileReport('b.md', [finding({ ruleId: 'governing-law', messageId: 'missing', message: 'Missing governing-law clause.' })]));
    expect(formatCompareStylish(c)).toBe('a.md → b.md\n\nResolved (0)\n  none\n\nNew (1)\n  —  error    (whole document)  Missing governing-law clause.  governing-law\n\nUnchanged (0)\n  none\n\n✖ 1 new error, 0 new warnings; 0 resolved; 0 unchanged\n');
    expect(JSON.parse(formatCompareJson(c)).findings.new[0].new.ruleId).toBe('governing-law');
    expect(formatCompareMarkdown(c)).toContain('| error | (whole document) | Missing governing-law clause. | `governing-law` | — |');
  });
});
