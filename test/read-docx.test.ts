import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures, typedNumberingMarkdown } from '../scripts/make-docx-fixtures.js';
import type { ContractDocument, Section } from '../src/model.js';
import { readDocx } from '../src/read/docx.js';
import { InputError } from '../src/read/errors.js';
import { readMarkdown } from '../src/read/markdown.js';
import { outlineOf } from '../src/report/outline.js';
import { ROOT } from './helpers.js';
import { zip } from './ooxml-fixture.js';
import {
  SAMPLE_CLAUSE_OUTLINE, SAMPLE_TITLE, TYPED_NUMBERING_OUTLINE, TYPED_NUMBERING_TITLE, fromClauseOne, shape,
} from './sample-outsourcing-outline.js';

let dir: string;
let written: string[];
let sample: ContractDocument;
let typed: ContractDocument;
const mdSample = readMarkdown('fixtures/sample-outsourcing.md', readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md'), 'utf8'));
const mdTyped = readMarkdown('typed-numbering.md', typedNumberingMarkdown());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clauselint-docx-'));
  written = await buildDocxFixtures(dir);
  const read = async (name: string): Promise<ContractDocument> => {
    const path = join(dir, name);
    return readDocx(path, await readFile(path));
  };
  sample = await read('sample-outsourcing.docx');
  typed = await read('typed-numbering.docx');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A section by its path of numbers from the top. */
function at(doc: ContractDocument, ...path: string[]): Section {
  let list = fromClauseOne(doc.sections);
  let found: Section | undefined;
  for (const number of path) {
    found = list.find((s) => s.number === number);
    if (!found) throw new Error(`${doc.path}: no section ${path.join(' > ')} (stopped at ${number})`);
    list = found.children;
  }
  return found!;
}

const sectionOf = (doc: ContractDocument, term: string): string | null | undefined =>
  doc.definitions.find((d) => d.term === term)?.sectionNumber;

describe('scripts/make-docx-fixtures.ts', () => {
  it('writes the DOCX fixtures into the given directory', () => {
    expect(written.map((p) => basename(p))).toEqual(['sample-outsourcing.docx', 'typed-numbering.docx']);
    expect(written.every((p) => p.startsWith(dir))).toBe(true);
  });

  it('writes the same bytes every time', async () => {
    const again = await mkdtemp(join(tmpdir(), 'clauselint-docx-'));
    try {
      const second = await buildDocxFixtures(again);
      for (let i = 0; i < written.length; i++) {
        expect(Buffer.compare(await readFile(written[i]!), await readFile(second[i]!)), basename(written[i]!)).toBe(0);
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});

describe('readDocx on sample-outsourcing.docx (Title / Heading 1 styles, typed numbers)', () => {
  it('reads clauses 1–23 and Schedules 1–2 with exact numbers, headings and nesting', () => {
    expect(sample.format).toBe('docx');
    expect(shape(fromClauseOne(outlineOf(sample).sections))).toEqual(SAMPLE_CLAUSE_OUTLINE);
  });

  it('gives the same clause tree as the Markdown sample', () => {
    expect(shape(fromClauseOne(sample.sections))).toEqual(shape(fromClauseOne(mdSample.sections)));
  });

  it('reads the same clause text and sub-paragraph levels as the Markdown sample', () => {
    for (const path of [['8', '8.9'], ['1', '1.1'], ['2', '2.3', '2.3(c)', '2.3(c)(ii)'], ['15', '15.1', '15.1(a)'], ['Schedule 2', '2', '2(c)']]) {
      const d = at(sample, ...path);
      const m = at(mdSample, ...path);
      expect(d.blocks.filter((b) => b.kind !== 'table-row').map((b) => b.text), path.join(' > ')).toEqual(m.blocks.map((b) => b.text));
      expect(d.level, path.join(' > ')).toBe(m.level);
    }
    expect(at(sample, '2', '2.3', '2.3(c)', '2.3(c)(ii)')).toMatchObject({ level: 4, label: '(ii)' });
  });

  it('finds the defined terms of clause 1.1 and the inline ones', () => {
    for (const term of ['Affiliate', 'Call Recordings', 'Cardholder Data', 'Data Protection Legislation']) {
      expect(sectionOf(sample, term), term).toBe('1.1');
    }
    expect(sectionOf(sample, 'Service Commencement Date')).toBe('2.2');
    expect(sectionOf(sample, 'BC Plan')).toBe('10.1');
    expect(sectionOf(sample, 'Change Control Procedure')).toBe('17.3');
  });

  // mammoth gives <h1 class="doc-title"> for the Title style and hast-util-to-mdast drops the
  // class: the reader must find the title in the HTML, not guess it from 25 level-1 headings.
  it('reads the Title-style paragraph as the title, giving the same outline as Markdown', () => {
    expect(sample.title).toBe(SAMPLE_TITLE);
    expect(shape(sample.sections)).toEqual(shape(mdSample.sections));
  });

  // Mammoth writes every Word table cell as <td><p>…</p></td>: the cell text must survive.
  it('keeps the rows of the service-level Word table', () => {
    const rows = (doc: ContractDocument): Array<string[] | undefined> =>
      at(doc, 'Schedule 1', '2').blocks.filter((b) => b.kind === 'table-row').map((b) => b.cells);
    expect(rows(sample)).toHaveLength(9);
    expect(rows(sample)).toEqual(rows(mdSample));
  });
});

describe('readDocx on typed-numbering.docx (Heading 1/Heading 2 with typed numbers)', () => {
  it('reads the exact outline', () => {
    expect(shape(fromClauseOne(outlineOf(typed).sections))).toEqual(TYPED_NUMBERING_OUTLINE);
  });

  it('gives the same clause tree as the same blocks written in Markdown', () => {
    expect(mdTyped.title).toBe(TYPED_NUMBERING_TITLE);
    expect(shape(mdTyped.sections)).toEqual(TYPED_NUMBERING_OUTLINE);
    expect(shape(fromClauseOne(typed.sections))).toEqual(shape(mdTyped.sections));
  });

  it('reads numbered Heading 2 paragraphs as sub-clauses with the body that follows', () => {
    expect(at(typed, '5', '5.1')).toMatchObject({ level: 2, label: '5.1', heading: 'Term' });
    expect(at(typed, '5', '5.1').blocks.map((b) => b.text)).toEqual(['This Agreement continues for two years from the date on which it is signed.']);
    expect(at(typed, '5', '5.2').blocks.map((b) => b.text)).toEqual(['Either party may terminate this Agreement immediately by written notice if the other party:']);
    expect(at(typed, '5', '5.2', '5.2(b)').blocks.map((b) => b.text)).toEqual(['becomes insolvent.']);
  });

  it('leaves the heading empty for typed numbers without a run-in heading', () => {
    expect(at(typed, '2', '2.3').blocks.map((b) => b.text)).toEqual(['The Supplier shall keep a log of all Incidents and make it available to the Customer.']);
    expect(at(typed, '1', '1.1').blocks.map((b) => b.text)).toEqual([
      'In this Agreement the following words have these meanings:',
      '"Business Day" means a day other than a Saturday, Sunday or public holiday in England.',
      '"Incident" means a failure of the contact centre platform reported by the Customer.',
    ]);
    expect(at(typed, '4', '4.1', '4.1(c)', '4.1(c)(iii)')).toMatchObject({ level: 4, blocks: [{ text: 'the measures taken to address it.' }] });
  });

  it('finds the defined terms', () => {
    expect(sectionOf(typed, 'Business Day')).toBe('1.1');
    expect(sectionOf(typed, 'Incident')).toBe('1.1');
    expect(sectionOf(typed, 'Customer')).toBeNull();
    expect(sectionOf(typed, 'Supplier')).toBeNull();
  });

  // The title paragraph must not become an unnumbered section holding the preamble.
  it('reads the Title-style paragraph as the title, with the opening paragraph as preamble', () => {
    expect(typed.title).toBe(TYPED_NUMBERING_TITLE);
    expect(typed.preamble.map((b) => b.text)).toEqual(mdTyped.preamble.map((b) => b.text));
    expect(shape(typed.sections)).toEqual(TYPED_NUMBERING_OUTLINE);
  });
});


describe('readDocx on files that are not DOCX', () => {
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['an empty buffer', () => new Uint8Array(0), /^empty file$/],
    ['plain text', () => Buffer.from('1. Definitions\n\n1.1 In this Agreement…\n', 'utf8'), /^not a DOCX: not a zip archive$/],
    ['a PDF', () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /^not a DOCX: a PDF file$/],
    ['a legacy .doc (OLE compound file)', () => ole, /^not a DOCX: an OLE compound file \(legacy \.doc or a password-protected document\)$/],
    ['an RTF file', () => Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Agreement}', 'latin1'), /^not a DOCX: an RTF file$/],
    ['a zip without word/document.xml', () => zip([['notes.txt', 'not a Word document']]), /^not a DOCX: the zip has no word\/document\.xml$/],
    ['a truncated DOCX', () => readFileSync(written[0]!).subarray(0, 400), /^unreadable DOCX: \S/],
  ];

  it.each(cases)('rejects %s with an InputError naming the problem', async (_what, bytes, problem) => {
    const path = 'contracts/input.docx';
    const result = readDocx(path, bytes());
    await expect(result).rejects.toBeInstanceOf(InputError);
    await expect(result).rejects.toMatchObject({ name: 'InputError', path, problem: expect.stringMatching(problem) });
  });
});
