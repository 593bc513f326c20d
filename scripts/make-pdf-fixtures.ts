/**
 * Generate the PDF test fixtures with pdfkit: every line placed by this script, so that the layout the PDF reader
 * must undo (running headers and footers, indents, a clause over a page break, a table with wrapped cells, words
 * hyphenated at a line end) is exactly known.
 *
 *   node --import tsx scripts/make-pdf-fixtures.ts [outDir]   (default fixtures/generated)
 *
 * - agreement.pdf: a three-page services agreement: title, numbered clauses and (a)/(b) lists with hanging indents,
 *   a running header and a "Page N of M" footer on every page, clause 4.1 running from page 1 onto page 2 with a
 *   word hyphenated at a line end, a two-column table whose second cell wraps, and a last page that is a drawing
 *   only (a scanned signature page: no text);
 * - nested-lists.pdf: numbered lists nested by indent only, every level numbered "1.", "2." (as a browser prints
 *   HTML lists);
 * - scanned.pdf: pages with drawings and no text layer;
 * - encrypted.pdf: the agreement's first page behind a user password;
 * - damaged.pdf: a PDF header followed by garbage;
 * - bomb.pdf (`pdfBomb()`): a small file whose Flate streams inflate to more than the reader's cap.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT_DIR = join(ROOT, 'fixtures', 'generated');
const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

type Doc = InstanceType<typeof PDFDocument>;

/** A document with fixed metadata, collected into bytes. */
function render(options: ConstructorParameters<typeof PDFDocument>[0], draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: true, info: { Title: 'clauselint fixture', Creator: 'clauselint test fixtures', CreationDate: FIXED_DATE, ModDate: FIXED_DATE }, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((ok) => doc.on('end', () => ok(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** One printed line: text at an indent, in a size (points). */
interface Line { text: string; x: number; size?: number; gapBefore?: number; beside?: { text: string; x: number } }

const LEFT = 72;
const TOP = 780; // first baseline, in points from the bottom
const LEADING = 15;
const PAGE_HEIGHT = 841.89;

/** Print lines page by page (pdfkit measures from the top: y is converted), with the running header and footer. */
function pages(doc: Doc, content: Line[][], header: string | null): void {
  content.forEach((lines, i) => {
    doc.addPage({ size: 'A4', margin: 0 });
    if (header !== null && lines.length > 0) {
      doc.font('Helvetica').fontSize(9).text(header, LEFT, PAGE_HEIGHT - 815, { lineBreak: false });
      doc.fontSize(9).text(`Page ${i + 1} of ${content.length}`, 270, PAGE_HEIGHT - 40, { lineBreak: false });
    }
    let y = TOP;
    for (const l of lines) {
      y -= l.gapBefore ?? 0;
      const size = l.size ?? 11;
      doc.font('Helvetica').fontSize(size).text(l.text, l.x, PAGE_HEIGHT - y - size * 0.8, { lineBreak: false });
      if (l.beside) doc.text(l.beside.text, l.beside.x, PAGE_HEIGHT - y - size * 0.8, { lineBreak: false });
      y -= LEADING * (size / 11);
    }
  });
}

const P = 8; // the extra space between paragraphs

/** The agreement: what the tests read back (see the file's header). */
export const AGREEMENT: Line[][] = [
  [
    { text: 'ACME CLOUD SERVICES AGREEMENT', x: 150, size: 18 },
    { text: 'This Agreement is made between Acme Cloud Limited (the "Supplier") and Widget Retail plc (the "Customer").', x: LEFT, gapBefore: P },
    { text: '1. DEFINITIONS', x: LEFT, gapBefore: P },
    { text: '1.1 "Services" means the hosted software services described in Schedule 1.', x: LEFT + 18, gapBefore: P },
    { text: '1.2 "Personal Data" has the meaning given in the UK GDPR.', x: LEFT + 18, gapBefore: P },
    { text: '2. DATA PROTECTION', x: LEFT, gapBefore: P },
    { text: '2.1 The Supplier shall notify the Customer of any Personal Data Breach without undue delay', x: LEFT + 18, gapBefore: P },
    { text: 'and in any event within 24 hours of becoming aware of it.', x: LEFT + 36 },
    { text: '2.2 The Supplier shall:', x: LEFT + 18, gapBefore: P },
    { text: '(a) implement appropriate technical and organisational measures to protect Personal', x: LEFT + 36, gapBefore: P },
    { text: 'Data; and', x: LEFT + 54 },
    { text: '(b) ensure that its personnel are bound by obligations of confidentiality.', x: LEFT + 36, gapBefore: P },
    { text: '3. SERVICE LEVELS', x: LEFT, gapBefore: P },
    { text: '3.1 The Supplier shall meet the service levels in the table below.', x: LEFT + 18, gapBefore: P },
    { text: 'Service level', x: LEFT + 18, gapBefore: P },
    { text: 'Availability', x: LEFT + 18, gapBefore: P },
    { text: 'Support response', x: LEFT + 18, gapBefore: P + 15 },
    { text: '4. AUDIT', x: LEFT, gapBefore: P },
    { text: '4.1 The Customer may, on reasonable notice, audit the records of the Supplier relating to the negoti-', x: LEFT + 18, gapBefore: P },
    { text: 'ation and performance of this Agreement, and the Supplier shall give the Customer and its', x: LEFT + 36 },
    { text: 'auditors access to its premises, systems and personnel for that purpose, provided that the', x: LEFT + 36 },
  ],
  [
    { text: 'Customer shall not audit more than once in any twelve month period unless an audit reveals', x: LEFT + 36 },
    { text: 'a material breach.', x: LEFT + 36 },
    { text: '5. LIABILITY', x: LEFT, gapBefore: P },
    { text: "5.1 Each party's total liability under this Agreement shall not exceed the fees paid in the", x: LEFT + 18, gapBefore: P },
    { text: 'twelve months before the claim.', x: LEFT + 36 },
    { text: '6. GOVERNING LAW', x: LEFT, gapBefore: P },
    { text: '6.1 This Agreement is governed by the laws of England and Wales.', x: LEFT + 18, gapBefore: P },
  ],
];

/** The table's second column, placed beside its first (row, lines). */
const TABLE_CELLS: Array<{ row: number; lines: string[] }> = [
  { row: 14, lines: ['Target'] },
  { row: 15, lines: ['99.9% of each month, measured', 'excluding planned maintenance'] },
  { row: 16, lines: ['4 hours'] },
];

function drawAgreement(doc: Doc, pagesCount = AGREEMENT.length + 1): void {
  const content = [...AGREEMENT, []];
  pages(doc, content.slice(0, pagesCount), 'Acme Cloud Services Agreement - CONFIDENTIAL');
  // The table's second column, on page 1 (pdfkit is on the last page now: switch back).
  doc.switchToPage(0);
  let y = TOP;
  const first = AGREEMENT[0]!;
  const ys: number[] = [];
  for (const l of first) {
    y -= l.gapBefore ?? 0;
    ys.push(y);
    y -= LEADING * ((l.size ?? 11) / 11);
  }
  for (const cell of TABLE_CELLS) {
    cell.lines.forEach((t, k) => doc.font('Helvetica').fontSize(11).text(t, 300, PAGE_HEIGHT - (ys[cell.row]! - k * LEADING) - 11 * 0.8, { lineBreak: false }));
  }
  if (pagesCount > AGREEMENT.length) {
    // The "scanned" signature page: a drawing, no text.
    doc.switchToPage(pagesCount - 1);
    doc.rect(100, 200, 300, 80).fill('#555555');
  }
}

/** Lists nested by indent only, each level numbered from 1, as a browser prints HTML lists. */
export const NESTED: Line[] = [
  { text: 'Hosting Terms', x: LEFT, size: 16 },
  { text: '1. Service', x: LEFT + 20, gapBefore: P },
  { text: '1. Access. The Customer may use the Services during the term.', x: LEFT + 40, gapBefore: P },
  { text: '2. Support. The Supplier will provide support as described in the Order Form.', x: LEFT + 40, gapBefore: P },
  { text: '2. Fees', x: LEFT + 20, gapBefore: P },
  { text: '1. Invoices. The Customer will pay each invoice within 30 days.', x: LEFT + 40, gapBefore: P },
  { text: '1. Disputes about an invoice are raised in writing.', x: LEFT + 60, gapBefore: P },
  { text: '2. Taxes. Fees exclude taxes.', x: LEFT + 40, gapBefore: P },
  { text: 'Signed for the parties on the date of the Order Form.', x: LEFT, gapBefore: P },
];

/**
 * A definitions table whose meanings are lettered lists in the cell (the first item beside the term, as a word
 * processor prints it), then a part under an unnumbered heading in larger type with a lettered list of its own.
 */
const MEANING = LEFT + 170;
export const DEFINITIONS_TABLE: Line[] = [
  { text: 'SUPPLY TERMS', x: LEFT, size: 16 },
  { text: '1. DEFINITIONS', x: LEFT, gapBefore: P },
  { text: '1.1 In this Agreement:', x: LEFT + 18, gapBefore: P },
  { text: '"Business Day"', x: LEFT + 18, gapBefore: P, beside: { text: 'a day other than a Saturday, Sunday or public', x: MEANING } },
  { text: 'holiday in England;', x: MEANING },
  { text: '"Insolvency', x: LEFT + 18, gapBefore: P, beside: { text: 'a) in respect of the Supplier:', x: MEANING } },
  { text: 'Event"', x: LEFT + 18 },
  ...['b) it proposes a voluntary arrangement;', 'c) it calls a meeting of its creditors;', 'd) a petition is presented for its winding up;', 'e) a receiver is appointed over its assets;',
    'f) an administrator is appointed;', 'g) it is unable to pay its debts;', 'h) it ceases to trade;', 'i) where it is an individual, it is made bankrupt; or',
    'j) any analogous event occurs in another jurisdiction;'].map((text) => ({ text, x: MEANING, gapBefore: 4 })),
  { text: '"Services"', x: LEFT + 18, gapBefore: P, beside: { text: 'the services set out in the Order Form;', x: MEANING } },
  { text: '2. SUPPLY', x: LEFT, gapBefore: P },
  { text: '2.1 The Supplier shall supply the Services from the Start Date.', x: LEFT + 18, gapBefore: P },
  { text: 'Clauses Incorporated by Reference', x: LEFT, size: 14, gapBefore: P },
  { text: '(a) The clauses of the Buyer\'s standard terms listed in the Order Form apply.', x: LEFT, gapBefore: P },
  { text: '(b) No other terms apply.', x: LEFT, gapBefore: P },
];

/** A cover page: headings, blanks, and a signature table whose header stands over its right-hand columns only. */
export const COVER_PAGE: Line[] = [
  { text: 'Mutual Non-Disclosure Agreement', x: LEFT, size: 16 },
  { text: 'Purpose', x: LEFT, size: 13, gapBefore: P },
  { text: '[Evaluating a business relationship.]', x: LEFT, gapBefore: P },
  { text: 'Effective Date', x: LEFT, size: 13, gapBefore: P },
  { text: '[Today\'s date]', x: LEFT, gapBefore: P },
  { text: 'By signing this Cover Page, each party agrees to enter into this MNDA.', x: LEFT, gapBefore: P },
  { text: 'PARTY 1 PARTY 2', x: LEFT + 300, gapBefore: P },
  { text: 'Signature', x: LEFT + 4, gapBefore: 4 },
  { text: 'Print Name', x: LEFT + 4, gapBefore: 4 },
  { text: 'Title', x: LEFT + 4, gapBefore: 4 },
  { text: 'Date', x: LEFT + 4, gapBefore: 4 },
];

/** A PDF whose Flate streams, each a megabyte of zeros, inflate to `megabytes` in all. */
export function pdfBomb(megabytes = 600): Buffer {
  const zeros = deflateSync(Buffer.alloc(1024 * 1024), { level: 9 });
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const push = (b: Buffer): void => {
    parts.push(b);
    at += b.length;
  };
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  ];
  objects.forEach((o, i) => {
    offsets.push(at);
    push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  for (let i = 0; i < megabytes; i++) {
    offsets.push(at);
    push(Buffer.concat([Buffer.from(`${i + 4} 0 obj\n<< /Length ${zeros.length} /Filter /FlateDecode >>\nstream\n`), zeros, Buffer.from('\nendstream\nendobj\n')]));
  }
  const xref = at;
  push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
  push(Buffer.from(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A one-page PDF of these lines, a paragraph each, at the left margin. */
export function textPdf(lines: readonly string[]): Promise<Buffer> {
  return render({}, (doc) => pages(doc, [lines.map((text) => ({ text, x: LEFT, gapBefore: P }))], null));
}

export async function buildPdfFixtures(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const outputs: Array<[string, Buffer]> = [
    ['agreement.pdf', await render({}, (doc) => drawAgreement(doc))],
    ['nested-lists.pdf', await render({}, (doc) => pages(doc, [NESTED], null))],
    ['definitions-table.pdf', await render({}, (doc) => pages(doc, [DEFINITIONS_TABLE], null))],
    ['cover-page.pdf', await render({}, (doc) => pages(doc, [COVER_PAGE], null))],
    ['scanned.pdf', await render({}, (doc) => {
      for (let i = 0; i < 2; i++) doc.addPage({ size: 'A4', margin: 0 }).rect(80, 100, 400, 600).fill('#777777');
    })],
    ['encrypted.pdf', await render({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' }, (doc) => pages(doc, [AGREEMENT[0]!], null))],
    ['damaged.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF any more \u0000\u0001\u0002\n')],
  ];
  const written: string[] = [];
  for (const [name, bytes] of outputs) {
    const path = join(outDir, name);
    await writeFile(path, bytes);
    written.push(path);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  for (const p of await buildPdfFixtures(outDir)) console.log(`wrote ${relative(process.cwd(), p) || p}`);
}
