/**
 * A reproducible sample of drafting-hygiene findings on the corpus, to judge by reading (issue 19).
 *
 *   npm run sample:hygiene -- [--per-rule N] [--seed S] [--json] [--preset recommended] [FILE|DIR ...]
 *
 * Lints the Markdown and DOCX documents of ../shared/corpus (or the files and folders given) with the built
 * CLI, as a user would, collects the findings of the hygiene rules, and draws up to N per rule (default 8)
 * with a seeded shuffle, so the same seed on the same findings gives the same sample. Each finding is printed
 * with the words around it (Markdown: the source lines; DOCX: the paragraph as clauselint read it), so that a
 * reader can judge it real or false without opening the document. Tracked changes and comments left in a DOCX
 * are facts, not judgements, and are counted but not sampled.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from './generate-contract.js';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const JUDGED = ['placeholder', 'broken-cross-reference', 'undefined-term', 'unused-definition', 'duplicate-definition', 'numbering-gap', 'duplicate-heading', 'number-consistency', 'party-name-consistency', 'date-sanity'];
const FACTS = ['unresolved-revisions', 'open-comments'];

interface Finding { ruleId: string; message: string; line: number; excerpt: string | null; section: { number: string | null; heading: string | null } | null; suppressed: unknown }
interface Report { files: Array<{ path: string; format: string; findings: Finding[] }>; failures: Array<{ path: string; error: string }> }

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function inputs(args: string[]): string[] {
  const roots = args.length ? args : [join(CORPUS, 'markdown'), join(CORPUS, 'docx')];
  return roots.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.(md|docx)$/.test(f)).sort().map((f) => join(p, f)) : [p]));
}

function context(path: string, format: string, f: Finding): string {
  if (format !== 'markdown' && format !== 'text') return f.excerpt ?? '';
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  return lines.slice(Math.max(0, f.line - 2), f.line + 1).map((l) => l.slice(0, 300)).join('\n      ');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'per-rule': { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, preset: { type: 'string' } },
});
const perRule = Number(values['per-rule'] ?? 8);
const seed = Number(values.seed ?? 19);
const files = inputs(positionals);
const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'clauselint.js'), '-f', 'json', '--no-baseline', '--preset', values.preset ?? 'recommended', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
const report = JSON.parse(run.stdout) as Report;
const all = report.files.flatMap((file) => file.findings.filter((f) => !f.suppressed).map((f) => ({ file, f })));
const counts = Object.fromEntries([...JUDGED, ...FACTS].map((r) => [r, all.filter((x) => x.f.ruleId === r).length]));
const next = prng(seed);
const sample = JUDGED.flatMap((rule) => shuffle(all.filter((x) => x.f.ruleId === rule), next).slice(0, perRule));

if (values.json) {
  console.log(JSON.stringify({ seed, perRule, files: files.length, counts, sample: sample.map(({ file, f }) => ({ rule: f.ruleId, path: file.path, line: f.line, message: f.message, context: context(file.path, file.format, f) })) }, null, 2));
} else {
  console.log(`${files.length} documents, seed ${seed}, up to ${perRule} per rule. Findings: ${Object.entries(counts).map(([r, n]) => `${r} ${n}`).join(', ')}\n`);
  sample.forEach(({ file, f }, i) => {
    const where = file.format === 'docx' ? `¶${f.line}` : `${f.line}`;
    console.log(`${String(i + 1).padStart(3)}. [${f.ruleId}] ${file.path.replace(`${CORPUS}/`, '')}:${where} ${f.section ? `§ ${[f.section.number, f.section.heading].filter(Boolean).join(' ')}` : ''}`);
    console.log(`     ${f.message}`);
    console.log(`      ${context(file.path, file.format, f)}\n`);
  });
}
