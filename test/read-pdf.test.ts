/**
 * The PDF reader on PDFs this suite generates (scripts/make-pdf-fixtures.ts: every line placed by the script), and
 * the CLI on them through the built bin: page positions in every report, refusals, annotate.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfFixtures } from '../scripts/make-pdf-fixtures.js';
import { type ContractDocument, type Section, walkSections } from '../src/model.js';
import { InputError, readDocument } from '../src/read/index.js';
import { runCli } from './helpers.js';
import { lintSource } from './report-helpers.js';

let dir: string;
let agreement: ContractDocument;

const read = (name: string): Promise<ContractDocument> => readDocument(name, readFileSync(join(dir, name)));
const section = (doc: ContractDocument, number: string): Section => [...walkSections(doc.sections)].find((s) => s.number === number)!;
const text = (s: Section): string => s.blocks.map((b) => b.text).join(' ');
const allText = (doc: ContractDocument): string => [...doc.preamble, ...[...walkSections(doc.sections)].flatMap((s) => s.blocks)].map((b) => b.text).join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-pdf-'));
  await buildPdfFixtures(dir);
  agreement = await read('agreement.pdf');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PDF reader: from positioned text to the section tree', () => {
  it('reads the title, the clause numbers and their nesting', () => {
    expect(agreement.format).toBe('pdf');
    expect(agreement.title).toBe('ACME CLOUD SERVICES AGREEMENT');
    expect([...walkSections(agreement.sections)].map((s) => [s.number, s.level])).toEqual([
      ['1', 1], ['1.1', 2], ['1.2', 2], ['2', 1], ['2.1', 2], ['2.2', 2], ['2.2(a)', 3], ['2.2(b)', 3],
      ['3', 1], ['3.1', 2], ['4', 1], ['4.1', 2], ['5', 1], ['5.1', 2], ['6', 1], ['6.1', 2],
    ]);
    expect(section(agreement, '2').heading).toBe('DATA PROTECTION');
  });

  it('drops the running header and the "Page N of M" footer of every page', () => {
    const all = allText(agreement);
    expect(all).not.toContain('CONFIDENTIAL');
    expect(all).not.toMatch(/Page \d of \d/);
  });

  it('joins wrapped lines, a clause that runs over a page break, and a word hyphenated at the line end', () => {
    expect(text(section(agreement, '2.1'))).toBe('The Supplier shall notify the Customer of any Personal Data Breach without undue delay and in any event within 24 hours of becoming aware of it.');
    const audit = text(section(agreement, '4.1'));
    expect(audit).toContain('relating to the negotiation and performance of this Agreement');
    expect(audit).toMatch(/provided that the Customer shall not audit more than once in any twelve month period unless an audit reveals a material breach\.$/);
    expect(text(section(agreement, '2.2(a)'))).toBe('implement appropriate technical and organisational measures to protect Personal Data; and');
  });

  it('keeps a table with its section, a row a block with its cells, a wrapped cell joined', () => {
    const rows = section(agreement, '3.1').blocks.filter((b) => b.kind === 'table-row');
    expect(rows.map((b) => b.cells)).toEqual([['Service level', 'Target'], ['Availability', '99.9% of each month, measured excluding planned maintenance'], ['Support response', '4 hours']]);
    expect(rows[1]!.text).toBe('Availability | 99.9% of each month, measured excluding planned maintenance');
  });

  it('reads a definitions table as the word processor lays it out: a row per term, a lettered list in a cell item by item', async () => {
    const doc = await read('definitions-table.pdf');
    expect(doc.title).toBe('SUPPLY TERMS');
    expect(doc.definitions.map((d) => d.term)).toEqual(['Business Day', 'Insolvency Event', 'Services']);
    // The list starts beside its term ("a)" in the row), and "i)" after "h)" is the ninth letter, not a roman one.
    const items = [...walkSections(doc.sections)].filter((s) => s.number?.startsWith('1.1('));
    expect(items.map((s) => [s.number, s.level])).toEqual('abcdefghij'.split('').map((c) => [`1.1(${c})`, 3]));
    expect(text(section(doc, '1.1(a)'))).toBe('in respect of the Supplier:');
    expect(text(section(doc, '1.1(i)'))).toBe('where it is an individual, it is made bankrupt; or');
  });

  it('takes an unnumbered line in larger type as a heading in a numbered document: the list after it is its own', async () => {
    const doc = await read('definitions-table.pdf');
    const part = doc.sections.find((s) => s.heading === 'Clauses Incorporated by Reference');
    expect(part).toMatchObject({ number: null, level: 1 });
    expect(part!.children.map((s) => s.number)).toEqual(['(a)', '(b)']);
    expect(section(doc, '2').children.map((s) => s.number)).toEqual(['2.1']);
  });

  it('does not run a line into the lines far left of it: a table header over the right-hand columns is no clause text', async () => {
    const doc = await read('cover-page.pdf');
    expect([...walkSections(doc.sections)].map((s) => [s.number, s.heading])).toEqual([[null, 'Purpose'], [null, 'Effective Date']]);
    expect(allText(doc)).toContain('PARTY 1 PARTY 2');
  });

  it('places every section on its page and line (the running header counts as a line)', () => {
    const at = (n: string): [number | undefined, number | undefined] => [section(agreement, n).position.page, section(agreement, n).position.pageLine];
    expect(at('1')).toEqual([1, 4]);
    expect(at('2.1')).toEqual([1, 8]);
    expect(at('4.1')).toEqual([1, 21]);
    expect(at('5')).toEqual([2, 4]);
    expect(at('6.1')).toEqual([2, 8]);
  });

  it('numbers lists nested by indent only ("1." under "1.") by their nesting', async () => {
    const doc = await read('nested-lists.pdf');
    expect(doc.title).toBe('Hosting Terms');
    expect([...walkSections(doc.sections)].map((s) => [s.number, s.heading])).toEqual([
      ['1', 'Service'], ['1.1', 'Access'], ['1.2', 'Support'], ['2', 'Fees'], ['2.1', 'Invoices'], ['2.1.1', null], ['2.2', 'Taxes'],
    ]);
  });

  it('finds the clauses a reviewer finds in the same text, with findings placed on the page', async () => {
    const report = await lintSource('agreement.pdf', readFileSync(join(dir, 'agreement.pdf')));
    const status = (id: string): string | undefined => report.clauses.find((c) => c.id === id)?.status;
    expect(status('breach-notification')).toBe('present');
    expect(status('audit-rights')).not.toBe('missing');
    expect(status('liability-cap')).not.toBe('missing');
    expect(status('governing-law')).toBe('present');
    const placed = report.findings.filter((f) => f.page !== undefined);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.every((f) => f.page! >= 1 && f.page! <= 2 && f.pageLine! >= 1)).toBe(true);
  });

  it('refuses a scanned, an encrypted and a damaged PDF with one line each', async () => {
    const problem = async (name: string): Promise<string> => {
      try {
        await read(name);
        return 'read';
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as InputError).problem;
      }
    };
    expect(await problem('scanned.pdf')).toBe('no text layer: a scanned PDF needs OCR first');
    expect(await problem('encrypted.pdf')).toBe('password-protected PDF: save a copy without the password first');
    expect(await problem('damaged.pdf')).toBe('damaged PDF: its structure cannot be read');
  });
});

describe('PDF through the CLI', () => {
  it('names page and line: stylish p.3:12, JSON page and line, SARIF region with the page, outline', async () => {
    const stylish = await runCli(['--preset', 'outsourcing', 'agreement.pdf'], dir);
    expect(stylish.code).toBe(1);
    expect(stylish.out).toMatch(/^\s+p\.1:11\s+error\s+§ 2\.2\(a\) DATA PROTECTION  Weak security-standards clause/m);
    expect(stylish.out).toMatch(/^\s+p\.1:1\s+error\s+\(whole document\)  Missing exit-assistance clause/m);
    const json = JSON.parse((await runCli(['--preset', 'outsourcing', '-f', 'json', 'agreement.pdf'], dir)).out) as { files: Array<{ format: string; findings: Array<{ page?: number; line: number; section: { number: string } | null }> }> };
    expect(json.files[0]!.format).toBe('pdf');
    const inClause = json.files[0]!.findings.filter((f) => f.section !== null);
    expect(inClause.length).toBeGreaterThan(0);
    expect(inClause.every((f) => typeof f.page === 'number' && f.line >= 1)).toBe(true);
    expect(json.files[0]!.findings.find((f) => f.section?.number === '5.1')).toMatchObject({ page: 2, line: 5 });
    const sarif = JSON.parse((await runCli(['--preset', 'outsourcing', '-f', 'sarif', 'agreement.pdf'], dir)).out) as { runs: Array<{ artifacts: Array<{ mimeType: string }>; results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number; properties?: { page: number } } } }> }> }> };
    expect(sarif.runs[0]!.artifacts[0]!.mimeType).toBe('application/pdf');
    expect(sarif.runs[0]!.results.some((r) => r.locations[0]!.physicalLocation.region.properties?.page === 1)).toBe(true);
    const outline = await runCli(['outline', 'agreement.pdf'], dir);
    expect(outline.out).toContain('    2.1  p.1:8\n');
    const outlineJson = JSON.parse((await runCli(['outline', '-f', 'json', 'agreement.pdf'], dir)).out) as { files: Array<{ sections: Array<{ number: string; line: number; page: number }> }> };
    expect(outlineJson.files[0]!.sections[4]).toMatchObject({ number: '5', page: 2, line: 4 });
  });

  it('lints PDFs in a directory with the rest, and says plainly that --annotate needs the DOCX', async () => {
    const r = await runCli(['--annotate', 'out/', 'agreement.pdf'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('clauselint: agreement.pdf: a PDF cannot carry Word comments: annotate the DOCX it was made from\n');
    const batch = await runCli(['-f', 'json', '.'], dir);
    expect(batch.code).toBe(2);
    const files = (JSON.parse(batch.out) as { files: Array<{ path: string }> }).files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['agreement.pdf', 'nested-lists.pdf']));
    expect(batch.err.split('\n').filter(Boolean).sort()).toEqual([
      'clauselint: damaged.pdf: damaged PDF: its structure cannot be read',
      'clauselint: encrypted.pdf: password-protected PDF: save a copy without the password first',
      'clauselint: scanned.pdf: no text layer: a scanned PDF needs OCR first',
    ]);
  });
});
