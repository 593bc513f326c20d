import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContractDocument, Section } from '../src/model.js';
import { walkSections } from '../src/model.js';
import { readText } from '../src/read/text.js';

/** One line a section: indentation by level, number, heading, and (optionally) where it starts. */
function outline(doc: ContractDocument, opts: { depth?: number; at?: boolean } = {}): string[] {
  const { depth = Infinity, at = false } = opts;
  const out: string[] = [];
  const visit = (s: Section): void => {
    if (s.level > depth) return;
    const label = [s.number ?? '-', s.heading ?? ''].join(' ').trim();
    out.push(`${'  '.repeat(s.level - 1)}${label}${at ? ` @${s.position.line}:${s.position.column}` : ''}`);
    s.children.forEach(visit);
  };
  doc.sections.forEach(visit);
  return out;
}

const find = (doc: ContractDocument, number: string): Section => {
  const s = [...walkSections(doc.sections)].find((x) => x.number === number);
  if (!s) throw new Error(`no section ${number}`);
  return s;
};

const text = (lines: string[], eol = '\n'): string => lines.join(eol);

describe('plain-text reader: layout constructs', () => {
  it('reads ARTICLE n / heading on the next line, page breaks inside a paragraph, a) and i) sub-clauses', () => {
    const src = text([
      'EXHIBIT 10.7', // 1  filing label: not a schedule of this contract
      '',
      '                         MASTER SUPPLY AGREEMENT',
      '',
      'This Master Supply Agreement is made between Acme Corp. ("Acme") and', // 5
      'Beta LLC ("Beta").',
      '',
      'NOW, THEREFORE, the parties agree as follows:',
      '',
      'ARTICLE 1', // 10
      'DEFINITIONS',
      '',
      '1.1 "Products" means the goods listed in Schedule A, as amended from',
      'time to time by written agreement of the parties.',
      '', // 15
      '1.2 "Territory" means the United States.',
      '',
      'ARTICLE 2',
      'SUPPLY',
      '', // 20
      '2.1 Orders. Beta shall place orders in writing. Each order shall state',
      'the quantity, the delivery date and the place of delivery, and shall be',
      '',
      '                                  - 2 -',
      '', // 25
      'Source: ACME CORP, 10-K, 3/1/2020',
      '',
      'subject to acceptance by Acme within five business days.',
      '',
      '2.2 Delivery. Acme shall deliver the Products:', // 30
      '    a) at the place stated in the order;',
      '    b) on the delivery date; and',
      '    c) with the documents listed below:',
      '       i) an invoice;',
      '       ii) a packing list.', // 35
      '',
      'ARTICLE 5',
      'TERMINATION',
      '',
      '5.1 Either party may terminate this Agreement on ninety days\' notice.', // 40
    ]);
    const doc = readText('a.txt', src);
    expect(doc.title).toBe('MASTER SUPPLY AGREEMENT');
    expect(outline(doc, { at: true })).toEqual([
      'ARTICLE 1 DEFINITIONS @10:1',
      '  1.1 @13:1',
      '  1.2 @16:1',
      'ARTICLE 2 SUPPLY @18:1',
      '  2.1 Orders @21:1',
      '  2.2 Delivery @30:1',
      '    2.2(a) @31:5',
      '    2.2(b) @32:5',
      '    2.2(c) @33:5',
      '      2.2(c)(i) @34:8',
      '      2.2(c)(ii) @35:8',
      'ARTICLE 5 TERMINATION @37:1',
      '  5.1 @40:1',
    ]);
    // The page number and the EDGAR line between "shall be" and "subject to" are gone; the sentence is whole.
    expect(find(doc, '2.1').blocks.map((b) => b.text)).toEqual([
      'Beta shall place orders in writing. Each order shall state the quantity, the delivery date and the place of delivery, and shall be subject to acceptance by Acme within five business days.',
    ]);
    // The hard-wrapped definition is one block.
    expect(find(doc, '1.1').blocks[0]!.text).toBe('"Products" means the goods listed in Schedule A, as amended from time to time by written agreement of the parties.');
    expect(doc.preamble.map((b) => b.text)).toEqual([
      'This Master Supply Agreement is made between Acme Corp. ("Acme") and Beta LLC ("Beta").',
      'NOW, THEREFORE, the parties agree as follows:',
    ]);
    expect(doc.definitions.map((d) => d.term)).toEqual(expect.arrayContaining(['Products', 'Territory']));
  });

  it('reads "1.0 DEFINITIONS" / "1.1", run-together clauses on one line, CRLF, a table of contents and running footers', () => {
    const src = text([
      'SERVICES AGREEMENT', // 1
      '',
      'TABLE OF CONTENTS',
      '1.0 DEFINITIONS ........ 1',
      '2.0 SERVICES ........... 2', // 5
      '3.0 FEES ............... 3',
      '',
      'This Services Agreement is entered into by and between Gamma Inc. and Delta Ltd. on the date written below.',
      '',
      '1.0  DEFINITIONS', // 10
      '',
      '1.1  The following words shall have the following meanings:  a)  "Agreement" means this agreement;  b)  "Services" means the services in Schedule 1.',
      '',
      '1.2  Headings are for convenience only.',
      '', // 15
      'Gamma / Delta Confidential',
      'Page 1 of 3',
      '',
      '2.0  SERVICES',
      '', // 20
      '2.1  Gamma shall perform the Services with reasonable skill and care [***].',
      '',
      'Gamma / Delta Confidential',
      'Page 2 of 3',
      '', // 25
      '3.0  FEES',
      '',
      '3.1  Delta shall pay the fees within thirty days. 3.2 Late payments bear interest at 1% per month. 4.0 GENERAL 4.1 This Agreement is governed by the laws of England.',
      '',
      'Gamma / Delta Confidential', // 30
      'Page 3 of 3',
    ], '\r\n');
    const doc = readText('b.txt', src);
    expect(doc.title).toBe('SERVICES AGREEMENT');
    expect(outline(doc, { at: true })).toEqual([
      '1 DEFINITIONS @10:1',
      '  1.1 @12:1',
      '    1.1(a) @12:62',
      '    1.1(b) @12:101',
      '  1.2 @14:1',
      '2 SERVICES @19:1',
      '  2.1 @21:1',
      '3 FEES @26:1',
      '  3.1 @28:1',
      '  3.2 @28:51',
      '4 GENERAL @28:100',
      '  4.1 @28:112',
    ]);
    expect(find(doc, '1').label).toBe('1.0');
    expect(find(doc, '1.1(a)').blocks[0]!.text).toBe('"Agreement" means this agreement;');
    expect(find(doc, '3.1').blocks[0]!.text).toBe('Delta shall pay the fees within thirty days.');
    // The table of contents is gone; the introduction after it is the preamble.
    expect(doc.preamble.map((b) => b.text)).toEqual([
      'This Services Agreement is entered into by and between Gamma Inc. and Delta Ltd. on the date written below.',
    ]);
    // The running footer is no part of any clause.
    const all = [...walkSections(doc.sections)].flatMap((s) => s.blocks.map((b) => b.text)).join(' ');
    expect(all).not.toMatch(/Confidential|Page \d of/);
    expect(find(doc, '2.1').blocks[0]!.text).toContain('[***]');
  });

  it('skips a contents list headed by a legend and "CONTENTS" on one line, schedules listed last', () => {
    const src = text([
      'SUPPLY AGREEMENT', // 1
      '',
      'Draft for Signature CONTENTS',
      'Clause Page',
      '1. DEFINITIONS2', // 5
      '2. SUPPLY4',
      '3. PRICE6',
      'Schedule 3.1: Price List',
      'Schedule 9.2: Approved Carriers',
      '', // 10
      'This Supply Agreement is made between North Co. and South Co.',
      '',
      '1. DEFINITIONS',
      '1.1 Products means the goods listed in the Price List.',
      '2. SUPPLY', // 15
      '2.1 North Co. shall supply the Products.',
      '3. PRICE',
      '3.1 South Co. shall pay the prices in Schedule 3.1.',
    ]);
    const doc = readText('c.txt', src);
    expect(outline(doc)).toEqual(['1 DEFINITIONS', '  1.1', '2 SUPPLY', '  2.1', '3 PRICE', '  3.1']);
  });

  it('reads pages flattened onto single lines: clause numbers inside the text, trailing page numbers', () => {
    const src = text([
      'Exhibit 10.2 CONSULTING AGREEMENT This Consulting Agreement is made between North Co. and South Co. The parties agree as follows: 1. Services. The Consultant shall provide the services described in Section 2. The Company shall cooperate. 2. Fees. The Company shall pay $1,000 per month. Fees are payable within 30 days. 3. TERM AND TERMINATION 3.1 Term. This Agreement runs for one year. 3.2 Termination. Either party may terminate under clause 3.1 or 4. 1',
      '',
      '',
      '',
      '',
      'Source: SOUTH CO, 8-K, 1/2/2020',
      '',
      '4. Confidentiality. The Consultant shall keep all information confidential: (a) The Consultant shall not disclose it; and (b) The Consultant shall return it on request. 5. Governing Law. This Agreement is governed by the laws of New York. 2',
    ]);
    const doc = readText('c.txt', src);
    expect(doc.title).toBe('CONSULTING AGREEMENT');
    expect(outline(doc)).toEqual([
      '1 Services',
      '2 Fees',
      '3 TERM AND TERMINATION',
      '  3.1 Term',
      '  3.2 Termination',
      '4 Confidentiality',
      '  4(a)',
      '  4(b)',
      '5 Governing Law',
    ]);
    // "Section 2. The Company…" is a cross-reference, not clause 2; "or 4. 1" at the end of the page is not clause 4.
    expect(find(doc, '1').blocks[0]!.text).toBe('The Consultant shall provide the services described in Section 2. The Company shall cooperate.');
    expect(find(doc, '3.2').blocks[0]!.text).toBe('Either party may terminate under clause 3.1 or 4.');
    expect(find(doc, '5').blocks[0]!.text).toBe('This Agreement is governed by the laws of New York.');
    expect(find(doc, '4').position).toEqual({ line: 8, column: 1 });
  });

  it('joins hard-wrapped lines and does not start clauses at wrapped numbers or cross-references', () => {
    const src = text([
      'LICENSE AGREEMENT',
      '',
      '1. GRANT. Licensor grants Licensee a licence to use the Software for a',
      'period of 3 years, renewable on notice given at least',
      '30 Business Days before expiry, subject to the conditions in Section',
      '2.3 hereof.',
      '2. FEES. Licensee shall pay the fees in Schedule 1.',
      '   (a) Fees are payable yearly in advance.',
      '   (b) Late fees bear interest.',
      '3. TERM. This Agreement ends on the third anniversary.',
    ]);
    const doc = readText('d.txt', src);
    expect(outline(doc, { at: true })).toEqual([
      '1 GRANT @3:1',
      '2 FEES @7:1',
      '  2(a) @8:4',
      '  2(b) @9:4',
      '3 TERM @10:1',
    ]);
    expect(find(doc, '1').blocks[0]!.text).toBe(
      'Licensor grants Licensee a licence to use the Software for a period of 3 years, renewable on notice given at least 30 Business Days before expiry, subject to the conditions in Section 2.3 hereof.',
    );
  });

  it('reads lettered ALL-CAPS part headings (A. … I.) as parts whose clauses are numbered afresh', () => {
    const src = text([
      'AGENCY AGREEMENT',
      '',
      'A.       AUTHORITY OF AGENCY',
      '',
      '         1.       Solicit and bind insurance in the Territory.',
      '',
      '         2.       Deliver certificates of insurance.',
      '',
      'B.       BILLED POLICIES',
      '',
      '         1.       Commissions shall be paid within 30 days.',
      '',
      'C.       TERMINATION',
      '',
      '         1.       Either party may terminate on 90 days notice.',
      '',
      '         2.       Termination does not affect accrued rights.',
    ]);
    const doc = readText('parts.txt', src);
    expect(outline(doc)).toEqual([
      'A AUTHORITY OF AGENCY', '  1', '  2',
      'B BILLED POLICIES', '  1',
      'C TERMINATION', '  1', '  2',
    ]);
  });

  it('keeps numbered parties and lettered recitals in the preamble, and nests a "1." list restarted inside a clause', () => {
    const src = text([
      'DISTRIBUTION AGREEMENT',
      '',
      'BETWEEN',
      '',
      '1. Alpha Limited, a company registered in England ("Alpha"); and', // 5
      '',
      '2. Omega Inc., a Delaware corporation ("Omega").',
      '',
      'RECITALS',
      '', // 10
      'A. Alpha makes the Products.',
      '',
      'B. Omega wishes to distribute them.',
      '',
      'NOW, THEREFORE, IT IS AGREED AS FOLLOWS:', // 15
      '',
      '1. APPOINTMENT',
      '',
      '1.1 Alpha appoints Omega as its distributor.',
      '', // 20
      '2. OMEGA\'S DUTIES',
      '',
      '2.1 Omega shall:',
      '',
      'A. Keep records of all sales;', // 25
      '',
      'B. If Omega is a corporation, comply with the following:',
      '',
      '1. Omega will provide its articles of incorporation.',
      '', // 30
      '2. Omega will provide a list of its shareholders.',
      '',
      'C. Pay the fees when due.',
      '',
      '3. TERM', // 35
      '',
      '3.1 This Agreement lasts five years.',
    ]);
    const doc = readText('e.txt', src);
    expect(outline(doc)).toEqual([
      '1 APPOINTMENT',
      '  1.1',
      '2 OMEGA\'S DUTIES',
      '  2.1',
      '    2.1(A)',
      '    2.1(B)',
      '      2.1(B)(1)',
      '      2.1(B)(2)',
      '    2.1(C)',
      '3 TERM',
      '  3.1',
    ]);
    expect(doc.preamble.map((b) => b.text)).toEqual([
      'BETWEEN',
      '1. Alpha Limited, a company registered in England ("Alpha"); and',
      '2. Omega Inc., a Delaware corporation ("Omega").',
      'RECITALS',
      'A. Alpha makes the Products.',
      'B. Omega wishes to distribute them.',
      'NOW, THEREFORE, IT IS AGREED AS FOLLOWS:',
    ]);
  });

  it('reads an unnumbered document by its headings', () => {
    const src = text([
      'JOINT VENTURE AGREEMENT',
      '',
      'This Agreement is made on 1 May 2019 between the Participants named below.',
      '',
      'Formation',
      '',
      'The Participants enter into a joint venture under the laws of Florida, on the terms of this Agreement.',
      '',
      'Capital Contributions',
      '',
      'Each Participant will contribute the capital agreed in writing between the Participants from time to time.',
      '',
      'Governing Law. This Agreement is governed by the laws of Florida.',
    ]);
    const doc = readText('f.txt', src);
    expect(outline(doc, { at: true })).toEqual([
      '- Formation @5:1',
      '- Capital Contributions @9:1',
      '  - Governing Law @13:1',
    ]);
    expect(doc.title).toBe('JOINT VENTURE AGREEMENT');
  });

  it('splits an unnumbered page-line at its run-in ALL-CAPS headings', () => {
    const doc = readText('k.txt', 'EXHIBIT B This Exhibit B is part of the Master Services Agreement between Kappa and Lambda. SERVICES: Kappa shall provide advisory services. FEES: Lambda shall pay the fees in Schedule 1. NON-SOLICITATION: Neither party shall hire the other\'s staff. 3');
    expect(outline(doc, { at: true })).toEqual(['- SERVICES @1:93', '- FEES @1:142', '- NON-SOLICITATION @1:189']);
    expect(doc.sections[1]!.blocks.map((b) => b.text)).toEqual(['Lambda shall pay the fees in Schedule 1.']);
  });

  it('skips noise: page numbers in several forms, EDGAR source lines, orphan label columns', () => {
    const src = text([
      'AGENCY AGREEMENT',
      '',
      '1. Appointment. The Principal appoints the Agent.',
      '',
      '- 1 -',
      '',
      '2. Commission. The Principal pays a commission of 5%.',
      '',
      'Page 2',
      '',
      '3. Term. This Agreement lasts one year.',
      '',
      'ii',
      '',
      '4.',
      '5.',
      '6.',
      '',
      'Notices. Notices are given in writing.',
    ]);
    const doc = readText('g.txt', src);
    expect(outline(doc)).toEqual(['1 Appointment', '2 Commission', '3 Term']);
    expect(find(doc, '3').blocks.map((b) => b.text)).toEqual(['This Agreement lasts one year.', 'Notices. Notices are given in writing.']);
  });

  it('takes the title from the opening sentence, restarts a list after a lead-in, finds an exhibit behind a running header', () => {
    const src = text([
      'THIS SUPPLY AGREEMENT ("Agreement") is made between Acme Corp. and Beta LLC. The parties agree as follows:',
      '',
      '1. Duties. The parties will perform these duties.',
      '',
      'Acme will:',
      '     1)   Make the Products to the agreed specification;      2)   Ship them within ten days.',
      'Beta will:',
      '     1)   Pay for the Products within thirty days;      2)   Sell them only in the Territory.',
      '',
      '2. Term. This Agreement lasts two years.',
      '',
      'ACME / BETA SUPPLY AGREEMENT EXHIBIT A PRICE LIST',
      '',
      'Products are sold at list price.',
    ]);
    const doc = readText('i.txt', src);
    expect(doc.title).toBe('SUPPLY AGREEMENT');
    expect(outline(doc, { at: true })).toEqual([
      '1 Duties @3:1',
      '  1(1) @6:6',
      '  1(2) @6:63',
      '  1(1) @8:6',
      '  1(2) @8:57',
      '2 Term @10:1',
      'Exhibit A PRICE LIST @12:30',
    ]);
    expect(find(doc, 'Exhibit A').blocks.map((b) => b.text)).toEqual(['Products are sold at list price.']);
  });

  it('handles empty and blank input', () => {
    expect(readText('h.txt', '').sections).toEqual([]);
    expect(readText('h.txt', '\n\n   \n').preamble).toEqual([]);
    const one = readText('h.txt', 'Just one sentence without any clause.');
    expect(one.sections).toEqual([]);
    expect(one.preamble.map((b) => b.text)).toEqual(['Just one sentence without any clause.']);
  });
});

// ---------------------------------------------------------------------------
// CUAD: real SEC-filed contracts converted from PDF (../shared/corpus/cuad-dev/texts).

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CUAD = join(ROOT, '..', 'shared', 'corpus', 'cuad-dev', 'texts');
const HAS_CUAD = existsSync(CUAD);
const cuad = (name: string): ContractDocument => readText(name, readFileSync(join(CUAD, name), 'utf8'));

describe('lettered parts', () => {
  // Our own wording. A schedule in two alternative forms, "PART A: SHORT FORM …" and "PART B: LONG FORM …", each
  // numbered from 1: read as body text, part B's clauses 1 and 2 became sub-clauses of part A's, and both parts'
  // "Breach" definitions and headings looked like duplicates.
  const text = 'PART A: SHORT FORM SECURITY REQUIREMENTS (for Lot 1)\n\n1. DEFINITIONS\n\n1.1 In this Schedule: "Breach" means any access.\n\nPART B: LONG FORM SECURITY REQUIREMENTS (for Lot 2)\n\n1. DEFINITIONS\n\n1.1 In this Schedule: "Breach" means any access or loss.\n\n2. AUDIT\n\n2.1 The Buyer may audit.\n';

  it('open parts of their own, each with its clauses from 1', () => {
    const doc = readText('t.txt', text);
    expect(doc.sections.map((s) => [s.number, s.children.map((c) => c.number)])).toEqual([['PART A', ['1']], ['PART B', ['1', '2']]]);
  });

  it('"Part B - ANNEX 1" heads an annex of part B, not part B again; "Part A of the Order Form" is no part', async () => {
    const { parseEnumerator } = await import('../src/read/enumerators.js');
    expect(parseEnumerator('Part B - ANNEX 1: BASELINE REQUIREMENTS')).toBeNull();
    expect(parseEnumerator('Part A of the Order Form applies.')).toBeNull();
    expect(parseEnumerator('PART C Pricing')).toMatchObject({ style: 'article', value: 3 });
    expect(parseEnumerator('PART IV General')).toMatchObject({ style: 'article', value: 4 });
  });
});

describe('clauses numbered under a lettered part ("A.1", "M.7.a")', () => {
  // Our own wording. Terms lettered A, B, … whose clauses are A.1, A.2, B.1 and whose sub-clauses are B.2.a: read as
  // body text before, so the clauses were not found under their headings (a governing-law clause headed
  // "Governing Law; Venue" that names the law only by a defined term was reported missing).
  const src = 'CLOUD TERMS\n\nA. Services\n\nA.1. Access. The Provider will make the Services available.\n\nA.2. Support. The Provider will answer tickets.\n\nB. General\n\nB.1. Notices. Notices are given in writing.\n\nB.2. Governing Law.\n\nB.2.a. These Terms are governed by the Chosen Laws.\n\nB.2.b. Disputes go to the courts of Ruritania.\n';

  it('are clauses of their part, and the part after them is the next part', () => {
    expect(outline(readText('t.txt', src))).toEqual([
      'A Services', '  A.1 Access', '  A.2 Support',
      'B General', '  B.1 Notices', '  B.2 Governing Law', '    B.2.a', '    B.2.b',
    ]);
  });

  it('in Markdown under the parts\' headings too', async () => {
    const { readMarkdown } = await import('../src/read/markdown.js');
    const md = '# Cloud Terms\n\n## A. Services\n\nA.1. **Access.** The Provider will make the Services available.\n\nA.2. **Support.** The Provider will answer tickets.\n\n## B. General\n\nB.1. **Notices.** Notices are given in writing.\n';
    expect(outline(readMarkdown('t.md', md))).toEqual(['A. Services', '  A.1 Access', '  A.2 Support', 'B. General', '  B.1 Notices']);
  });

  it('and under roman-numbered articles alike: I.1 and II.1, each in its article', () => {
    const doc = readText('r.txt', 'AGREEMENT\n\nARTICLE I DEFINITIONS\n\nI.1 Terms. Words have meanings.\n\nI.2 Headings. Headings do not count.\n\nARTICLE II TERM\n\nII.1 Start. This Agreement starts today.\n\nII.2 End. It ends in a year.\n');
    expect(outline(doc)).toEqual(['ARTICLE I DEFINITIONS', '  I.1 Terms', '  I.2 Headings', 'ARTICLE II TERM', '  II.1 Start', '  II.2 End']);
  });

  it('are read from the label, and not from an amount ("A.1 million") or an abbreviation', async () => {
    const { parseEnumerator } = await import('../src/read/enumerators.js');
    expect(parseEnumerator('M.7.a. These Terms are governed')).toMatchObject({ style: 'decimal', display: 'M.7.a', components: [13, 7, 1], part: 'M' });
    expect(parseEnumerator('C.2.1 The Contractor shall')).toMatchObject({ display: 'C.2.1', components: [3, 2, 1] });
    expect(parseEnumerator('A.1 million dollars are due')).toBeNull();
    expect(parseEnumerator('U.S. law applies')).toBeNull();
  });
});

describe.skipIf(!HAS_CUAD)(`plain-text reader on CUAD contracts${HAS_CUAD ? '' : ' (skipped: ../shared corpus not present)'}`, () => {
  it('SCOUTCAM services agreement: three pages flattened onto three lines, clauses numbered in the text', () => {
    const doc = cuad('SCOUTCAMINC_05_12_2020-EX-10.22-SERVICES AGREEMENT.txt');
    expect(doc.title).toBe('SERVICES AGREEMENT');
    expect(outline(doc)).toEqual([
      '1 Services',
      '2 Duties',
      '3 Term',
      '4 Compensation',
      '5 Termination',
      '6 Reimbursement',
      '7 Confidential Information',
      '8 Conflicts of Interest, Non-Competition, Non-Solicitation',
      '9 Waiver of Breach',
      '10 Binding Effect; Benefits',
      '11 Entire Agreement; Amendments',
      '12 Severability',
      '13 Governing Law; Consent to Jurisdiction',
      '14 Headings',
      '15 Counterparts',
    ]);
    // Clause 7 starts a new page (line 7); the page number "1" ending line 1 is not part of clause 6.
    expect(find(doc, '7').position).toEqual({ line: 7, column: 1 });
    expect(find(doc, '6').blocks[0]!.text).toMatch(/in connection with this Agreement\.$/);
  });

  it('OTIS intellectual property agreement: table of contents skipped, ARTICLE headings run into the text', () => {
    const doc = cuad('OTISWORLDWIDECORP_04_03_2020-EX-10.4-INTELLECTUAL PROPERTY AGREEMENT by and among UNITED TECHNOLOGIES CORPORATION, OTIS WORLDWIDE CORPORATION and CARRIER ~1.txt');
    expect(doc.title).toBe('INTELLECTUAL PROPERTY AGREEMENT');
    expect(outline(doc, { depth: 2 })).toEqual([
      'ARTICLE I DEFINITIONS',
      '  1.1 Defined Terms',
      'ARTICLE II ASSIGNMENT OF SOLELY OWNED INTELLECTUAL PROPERTY RIGHTS',
      '  2.1 Assigned Intellectual Property Rights',
      'ARTICLE III LICENSING OF INTELLECTUAL PROPERTY RIGHTS',
      '  3.1 Licensed Intellectual Property Rights',
      '  3.2 Reserved Intellectual Property Rights',
      '  3.3 No Rescission',
      'ARTICLE IV TRADEMARKS',
      '  4.1 Ownership of United Technologies Trademarks',
      '  4.2 Use of United Technologies Trademarks',
      '  4.3 Special Trademark Provisions',
      'ARTICLE V EXCLUDED AGREEMENTS',
      '  5.1 No Change to Excluded Agreements',
      'ARTICLE VI CONFIDENTIALITY',
      '  6.1 Received Information and Materials',
      '  6.2 Confidential Information',
      '  6.3 Obligations',
      '  6.4 Termination of UTC NDA',
      'ARTICLE VII LIMITATIONS AND DISCLAIMERS',
      '  7.1 Subsequent Delivery of Intellectual Property Rights',
      '  7.2 No Additional Obligations',
      '  7.3 DISCLAIMER',
      '  7.4 Limitations of Liability',
      'ARTICLE VIII GOVERNING LAW AND DISPUTE RESOLUTION',
      '  8.1 Governing Law',
      '  8.2 Alternative Dispute Resolution',
      '  8.3 Confidentiality',
      '  8.4 Equitable Relief',
      'ARTICLE IX GENERAL PROVISIONS',
      '  9.1 Entire Agreement; Conflict Among Agreements',
      '  9.2 Assignment and Change of Control; Successor and Assigns',
      '  9.3 Bankruptcy',
      '  9.4 Amendments and Waivers',
      '  9.5 Notice',
      '  9.6 Severability',
      '  9.7 Counterparts',
      '  9.8 Further Assurances',
      '  9.9 Interpretation',
    ]);
    // The third level, run into the text of its parent: "3.1 Licensed Intellectual Property Rights 3.1.1 License Grants…".
    expect(find(doc, '3.1').children.map((c) => `${c.number} ${c.heading}`)).toEqual([
      '3.1.1 License Grants by a Licensor Party',
      '3.1.2 Field Restriction',
      '3.1.3 Sublicense of Licensed Intellectual Property Rights',
      '3.1.4 Improvements',
      '3.1.5 No Implied Licenses',
    ]);
  });

  it('BIOFRONTERA supply agreement: six pages on six lines, three levels of decimal numbering', () => {
    const doc = cuad('BIOFRONTERAAG_04_29_2019-EX-4.17-SUPPLY AGREEMENT.txt');
    expect(doc.title).toBe('SUPPLY AGREEMENT');
    expect(outline(doc, { depth: 2 })).toEqual([
      '1 DEFINITIONS',
      '  1.1 Act',
      '  1.2 Business Day',
      '  1.3 Confidential Information',
      '  1.4 FDA',
      '  1.5 Forecasted Needs',
      '  1.6 Governmental or Regulatory Authority',
      '  1.7 Manufacture',
      '  1.8 Product(s)',
      '  1.9 Specifications',
      '  1.10 Supply Price',
      '2 PRODUCT MANUFACTURE AND SUPPLY',
      '  2.1 Manufacture and Purchase',
      '  2.2 Raw Materials and Components',
      '  2.3 Quality Tests and Checks',
      '  2.4 Forecasting and Other Obligations',
      '  2.5 Purchase Orders',
      '  2.6 Acceptance / Rejection of Products',
      '  2.7 Supply Price',
      '  2.8 Quality Agreement',
      '  2.9 Pharmacovigilance Agreement',
      '  2.10 Failure to Supply',
      '3 SHIPMENT AND RISK OF LOSS',
      '4 TERM AND TERMINATION',
      '  4.1 Term',
      '  4.2 Termination',
      '  4.3 Additional Rights and Remedies',
      '  4.4 Return of Materials',
      '  4.5 Survival',
      '5 WARRANTIES',
      '  5.1 Conformity with Specifications',
      '  5.2 Compliance with the Act',
      '  5.3 Conformity with FDA Regulations and cGMPs',
      '  5.4 Compliance of Packaging and Labeling with Laws and Regulations',
      '  5.5 Access to Supplier\'s Facilities',
      '  5.6 Patent and Other Intellectual Property Rights',
      '  5.7 Disclaimer',
      '  5.8 Debarment',
      '6 PRODUCT RECALLS',
      '  6.1 Initiating and Effecting Recall',
      '  6.2 Implementation of Recall',
      '7 FORCE MAJEURE',
      '8 CHANGES',
      '  8.1 Changes by CUTANEA',
      '  8.2 Changes by Supplier',
      '  8.3 Changes by Governmental or Regulatory Authorities',
      '  8.4 Obsolete Inventory',
      '9 CONFIDENTIAL INFORMATION',
      '  9.1 Confidential Information',
      '  9.2 Intellectual Property',
      '  9.3 Publicity and SEC Filings',
      '10 INDEMNIFICATION',
      '  10.1 Indemnification by Supplier',
      '  10.2 Indemnification by CUTANEA',
      '  10.3 Assertion of Claim',
      '  10.4 Insurance',
      '11 REPRESENTATIONS AND WARRANTIES',
      '  11.1 REPRESENTATIONS BY SUPPLIER',
      '  11.2 Representations by CUTANEA',
      '  11.3 Anti-Corruption Undertaking',
      '12 GENERAL PROVISIONS',
      '  12.1 Notices',
      '  12.2 Entire Agreement; Amendment',
      '  12.3 Waiver',
      '  12.4 Assignment',
      '  12.5 Governing Law',
      '  12.6 Severability',
      '  12.7 Headings, Interpretation',
      '  12.8 Counterparts',
      '  12.9 Independent Contractor',
      'Schedule A',
    ]);
    expect(find(doc, '2.4').children.map((c) => c.number)).toEqual(['2.4.1', '2.4.2', '2.4.3', '2.4.4']);
  });

  it('ACCELERATED joint venture agreement: wrapped lines and list items run together with layout gaps', () => {
    const doc = cuad('ACCELERATEDTECHNOLOGIESHOLDINGCORP_04_24_2003-EX-10.13-JOINT VENTURE AGREEMENT.txt');
    expect(doc.title).toBe('JOINT VENTURE AGREEMENT');
    expect(outline(doc, { depth: 2, at: true })).toEqual([
      '1 Name of the Joint Venture @7:1',
      '2 Scope of the Joint Venture Business @9:1',
      '  2(a) @11:11',
      '  2(b) @11:63',
      '  2(c) @11:180',
      '  2(d) @11:288',
      '  2(e) @11:464',
      '3 Capital Contributions @15:1',
      '4 Offices of the Joint Venture @17:1',
      '5 Powers and Authority of the Joint Venturers @19:1',
      '6 Division of Income and Losses @25:1',
      '7 Accounting Provisions @33:1',
      '8 Term of Joint Venture @41:1',
      '9 Distributions @43:1',
      '10 Internal Revenue Code Election @45:1',
      '11 Procedure on Termination and Liquidation @47:1',
      '12 Sale or Purchase of Interest of Joint Venturer Prohibited @49:1',
      '13 Notice @51:1',
      '14 Construction @53:1',
      '15 Benefit @55:1',
      '16 Counterparts @57:1',
      'Exhibit A GENERAL RESPONSIBILITIES OF THE PARTIES @75:1',
      '  Exhibit A(1) @81:6',
      '  Exhibit A(2) @81:122',
      '  Exhibit A(3) @81:298',
      '  Exhibit A(4) @81:476',
      '  Exhibit A(5) @81:622',
      '  Exhibit A(6) @81:717',
      // "Pivotal Self Service Tech, Inc. will:" starts a second list, 1) to 4), on line 85.
      '  Exhibit A(1) @85:6',
      '  Exhibit A(2) @85:135',
      '  Exhibit A(3) @85:274',
      '  Exhibit A(4) @85:534',
    ]);
    // Clause 7 continues across a page break that split its paragraph.
    expect(find(doc, '7').blocks.map((b) => b.text).join(' ')).toContain('shall use the cash basis of accounting');
  });

  it('reads all 150 dev contracts quickly', () => {
    const files = readdirSync(CUAD).filter((f) => f.endsWith('.txt'));
    const sources = files.map((f) => readFileSync(join(CUAD, f), 'utf8'));
    const t0 = performance.now();
    let sections = 0;
    for (let i = 0; i < files.length; i++) sections += [...walkSections(readText(files[i]!, sources[i]!).sections)].length;
    const ms = performance.now() - t0;
    expect(files.length).toBe(150);
    expect(sections).toBeGreaterThan(10_000);
    expect(ms).toBeLessThan(15_000); // about 1.5 s on a laptop; generous for slow CI
  });
});
