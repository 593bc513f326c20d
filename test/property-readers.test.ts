/**
 * Property-based tests (fast-check): the readers never throw anything but an
 * InputError, whatever the bytes; clause detection does not depend on line
 * endings, non-breaking spaces or trailing whitespace.
 *
 * Seeds are fixed so that a run is reproducible; each property's number of
 * generated cases is counted and logged at the end (the issue's closing note
 * reports them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { lintDocument, type Playbook } from '../src/lint/engine.js';
import type { Section } from '../src/model.js';
import { InputError, readDocument } from '../src/read/index.js';
import { ROOT } from './helpers.js';
import { docx, p, zip } from './ooxml-fixture.js';
import { textPdf } from '../scripts/make-pdf-fixtures.js';

const SEED = 20_261_128;
const ran = new Map<string, number>();
const count = (name: string): void => {
  ran.set(name, (ran.get(name) ?? 0) + 1);
};

afterAll(() => {
  const total = [...ran.values()].reduce((a, b) => a + b, 0);
  console.log(`property tests: ${total} generated cases run\n  ${[...ran].map(([k, v]) => `${k}: ${v}`).join('\n  ')}`);
});

/** Read; anything thrown must be an InputError with a one-line problem. */
async function readsOrInputError(name: string, path: string, bytes: Uint8Array): Promise<void> {
  count(name);
  try {
    await readDocument(path, bytes);
  } catch (err) {
    if (!(err instanceof InputError)) throw new Error(`${path}: threw ${(err as Error).name}: ${(err as Error).message}`);
    expect(err.problem).not.toContain('\n');
    expect(err.problem.length).toBeGreaterThan(0);
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const GOOD_DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>` +
  `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>1. Data</w:t></w:r></w:p>` +
  `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1.1 Breach. </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>The Supplier shall notify</w:t></w:r></w:ins>` +
  `<w:del w:id="2" w:author="A"><w:r><w:delText>within 72 hours</w:delText></w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:t>within 24 hours.</w:t></w:r><w:commentRangeEnd w:id="0"/></w:p>` +
  `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Fees</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>[TBD]</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
  `</w:body></w:document>`;
const PARTS = ['word/document.xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/numbering.xml', 'word/comments.xml', 'word/footnotes.xml', '[Content_Types].xml', 'docProps/core.xml', 'word/media/image1.png'];
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** Random edits to a string: delete, duplicate or replace a slice, insert random text. */
const mutated = (base: string): fc.Arbitrary<string> => fc.array(
  fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('delete', 'duplicate', 'insert', 'replace'), fc.string({ maxLength: 12, unit: 'binary' })),
  { minLength: 1, maxLength: 6 },
).map((edits) => {
  let s = base;
  for (const [at, len, op, text] of edits) {
    const i = at % (s.length + 1);
    if (op === 'delete') s = s.slice(0, i) + s.slice(i + len);
    else if (op === 'duplicate') s = s.slice(0, i + len) + s.slice(i, i + len) + s.slice(i + len);
    else if (op === 'insert') s = s.slice(0, i) + text + s.slice(i);
    else s = s.slice(0, i) + text + s.slice(i + text.length);
  }
  return s;
});

const xmlish = fc.stringMatching(/^(?:<\/?w:(?:p|r|t|body|document|tbl|tr|tc|ins|del|numPr|ilvl|numId|pPr|pStyle)(?: w:val="[0-9a-zA-Z]{0,3}")?\/?>|[a-z &;#<>"]{0,6}|&#x?[0-9a-fA-F]{1,7};|<!\[CDATA\[|<\?xml [a-z="0-9. ]{0,20}\?>|<!--|-->){0,40}$/);

const partContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 200, unit: 'binary' }),
  xmlish,
  xmlish.map((x) => `<w:document xmlns:w="${W}"><w:body>${x}</w:body></w:document>`),
  mutated(GOOD_DOCUMENT),
  fc.constant(GOOD_DOCUMENT),
  fc.constant(RELS),
  mutated(RELS),
);

describe('readers never throw anything but InputError', () => {
  it('on arbitrary text as .md and .txt', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400, unit: 'binary' }), async (s) => {
      const bytes = new TextEncoder().encode(s);
      await readsOrInputError('arbitrary text (.md)', 'a.md', bytes);
      await readsOrInputError('arbitrary text (.txt)', 'a.txt', bytes);
    }), { numRuns: 150, seed: SEED });
  });

  it('on arbitrary contract-like text (enumerators, markers, brackets, line breaks) as .md and .txt', async () => {
    const token = fc.constantFrom('1.', '1.1', '(a)', '(iv)', 'A.', '- ', '* ', '> ', '# ', '## ', '|', '---', '```', '\n', '\r\n', '\n\n', '  ', '\t', '\u00a0', '"', '“', '”', '[', ']', '(', ')', 'ARTICLE', 'Section', 'Schedule', 'shall', 'means', 'Agreement', 'Supplier', 'within 24 hours', 'Ltd', '**', '_', '<!-- clauselint-disable -->', '\u0085', '\u2028', '\ufeff');
    await fc.assert(fc.asyncProperty(fc.array(token, { maxLength: 120 }), async (tokens) => {
      const bytes = new TextEncoder().encode(tokens.join(' '));
      await readsOrInputError('contract-like text (.md)', 'a.md', bytes);
      await readsOrInputError('contract-like text (.txt)', 'a.txt', bytes);
    }), { numRuns: 150, seed: SEED });
  });

  it('on arbitrary bytes as .md, .txt and .docx (with and without a UTF-16 BOM or zip signature)', async () => {
    const prefix = fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]);
    await fc.assert(fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 400 }), async (pre, body) => {
      const bytes = Uint8Array.from([...pre, ...body]);
      await readsOrInputError('arbitrary bytes (.md)', 'a.md', bytes);
      await readsOrInputError('arbitrary bytes (.txt)', 'a.txt', bytes);
      await readsOrInputError('arbitrary bytes (.docx)', 'a.docx', bytes);
    }), { numRuns: 150, seed: SEED });
  });

  it('on arbitrary entries in a zip container (random, XML-like and mutated parts) as .docx', async () => {
    const entries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARTS), fc.string({ minLength: 1, maxLength: 20 })), partContent), { minLength: 1, maxLength: 6 });
    await fc.assert(fc.asyncProperty(entries, async (list) => {
      await readsOrInputError('zip with arbitrary entries (.docx)', 'a.docx', zip(list));
    }), { numRuns: 300, seed: SEED });
  });

  it('on a real DOCX with random bytes overwritten (a damaged download)', async () => {
    const good = docx({ body: [p('Services Agreement', { style: 'Title' }), p('1. Data', { style: 'Heading1' }), p('1.1 The Supplier shall notify the Customer within 24 hours.')].join('') });
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
      const bytes = Uint8Array.from(good);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      await readsOrInputError('damaged DOCX', 'a.docx', bytes);
    }), { numRuns: 200, seed: SEED });
  });

  it('on arbitrary bytes after a PDF header, as .pdf', async () => {
    const header = fc.constantFrom('', '%PDF-1.7\n', '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
    await fc.assert(fc.asyncProperty(header, fc.uint8Array({ maxLength: 400 }), async (head, body) => {
      await readsOrInputError('arbitrary bytes (.pdf)', 'a.pdf', Uint8Array.from([...Buffer.from(head, 'latin1'), ...body]));
    }), { numRuns: 100, seed: SEED });
  });

  it('on a real PDF with random bytes overwritten or cut short (a damaged download)', async () => {
    const good = await textPdf(['SERVICES AGREEMENT', '1. DATA', '1.1 The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.']);
    const damage = fc.record({
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    await fc.assert(fc.asyncProperty(damage, async ({ flips, cut }) => {
      let bytes = Uint8Array.from(good);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      if (cut !== undefined) bytes = bytes.subarray(0, cut % bytes.length);
      await readsOrInputError('damaged PDF', 'a.pdf', bytes);
    }), { numRuns: 100, seed: SEED });
  });
});

// ---------------------------------------------------------------------------

const ALL: Playbook = { rules: new Map([...RULES.keys()].map((id) => [id, { severity: 'warn' as const, options: {} }])) };

function numbers(sections: readonly Section[], out: string[] = []): string[] {
  for (const s of sections) {
    out.push(s.number ?? '-');
    numbers(s.children, out);
  }
  return out;
}

/** What must not change: each clause's status and section, and the section numbers. */
async function detection(path: string, text: string): Promise<{ clauses: Array<[string, string, unknown]>; sections: string[] }> {
  const doc = await readDocument(path, new TextEncoder().encode(text));
  const report = lintDocument(doc, ALL, RULES);
  return { clauses: report.clauses.map((c) => [c.id, c.status, c.section]), sections: numbers(doc.sections) };
}

/** Whitespace edits that change nothing a reader should care about. */
interface Variation { crlf: boolean; nbsp: number[]; trailing: number[] }
const variation: fc.Arbitrary<Variation> = fc.record({
  crlf: fc.boolean(),
  nbsp: fc.array(fc.nat(), { maxLength: 30 }),
  trailing: fc.array(fc.nat(), { maxLength: 30 }),
});

function vary(text: string, v: Variation): string {
  let lines = text.split('\n');
  // Trailing spaces or tabs on some lines.
  lines = lines.map((l, i) => (v.trailing.some((t) => t % lines.length === i) ? `${l}${i % 2 ? ' \t' : '  '}` : l));
  let out = lines.join('\n');
  // Some spaces between two words become no-break spaces.
  const inner = [...out.matchAll(/(?<=\S) (?=\S)/g)].map((m) => m.index);
  if (inner.length > 0) {
    const units = out.split(''); // UTF-16 units, as the match indexes count
    for (const n of v.nbsp) units[inner[n % inner.length]!] = '\u00a0';
    out = units.join('');
  }
  return v.crlf ? out.replace(/\n/g, '\r\n') : out;
}

const FIXTURES = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'fixtures', f));

const CLAUSE_TEXT = [
  'The Supplier shall notify the Customer of any Personal Data Breach within {n} hours.',
  'This Agreement is governed by the laws of England and Wales.',
  'The total liability of either party shall not exceed the fees paid in the {n} months before the claim.',
  'Either party may terminate this Agreement for convenience on {n} days\' written notice.',
  'The Customer may audit the Supplier once a year on {n} days\' notice.',
  'Each party shall keep the other party\'s Confidential Information confidential.',
  'The Supplier shall not subcontract any of its obligations without the Customer\'s prior written consent.',
  'The Supplier shall maintain insurance of at least GBP {n},000,000.',
  'Neither party shall be liable for any delay caused by a Force Majeure Event.',
  'The Supplier shall indemnify the Customer against all claims arising from its breach.',
  'On termination the Supplier shall return or delete all Customer Data within {n} days.',
  'The fees are set out in Schedule {n} and are payable within {n} days of invoice.',
];

const generatedContract = fc.record({
  picks: fc.array(fc.nat({ max: CLAUSE_TEXT.length - 1 }), { minLength: 2, maxLength: 8 }),
  n: fc.integer({ min: 1, max: 99 }),
  style: fc.constantFrom('md-headings', 'md-bold', 'text-numbered'),
}).map(({ picks, n, style }) => {
  const body = picks.map((k, i) => {
    const sentence = CLAUSE_TEXT[k]!.replace(/\{n\}/g, String(n + i));
    if (style === 'md-headings') return `## ${i + 1}. Clause ${i + 1}\n\n${i + 1}.1 ${sentence}\n`;
    if (style === 'md-bold') return `**${i + 1}. Clause ${i + 1}.** ${sentence}\n`;
    return `${i + 1}. CLAUSE ${i + 1}\n\n${i + 1}.1 ${sentence}\n`;
  });
  return { ext: style === 'text-numbered' ? 'txt' : 'md', text: `${style === 'text-numbered' ? 'SERVICES AGREEMENT' : '# Services Agreement'}\n\n${body.join('\n')}` };
});

describe('detection is stable under whitespace and line-ending changes', () => {
  it('counterexample found by the property below: a no-break space after "##" still makes a heading', async () => {
    const text = '# Services Agreement\n\n## 1. Clause 1\n\n1.1 The Supplier shall notify the Customer of any Personal Data Breach within 1 hours.\n';
    const nbsp = text.replace('## 1.', '##\u00a01.');
    const base = await detection('c.md', text);
    expect(base.sections).toEqual(['1', '1.1']);
    expect(await detection('c.md', nbsp)).toEqual(base);
    expect(await detection('c.md', nbsp.replace(/\n/g, '\r\n'))).toEqual(base);
  });

  it('the fixtures: CRLF, no-break spaces and trailing spaces give the same clause statuses and section numbers', async () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
    for (const file of FIXTURES) {
      const text = readFileSync(file, 'utf8');
      const base = await detection('fixture.md', text);
      expect(base.sections.length).toBeGreaterThan(5);
      await fc.assert(fc.asyncProperty(variation, async (v) => {
        count('fixture whitespace variant');
        expect(await detection('fixture.md', vary(text, v))).toEqual(base);
      }), { numRuns: 25, seed: SEED });
    }
  });

  it('generated clause text (Markdown and plain text): the same under the same changes', async () => {
    await fc.assert(fc.asyncProperty(generatedContract, variation, async ({ ext, text }, v) => {
      count('generated contract whitespace variant');
      expect(await detection(`c.${ext}`, vary(text, v))).toEqual(await detection(`c.${ext}`, text));
    }), { numRuns: 80, seed: SEED });
  });
});
