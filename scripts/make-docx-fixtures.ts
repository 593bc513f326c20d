/**
 * Generate the DOCX test fixtures, deterministically, with the `docx` package.
 *
 *   node --import tsx scripts/make-docx-fixtures.ts [outDir]   (default fixtures/generated)
 *   npm run fixtures:docx
 *
 * - sample-outsourcing.docx: fixtures/sample-outsourcing.md converted line by line
 *   (`#` → Title, `##` → Heading 1, `###` → Heading 2, other lines → Normal
 *   paragraphs with `**bold**` runs, GFM tables → Word tables). Clause numbers
 *   stay typed into the text, as in a vendor's draft without auto-numbering.
 * - typed-numbering.docx: a short agreement with typed numbers in Heading 1 and
 *   Heading 2 paragraphs and in body paragraphs ("1.1 …", "(a) …", "(i) …").
 *   `typedNumberingMarkdown()` renders the same blocks as Markdown so tests can
 *   check both readers build the same tree.
 *
 * Output bytes are identical from run to run: the core properties carry fixed
 * dates and the zip entries a fixed timestamp.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_MARKDOWN_PATH = join(ROOT, 'fixtures', 'sample-outsourcing.md');
export const DEFAULT_OUT_DIR = join(ROOT, 'fixtures', 'generated');

/** Fixed metadata written into every generated file. */
const CREATOR = 'clauselint test fixtures';
const FIXED_TIMESTAMP = '2025-01-01T00:00:00Z';

/** The subset of Markdown the fixtures use, as Word paragraphs. */
export type FixtureBlock =
  | { kind: 'title' | 'heading1' | 'heading2' | 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] };

/**
 * Line-based conversion of a fixture written in the simple Markdown subset:
 * every non-blank line is one paragraph (so "(i) …" lines written without a
 * blank line between them still become separate Word paragraphs). Anything
 * outside the subset throws, so a fixture edit cannot silently drop text.
 */
export function parseFixtureMarkdown(source: string): FixtureBlock[] {
  const blocks: FixtureBlock[] = [];
  let table: string[][] | null = null;
  const lines = source.split(/\r?\n/);
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('|')) {
      const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-{3,}:?$/.test(c))) return; // the header separator row
      if (table === null) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push(cells);
      return;
    }
    table = null;
    if (t === '') return;
    let m: RegExpExecArray | null;
    if ((m = /^(#{1,3})\s+(.*)$/.exec(t))) {
      const kind = m[1] === '#' ? 'title' : m[1] === '##' ? 'heading1' : 'heading2';
      blocks.push({ kind, text: m[2]!.trim() });
      return;
    }
    if (/^(#{4,}|[-*+]\s|>|\d+[.)]\s|```)/.test(t)) {
      throw new Error(`line ${i + 1}: Markdown construct not supported by the DOCX fixture converter: ${t.slice(0, 40)}`);
    }
    blocks.push({ kind: 'paragraph', text: t });
  });
  return blocks;
}

/** The blocks back as Markdown (`#` title, `##`/`###` headings, paragraphs, GFM tables). */
export function blocksToMarkdown(blocks: readonly FixtureBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title': out.push(`# ${b.text}`); break;
      case 'heading1': out.push(`## ${b.text}`); break;
      case 'heading2': out.push(`### ${b.text}`); break;
      case 'paragraph': out.push(b.text); break;
      case 'table': {
        const [head, ...body] = b.rows;
        if (!head) break;
        const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
        out.push([row(head), row(head.map(() => '---')), ...body.map(row)].join('\n'));
        break;
      }
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** A short agreement with typed clause numbers, Heading 1/Heading 2 styles and nested sub-paragraphs. */
export const TYPED_NUMBERING: readonly FixtureBlock[] = [
  { kind: 'title', text: 'Contact Centre Software Support Agreement' },
  { kind: 'paragraph', text: 'This Agreement is made on 3 March 2025 between Northwind Retail Ltd (the "Customer") and Contoso Contact Services Ltd (the "Supplier").' },
  { kind: 'heading1', text: '1. Definitions' },
  { kind: 'paragraph', text: '1.1 In this Agreement the following words have these meanings:' },
  { kind: 'paragraph', text: '"Business Day" means a day other than a Saturday, Sunday or public holiday in England.' },
  { kind: 'paragraph', text: '"Incident" means a failure of the contact centre platform reported by the Customer.' },
  { kind: 'paragraph', text: '1.2 Headings do not affect the interpretation of this Agreement.' },
  { kind: 'heading1', text: '2. Support Services' },
  { kind: 'paragraph', text: '2.1 Scope. The Supplier shall provide second-line support for the Customer\'s contact centre platform.' },
  { kind: 'paragraph', text: '2.2 Response Times. The Supplier shall respond to each Incident as follows:' },
  { kind: 'paragraph', text: '(a) priority 1 Incidents within 30 minutes;' },
  { kind: 'paragraph', text: '(b) priority 2 Incidents within four hours; and' },
  { kind: 'paragraph', text: '(c) all other Incidents within two Business Days.' },
  { kind: 'paragraph', text: '2.3 The Supplier shall keep a log of all Incidents and make it available to the Customer.' },
  { kind: 'heading1', text: '3. Fees' },
  { kind: 'paragraph', text: '3.1 Support Fee. The Customer shall pay an annual support fee of £48,000 plus VAT.' },
  { kind: 'paragraph', text: '3.2 Invoices. Invoices are payable within 30 days of receipt.' },
  { kind: 'heading1', text: '4. Data Protection' },
  { kind: 'paragraph', text: '4.1 Processing. The Supplier shall process personal data only on the Customer\'s documented instructions and shall:' },
  { kind: 'paragraph', text: '(a) keep the personal data confidential;' },
  { kind: 'paragraph', text: '(b) not transfer the personal data outside the United Kingdom without the Customer\'s written consent; and' },
  { kind: 'paragraph', text: '(c) notify the Customer of any personal data breach within 24 hours, giving:' },
  { kind: 'paragraph', text: '(i) the nature of the breach;' },
  { kind: 'paragraph', text: '(ii) the categories and approximate number of data subjects concerned; and' },
  { kind: 'paragraph', text: '(iii) the measures taken to address it.' },
  { kind: 'paragraph', text: '4.2 Deletion. On termination the Supplier shall delete all personal data processed under this Agreement.' },
  { kind: 'heading1', text: '5. Term and Termination' },
  { kind: 'heading2', text: '5.1 Term' },
  { kind: 'paragraph', text: 'This Agreement continues for two years from the date on which it is signed.' },
  { kind: 'heading2', text: '5.2 Termination' },
  { kind: 'paragraph', text: 'Either party may terminate this Agreement immediately by written notice if the other party:' },
  { kind: 'paragraph', text: '(a) commits a material breach which it fails to remedy within 30 days of notice; or' },
  { kind: 'paragraph', text: '(b) becomes insolvent.' },
  { kind: 'heading1', text: '6. Governing Law' },
  { kind: 'paragraph', text: '6.1 This Agreement is governed by the law of England and Wales.' },
  { kind: 'paragraph', text: '6.2 The courts of England and Wales have exclusive jurisdiction.' },
];

/** The typed-numbering fixture as Markdown: the same blocks, so both readers must give the same tree. */
export function typedNumberingMarkdown(): string {
  return blocksToMarkdown(TYPED_NUMBERING);
}

/** `**bold**` spans as bold runs; everything else as plain runs. */
function inlineRuns(text: string, bold = false): TextRun[] {
  const runs: TextRun[] = [];
  const parts = text.split(/\*\*(.+?)\*\*/);
  parts.forEach((part, i) => {
    if (part === '') return;
    if (part.includes('**')) throw new Error(`unbalanced ** in fixture text: ${text.slice(0, 40)}`);
    // Only ever write bold="on": Word itself omits the element for plain runs.
    runs.push(bold || i % 2 === 1 ? new TextRun({ text: part, bold: true }) : new TextRun(part));
  });
  return runs;
}

function toParagraphsAndTables(blocks: readonly FixtureBlock[]): Array<Paragraph | Table> {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return new Paragraph({ heading: HeadingLevel.TITLE, children: inlineRuns(b.text) });
      case 'heading1':
        return new Paragraph({ heading: HeadingLevel.HEADING_1, children: inlineRuns(b.text) });
      case 'heading2':
        return new Paragraph({ heading: HeadingLevel.HEADING_2, children: inlineRuns(b.text) });
      case 'paragraph':
        return new Paragraph({ children: inlineRuns(b.text) });
      case 'table':
        return new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          // Only the first row repeats as a header. (`tableHeader: false` would write
          // <w:tblHeader w:val="off"/>, which mammoth reads as a header row.)
          rows: b.rows.map((cells, r) => new TableRow({
            ...(r === 0 ? { tableHeader: true } : {}),
            children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: inlineRuns(c, r === 0) })] })),
          })),
        });
    }
  });
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** docProps/core.xml with fixed dates (the docx package stamps the current time). */
function coreProperties(title: string): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${CREATOR}</dc:creator>` +
    `<cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_TIMESTAMP}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_TIMESTAMP}</dcterms:modified>` +
    '</cp:coreProperties>';
}

/**
 * Set every zip entry's DOS modification time to 1980-01-01 00:00 (the zip
 * writer inside `docx` stamps the current local time). Local headers and the
 * central directory both carry it; CRCs do not cover it.
 */
export function normaliseZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let p = out.length - 22; p >= Math.max(0, out.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory record');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, DOS_DATE_1980_01_01, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local file header at ${local}`);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE_1980_01_01, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

export async function renderDocx(blocks: readonly FixtureBlock[]): Promise<Uint8Array> {
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const title = titleBlock && titleBlock.kind === 'title' ? titleBlock.text : 'Untitled';
  const doc = new Document({
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    title,
    revision: 1,
    sections: [{ children: toParagraphsAndTables(blocks) }],
  });
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title) }]);
  return normaliseZipTimes(buffer);
}

/** Write every DOCX fixture into outDir (created if missing); returns the paths written, in a fixed order. */
/**
 * A contract pack in three DOCX files (issue 16): core terms that hand definitions to a definitions schedule and
 * exit to an exit schedule, refer to a schedule that is not in the pack and to a paragraph the exit schedule does
 * not have, use a term the exit schedule defines for itself only, and define a term the definitions schedule
 * defines otherwise.
 */
export const PACK: Readonly<Record<string, string>> = {
  'Core Terms.docx': `# Core Terms

## 1. Definitions

1.1 Interpret this Contract using Joint Schedule 1 (Definitions).

1.2 "Supplier" means the company named in the Order Form.

## 2. Data protection

2.1 The Supplier shall notify the Buyer of any Personal Data Breach within 24 hours of becoming aware of it.

## 3. Exit

3.1 On expiry or termination the Supplier shall comply with Call-Off Schedule 10 (Exit Management).

3.2 The Supplier shall keep the Exit Plan up to date in accordance with paragraph 2.1 of Call-Off Schedule 10 (Exit Management).

3.3 The Buyer may extend the Termination Assistance Period by notice, and the Termination Assistance Period then ends on the date in the notice.

## 4. Changes

4.1 Either party may request a change to this Contract by a Change Request. The Buyer shall respond to the Change Request within 10 Working Days, and no change is made until the Change Request is signed.

4.2 The Supplier shall meet the security requirements in Call-Off Schedule 22 (Security) and report under paragraph 9.9 of Call-Off Schedule 10 (Exit Management).

4.3 The Supplier shall keep the records that Call-Off Schedule 22 (Security) requires.

## 5. Governing law

5.1 This Contract is governed by the law of England and Wales.
`,
  'Joint Schedule 1 - Definitions.docx': `# Joint Schedule 1 (Definitions)

## 1. Definitions

1.1 In each Contract, capitalised expressions have the meanings set out in this Joint Schedule 1 (Definitions).

| Term | Meaning |
| --- | --- |
| "Buyer" | the public sector body that buys the Deliverables under the Contract; |
| "Supplier" | the person who supplies the Deliverables under the Contract; |
| "Deliverables" | the goods and services the Supplier provides under the Contract; |
| "Exit Plan" | the plan for the orderly transfer of the Deliverables at the end of the Contract; |
| "Personal Data Breach" | has the meaning given in the UK GDPR; |
| "Working Days" | any day other than a Saturday, a Sunday or a public holiday in England; |
| "Dormant Account" | an account of the Buyer that no Contract has used for a year; |
`,
  'Call-Off Schedule 10 (Exit Management).docx': `# Call-Off Schedule 10 (Exit Management)

## 1. Definitions

1.1 In this Schedule, the following words shall have the following meanings:

| Term | Meaning |
| --- | --- |
| "Termination Assistance Period" | the period of up to six months after termination or expiry during which the Supplier provides exit assistance; |

## 2. Exit

2.1 The Supplier shall maintain an Exit Plan and, for up to six (6) months after termination or expiry, provide exit assistance in accordance with it, including the transfer of knowledge and data to any replacement supplier and the continued provision of the Deliverables during the Termination Assistance Period.

2.2 The Supplier shall cooperate fully with the Buyer and any replacement supplier during the Termination Assistance Period.
`,
};

export async function buildPackFixtures(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, source] of Object.entries(PACK)) {
    const path = join(outDir, name);
    await writeFile(path, await renderDocx(parseFixtureMarkdown(source)));
    written.push(path);
  }
  return written;
}

export async function buildDocxFixtures(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const sample = parseFixtureMarkdown(await readFile(SAMPLE_MARKDOWN_PATH, 'utf8'));
  const outputs: Array<[string, readonly FixtureBlock[]]> = [
    ['sample-outsourcing.docx', sample],
    ['typed-numbering.docx', TYPED_NUMBERING],
  ];
  const written: string[] = [];
  for (const [name, blocks] of outputs) {
    const path = join(outDir, name);
    await writeFile(path, await renderDocx(blocks));
    written.push(path);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  const written = await buildDocxFixtures(outDir);
  for (const p of written) console.log(`wrote ${relative(process.cwd(), p) || p}`);
}
