import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/lint/types.js';
import { escapeHtml, formatHtml } from '../src/report/html.js';
import { ROOT } from './helpers.js';
import { INJECTION_NAME, INJECTION_TEXT, META, fileReport, finding, lintFile, lintSource } from './report-helpers.js';

let sample: FileReport;
let evil: FileReport;
let html: string;

beforeAll(async () => {
  sample = await lintFile(join(ROOT, 'fixtures', 'sample-outsourcing.md'), 'fixtures/sample-outsourcing.md');
  evil = { ...(await lintSource(INJECTION_NAME, INJECTION_TEXT)), path: INJECTION_NAME };
  html = formatHtml([sample, evil], META);
});

const sha = (s: string): string => createHash('sha256').update(s).digest('base64');

describe('--format html (static checks; the browser test is report-html-browser.test.ts)', () => {
  it('is one self-contained page: no external URL, no src attribute, a CSP that allows only its own style and script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Every real tag (contract text is escaped, so `<` only opens our own markup).
    const tags = html.match(/<[a-zA-Z][^>]*>/g)!;
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) {
      expect(tag).not.toMatch(/\shref\s*=\s*"(?!data:)/i);
      const names = tag.replace(/"[^"]*"/g, '""'); // attribute names only: values are quoted and escaped
      expect(names).not.toMatch(/[\s'](src|srcset|action|formaction|background|poster)\s*=/i);
      expect(names).not.toMatch(/[\s'/]on\w+\s*=/i);
    }
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`);
    expect(csp).toContain(`script-src 'sha256-${sha(script)}'`);
    expect(html.match(/<script/gi)!.length).toBe(1);
  });

  it('escapes every piece of contract text: payloads appear as text, never as markup', () => {
    expect(evil.findings.some((f) => f.excerpt?.includes('<img src=x onerror='))).toBe(true);
    expect(evil.findings.some((f) => f.excerpt?.includes('<script>'))).toBe(true);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toContain("<script>window.__pwned");
    expect(html).toContain('&lt;script&gt;window.__pwned=&#39;placeholder&#39;&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=&#39;excerpt&#39;&quot;&gt;');
    expect(html).toContain(`data-file="${escapeHtml(INJECTION_NAME)}"`);
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('has a coverage matrix of clauses × files coloured by status', () => {
    const ids = [...new Set([...sample.clauses, ...evil.clauses].map((c) => c.id))].sort();
    const rows = [...html.matchAll(/<tr data-clause="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(ids);
    const breach = rows.find((r) => r[1] === 'breach-notification')![2]!;
    expect(breach).toContain('<td class="st st-weak" data-file="fixtures/sample-outsourcing.md" data-status="weak"');
    expect(breach).toContain('<small>§ 8.9 Personal Data Breach</small>');
    const insurance = rows.find((r) => r[1] === 'insurance')![2]!;
    expect(insurance).toMatch(/class="st st-missing" data-file="fixtures\/sample-outsourcing.md"/);
    // A clause the second file's playbook also has: one cell per file, in file order.
    expect([...breach.matchAll(/<td [^>]*data-file="([^"]+)"/g)].map((m) => m[1])).toEqual(['fixtures/sample-outsourcing.md', escapeHtml(INJECTION_NAME)]);
  });

  it('lists each finding with severity, clause number and heading, quoted words and what to ask for', () => {
    const items = [...html.matchAll(/<li class="finding sev-(\w+)" data-severity="(\w+)" data-clause="([^"]+)" data-file="([^"]+)">([\s\S]*?)<\/li>/g)];
    expect(items.length).toBe(sample.findings.length + evil.findings.length);
    const breach = items.find((m) => m[3] === 'breach-notification' && m[4] === 'fixtures/sample-outsourcing.md')![5]!;
    expect(breach).toContain('<span class="clause">§ 8.9 Personal Data Breach</span>');
    expect(breach).toContain('<span class="where">line 178</span>');
    expect(breach).toContain('<blockquote class="excerpt">“The Supplier shall notify the Customer without undue delay');
    expect(breach).toContain('<p class="ask"><strong>Ask for:</strong> written notice of any security incident');
    expect(html).toContain(`Errors (${sample.errorCount + evil.errorCount})`);
    expect(html).toMatch(/<svg class="chart" role="img" aria-label="Findings by severity: \d+ errors, \d+ warnings, 0 info"/);
  });

  it('has filters for severity, clause and file', () => {
    for (const s of ['error', 'warn', 'info']) expect(html).toContain(`<input type="checkbox" name="severity" value="${s}" checked>`);
    expect(html).toContain('<option value="breach-notification">Breach notification (breach-notification)</option>');
    expect(html).toContain(`<option value="${escapeHtml(INJECTION_NAME)}">${escapeHtml(INJECTION_NAME)}</option>`);
  });

  it('an empty report still renders', () => {
    const out = formatHtml([fileReport('clean.md', [])], { ...META, playbook: null });
    expect(out).toContain('<p class="none">No findings.</p>');
    expect(out).toContain('The playbook has no clause rules.');
    const one = formatHtml([fileReport('a.md', [finding({ ruleId: 'assignment', severity: 'warn' })])], META);
    expect(one).toContain('Showing 1 of 1 finding</p>');
  });
});
