import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { FileReport } from '../src/lint/types.js';
import { formatMarkdown, mdText } from '../src/report/markdown.js';
import { ROOT } from './helpers.js';
import { META, fileReport, finding, lintFile } from './report-helpers.js';

let sample: FileReport;
let md: string;

beforeAll(async () => {
  sample = await lintFile(join(ROOT, 'fixtures', 'sample-outsourcing.md'), 'fixtures/sample-outsourcing.md');
  md = formatMarkdown([sample], META);
});

/** The lines of the Markdown table that follows `heading` (up to the first blank line). */
function tableAfter(text: string, heading: string): string[] {
  const start = text.indexOf(`\n${heading}\n\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + heading.length + 3);
  return rest.slice(0, rest.indexOf('\n\n')).split('\n');
}

/** Split a table row into cells, honouring `\|` escapes. */
const cells = (row: string): string[] => row.replace(/^\| | \|$/g, '').split(/(?<!\\) \| /);

describe('--format markdown (gap report)', () => {
  it('has a coverage table with one row per playbook clause: status, section and deciding words', () => {
    const rows = tableAfter(md, '### Coverage');
    expect(rows[0]).toBe('| Clause | Status | Section | Deciding words |');
    expect(rows[1]).toBe('| --- | --- | --- | --- |');
    const body = rows.slice(2).map(cells);
    expect(body.length).toBe(sample.clauses.length);
    expect(body.map((c) => c[0])).toEqual(sample.clauses.map((c) => `${META.clauseTitles![c.id]} (\`${c.id}\`)`));
    for (const c of body) expect(c.length).toBe(4);
    const breach = body.find((c) => c[0]!.includes('`breach-notification`'))!;
    expect(breach).toEqual([
      'Breach notification (`breach-notification`)', '⚠️ weak', '§ 8.9 Personal Data Breach',
      '“The Supplier shall notify the Customer without undue delay after becoming aware of a Personal Data Breach and shall provide such information as the Customer reasonably requires.”',
    ]);
    expect(body.find((c) => c[0]!.includes('`insurance`'))).toEqual(['Insurance (`insurance`)', '❌ missing', '—', '—']);
    expect(body.find((c) => c[0]!.includes('`governing-law`'))![1]).toBe('✅ present');
  });

  it('groups the findings by severity, errors first, each with clause, place, rule, quoted words and ask', () => {
    const errors = md.indexOf(`#### Errors (${sample.errorCount})`);
    const warnings = md.indexOf(`#### Warnings (${sample.warningCount})`);
    const summary = md.indexOf('### Summary');
    expect(errors).toBeGreaterThan(md.indexOf('### Findings'));
    expect(warnings).toBeGreaterThan(errors);
    expect(summary).toBeGreaterThan(warnings);
    const errorBlock = md.slice(errors, warnings);
    expect(errorBlock).toContain('**§ 8.9 Personal Data Breach** · line 178 · `breach-notification`  \n   Weak breach-notification clause: no outer time limit, only a vague deadline.');
    expect(errorBlock).toContain('   > “The Supplier shall notify the Customer without undue delay');
    expect(errorBlock).toContain('   **Ask for:** written notice of any security incident');
    expect(errorBlock.match(/^\d+\. /gm)!.length).toBe(sample.errorCount);
    const warningBlock = md.slice(warnings, summary);
    expect(warningBlock).toContain('1. **(whole document)** · `insurance`');
    expect(warningBlock).not.toContain('breach-notification');
  });

  it('ends each file with a summary of counts and the clauses to negotiate', () => {
    const rows = tableAfter(md, '### Summary');
    expect(rows[0]).toBe('| Errors | Warnings | Info | Clauses |');
    const [errors, warnings, info, clauses] = cells(rows[2]!);
    expect([errors, warnings, info]).toEqual([String(sample.errorCount), String(sample.warningCount), String(sample.infoCount)]);
    const missing = sample.clauses.filter((c) => c.status === 'missing').length;
    expect(clauses).toContain(`${missing} missing`);
    expect(md).toMatch(/To negotiate: .*Insurance \(missing\).*\n$/);
    expect(md.startsWith(`# Clause gap report\n\nPlaybook: \`outsourcing\` · 1 file · ${sample.errorCount} errors`)).toBe(true);
  });

  it('escapes contract text: pipes stay in their cell, HTML and placeholders stay text', () => {
    const report = fileReport('drafts/a|b.md', [
      finding({ ruleId: 'placeholder', messageId: 'placeholder', message: 'Unfilled placeholder ____.', line: 4, excerpt: 'Fee: ____ | <script>alert(1)</script> *not bold* [link](http://x) &amp;' }),
    ], {
      clauses: [{ id: 'audit-rights', status: 'weak', section: { number: '7', heading: 'Audit | Records' }, evidence: 'Audit <img src=x onerror=alert(1)> once | a year.', values: {} }],
    });
    const out = formatMarkdown([report], META);
    const row = tableAfter(out, '### Coverage')[2]!;
    expect(cells(row)).toEqual(['Audit rights (`audit-rights`)', '⚠️ weak', '§ 7 Audit \\| Records', '“Audit \\<img src=x onerror=alert(1)\\> once \\| a year.”']);
    expect(out).toContain('> “Fee: \\_\\_\\_\\_ \\| \\<script\\>alert(1)\\</script\\> \\*not bold\\* \\[link\\](http://x) \\&amp;”');
    expect(out).not.toMatch(/(?<!\\)<(script|img)/);
    expect(out).toContain('## drafts/a\\|b.md');
    expect(mdText('line\nbreak')).toBe('line break');
  });

  it('several files: an overall summary table and the files that could not be read', () => {
    const a = fileReport('a.md', [finding({ ruleId: 'governing-law', messageId: 'missing' })]);
    const b = fileReport('b.md', [finding({ ruleId: 'assignment', severity: 'warn' })]);
    const out = formatMarkdown([a, b], { ...META, failures: [{ path: 'c.docx', error: 'not a DOCX: not a zip archive' }] });
    const rows = tableAfter(out, '## Summary');
    expect(rows.slice(2).map(cells).map((c) => c.slice(0, 4))).toEqual([['a.md', '1', '0', '0'], ['b.md', '0', '1', '0'], ['**Total**', '**1**', '**1**', '**0**']]);
    expect(out).toContain('Not read:\n\n- c.docx: not a DOCX: not a zip archive');
  });

  it('is what the CLI prints with -f markdown', async () => {
    let out = '';
    const code = await main(['-f', 'markdown', '-p', 'outsourcing', 'fixtures/sample-outsourcing.md'], { stdout: (s) => (out += s), stderr: () => {}, cwd: ROOT, isTTY: false });
    expect(code).toBe(1);
    expect(out).toBe(md);
  });
});
