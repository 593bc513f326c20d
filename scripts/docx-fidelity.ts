/**
 * Fidelity check of the DOCX numbering: our outline of every DOCX in a folder
 * against the numbers LibreOffice renders.
 *
 *   npm run fidelity:docx -- [--corpus DIR] [--jobs N] [--no-cache] [--show N] [--min SHARE] [FILE.docx ...]
 *
 * - LibreOffice (`soffice`, e.g. `apt-get install -y libreoffice-writer-nogui`)
 *   converts each file with `--convert-to txt:Text`, one private profile per
 *   parallel job. Its text is cached by file hash in $TMPDIR/clauselint-fidelity,
 *   so a rerun only converts what changed (--no-cache converts again).
 * - LibreOffice's text export shows tracked changes with their markup (deleted
 *   text still there, and numbered), so our side is read in the 'markup' view:
 *   all insertions and deletions present, every paragraph counted. The
 *   numbering code is the same in every view; only which paragraphs exist differs.
 * - Each of our paragraphs is found in LibreOffice's lines in order, by its
 *   text; what LibreOffice prints before that text is its number.
 *   A numbered paragraph is one that either side numbers (a bullet is not a
 *   number); it agrees when both print the same number. A paragraph whose text
 *   cannot be found counts as numbered-but-not-agreeing, and is reported.
 *
 * Prints per file: numbered paragraphs, agreeing, share; then the total.
 * --show N lists the first N disagreements of each file. --min 0.99 exits 1
 * when the overall share is lower.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { ParagraphTrace } from '../src/read/ooxml/index.js';
import { readDocxParts } from '../src/read/docx.js';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = join(ROOT, '..', 'shared', 'corpus', 'docx');
const CACHE = join(tmpdir(), 'clauselint-fidelity');

export interface Disagreement {
  paragraph: number;
  ours: string | null;
  theirs: string | null;
  text: string;
}

export interface FileFidelity {
  file: string;
  numbered: number;
  agreeing: number;
  unmatched: number;
  disagreements: Disagreement[];
}

/** Whitespace and invisible characters as both sides may differ in them. */
function norm(s: string): string {
  return s.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '').replace(/[\u2010\u2011]/g, '-').replace(/[\s\u00a0]+/g, ' ').trim();
}

const isNumber = (label: string | null): boolean => label !== null && /[\p{L}\p{N}]/u.test(label);

/**
 * Align our paragraphs with LibreOffice's lines and compare the numbers.
 * Exported for tests.
 */
export function compareNumbering(file: string, paragraphs: readonly ParagraphTrace[], loText: string): FileFidelity {
  const lines = loText.replace(/^\ufeff/, '').split(/\r?\n/).map(norm);
  const result: FileFidelity = { file, numbered: 0, agreeing: 0, unmatched: 0, disagreements: [] };
  const WINDOW = 400;
  let cursor = 0;

  /** LibreOffice's prefix before `text` on a line at or after the cursor, or undefined when not found. */
  const find = (text: string, ours: string | null): string | undefined => {
    if (text === '') {
      // A number alone on its line (a numbered paragraph with no text).
      for (let i = cursor, seen = 0; i < lines.length && seen < 3; i++) {
        if (lines[i] === '') continue;
        seen++;
        if (ours !== null && lines[i] === norm(ours)) {
          cursor = i + 1;
          return lines[i];
        }
      }
      return undefined;
    }
    // A 40-character key on one line, then on a line joined with the next (a line break
    // inside the paragraph), then a 12-character key.
    for (const [len, join] of [[40, false], [40, true], [12, false]] as const) {
      const key = text.slice(0, len);
      const end = Math.min(lines.length, cursor + WINDOW);
      const label = ours === null ? '' : norm(ours);
      for (let i = cursor; i < end; i++) {
        const line = join ? `${lines[i]!} ${lines[i + 1] ?? ''}`.trim() : lines[i]!;
        // Our number then our text: LibreOffice shows our number (checked first, so that a
        // short text such as "." is not found inside the number itself).
        if (label !== '' && line.startsWith(label) && line.slice(label.length).trimStart().startsWith(key)) {
          cursor = i + (join ? 2 : 1);
          return label;
        }
        const at = line.indexOf(key);
        if (at < 0 || at > 40) continue;
        cursor = i + (join ? 2 : 1);
        return line.slice(0, at).trim();
      }
    }
    return undefined;
  };

  for (const p of paragraphs) {
    const text = norm(p.text);
    const ours = p.bullet ? null : p.label === null ? null : norm(p.label);
    if (text === '' && !isNumber(ours)) continue;
    const theirs = find(text, ours);
    const oursNumbered = isNumber(ours);
    if (theirs === undefined) {
      if (oursNumbered) {
        result.numbered++;
        result.unmatched++;
        result.disagreements.push({ paragraph: p.index, ours, theirs: null, text: text.slice(0, 80) });
      }
      continue;
    }
    const theirsNumbered = isNumber(theirs);
    if (!oursNumbered && !theirsNumbered) continue;
    result.numbered++;
    if (oursNumbered && theirsNumbered && ours === theirs) result.agreeing++;
    else result.disagreements.push({ paragraph: p.index, ours, theirs: theirs === '' ? null : theirs, text: text.slice(0, 80) });
  }
  return result;
}

async function convert(file: string, slot: number, useCache: boolean): Promise<string> {
  const bytes = await readFile(file);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const cached = join(CACHE, `${hash}.txt`);
  if (useCache && existsSync(cached)) return readFile(cached, 'utf8');
  await mkdir(CACHE, { recursive: true });
  const out = await mkdtemp(join(tmpdir(), 'clauselint-lo-'));
  try {
    const profile = pathToFileURL(join(tmpdir(), `lo-profile-${slot}`)).href;
    // LibreOffice leaves a lock file beside the document it opens (and keeps it when killed): convert a copy,
    // so that nothing is ever written next to the corpus.
    const copy = join(out, 'in.docx');
    await writeFile(copy, bytes);
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', out, copy], { timeout: 300_000 });
    const produced = join(out, 'in.txt');
    const text = await readFile(produced, 'utf8');
    await writeFile(`${cached}.tmp`, text);
    await rename(`${cached}.tmp`, cached);
    return text;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export async function fidelityOf(file: string, loText: string): Promise<FileFidelity> {
  const reading = await readDocxParts(file, await readFile(file), { revisions: 'markup' });
  return compareNumbering(basename(file), reading.paragraphs, loText);
}

async function main(argv: string[]): Promise<number> {
  let corpus = DEFAULT_CORPUS;
  let jobs = 2;
  let useCache = true;
  let show = 0;
  let min: number | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--corpus') corpus = resolve(argv[++i] ?? '.');
    else if (a === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--no-cache') useCache = false;
    else if (a === '--show') show = Number(argv[++i]) || 0;
    else if (a === '--min') min = Number(argv[++i]);
    else if (a.startsWith('-')) {
      process.stderr.write(`docx-fidelity: unknown option ${a}\n`);
      return 2;
    } else files.push(resolve(a));
  }
  if (files.length === 0) {
    if (!existsSync(corpus)) {
      process.stderr.write(`docx-fidelity: no corpus at ${corpus}\n`);
      return 2;
    }
    for (const f of (await readdir(corpus)).sort()) if (/\.docx$/i.test(f) && !f.startsWith('.~lock')) files.push(join(corpus, f));
  }
  try {
    await run('soffice', ['--version'], { timeout: 60_000 });
  } catch {
    process.stderr.write('docx-fidelity: LibreOffice (soffice) not found; install it, e.g. apt-get install -y libreoffice-writer-nogui\n');
    return 2;
  }

  const results: FileFidelity[] = new Array(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, async (_, slot) => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      results[i] = await fidelityOf(file, await convert(file, slot + 1, useCache));
    }
  }));

  const pct = (a: number, n: number): string => (n === 0 ? '—' : `${((100 * a) / n).toFixed(1)}%`);
  const width = Math.max(...results.map((r) => r.file.length), 4);
  const lines = [`${'file'.padEnd(width)}  numbered  agreeing   share`];
  let numbered = 0;
  let agreeing = 0;
  for (const r of results) {
    numbered += r.numbered;
    agreeing += r.agreeing;
    lines.push(`${r.file.padEnd(width)}  ${String(r.numbered).padStart(8)}  ${String(r.agreeing).padStart(8)}  ${pct(r.agreeing, r.numbered).padStart(6)}${r.unmatched ? `  (${r.unmatched} not found in LibreOffice's text)` : ''}`);
    for (const d of r.disagreements.slice(0, show)) {
      lines.push(`    ¶${d.paragraph}: ours ${JSON.stringify(d.ours)}, LibreOffice ${JSON.stringify(d.theirs)}  ${d.text}`);
    }
  }
  lines.push(`${'total'.padEnd(width)}  ${String(numbered).padStart(8)}  ${String(agreeing).padStart(8)}  ${pct(agreeing, numbered).padStart(6)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (min !== null && numbered > 0 && agreeing / numbered < min) return 1;
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
