import { existsSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs; browser tests skip (with a message) where it is absent. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Headless Chromium with a profile in `profileDir`: no sandbox (containers), no background network. */
export async function launchChromium(profileDir: string, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page opened at `url`, with what it complained of (console errors and warnings, exceptions, failed requests) and every request it made. */
export interface Opened {
  page: import('playwright-core').Page;
  problems: string[];
  requests: string[];
}

export async function openWatched(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, requests };
}
