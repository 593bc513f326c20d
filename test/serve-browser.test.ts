/**
 * The reviewer's desk (`clauselint serve`) in real Chromium: Debian's, driven by playwright-core, against the
 * built bin. A reviewer chooses a generated DOCX, a Markdown contract and a contract carrying script, reads the
 * statuses, downloads the DOCX with comments, and compares two drafts; nothing runs from the contracts and
 * nothing is requested from outside. Skipped (with a message) where /usr/bin/chromium is absent; .ci/run installs it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures, buildPackFixtures } from '../scripts/make-docx-fixtures.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, type Opened, openWatched } from './browser.js';
import { ROOT } from './helpers.js';
import { INJECTION_TEXT } from './report-helpers.js';
import { type Served, startServe } from './serve-helpers.js';

const SKIP_REASON = HAS_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} not present — apt-get install chromium)`;
if (!HAS_CHROMIUM) console.warn(`serve-browser.test.ts: skipped: ${CHROMIUM} not present (apt-get install chromium)`);

const INJECTION_FILE = 'hostile-contract.txt';

describe.skipIf(!HAS_CHROMIUM)(`clauselint serve in headless Chromium${SKIP_REASON}`, () => {
  let dir: string;
  let server: Served;
  let context: BrowserContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clauselint-desk-'));
    await buildDocxFixtures(dir);
    writeFileSync(join(dir, 'sample-outsourcing.md'), readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md')));
    writeFileSync(join(dir, INJECTION_FILE), INJECTION_TEXT);
    server = await startServe([], dir);
    context = await launchChromium(join(dir, 'profile'), { acceptDownloads: true });
  });

  afterAll(async () => {
    await context?.close();
    if (server) expect(await server.stop()).toBe(0);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(): Promise<Opened> {
    const opened = await openWatched(context, server.url);
    await opened.page.waitForSelector('#playbook option[value="outsourcing"]', { state: 'attached' });
    return opened;
  }

  /** The clause table of one file, as [clause id, status] pairs. */
  const statuses = (page: Page, file: string): Promise<Array<[string, string]>> => page.$$eval(
    `article[data-file="${file}"] tr[data-clause]`,
    (rows) => rows.map((r) => [r.getAttribute('data-clause')!, r.querySelector('.status')!.textContent!] as [string, string]),
  );

  it('reviews a chosen DOCX and Markdown contract: statuses, sections, quotes, findings with filters', async () => {
    const { page, problems, requests } = await open();
    await page.selectOption('#playbook', 'outsourcing');
    await page.setInputFiles('#files', [join(dir, 'sample-outsourcing.docx'), join(dir, 'sample-outsourcing.md')]);
    await page.waitForSelector('#status:has-text("Done: 2 files reviewed.")');
    for (const file of ['sample-outsourcing.docx', 'sample-outsourcing.md']) {
      const rows = await statuses(page, file);
      expect(rows).toContainEqual(['breach-notification', 'weak']);
      expect(rows).toContainEqual(['insurance', 'missing']);
      expect(rows).toContainEqual(['governing-law', 'present']);
    }
    const audit = await page.$eval('article[data-file="sample-outsourcing.docx"] tr[data-clause="audit-rights"]', (r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(audit[0]).toBe('Audit rights');
    expect(audit[2]).toBe('11.1 Audit Rights');
    expect(audit[3]).toContain('audit the Supplier');
    expect(audit[4]).toMatch(/^Ask /);

    const article = 'article[data-file="sample-outsourcing.md"]';
    const shown = (): Promise<string[]> => page.$$eval(`${article} .finding`, (els) => els.map((e) => e.className));
    const before = await shown();
    expect(before.some((c) => c.includes('error')) && before.some((c) => c.includes('warn'))).toBe(true);
    await page.uncheck(`${article} input[data-severity="error"]`);
    const after = await shown();
    expect(after.length).toBe(before.filter((c) => !c.includes('error')).length);
    expect(after.every((c) => !c.includes('error'))).toBe(true);
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith(`${server.url}/`))).toBe(true);
    await page.close();
  });

  it('downloads the DOCX with the findings as Word comments, and the reports', async () => {
    const { page, problems } = await open();
    await page.selectOption('#playbook', 'outsourcing');
    await page.setInputFiles('#files', [join(dir, 'sample-outsourcing.docx')]);
    await page.waitForSelector('#status:has-text("Done: 1 file reviewed.")');
    const findings = await page.$$eval('article[data-file="sample-outsourcing.docx"] .filters input', (boxes) => boxes
      .map((b) => Number(/\((\d+)\)/.exec(b.parentElement!.textContent!)![1])).reduce((a, b) => a + b, 0));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=DOCX with comments')]);
    expect(download.suggestedFilename()).toBe('sample-outsourcing-reviewed.docx');
    const saved = join(dir, 'reviewed.docx');
    await download.saveAs(saved);
    const zip = unzipSync(new Uint8Array(readFileSync(saved)));
    const comments = strFromU8(zip['word/comments.xml']!);
    expect(comments.match(/<w:comment /g)?.length).toBe(findings);
    expect(strFromU8(zip['word/document.xml']!)).toContain('<w:commentRangeStart');

    const [md] = await Promise.all([page.waitForEvent('download'), page.click('text=Markdown gap report')]);
    expect(md.suggestedFilename()).toBe('sample-outsourcing.docx.clauselint.md');
    await md.saveAs(join(dir, 'report.md'));
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('Breach notification');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a contract carrying <script> inert: shown as text, nothing runs, nothing loads from outside', async () => {
    const { page, problems, requests } = await open();
    await page.setInputFiles('#files', [join(dir, INJECTION_FILE)]);
    await page.waitForSelector('#status:has-text("Done: 1 file reviewed.")');
    await page.check(`article[data-file="${INJECTION_FILE}"] input[data-severity="info"]`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('main img, main iframe, main object, main embed, main svg').length)).toBe(0);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(`<script>window.__pwned='placeholder'</script>`);
    expect(text).toContain(`<img src=x onerror="window.__pwned='excerpt'">`);
    expect(requests.every((u) => u.startsWith(`${server.url}/`))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('compares two drafts: what the new one resolved, introduced and kept', async () => {
    const { page, problems } = await open();
    await page.selectOption('#playbook', 'outsourcing');
    const fixed = readFileSync(join(dir, 'sample-outsourcing.md'), 'utf8').replace('dated [●] 2025', 'dated 1 March 2025');
    writeFileSync(join(dir, 'new-draft.md'), fixed);
    await page.setInputFiles('#old', [join(dir, 'sample-outsourcing.md')]);
    await page.setInputFiles('#new', [join(dir, 'new-draft.md')]);
    await page.click('#run-compare');
    await page.waitForSelector('#comparison ul[data-group="resolved"]');
    const resolved = await page.$$eval('#comparison ul[data-group="resolved"] li', (lis) => lis.map((li) => li.textContent));
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toContain('(placeholder)');
    expect(await page.$$eval('#comparison ul[data-group="new"] li', (lis) => lis.length)).toBe(0);
    expect(await page.$$eval('#comparison ul[data-group="unchanged"] li', (lis) => lis.length)).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reviews the files as one contract when asked: the pack\'s coverage names the document each clause is in', async () => {
    const { page, problems } = await open();
    await page.selectOption('#playbook', 'outsourcing');
    const paths = await buildPackFixtures(join(dir, 'pack'));
    await page.check('#as-pack');
    await page.setInputFiles('#files', paths);
    await page.waitForSelector('#status:has-text("Done: 3 files reviewed as one contract.")');
    expect(await page.textContent('article.pack h3')).toBe('One contract: 3 files, main document Core Terms.docx');
    const exit = await page.$eval('article.pack tr[data-clause="exit-assistance"]', (r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(exit.slice(1, 4)).toEqual(['present', 'Call-Off Schedule 10 (Exit Management).docx', '2.1 Exit']);
    expect(await page.$$eval('article.pack section.member', (s) => s.map((x) => x.getAttribute('data-file')))).toHaveLength(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an unreadable file as one line, beside the files that were read', async () => {
    const { page, problems } = await open();
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    await page.setInputFiles('#files', [join(dir, 'broken.docx'), join(dir, 'sample-outsourcing.md')]);
    await page.waitForSelector('#status:has-text("Done: 2 files reviewed.")');
    expect(await page.textContent('article[data-file="broken.docx"] .error-line')).toBe('broken.docx: not a DOCX: not a zip archive');
    expect((await statuses(page, 'sample-outsourcing.md')).length).toBeGreaterThan(10);
    // The failed POST is the page's business, not a console problem the user must read.
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
    await page.close();
  });
});
