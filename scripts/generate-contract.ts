/**
 * A deterministic generated contract of any length (about 450 words a page): numbered clauses on ten topics with
 * filler, as Markdown or as a DOCX with Word heading styles. Used by `npm run bench` and `npm run bench:desk`.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export const WORDS_PER_PAGE = 450;

/** A small seeded generator (mulberry32): the same numbers from the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ['Services', 'The Supplier shall provide the Services in accordance with the Service Levels and the Specification, using suitably qualified and trained personnel.'],
  ['Charges', 'The Customer shall pay each undisputed invoice within thirty (30) days of receipt; the Supplier may not increase the Charges more than once in any twelve month period.'],
  ['Data Protection', 'The Supplier shall process Personal Data only on the documented instructions of the Customer and shall notify the Customer of any Personal Data Breach within twenty-four (24) hours.'],
  ['Audit', 'The Customer and any regulator may audit the Supplier\'s records, premises and systems on ten Business Days\' notice, and at any time where a material breach is suspected.'],
  ['Business Continuity', 'The Supplier shall maintain and test a business continuity plan at least annually with a recovery time objective of 4 hours and a recovery point objective of 15 minutes.'],
  ['Liability', 'Except for fraud or breach of confidentiality, each party\'s total liability shall not exceed the Charges paid in the twelve months preceding the claim.'],
  ['Exit', 'On termination or expiry the Supplier shall provide exit assistance for up to six (6) months and cooperate with any replacement supplier.'],
  ['Confidentiality', 'Each party shall keep the other party\'s Confidential Information confidential for five years after termination, save as required by law.'],
  ['Governance', 'The parties shall hold monthly performance reviews and quarterly business reviews, with escalation to the executive sponsors where a dispute is not resolved.'],
  ['Termination', 'The Customer may terminate this Agreement for convenience on ninety (90) days\' written notice, or at once if the Supplier commits a material breach that it fails to remedy within thirty days.'],
];
const FILLER = 'the parties acknowledge that the obligations in this clause apply to each service line, each site and each channel used to deliver the services and that any change must follow the change control procedure set out in clause 3'.split(' ');

export interface GenBlock { kind: 'title' | 'h1' | 'p'; text: string }

export function generate(pages: number, seed = 42): GenBlock[] {
  const rnd = prng(seed + pages);
  const blocks: GenBlock[] = [{ kind: 'title', text: `Master Services Agreement (${pages} pages)` }];
  let words = 0;
  let clause = 0;
  while (words < pages * WORDS_PER_PAGE) {
    clause += 1;
    const [topic, core] = TOPICS[(clause - 1) % TOPICS.length]!;
    blocks.push({ kind: 'h1', text: `${clause}. ${topic} ${clause > TOPICS.length ? `(Part ${Math.ceil(clause / TOPICS.length)})` : ''}`.trim() });
    const subs = 4 + Math.floor(rnd() * 5);
    for (let s = 1; s <= subs; s++) {
      const extra = Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => FILLER[Math.floor(rnd() * FILLER.length)]).join(' ');
      const text = `${clause}.${s} ${topic} ${s}. ${core} Further, ${extra}.`;
      blocks.push({ kind: 'p', text });
      words += text.split(' ').length;
    }
  }
  return blocks;
}

export function toMarkdown(blocks: readonly GenBlock[]): string {
  return blocks.map((b) => (b.kind === 'title' ? `# ${b.text}` : b.kind === 'h1' ? `## ${b.text}` : b.text)).join('\n\n') + '\n';
}

export async function toDocx(blocks: readonly GenBlock[]): Promise<Buffer> {
  const children = blocks.map((b) => b.kind === 'title'
    ? new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] })
    : b.kind === 'h1'
      ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.text)] })
      : new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(b.text)] }));
  const doc = new Document({ creator: 'clauselint bench', title: 'bench', sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** The same contract as a PDF (pdfkit's own line breaking on A4, headings in larger type), as a word processor prints it. */
export async function toPdf(blocks: readonly GenBlock[]): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: 'bench', CreationDate: new Date('2025-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((ok) => doc.on('end', () => ok(Buffer.concat(chunks))));
  for (const b of blocks) {
    const size = b.kind === 'title' ? 18 : b.kind === 'h1' ? 14 : 11;
    doc.font('Helvetica').fontSize(size).text(b.text, { align: b.kind === 'p' ? 'justify' : 'left', paragraphGap: 6 });
  }
  doc.end();
  return done;
}
