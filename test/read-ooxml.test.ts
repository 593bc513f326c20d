/**
 * The direct OOXML reader (src/read/ooxml/) on DOCX files built here from XML
 * strings: Word's automatic numbering (style-linked, restarts, overrides,
 * roman and letter levels, legal numbering, table paragraphs), tracked
 * changes in both views, comments, footnotes, headers and footers, and the
 * container's defences.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { walkSections, type ContractDocument, type Section } from '../src/model.js';
import { readDocx, readDocxParts } from '../src/read/docx.js';
import { InputError } from '../src/read/errors.js';
import { readDocument } from '../src/read/index.js';
import { compareNumbering } from '../scripts/docx-fidelity.js';
import type { ParagraphTrace } from '../src/read/ooxml/index.js';
import { CORPUS, HAS_CORPUS, SKIP_CORPUS_REASON, compactOutline } from './helpers.js';
import { BASE_STYLES, abstractNum, docx, num, p, pStyle, r, rev, table, zip } from './ooxml-fixture.js';

/** Every section as "number | heading | own text" in document order. */
function sections(doc: ContractDocument): string[] {
  return [...walkSections(doc.sections)].map((s) => `${s.number ?? '-'} | ${s.heading ?? ''} | ${s.blocks.map((b) => b.text).join(' / ')}`);
}

function section(doc: ContractDocument, number: string): Section {
  const s = [...walkSections(doc.sections)].find((x) => x.number === number);
  if (!s) throw new Error(`no section ${number} in ${sections(doc).join('\n')}`);
  return s;
}

async function labels(bytes: Uint8Array, view: 'accepted' | 'original' | 'markup' = 'accepted'): Promise<Array<[string | null, string]>> {
  const reading = await readDocxParts('t.docx', bytes, { revisions: view });
  return reading.paragraphs.map((x) => [x.label, x.text]);
}

// GPS-style clause numbering: the numbering is set on the paragraph styles, the levels are
// found through w:lvl/w:pStyle, and a style based on a numbered style inherits its numbering.
const CLAUSE_LEVELS = abstractNum(10, [
  { fmt: 'decimal', text: '%1.', pStyle: 'L1' },
  { fmt: 'decimal', text: '%1.%2', pStyle: 'L2' },
  { fmt: 'lowerLetter', text: '(%3)', pStyle: 'L3' },
  { fmt: 'lowerRoman', text: '(%4)', pStyle: 'L4' },
]);
const CLAUSE_STYLES = BASE_STYLES +
  pStyle('L1', 'GPS L1 Clause Heading', { basedOn: 'Normal', numId: 1 }) +
  pStyle('L2', 'GPS L2 Numbered Clause', { basedOn: 'Normal', numId: 1 }) +
  pStyle('L3', 'GPS L3 Numbered Clause', { basedOn: 'Normal', numId: 1 }) +
  pStyle('L4', 'GPS L4 Numbered Clause', { basedOn: 'Normal', numId: 1 }) +
  pStyle('L2Bold', 'GPS L2 Bold', { basedOn: 'L2' });

describe('automatic numbering from paragraph styles', () => {
  const bytes = docx({
    styles: CLAUSE_STYLES,
    numbering: CLAUSE_LEVELS + num(1, 10),
    body: [
      p('Master Services Agreement', { style: 'Title' }),
      p('This Agreement is made between Northwind Retail Ltd and Contoso Ltd.'),
      p('DEFINITIONS', { style: 'L1' }),
      p('In this Agreement the following terms apply:', { style: 'L2' }),
      p('"Services" means the services in Schedule 1;', { style: 'L3' }),
      p('"Charges" means:', { style: 'L3' }),
      p('the fees in Schedule 2; and', { style: 'L4' }),
      p('any expenses agreed in writing.', { style: 'L4' }),
      p('Headings do not affect interpretation.', { style: 'L2' }),
      p('SERVICES', { style: 'L1' }),
      p('The Supplier shall provide the Services.', { style: 'L2Bold' }),
      p('A note in a numbered style with its numbering switched off.', { style: 'L2', numId: 0 }),
      p('The Supplier shall meet the Service Levels.', { style: 'L2' }),
    ].join(''),
  });

  it('renders each paragraph\'s number as Word shows it', async () => {
    expect(await labels(bytes)).toEqual([
      [null, 'Master Services Agreement'],
      [null, 'This Agreement is made between Northwind Retail Ltd and Contoso Ltd.'],
      ['1.', 'DEFINITIONS'],
      ['1.1', 'In this Agreement the following terms apply:'],
      ['(a)', '"Services" means the services in Schedule 1;'],
      ['(b)', '"Charges" means:'],
      ['(i)', 'the fees in Schedule 2; and'],
      ['(ii)', 'any expenses agreed in writing.'],
      ['1.2', 'Headings do not affect interpretation.'],
      ['2.', 'SERVICES'],
      ['2.1', 'The Supplier shall provide the Services.'],
      [null, 'A note in a numbered style with its numbering switched off.'],
      ['2.2', 'The Supplier shall meet the Service Levels.'],
    ]);
  });

  it('builds the section tree from those numbers', async () => {
    const doc = await readDocx('t.docx', bytes);
    expect(doc.title).toBe('Master Services Agreement');
    expect(doc.preamble.map((b) => b.text)).toEqual(['This Agreement is made between Northwind Retail Ltd and Contoso Ltd.']);
    expect(sections(doc)).toEqual([
      '1 | DEFINITIONS | ',
      '1.1 |  | In this Agreement the following terms apply:',
      '1.1(a) |  | "Services" means the services in Schedule 1;',
      '1.1(b) |  | "Charges" means:',
      '1.1(b)(i) |  | the fees in Schedule 2; and',
      '1.1(b)(ii) |  | any expenses agreed in writing.',
      '1.2 |  | Headings do not affect interpretation.',
      '2 | SERVICES | ',
      '2.1 |  | The Supplier shall provide the Services. / A note in a numbered style with its numbering switched off.',
      '2.2 |  | The Supplier shall meet the Service Levels.',
    ]);
    expect(section(doc, '1.1(b)(ii)')).toMatchObject({ label: '(ii)', level: 4, position: { line: 8, column: 1 } });
    expect(doc.definitions.map((d) => [d.term, d.sectionNumber])).toEqual([['Services', '1.1(a)'], ['Charges', '1.1(b)']]);
  });
});

describe('a separate Word list inside a clause', () => {
  // Clauses on one list; inside clause 2 a list of its own restarts at 1 (as in the corpus's Framework Award
  // Form, clause 11); a part that restarts with its own list and a clause heading ("1 INTRODUCTION") stays a clause.
  const bytes = docx({
    styles: BASE_STYLES,
    numbering: abstractNum(40, [{ fmt: 'decimal', text: '%1.' }]) + abstractNum(41, [{ fmt: 'decimal', text: '%1.' }]) +
      abstractNum(42, [{ fmt: 'decimal', text: '%1.' }, { fmt: 'decimal', text: '%1.%2' }]) + num(1, 40) + num(2, 41) + num(3, 42),
    body: [
      p('The Supplier shall provide the Services.', { numId: 1 }),
      p('The following documents are incorporated in order of precedence:', { numId: 1 }),
      p('this Award Form;', { numId: 2 }),
      p('the Core Terms;', { numId: 2 }),
      p('The Customer shall pay the Charges.', { numId: 1 }),
      p('', { runs: r('INTRODUCTION', true), numId: 3 }),
      p('This Schedule sets out the Services.', { numId: 3, ilvl: 1 }),
    ].join(''),
  });

  it('reads the restarted list as a list in the clause, not clauses 1, 2 again', async () => {
    const doc = await readDocx('lists.docx', bytes);
    expect(compactOutline(doc.sections)).toBe(['1', '2', '  2(1)', '  2(2)', '3', '1 INTRODUCTION', '  1.1'].join('\n'));
    expect(doc.sections[1]!.children.map((c) => c.blocks[0]?.text)).toEqual(['this Award Form;', 'the Core Terms;']);
  });
});

describe('a deed in a part: front matter and bare letter numbers', () => {
  // As in the corpus's Call-Off Schedule 17: a part heading, "BETWEEN:" with the parties, "BACKGROUND:" with
  // recitals numbered by a "%1" upper-letter list (Word shows a bare "A"), then the deed's clauses.
  const bytes = docx({
    styles: BASE_STYLES,
    numbering: abstractNum(50, [{ fmt: 'upperLetter', text: '%1' }]) + abstractNum(51, [{ fmt: 'decimal', text: '%1.' }, { fmt: 'upperLetter', text: '%2' }]) + num(1, 50) + num(2, 51),
    body: [
      p('Collateral Warranties', { style: 'Title' }),
      p('Part 1 – Collateral Warranty', { style: 'Heading1' }),
      p('BETWEEN:'),
      p('(1) Acme Ltd (the "Supplier");'),
      p('(2) Widget Ltd (the "Beneficiary").'),
      p('BACKGROUND:'),
      p('The Buyer intends to procure the Deliverables.', { numId: 1 }),
      p('The Supplier has agreed to provide them.', { numId: 1 }),
      p('IT IS AGREED:'),
      p('', { runs: r('DEFINITIONS', true), numId: 2 }),
      p('Words defined in the Contract have the same meaning here.', { numId: 2, ilvl: 1 }),
    ].join(''),
  });

  it('keeps the parties and recitals as text of the part, and reads "A" as a number elsewhere', async () => {
    const doc = await readDocx('deed.docx', bytes);
    expect(compactOutline(doc.sections)).toBe(['PART 1 Collateral Warranty', '  1 DEFINITIONS', '    1(A)'].join('\n'));
    expect(doc.sections[0]!.blocks.map((b) => b.text)).toEqual([
      'BETWEEN:', '(1) Acme Ltd (the "Supplier");', '(2) Widget Ltd (the "Beneficiary").',
      'BACKGROUND:', 'A The Buyer intends to procure the Deliverables.', 'B The Supplier has agreed to provide them.', 'IT IS AGREED:',
    ]);
  });
});

describe('restarts, overrides and counters shared by lists', () => {
  const levels = abstractNum(20, [
    { fmt: 'decimal', text: '%1.' },
    { fmt: 'decimal', text: '%1.%2' },
    // Restarts only after level 1 (ilvl 0), not after level 2.
    { fmt: 'lowerLetter', text: '(%3)', restart: 1 },
  ]);
  const never = abstractNum(21, [
    { fmt: 'decimal', text: '%1.' },
    // Never restarts.
    { fmt: 'lowerRoman', text: '(%2)', restart: 0 },
  ]);
  const replaced = '<w:num w:numId="24"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride></w:num>';
  const bytes = docx({
    styles: BASE_STYLES,
    numbering: levels + never + num(1, 20) + num(2, 20, [[0, 5]]) + num(3, 20) + num(4, 21) + replaced,
    body: [
      p('One', { numId: 1, ilvl: 0 }),
      p('One one', { numId: 1, ilvl: 1 }),
      p('first', { numId: 1, ilvl: 2 }),
      p('second', { numId: 1, ilvl: 2 }),
      p('One two', { numId: 1, ilvl: 1 }),
      p('third, not restarted by a level-2 paragraph', { numId: 1, ilvl: 2 }),
      p('Two', { numId: 1, ilvl: 0 }),
      p('Two one', { numId: 1, ilvl: 1 }),
      p('first again, restarted by a level-1 paragraph', { numId: 1, ilvl: 2 }),
      p('Five, a list that starts over at 5', { numId: 2, ilvl: 0 }),
      p('Five one', { numId: 2, ilvl: 1 }),
      p('Six, another list on the same abstract numbering continues', { numId: 3, ilvl: 0 }),
      p('Roman one', { numId: 4, ilvl: 1 }),
      p('Next top', { numId: 4, ilvl: 0 }),
      p('Roman two, never restarted', { numId: 4, ilvl: 1 }),
      p('A list whose first level is replaced by letters', { numId: 24, ilvl: 0 }),
      p('and its second level', { numId: 24, ilvl: 1 }),
    ].join(''),
  });

  it('numbers as Word does', async () => {
    expect((await labels(bytes)).map(([l]) => l)).toEqual([
      '1.', '1.1', '(a)', '(b)', '1.2', '(c)', '2.', '2.1', '(a)',
      '5.', '5.1', '6.',
      // A list used first at level 2 counts its level 1 as used: the next level-1 paragraph is 2.
      '(i)', '2.', '(ii)',
      'A.', 'A.1',
    ]);
  });
});

describe('number formats', () => {
  const levels = abstractNum(30, [
    { fmt: 'upperRoman', text: '%1.' },
    { fmt: 'upperLetter', text: '%2)' },
    { fmt: 'decimalZero', text: '%3' },
    { fmt: 'lowerLetter', text: '(%4)', start: 26 },
    { fmt: 'none', text: '%5' },
    { fmt: 'bullet', text: '•' },
    { fmt: 'lowerRoman', text: '%6.%7', start: 9 },
  ]);
  const bytes = docx({
    styles: BASE_STYLES,
    numbering: levels + num(1, 30),
    body: [
      p('Roman', { numId: 1, ilvl: 0 }),
      p('Letter', { numId: 1, ilvl: 1 }),
      p('Zero-padded', { numId: 1, ilvl: 2 }),
      p('Zed', { numId: 1, ilvl: 3 }),
      p('Double letter', { numId: 1, ilvl: 3 }),
      p('No number', { numId: 1, ilvl: 4 }),
      p('A bullet', { numId: 1, ilvl: 5 }),
      p('Roman nine', { numId: 1, ilvl: 6 }),
      p('Roman ten', { numId: 1, ilvl: 6 }),
      p('Second roman', { numId: 1, ilvl: 0 }),
      p('Letter again', { numId: 1, ilvl: 1 }),
    ].join(''),
  });

  it('renders upper and lower roman, letters past z, zero-padded decimals, none and bullets', async () => {
    const reading = await readDocxParts('t.docx', bytes);
    expect(reading.paragraphs.map((x) => [x.label, x.bullet])).toEqual([
      ['I.', false], ['A)', false], ['01', false], ['(z)', false], ['(aa)', false], ['', false], ['•', true],
      // %6 of a bullet level shows the bullet level's counter (1), in decimal.
      ['1.ix', false], ['1.x', false], ['II.', false], ['A)', false],
    ]);
  });

  it('gives the builder the roman and letter numbers', async () => {
    const doc = await readDocx('t.docx', bytes);
    const numbers = [...walkSections(doc.sections)].map((s) => s.number);
    expect(numbers).toContain('I');
    expect(numbers).toContain('II');
    expect(section(doc, 'II').position.line).toBe(10);
  });
});

describe('legal numbering (isLgl)', () => {
  const bytes = docx({
    styles: BASE_STYLES,
    numbering: [
      abstractNum(40, [{ fmt: 'upperRoman', text: 'Article %1' }, { fmt: 'decimal', text: '%1.%2', isLgl: true }, { fmt: 'lowerLetter', text: '%1.%2.%3', isLgl: true }]),
      abstractNum(41, [{ fmt: 'upperRoman', text: 'Article %1' }, { fmt: 'decimal', text: '%1.%2' }]),
      num(1, 40), num(2, 41),
    ].join(''),
    body: [
      p('Definitions', { numId: 1, ilvl: 0 }),
      p('Terms', { numId: 1, ilvl: 0 }),
      p('The term is two years.', { numId: 1, ilvl: 1 }),
      p('It may be extended.', { numId: 1, ilvl: 2 }),
      p('Without legal numbering', { numId: 2, ilvl: 0 }),
      p('The level shows the roman number.', { numId: 2, ilvl: 1 }),
    ].join(''),
  });

  it('shows every level of an isLgl level in decimal', async () => {
    expect((await labels(bytes)).map(([l]) => l)).toEqual(['Article I', 'Article II', '2.1', '2.1.1', 'Article I', 'I.1']);
  });

  it('reads "Article II" as the article and 2.1 as its clause', async () => {
    const doc = await readDocx('t.docx', bytes);
    // Without legal numbering Word shows "I.1": read as the clause it is, numbered under its article's letter.
    expect(compactOutline(doc.sections)).toBe([
      'ARTICLE I Definitions', 'ARTICLE II Terms', '  2.1', '    2.1.1', 'ARTICLE I Without legal numbering', '  I.1',
    ].join('\n'));
    expect(section(doc, '2.1.1').blocks.map((b) => b.text)).toEqual(['It may be extended.']);
  });
});

describe('numbered paragraphs in tables', () => {
  const bytes = docx({
    styles: CLAUSE_STYLES,
    numbering: CLAUSE_LEVELS + num(1, 10),
    body: [
      p('SERVICE LEVELS', { style: 'L1' }),
      p('The Supplier shall meet these service levels:', { style: 'L2' }),
      table([
        [p('Service'), p('Level')],
        [p('Availability', { style: 'L2' }), [p('99.9% each month,'), p('measured at the edge.')]],
        [p('Response'), p('4 hours')],
      ]),
      p('Service credits apply to every failure.', { style: 'L2' }),
    ].join(''),
  });

  it('counts table-cell paragraphs in the numbering and in the paragraph index', async () => {
    const reading = await readDocxParts('t.docx', bytes);
    expect(reading.paragraphs.map((x) => [x.index, x.label, x.text, x.inTable])).toEqual([
      [1, '1.', 'SERVICE LEVELS', false],
      [2, '1.1', 'The Supplier shall meet these service levels:', false],
      [3, null, 'Service', true],
      [4, null, 'Level', true],
      [5, '1.2', 'Availability', true],
      [6, null, '99.9% each month,', true],
      [7, null, 'measured at the edge.', true],
      [8, null, 'Response', true],
      [9, null, '4 hours', true],
      [10, '1.3', 'Service credits apply to every failure.', false],
    ]);
  });

  it('keeps rows as table-row blocks and lets a numbered cell paragraph open its clause', async () => {
    const doc = await readDocx('t.docx', bytes);
    expect(sections(doc)).toEqual([
      '1 | SERVICE LEVELS | ',
      '1.1 |  | The Supplier shall meet these service levels: / Service | Level',
      '1.2 | Availability | 99.9% each month, measured at the edge. / Response | 4 hours',
      '1.3 |  | Service credits apply to every failure.',
    ]);
    expect(section(doc, '1.1').blocks[1]).toMatchObject({ kind: 'table-row', cells: ['Service', 'Level'], position: { line: 3, column: 1 } });
    expect(section(doc, '1.2')).toMatchObject({ position: { line: 5, column: 1 } });
    expect(section(doc, '1.2').blocks).toMatchObject([
      { kind: 'table-row', cells: ['99.9% each month, measured at the edge.'], position: { line: 6 } },
      { kind: 'table-row', cells: ['Response', '4 hours'], position: { line: 8 } },
    ]);
  });
});

describe('list items typed into a definitions table (issue 19)', () => {
  // Our own wording. Word numbers most lists, but some tables carry their labels as typed text: "a)⇥in respect of
  // the Supplier:" in the meaning cell. They were run into the row; "i)" after "h)" is the ninth letter.
  const items = ['in respect of the Supplier:', 'it proposes a voluntary arrangement;', 'it calls a meeting of its creditors;', 'a petition is presented for its winding up;',
    'a receiver is appointed;', 'an administrator is appointed;', 'it is unable to pay its debts;', 'it ceases to trade;', 'where it is an individual, it is made bankrupt; or', 'any analogous event occurs.'];
  const bytes = docx({
    styles: CLAUSE_STYLES,
    numbering: CLAUSE_LEVELS + num(1, 10),
    body: [
      p('DEFINITIONS', { style: 'L1' }),
      p('In this Agreement:', { style: 'L2' }),
      table([
        [p('"Business Day"'), p('a day other than a public holiday in England;')],
        [p('"Insolvency Event"'), items.map((t, i) => p('', { runs: `${r(`${String.fromCharCode(97 + i)})`)}<w:r><w:tab/></w:r>${r(t)}` }))],
        [p('1) Row label'), p('Text of a row whose first cell is numbered by hand.')],
      ]),
    ].join(''),
  });

  it('reads them item by item as the list Word would number, with the terms of the table', async () => {
    const doc = await readDocx('t.docx', bytes);
    const listed = [...walkSections(doc.sections)].filter((x) => x.number?.startsWith('1.1('));
    expect(listed.map((x) => x.number)).toEqual('abcdefghij'.split('').map((c) => `1.1(${c})`));
    expect(section(doc, '1.1(i)').blocks[0]!.text).toBe('where it is an individual, it is made bankrupt; or');
    expect(doc.definitions.map((d) => d.term)).toEqual(['Business Day', 'Insolvency Event']);
    // A number typed in a row's first cell is the row's label, not a list item.
    expect([...walkSections(doc.sections)].flatMap((x) => x.blocks).some((b) => b.kind === 'table-row' && b.cells?.[0] === '1) Row label')).toBe(true);
  });
});

describe('tracked changes', () => {
  const A = 'Alice Reviewer';
  const B = 'Bob Drafter';
  const D1 = '2025-03-01T10:00:00Z';
  const D2 = '2025-03-02T11:30:00Z';
  const markDel = `<w:rPr><w:del w:id="90" w:author="${A}" w:date="${D1}"/></w:rPr>`;
  const markIns = `<w:rPr><w:ins w:id="91" w:author="${B}" w:date="${D2}"/></w:rPr>`;
  const bytes = docx({
    styles: CLAUSE_STYLES + pStyle('Body', 'Body Text', { basedOn: 'Normal' }),
    numbering: CLAUSE_LEVELS + num(1, 10),
    body: [
      p('PAYMENT', { style: 'L1' }),
      p('', { style: 'L2', runs: r('The Customer shall pay ') + rev('ins', B, D2, 1, 'within 30 days') + rev('del', B, D2, 2, 'within 60 days') + r(' of invoice.') }),
      // A whole paragraph deleted: its text and its mark.
      p('', { style: 'L2', pPr: markDel, runs: rev('del', A, D1, 3, 'Late payment bears interest.') }),
      // A whole paragraph inserted.
      p('', { style: 'L2', pPr: markIns, runs: rev('ins', B, D2, 4, 'Invoices shall be sent by email.') }),
      // A deleted paragraph mark between two clauses that keep their text: they become one.
      // (Word joins the texts as they are: the space is the first paragraph's.)
      p('The Supplier may suspend ', { style: 'L2', pPr: markDel }),
      p('the Services for non-payment.', { style: 'L2' }),
      // A tracked change of paragraph properties: the paragraph was unnumbered body text before.
      p('Disputed amounts are paid on resolution.', { style: 'L2', pPr: `<w:pPrChange w:id="92" w:author="${A}" w:date="${D1}"><w:pPr><w:pStyle w:val="Body"/></w:pPr></w:pPrChange>` }),
      p('TERM', { style: 'L1' }),
    ].join(''),
  });

  it('reads the document with all changes accepted by default', async () => {
    const doc = await readDocx('t.docx', bytes);
    expect(doc.revisionsView).toBe('accepted');
    expect(sections(doc)).toEqual([
      '1 | PAYMENT | ',
      '1.1 |  | The Customer shall pay within 30 days of invoice.',
      '1.2 |  | Invoices shall be sent by email.',
      '1.3 |  | The Supplier may suspend the Services for non-payment.',
      '1.4 |  | Disputed amounts are paid on resolution.',
      '2 | TERM | ',
    ]);
    // The joined clause starts at the paragraph that keeps the first text.
    expect(section(doc, '1.3').position.line).toBe(5);
  });

  it('reads the document as it was before the changes with revisions: original', async () => {
    const doc = await readDocx('t.docx', bytes, { revisions: 'original' });
    expect(doc.revisionsView).toBe('original');
    expect(sections(doc)).toEqual([
      '1 | PAYMENT | ',
      '1.1 |  | The Customer shall pay within 60 days of invoice.',
      '1.2 |  | Late payment bears interest.',
      '1.3 |  | The Supplier may suspend',
      '1.4 |  | the Services for non-payment. / Disputed amounts are paid on resolution.',
      '2 | TERM | ',
    ]);
    expect(section(doc, '1.2').position.line).toBe(3);
    // readDocument passes the option through.
    const again = await readDocument('t.docx', bytes, 'docx', { revisions: 'original' });
    expect(sections(again)).toEqual(sections(doc));
  });

  it('records every insertion and deletion with author, date, paragraph and text', async () => {
    const expected = [
      { kind: 'insertion', author: B, date: D2, paragraph: 2, text: 'within 30 days' },
      { kind: 'deletion', author: B, date: D2, paragraph: 2, text: 'within 60 days' },
      { kind: 'deletion', author: A, date: D1, paragraph: 3, text: '', paragraphMark: true },
      { kind: 'deletion', author: A, date: D1, paragraph: 3, text: 'Late payment bears interest.' },
      { kind: 'insertion', author: B, date: D2, paragraph: 4, text: '', paragraphMark: true },
      { kind: 'insertion', author: B, date: D2, paragraph: 4, text: 'Invoices shall be sent by email.' },
      { kind: 'deletion', author: A, date: D1, paragraph: 5, text: '', paragraphMark: true },
    ];
    expect((await readDocx('t.docx', bytes)).revisions).toEqual(expected);
    expect((await readDocx('t.docx', bytes, { revisions: 'original' })).revisions).toEqual(expected);
  });

  it('does not join two clauses silently: the trace names the joined paragraph', async () => {
    const reading = await readDocxParts('t.docx', bytes);
    expect(reading.paragraphs.find((x) => x.index === 5)).toMatchObject({ label: '1.3', joined: [6] });
  });

  it('shows both sides, each numbered, in the markup view', async () => {
    expect((await labels(bytes, 'markup')).map(([l, t]) => `${l} ${t}`)).toEqual([
      '1. PAYMENT',
      '1.1 The Customer shall pay within 30 dayswithin 60 days of invoice.',
      '1.2 Late payment bears interest.',
      '1.3 Invoices shall be sent by email.',
      '1.4 The Supplier may suspend',
      '1.5 the Services for non-payment.',
      '1.6 Disputed amounts are paid on resolution.',
      '2. TERM',
    ]);
  });
});

describe('comments', () => {
  const bytes = docx({
    styles: CLAUSE_STYLES,
    numbering: CLAUSE_LEVELS + num(1, 10),
    comments: '<w:comment w:id="0" w:author="Carol Counsel" w:date="2025-04-01T09:15:00Z" w:initials="CC">' +
      '<w:p><w:r><w:t>Is 30 days market standard?</w:t></w:r></w:p><w:p><w:r><w:t>Vendor asked for 45.</w:t></w:r></w:p></w:comment>' +
      '<w:comment w:id="1" w:author="Dan Buyer" w:date="2025-04-02T16:00:00Z"><w:p><w:r><w:t>Agreed.</w:t></w:r></w:p></w:comment>',
    body: [
      p('PAYMENT', { style: 'L1' }),
      p('', {
        style: 'L2',
        runs: r('The Customer shall pay within ') + '<w:commentRangeStart w:id="0"/>' + r('30 days') + '<w:commentRangeEnd w:id="0"/>' +
          '<w:r><w:commentReference w:id="0"/></w:r>' + r(' of invoice.'),
      }),
      p('', { style: 'L2', runs: r('Invoices are sent by email.') + '<w:r><w:commentReference w:id="1"/></w:r>' }),
    ].join(''),
  });

  it('reads author, date, text and the anchored paragraph into the model', async () => {
    const doc = await readDocx('t.docx', bytes);
    expect(doc.comments).toEqual([
      { id: '0', author: 'Carol Counsel', date: '2025-04-01T09:15:00Z', text: 'Is 30 days market standard?\nVendor asked for 45.', paragraph: 2, anchorText: '30 days' },
      { id: '1', author: 'Dan Buyer', date: '2025-04-02T16:00:00Z', text: 'Agreed.', paragraph: 3 },
    ]);
    // Comment text never leaks into the clause text.
    expect(section(doc, '1.1').blocks.map((b) => b.text)).toEqual(['The Customer shall pay within 30 days of invoice.']);
    expect(section(doc, '1.1').position.line).toBe(2);
  });
});

describe('footnotes, headers and footers', () => {
  const bytes = docx({
    styles: CLAUSE_STYLES,
    numbering: CLAUSE_LEVELS + num(1, 10),
    header: p('CONFIDENTIAL DRAFT – Header text'),
    footer: p('Page footer text'),
    footnotes: '<w:footnote w:id="1"><w:p><w:r><w:t>As defined in the Data Protection Act 2018.</w:t></w:r></w:p></w:footnote>',
    body: [
      p('DATA', { style: 'L1' }),
      p('', { style: 'L2', runs: r('The Supplier shall process Personal Data') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r(' lawfully.') }),
      p('The Supplier shall keep records.', { style: 'L2' }),
    ].join(''),
  });

  it('keeps a footnote with its paragraph and headers and footers out of the text', async () => {
    const doc = await readDocx('t.docx', bytes);
    expect(sections(doc)).toEqual([
      '1 | DATA | ',
      '1.1 |  | The Supplier shall process Personal Data lawfully. / As defined in the Data Protection Act 2018.',
      '1.2 |  | The Supplier shall keep records.',
    ]);
    expect(section(doc, '1.1').blocks[1]).toMatchObject({ kind: 'paragraph', position: { line: 2, column: 1 } });
    const all = JSON.stringify(doc);
    expect(all).not.toContain('Header text');
    expect(all).not.toContain('footer text');
  });
});

describe('headings and the title from styles', () => {
  const bytes = docx({
    styles: BASE_STYLES,
    numbering: abstractNum(50, [{ fmt: 'decimal', text: '%1' }, { fmt: 'decimal', text: '%1.%2' }]) + num(1, 50),
    body: [
      p('Supply Agreement', { style: 'Title' }),
      p('Scope', { style: 'Heading1', numId: 1, ilvl: 0 }),
      p('Goods', { style: 'Heading2', numId: 1, ilvl: 1 }),
      p('The Supplier shall supply the Goods described in the Order, in the quantities ordered, at the agreed place.', { style: 'Heading2', numId: 1, ilvl: 1 }),
      p('Unnumbered heading', { style: 'Heading1' }),
      p('Body text under it.'),
    ].join(''),
  });

  it('reads Title, numbered headings, and a numbered body paragraph in a heading style as a clause', async () => {
    const doc = await readDocx('t.docx', bytes);
    expect(doc.title).toBe('Supply Agreement');
    expect(sections(doc)).toEqual([
      '1 | Scope | ',
      '1.1 | Goods | ',
      '1.2 |  | The Supplier shall supply the Goods described in the Order, in the quantities ordered, at the agreed place.',
      '- | Unnumbered heading | Body text under it.',
    ]);
  });
});

describe('what the reader refuses', () => {
  const small = docx({ styles: BASE_STYLES, body: p('Hello.') });

  it('caps the decompressed size of a part and in total', async () => {
    await expect(readDocx('t.docx', small, { limits: { maxPartBytes: 200 } })).rejects.toMatchObject({
      name: 'InputError', problem: expect.stringMatching(/^unreadable DOCX: \S+ would decompress to \d+ bytes \(limit 200 bytes per part\)$/),
    });
    await expect(readDocx('t.docx', small, { limits: { maxTotalBytes: 900 } })).rejects.toMatchObject({
      problem: 'unreadable DOCX: the parts read would decompress to more than 900 bytes in total',
    });
    await expect(readDocx('t.docx', small)).resolves.toMatchObject({ format: 'docx' });
  });

  it('stops a part that inflates past the size it declares (a zip bomb) while inflating', async () => {
    const bomb = Buffer.from(zip([
      ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
      ['word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p/>'.repeat(2_000_000)}</w:body></w:document>`],
    ]));
    // Rewrite the declared size of word/document.xml (central directory) to 1000 bytes.
    const cd = bomb.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(bomb.readUInt32LE(cd)).toBe(0x02014b50);
    bomb.writeUInt32LE(1000, cd + 24);
    await expect(readDocx('t.docx', bomb)).rejects.toMatchObject({
      problem: 'unreadable DOCX: word/document.xml decompresses to more than the 1000 bytes the zip declares',
    });
  });

  it('refuses a DTD (and with it entity declarations)', async () => {
    const withDtd = zip([
      ['word/document.xml', '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'],
    ]);
    await expect(readDocx('t.docx', withDtd)).rejects.toMatchObject({
      name: 'InputError', problem: 'unreadable DOCX: word/document.xml: declares a DTD, which is refused',
    });
  });

  it('reports malformed XML with the part it is in', async () => {
    const broken = zip([['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body></w:document>']]);
    const result = readDocx('t.docx', broken);
    await expect(result).rejects.toBeInstanceOf(InputError);
    await expect(result).rejects.toMatchObject({ problem: expect.stringMatching(/^unreadable DOCX: word\/document\.xml: \S/) });
  });

  it('reads a package whose main part is named in _rels/.rels and whose WordprocessingML prefix is not w:', async () => {
    const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const odd = zip([
      ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/content/main.xml"/></Relationships>'],
      ['content/main.xml', `<x:document xmlns:x="${ns}"><x:body><x:p><x:r><x:t>1.1 Typed clause text.</x:t></x:r></x:p></x:body></x:document>`],
    ]);
    const doc = await readDocx('t.docx', odd);
    expect(sections(doc)).toEqual(['1.1 |  | Typed clause text.']);
  });
});

describe.skipIf(!HAS_CORPUS)(`the UK contract pack (../shared/corpus/docx)${SKIP_CORPUS_REASON}`, () => {
  const path = (name: string): string => join(CORPUS, 'docx', name);
  const read = async (name: string, revisions: 'accepted' | 'original' = 'accepted'): Promise<ContractDocument> =>
    readDocx(path(name), await readFile(path(name)), { revisions });

  it('numbers Call-Off Schedule 13 (Exit Management) through its GPS styles, as Word shows it', async () => {
    const doc = await read('Call-Off Schedule 13 (O) - Exit Management v.1.4.docx');
    const numbered = doc.sections.filter((s) => s.number !== null);
    expect(compactOutline(numbered, 1).split('\n')).toEqual([
      '1 DEFINITIONS', '2 OBLIGATIONS DURING THE CONTRACT PERIOD TO FACILITATE EXIT', '3 OBLIGATIONS TO ASSIST ON RE-TENDERING OF Deliverables',
      '4 EXIT PLAN', '5 TERMINATION ASSISTANCE', '6 TERMINATION ASSISTANCE PERIOD', '7 TERMINATION OBLIGATIONS',
      '8 ASSETS, SUBCONTRACTS AND SOFTWARE', '9 CHARGES', '10 APPORTIONMENTS',
    ]);
    expect(compactOutline([section(doc, '4.4')])).toBe(['4.4', '  4.4.1', '    4.4.1(a)', '    4.4.1(b)', '    4.4.1(c)', '    4.4.1(d)', '  4.4.2'].join('\n'));
    expect(section(doc, '4.4.1(b)').blocks[0]!.text).toMatch(/^no later than \[twenty \(20\) Working Days\] after a request from the Buyer/);
    expect(section(doc, '2.2.2').position.line).toBe(68);
    // Its four comments, with the paragraph each is anchored to.
    expect(doc.comments?.map((c) => [c.author, c.paragraph])).toEqual([['revs', 68], ['revs', 68], ['revs', 74], ['revs', 74]]);
  });

  it('numbers the deed annexed to Joint Schedule 7 (Guarantee)', async () => {
    const doc = await read('Joint Schedule 7 (O) - Guarantee v.1.4.docx');
    expect(compactOutline(doc.sections.filter((s) => s.number !== null), 1).split('\n')).toEqual([
      // As Word (and LibreOffice) number them: the second "2." is a list of its own that restarts.
      '1 DEFINITIONS', '2 [FRAMEWORK GUARANTEE', '2 [CALL-OFF GUARANTEE', 'Annex 1 Draft Guarantee',
    ]);
    const deed = doc.sections.find((s) => s.number === 'Annex 1')!.children.find((s) => s.heading === 'DEED OF GUARANTEE')!;
    expect(deed.children.filter((s) => s.number !== null).map((s) => `${s.number} ${s.heading}`)).toEqual([
      '1 DEFINITIONS AND INTERPRETATION', '3 GUARANTEE AND INDEMNITY', '4 OBLIGATION TO ENTER INTO A NEW CONTRACT', '5 Demands and notices',
      "6 BENEFICIARY'S PROTECTIONS", '7 GUARANTOR INTENT', '8 RIGHTS OF SUBROGATION', '9 DEFERRAL OF RIGHTS', '10 REPRESENTATIONS AND WARRANTIES',
      '11 PAYMENTS AND SET-OFF', "12 GUARANTOR'S ACKNOWLEDGEMENT", '13 ASSIGNMENT', '14 SEVERANCE', '15 THIRD PARTY RIGHTS', '16 SURVIVAL', '17 GOVERNING LAW',
    ]);
  });

  // mammoth accepts every tracked change and merges paragraphs whose mark is deleted: the
  // text it holds is the reference for our accepted view. (Its raw text drops line breaks
  // and ours keeps them as spaces, so the comparison ignores whitespace.)
  it.each([
    'Call-Off Schedule 16 (O) - Concession Agreement v.1.4.docx',
    'Joint Schedule 1 - Definitions v.1.4.docx',
    'Core Terms FM1.4 CCSv2.7 161117.docx',
  ])('reads the same text as mammoth: %s', async (name) => {
    const bytes = await readFile(path(name));
    const squash = (s: string): string => s.replace(/[\u2010\u2011]/g, '-').replace(/[\s\u00a0\u00ad\u200b]+/g, '');
    const ours = (await readDocxParts(name, bytes)).paragraphs.map((x) => x.text).join(' ');
    const theirs = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(squash(ours).length).toBeGreaterThan(10_000);
    expect(squash(ours)).toBe(squash(theirs));
  });

  it('reads Call-Off Schedule 16 before its tracked changes with revisions: original', async () => {
    const name = 'Call-Off Schedule 16 (O) - Concession Agreement v.1.4.docx';
    const accepted = await read(name);
    const original = await read(name, 'original');
    // The longer changes (a short one such as "the Order Form" may also be elsewhere in the text).
    const deleted = accepted.revisions!.filter((r) => r.kind === 'deletion' && !r.paragraphMark && r.text.trim().length > 80);
    const inserted = accepted.revisions!.filter((r) => r.kind === 'insertion' && !r.paragraphMark && r.text.trim().length > 80);
    expect(deleted.length).toBeGreaterThan(5);
    expect(inserted.length).toBeGreaterThan(5);
    const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const text = (doc: ContractDocument): string => squash([...doc.preamble, ...[...walkSections(doc.sections)].flatMap((s) => s.blocks)].map((b) => b.text).join(' '));
    const [a, o] = [text(accepted), text(original)];
    for (const r of deleted) {
      expect(a, r.text).not.toContain(squash(r.text));
      expect(o, r.text).toContain(squash(r.text));
    }
    for (const r of inserted) {
      expect(a, r.text).toContain(squash(r.text));
      expect(o, r.text).not.toContain(squash(r.text));
    }
  });
});

describe('scripts/docx-fidelity.ts: comparing numbers with LibreOffice\'s text', () => {
  const para = (index: number, label: string | null, text: string, bullet = false): ParagraphTrace => ({ index, label, bullet, text, inTable: false });

  it('finds each paragraph by its text and compares the number printed before it', () => {
    const lo = ['\ufeffTitle', '    1. DEFINITIONS', '        1.1 In this Schedule:', '"Term"', '     means the term;', '        1.2 A line', 'broken in two.', '        1.4 Wrong number.', '•\tA bullet', '    2.', '3.1 Typed text'].join('\n');
    const result = compareNumbering('x.docx', [
      para(1, null, 'Title'),
      para(2, '1.', 'DEFINITIONS'),
      para(3, '1.1', 'In this Schedule:'),
      para(4, null, '"Term"'),
      para(5, '', 'means the term;'),
      para(6, '1.2', 'A line broken in two.'),
      para(7, '1.3', 'Wrong number.'),
      para(8, '•', 'A bullet', true),
      para(9, '2.', ''),
      para(10, null, '3.1 Typed text'),
    ], lo);
    expect(result).toEqual({
      file: 'x.docx', numbered: 5, agreeing: 4, unmatched: 0,
      disagreements: [{ paragraph: 7, ours: '1.3', theirs: '1.4', text: 'Wrong number.' }],
    });
  });
});
