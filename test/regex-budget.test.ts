/**
 * No catastrophic backtracking, no stack overflow: every rule of the registry
 * (the whole read → analyse → detect → lint pipeline, all rules on) runs on
 * adversarial documents within a generous time budget and without throwing.
 *
 * The strings target the shapes of the regular expressions in rules/ and
 * src/detect/ (bounded word runs "(?:\w+\s+){0,4}", capitalised runs
 * "(?:[A-Z][\w-]*\b\s*){1,5}", "[^.]{0,250}" windows, repeated modal verbs,
 * enumerators, numbers and brackets) and the readers' structure (nesting,
 * numbering depth, line length).
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { lintDocument, type Playbook } from '../src/lint/engine.js';
import { readDocument } from '../src/read/index.js';
import { docx, p } from './ooxml-fixture.js';

/** Detection and every rule (the regular expressions) on one document. */
const LINT_BUDGET_MS = 10_000;
/** Reading (the Markdown parser tokenizes a 5 MB line at ~0.5 MB/s on a loaded CI core: linear, but not fast). */
const READ_BUDGET_MS = 30_000;

const ALL: Playbook = { rules: new Map([...RULES.keys()].map((id) => [id, { severity: 'warn' as const, options: {} }])) };
const CLAUSE_RULES = [...RULES.values()].filter((r) => r.meta.clause).length;

const rep = (s: string, n: number): string => s.repeat(n);
const lines = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('\n');
const contract = (body: string): string => `# Services Agreement\n\n## 1. Services\n\n${body}\n\n## 2. Fees\n\nThe fees are set out in Schedule 1.\n`;

const CASES: Array<[string, () => string]> = [
  ['long runs of spaces', () => contract(`The Supplier shall${rep(' ', 200_000)}notify the Customer within${rep(' \t\u00a0', 50_000)}24 hours.`)],
  ['long runs of dots', () => contract(`${rep('.', 200_000)} ${rep('. ', 50_000)}1${rep('.', 50_000)}`)],
  ['long runs of digits', () => contract(`within ${rep('1', 200_000)} days; USD ${rep('1,000,', 30_000)}; ${rep('1.', 50_000)} hours`)],
  ['"(a)(a)(a)…"', () => contract(`${rep('(a)', 60_000)} ${rep('(a) ', 20_000)} ${rep('(i)(ii)', 20_000)}`)],
  ['"shall shall shall…"', () => contract(`The Supplier ${rep('shall ', 60_000)}notify ${rep('shall will hereby irrevocably agrees to ', 5_000)}assign`)],
  ['"reasonable reasonable…"', () => contract(`${rep('reasonable ', 40_000)}efforts ${rep('commercially reasonable efforts ', 10_000)}${rep('as soon as ', 10_000)}practicable`)],
  ['repeated deadline words', () => contract(`notify within ${rep('within ', 30_000)}${rep('days ', 30_000)}${rep('promptly without undue delay ', 5_000)}`)],
  ['repeated remedy and termination words', () => contract(`${rep('sole ', 30_000)}${rep('absolute unfettered complete ', 5_000)}discretion to terminate; ${rep('sole and exclusive ', 10_000)}remedy`)],
  ['capitalised word runs', () => contract(`the limitation of liability set forth in ${rep('The ', 40_000)}${rep('A-', 40_000)}${rep('Aaaa Bbbb ', 20_000)}x`)],
  ['comma word runs', () => contract(`indemnify, ${rep('defend, hold, ', 30_000)}${rep('word,', 40_000)} except ${rep('a', 100_000)}`)],
  ['a very long word', () => contract(rep('Supercalifragilistic', 60_000))],
  ['unmatched brackets and quotes', () => contract(`${rep('[', 50_000)}${rep('"', 50_000)}${rep('“', 30_000)}${rep('(', 50_000)}${rep('{', 20_000)}${rep('‘', 20_000)} "Term" means ${rep('("', 20_000)}`)],
  ['many definitions and cross-references', () => contract(lines(5_000, (i) => `"Term${i}" means the thing in clause ${i}.${i % 7}(${'abcdefgh'[i % 8]}) of Schedule ${i}.`))],
  ['deeply nested section numbers', () => lines(1_500, (i) => `${Array.from({ length: i + 1 }, () => '1').join('.')} Heading ${i}\n\nThe Supplier shall comply with clause ${Array.from({ length: i + 1 }, () => '1').join('.')}.\n`)],
  ['10,000-deep nested lists on one line', () => contract(`${rep('- ', 10_000)}x\n\n${rep('1. ', 10_000)}y\n\n${rep('> ', 10_000)}z\n\n${rep('* + - ', 3_000)}w`)],
  ['2,000-deep nested lists by indentation', () => contract(lines(2_000, (i) => `${rep('  ', i)}- item ${i}: the Supplier shall notify within ${i} days`))],
  ['deeply nested block quotes, one level a line', () => contract(lines(5_000, (i) => `${rep('>', i)} quoted ${i}`))],
  ['a single 5 MB line', () => `# Agreement\n\n${rep('The Supplier shall use reasonable efforts (a) to notify the Customer within 24 hours; ', Math.ceil((5 * 1024 * 1024) / 86))}`],
];

const timings: string[] = [];

async function runPipeline(name: string, ext: string, bytes: Uint8Array): Promise<void> {
  const t0 = performance.now();
  const doc = await readDocument(`adversarial.${ext}`, bytes);
  const t1 = performance.now();
  const report = lintDocument(doc, ALL, RULES);
  const t2 = performance.now();
  timings.push(`${name} (.${ext}): read ${Math.round(t1 - t0)} ms, lint ${Math.round(t2 - t1)} ms`);
  expect(report.clauses).toHaveLength(CLAUSE_RULES);
  expect(t1 - t0, `${name} .${ext}: reading`).toBeLessThan(READ_BUDGET_MS);
  expect(t2 - t1, `${name} .${ext}: detection and rules`).toBeLessThan(LINT_BUDGET_MS);
}

describe('every rule on adversarial documents: within budget, no throw, no stack overflow', () => {
  for (const [name, make] of CASES) {
    it(name, async () => {
      const text = make();
      const bytes = new TextEncoder().encode(text);
      await runPipeline(name, 'md', bytes);
      await runPipeline(name, 'txt', bytes);
    }, 120_000);
  }

  it('a DOCX with a 1 MB paragraph, 5,000 list paragraphs at the deepest level and a 100,000-cell row', async () => {
    const body = [
      p('Services Agreement', { style: 'Title' }),
      p(`1. ${rep('The Supplier shall use reasonable efforts (a) within 24 hours; ', 16_000)}`),
      ...Array.from({ length: 5_000 }, (_, i) => p(`${rep('1.', 9)} item ${i} shall`, { numId: 1, ilvl: 8 })),
      `<w:tbl><w:tr>${rep('<w:tc><w:p><w:r><w:t>shall</w:t></w:r></w:p></w:tc>', 100_000)}</w:tr></w:tbl>`,
    ].join('');
    await runPipeline('docx', 'docx', docx({ body }));
  }, 120_000);

  it('logs the timings', () => {
    console.log(`regex budget: ${timings.length} documents through every rule\n  ${timings.join('\n  ')}`);
    expect(timings.length).toBeGreaterThan(0);
  });
});
