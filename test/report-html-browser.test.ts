/**
 * The HTML report in a real browser: Debian's Chromium, driven by
 * playwright-core. Skipped (with a message) where /usr/bin/chromium is absent;
 * .ci/run installs it so CI always runs this.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures } from '../scripts/make-docx-fixtures.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, type Opened, openWatched } from './browser.js';
import { ROOT, runCli } from './helpers.js';
import { INJECTION_NAME, INJECTION_TEXT } from './report-helpers.js';

const SKIP_REASON = HAS_CHROMIUM ? '' : ` (skipped: ${CHROMIUM} not present — apt-get install chromium)`;
if (!HAS_CHROMIUM) console.warn(`report-html-browser.test.ts: skipped: ${CHROMIUM} not present (apt-get install chromium)`);

/** Where the screenshot of the outsourcing sample's report goes (outside the repo). */
export const SCREENSHOT = join(tmpdir(), 'clauselint-html-report-sample-outsourcing.png');

async function cli(args: string[], cwd: string): Promise<number> {
  return (await runCli(args, cwd)).code;
}

describe.skipIf(!HAS_CHROMIUM)(`HTML report in headless Chromium${SKIP_REASON}`, () => {
  let dir: string;
  let context: BrowserContext;
  let sampleHtml: string;
  let multiHtml: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clauselint-html-'));
    // The outsourcing sample alone, as the README's quick start lints it.
    sampleHtml = join(dir, 'sample.html');
    expect(await cli(['--preset', 'outsourcing', '-f', 'html', '-o', sampleHtml, 'fixtures/sample-outsourcing.md'], ROOT)).toBe(1);
    // Three files: the sample as Markdown and as DOCX, and a contract full of script payloads.
    mkdirSync(join(dir, 'in'));
    await buildDocxFixtures(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'sample-outsourcing.md'), readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md')));
    writeFileSync(join(dir, 'in', INJECTION_NAME), INJECTION_TEXT);
    multiHtml = join(dir, 'multi.html');
    expect(await cli(['--preset', 'outsourcing', '-f', 'html', '-o', multiHtml, 'in/sample-outsourcing.md', 'in/sample-outsourcing.docx', `in/${INJECTION_NAME}`], dir)).toBe(1);

    context = await launchChromium(join(dir, 'profile'));
  });

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const open = (file: string): Promise<Opened> => openWatched(context, pathToFileURL(file).href);

  /** The findings a reader can see: [severity, clause, file]. */
  const visible = (page: Page): Promise<Array<[string, string, string]>> => page.$$eval('.finding', (els) => els
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => [el.getAttribute('data-severity')!, el.getAttribute('data-clause')!, el.getAttribute('data-file')!] as [string, string, string]));

  it('renders the outsourcing sample with no console errors and no network, and writes a screenshot', async () => {
    const { page, problems, requests } = await open(sampleHtml);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(sampleHtml).href]);
    await expect(page.title()).resolves.toBe('clauselint report — fixtures/sample-outsourcing.md');
    const shown = await visible(page);
    expect(shown.length).toBeGreaterThan(5);
    expect(await page.textContent('#filter-count')).toBe(`Showing ${shown.length} of ${shown.length} findings`);
    const matrixRows = await page.$$eval('#coverage tr[data-clause]', (rows) => rows.map((r) => [r.getAttribute('data-clause'), r.querySelector('td')!.getAttribute('data-status')]));
    expect(matrixRows).toContainEqual(['breach-notification', 'weak']);
    expect(matrixRows).toContainEqual(['insurance', 'missing']);
    expect(matrixRows).toContainEqual(['governing-law', 'present']);
    // Status colours are applied (the stylesheet was allowed by the CSP).
    const [weak, present] = await page.$$eval('#coverage td.st-weak, #coverage td.st-present', (tds) => [
      getComputedStyle(tds.find((t) => t.classList.contains('st-weak'))!).backgroundColor,
      getComputedStyle(tds.find((t) => t.classList.contains('st-present'))!).backgroundColor,
    ]);
    expect(weak).not.toBe(present);
    expect(weak).not.toBe('rgba(0, 0, 0, 0)');
    const bars = await page.$$eval('svg.chart rect.bar-error', (r) => r.map((x) => x.getBoundingClientRect().width));
    expect(bars[0]).toBeGreaterThan(50);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
    console.log(`HTML report screenshot (fixtures/sample-outsourcing.md, --preset outsourcing): ${SCREENSHOT}`);
    await page.close();
  });

  it('filters by severity, clause and file change what is shown', async () => {
    const { page, problems } = await open(multiHtml);
    const all = await visible(page);
    const total = all.length;
    expect(new Set(all.map((f) => f[2]))).toEqual(new Set(['in/sample-outsourcing.md', 'in/sample-outsourcing.docx', `in/${INJECTION_NAME}`]));
    expect(all.some((f) => f[0] === 'error') && all.some((f) => f[0] === 'warn')).toBe(true);

    await page.uncheck('#filters input[value="error"]');
    let shown = await visible(page);
    expect(shown.length).toBe(all.filter((f) => f[0] !== 'error').length);
    expect(shown.every((f) => f[0] !== 'error')).toBe(true);
    expect(await page.textContent('#filter-count')).toBe(`Showing ${shown.length} of ${total} findings`);
    await page.check('#filters input[value="error"]');
    expect((await visible(page)).length).toBe(total);

    await page.selectOption('#filter-clause', 'breach-notification');
    shown = await visible(page);
    expect(shown.length).toBe(all.filter((f) => f[1] === 'breach-notification').length);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.every((f) => f[1] === 'breach-notification')).toBe(true);
    const rows = await page.$$eval('#coverage tr[data-clause]', (trs) => trs.filter((r) => r.getClientRects().length > 0).map((r) => r.getAttribute('data-clause')));
    expect(rows).toEqual(['breach-notification']);

    await page.selectOption('#filter-clause', '');
    await page.selectOption('#filter-file', `in/${INJECTION_NAME}`);
    shown = await visible(page);
    expect(shown.length).toBe(all.filter((f) => f[2] === `in/${INJECTION_NAME}`).length);
    expect(shown.every((f) => f[2] === `in/${INJECTION_NAME}`)).toBe(true);
    const columns = await page.$$eval('#coverage th.file', (ths) => ths.filter((t) => t.getClientRects().length > 0).map((t) => t.textContent));
    expect(columns).toEqual([`in/${INJECTION_NAME}`]);

    // Combined: that file's errors about one clause.
    await page.selectOption('#filter-clause', 'placeholder');
    await page.uncheck('#filters input[value="warn"]');
    shown = await visible(page);
    expect(shown).toEqual(all.filter((f) => f[2] === `in/${INJECTION_NAME}` && f[1] === 'placeholder' && f[0] !== 'warn'));
    expect(shown.length).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps script payloads in contract text inert: shown as text, nothing runs, nothing loads', async () => {
    const { page, problems, requests } = await open(multiHtml);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed').length)).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('svg')].map((s) => s.getAttribute('class')))).toEqual(['chart']);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(`<script>window.__pwned='placeholder'</script>`);
    expect(text).toContain(`<img src=x onerror="window.__pwned='excerpt'">`);
    expect(text).toContain(INJECTION_NAME);
    expect(requests).toEqual([pathToFileURL(multiHtml).href]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
