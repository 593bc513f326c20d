/**
 * npm run bench:desk — the reviewer's desk (`clauselint serve`) as a reviewer sees it: the time from choosing a
 * 60-page DOCX on the page (in Debian's Chromium, driven by playwright-core) to its report on screen, against the
 * yardstick of the same file linted by the CLI (`clauselint -f json FILE`, the whole process), measured in the
 * same run. The server and the browser are started once, as a reviewer has them open; each run reloads the page.
 *
 *   npm run bench:desk                      # 60 pages, 5 runs (median, min and max)
 *   npm run bench:desk -- --pages 200 --runs 9
 *   npm run bench:desk -- --file ../shared/corpus/docx/SOME.docx   # a real contract instead
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, toDocx, WORDS_PER_PAGE } from './generate-contract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'clauselint.js');
const CHROMIUM = '/usr/bin/chromium';
const { values } = parseArgs({ options: { pages: { type: 'string' }, file: { type: 'string' }, runs: { type: 'string' }, 'no-build': { type: 'boolean' } } });
const PAGES = Number(values.pages ?? 60);
const RUNS = Number(values.runs ?? 5);

const stats = (xs: number[]): { median: number; min: number; max: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
};
const ms = (x: number): string => `${x.toFixed(0)} ms`;

function startServer(cwd: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const m = /serving on (\S+)\n/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

async function main(): Promise<void> {
  if (!values['no-build']) execOrDie('npm', ['run', '--silent', 'build']);
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-desk-bench-'));
  const file = values.file === undefined ? join(dir, `msa-${PAGES}-pages.docx`) : resolve(values.file);
  const bytes = values.file === undefined ? await toDocx(generate(PAGES)) : readFileSync(file);
  if (values.file === undefined) writeFileSync(file, bytes);
  const server = await startServer(dir);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const desk: number[] = [];
  const cli: number[] = [];
  try {
    const page = await browser.newPage();
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForSelector('#playbook option[value="recommended"]', { state: 'attached' });
      const t0 = performance.now();
      await page.setInputFiles('#files', file);
      await page.waitForSelector('article[data-file] tr[data-clause]');
      const t1 = performance.now();
      const c0 = performance.now();
      execOrDie(process.execPath, [BIN, '-f', 'json', '--no-baseline', file], [0, 1]);
      const c1 = performance.now();
      if (run === 0) continue; // warm-up: the server's worker threads and the browser's first page
      desk.push(t1 - t0);
      cli.push(c1 - c0);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const d = stats(desk);
  const c = stats(cli);
  const what = values.file === undefined ? `${PAGES}-page DOCX (${PAGES * WORDS_PER_PAGE} words generated` : `${basename(file)} (real contract`;
  console.log(`${what}, ${(bytes.length / 1024).toFixed(0)} KB), ${RUNS} runs after a warm-up:`);
  console.log(`  desk: chosen on the page → clause table on screen  median ${ms(d.median)} (min ${ms(d.min)}, max ${ms(d.max)})`);
  console.log(`  yardstick: clauselint -f json FILE, whole process  median ${ms(c.median)} (min ${ms(c.min)}, max ${ms(c.max)})`);
  console.log(`  desk / CLI: ${(d.median / c.median).toFixed(2)}×`);
}

function execOrDie(cmd: string, args: string[], ok: number[] = [0]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!ok.includes(r.status ?? -1)) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

await main();
