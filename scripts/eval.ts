/**
 * Clause-detection accuracy against labelled contracts.
 *
 *   npm run eval                          # ../shared/corpus/cuad-dev
 *   npm run eval -- path/to/corpus        # any folder with texts/ and labels.csv of the same shape
 *   npm run eval -- --misses audit-rights # list the false positives and negatives of one clause
 *
 * CUAD labels: one row per contract, one 0/1 column per CUAD category. A clause
 * counts as detected when clauselint reports it present, weak or referenced.
 *
 * Labels mode (expected status per clause, written by a person who read each contract; format in
 * eval/README.md):
 *
 *   npm run eval -- --labels eval/corpus-markdown.yaml            # documents under ../shared/corpus
 *   npm run eval -- eval/holdout-cuad.yaml --base /tmp/cuad-holdout-all/texts
 *   npm run eval -- --labels FILE --json                          # machine-readable
 *   npm run eval -- --labels FILE --verbose                       # the reason of every label, not only disagreements
 *
 * A positional argument ending in .yaml, .yml or .json is a labels file (a folder is a CUAD corpus).
 * `--base DIR` (alias `--docs`) is the folder the labels' file paths are relative to (default
 * ../shared/corpus beside the repo). Exit 0 whatever the agreement (it is a measurement); exit 2
 * when the labels file is invalid (unknown clause id or status, bad YAML, a document not found).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyse } from '../src/analyse/index.js';
import { detectClauses } from '../src/detect/index.js';
import { readDocument } from '../src/read/index.js';
import { DEFAULT_BASE, LabelsError, evaluateLabels, formatLabelsReport, loadLabels } from './eval-labels.js';

/** The catalogue's CUAD mapping. */
export const CUAD_MAPPING: Record<string, string> = {
  'Governing Law': 'governing-law',
  'Audit Rights': 'audit-rights',
  'Cap on Liability': 'liability-cap',
  'Termination for Convenience': 'termination-for-convenience',
  'Post-Termination Services': 'exit-assistance',
  Insurance: 'insurance',
  'Anti-Assignment': 'assignment',
};

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

interface Counts { tp: number; fp: number; fn: number; tn: number; positives: number }

/** Labels mode: returns the exit code. */
async function labelsMain(file: string, baseArg: string | undefined, json: boolean, verbose: boolean): Promise<number> {
  const base = resolve(baseArg ?? DEFAULT_BASE);
  let labels;
  try {
    labels = loadLabels(resolve(file), base);
  } catch (e) {
    if (e instanceof LabelsError) {
      for (const p of e.problems) console.error(`eval: ${p}`);
      return 2;
    }
    throw e;
  }
  const started = performance.now();
  const ev = await evaluateLabels(labels, base);
  if (json) console.log(JSON.stringify({ labels: file, ...ev }, null, 2));
  else {
    console.log(`labels: ${file}, documents in ${base} (${ev.documents.length} documents, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    console.log(formatLabelsReport(ev, { verbose }));
  }
  return 0;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      misses: { type: 'string' },
      labels: { type: 'string' },
      base: { type: 'string' },
      docs: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  const labelsFile = values.labels ?? (positionals[0] && /\.(ya?ml|json)$/i.test(positionals[0]) ? positionals[0] : undefined);
  if (labelsFile !== undefined) {
    process.exitCode = await labelsMain(labelsFile, values.base ?? values.docs, values.json === true, values.verbose === true);
    return;
  }
  const dir = resolve(positionals[0] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'cuad-dev'));
  const rows = parseCsv(readFileSync(join(dir, 'labels.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const header = rows[0]!;
  const fileCol = header.indexOf('txt_file') >= 0 ? header.indexOf('txt_file') : 0;
  const mapped = Object.entries(CUAD_MAPPING).filter(([cat]) => header.includes(cat));
  const counts = new Map<string, Counts>(mapped.map(([, id]) => [id, { tp: 0, fp: 0, fn: 0, tn: 0, positives: 0 }]));
  const misses: string[] = [];
  const textsDir = readdirSync(dir).includes('texts') ? join(dir, 'texts') : dir;
  const started = performance.now();
  for (const row of rows.slice(1)) {
    const file = row[fileCol]!;
    const doc = await readDocument(file, new Uint8Array(readFileSync(join(textsDir, file))));
    const clauses = detectClauses(analyse(doc), mapped.map(([, id]) => id));
    for (const [cat, id] of mapped) {
      const gold = row[header.indexOf(cat)] === '1';
      const r = clauses.get(id)!;
      const found = r.status === 'present' || r.status === 'weak' || r.status === 'referenced';
      const c = counts.get(id)!;
      if (gold) c.positives++;
      if (gold && found) c.tp++;
      else if (!gold && found) c.fp++;
      else if (gold && !found) c.fn++;
      else c.tn++;
      if (values.misses === id && gold !== found) {
        const why = `${r.status}${r.reasons.length ? ` (${r.reasons.join(', ')})` : ''}`;
        misses.push(`${gold ? 'FN' : 'FP'}  ${file}${found ? `\n      [${why}] ${r.section?.number ?? ''} ${r.section?.heading ?? ''}: ${r.evidence}` : ''}`);
      }
    }
  }
  const pct = (x: number): string => (Number.isNaN(x) ? '   -' : x.toFixed(3));
  console.log(`corpus: ${dir} (${rows.length - 1} documents, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log('| clause | positives | TP | FP | FN | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  let sumF1 = 0;
  for (const [id, c] of counts) {
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    const f1 = (2 * p * r) / (p + r);
    sumF1 += Number.isNaN(f1) ? 0 : f1;
    console.log(`| ${id} | ${c.positives} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(p)} | ${pct(r)} | ${pct(f1)} |`);
  }
  console.log(`| **macro average** | | | | | | | ${pct(sumF1 / counts.size)} |`);
  if (misses.length) console.log(`\n${misses.join('\n')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
