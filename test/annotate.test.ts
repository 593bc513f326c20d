import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures } from '../scripts/make-docx-fixtures.js';
import { type CliResult, runCli } from './helpers.js';
import type { FileReport, Finding } from '../src/lint/types.js';
import { annotateDocx } from '../src/report/annotate.js';
import { isDocumentLevel } from '../src/report/common.js';
import { finding, lintFile } from './report-helpers.js';

// ---------------------------------------------------------------------------
// Reading an annotated DOCX back, independently of the annotator.

interface BackParagraph {
  text: string;
  /** Comment ids whose range starts / ends in this paragraph, and the reference runs. */
  starts: number[];
  ends: number[];
  refs: number[];
}
interface BackComment {
  author: string;
  initials: string;
  date: string | null;
  paragraphs: string[];
}

function xmlEvents(xml: string, open: (name: string, attrs: Record<string, string>, depth: number) => void, close: (name: string, depth: number) => void, text: (t: string) => void): void {
  const p = new SaxesParser();
  let depth = 0;
  p.on('opentag', (t) => open(t.name, t.attributes as Record<string, string>, ++depth));
  p.on('closetag', (t) => close(t.name, depth--));
  p.on('text', text);
  p.write(xml).close();
}

function readBack(bytes: Uint8Array): { paragraphs: BackParagraph[]; comments: Map<number, BackComment>; parts: Record<string, string> } {
  const zip = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(zip).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([n, d]) => [n, strFromU8(d)]));
  const paragraphs: BackParagraph[] = [];
  let cur: BackParagraph | null = null;
  let pDepth = 0;
  let inT = false;
  xmlEvents(parts['word/document.xml']!, (name, a, depth) => {
    if (name === 'w:p' && cur === null) {
      cur = { text: '', starts: [], ends: [], refs: [] };
      pDepth = depth;
    }
    if (!cur) return;
    if (name === 'w:t') inT = true;
    if (name === 'w:commentRangeStart') cur.starts.push(Number(a['w:id']));
    if (name === 'w:commentRangeEnd') cur.ends.push(Number(a['w:id']));
    if (name === 'w:commentReference') cur.refs.push(Number(a['w:id']));
  }, (name, depth) => {
    if (name === 'w:t') inT = false;
    if (cur && name === 'w:p' && depth === pDepth) {
      paragraphs.push(cur);
      cur = null;
    }
  }, (t) => {
    if (cur && inT) cur.text += t;
  });

  const comments = new Map<number, BackComment>();
  if (parts['word/comments.xml']) {
    let c: BackComment | null = null;
    let para: string | null = null;
    xmlEvents(parts['word/comments.xml'], (name, a) => {
      if (name === 'w:comment') {
        c = { author: a['w:author']!, initials: a['w:initials']!, date: a['w:date'] ?? null, paragraphs: [] };
        comments.set(Number(a['w:id']), c);
      }
      if (name === 'w:p') para = '';
      if (name === 'w:t') inT = true;
    }, (name) => {
      if (name === 'w:t') inT = false;
      if (name === 'w:p' && c && para !== null) {
        c.paragraphs.push(para);
        para = null;
      }
      if (name === 'w:comment') c = null;
    }, (t) => {
      if (para !== null && inT) para += t;
    });
  }
  return { paragraphs, comments, parts };
}

/** The paragraph (1-based) that holds comment `id`'s range start, range end and reference. */
function anchorOf(back: ReturnType<typeof readBack>, id: number): number {
  const at = back.paragraphs.findIndex((p) => p.starts.includes(id));
  expect(at, `comment ${id} has a range start`).toBeGreaterThanOrEqual(0);
  expect(back.paragraphs[at]!.ends, `comment ${id} ends in the same paragraph`).toContain(id);
  expect(back.paragraphs[at]!.refs, `comment ${id} is referenced in the same paragraph`).toContain(id);
  return at + 1;
}

/** document.xml with the inserted comment markup taken out again. */
function withoutCommentMarks(xml: string): string {
  return xml
    .replace(/<w:commentRangeStart w:id="\d+"\/>/g, '')
    .replace(/<w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r>/g, '');
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------

let dir: string;
let sampleDocx: string;
let typedDocx: string;
let odd: Uint8Array;

/**
 * A small document that starts with a non-heading paragraph, has an empty
 * (self-closing) paragraph, a text box inside a paragraph (its paragraph does
 * not count), and a table whose cells hold several paragraphs.
 */
async function oddDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph('DRAFT: subject to contract'),
        new Paragraph({}),
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: '1. Services' }),
        new Paragraph('1.1 The Supplier shall provide the Services.'),
        new Table({ rows: [new TableRow({ children: [
          new TableCell({ children: [new Paragraph('SL1'), new Paragraph('Calls answered in 20 seconds')] }),
          new TableCell({ children: [new Paragraph('[TBD]')] }),
        ] })] }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: '2. Law' }),
        new Paragraph('2.1 This Agreement is governed by the law of England.'),
      ],
    }],
  });
  const zip = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const xml = strFromU8(zip['word/document.xml']!);
  const box = '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>text box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>';
  const host = '<w:t xml:space="preserve">1.1 The Supplier shall provide the Services.</w:t></w:r>';
  expect(xml).toContain(host);
  zip['word/document.xml'] = strToU8(xml.replace(host, `${host}${box}`));
  return zipSync(zip);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-annotate-'));
  [sampleDocx, typedDocx] = (await buildDocxFixtures(join(dir, 'fixtures'))) as [string, string];
  odd = await oddDocx();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('annotateDocx', () => {
  it('counts body paragraphs as the reader does: table cells included, text boxes not, empty ones too', () => {
    const back = readBack(odd);
    expect(back.paragraphs.map((p) => p.text)).toEqual([
      'DRAFT: subject to contract', '', '1. Services', '1.1 The Supplier shall provide the Services.text box',
      'SL1', 'Calls answered in 20 seconds', '[TBD]', '2. Law', '2.1 This Agreement is governed by the law of England.',
    ]);
    const findings: Finding[] = [
      finding({ ruleId: 'placeholder', messageId: 'placeholder', message: 'Unfilled placeholder [TBD].', line: 7, section: { number: '1', heading: 'Services' }, excerpt: '[TBD]' }),
      finding({ ruleId: 'governing-law', severity: 'warn', message: 'Weak governing-law clause: no jurisdiction.', line: 9, section: { number: '2.1', heading: null }, excerpt: 'This Agreement is governed by the law of England.' }),
      finding({ ruleId: 'assignment', message: 'Note on an empty paragraph.', line: 2, section: { number: '1', heading: 'Services' }, excerpt: 'x' }),
      finding({ ruleId: 'services', message: 'On the paragraph with a text box.', line: 4, section: { number: '1.1', heading: null }, excerpt: 'The Supplier shall provide the Services.' }),
    ];
    const { bytes, anchors } = annotateDocx(odd, findings);
    const out = readBack(bytes);
    expect(anchors.map((a) => [a.commentId, a.paragraph, a.fallback])).toEqual([[0, 7, null], [1, 9, null], [2, 2, null], [3, 4, null]]);
    expect([0, 1, 2, 3].map((id) => anchorOf(out, id))).toEqual([7, 9, 2, 4]);
    expect(out.paragraphs.map((p) => p.text)).toEqual(back.paragraphs.map((p) => p.text));
    expect(out.comments.get(0)).toEqual({ author: 'clauselint', initials: 'CL', date: null, paragraphs: ['placeholder (error): Unfilled placeholder [TBD].', '§ 1 Services'] });
    expect(out.comments.get(1)!.paragraphs[0]).toBe('governing-law (warning): Weak governing-law clause: no jurisdiction.');
    // The text box's own paragraph got no comment marks.
    expect(out.parts['word/document.xml']).toMatch(/<w:txbxContent><w:p><w:r><w:t>text box<\/w:t><\/w:r><\/w:p><\/w:txbxContent>/);
  });

  it('anchors a whole-document finding (a missing clause) on the first heading, not the first paragraph', () => {
    const missing = finding({ ruleId: 'insurance', severity: 'warn', messageId: 'missing', message: 'Missing insurance clause.', ask: 'Ask for named insurance.' });
    expect(isDocumentLevel(missing)).toBe(true);
    const beyond = finding({ ruleId: 'placeholder', line: 99, section: { number: '9', heading: 'Gone' }, excerpt: '[●]' });
    const { bytes, anchors } = annotateDocx(odd, [missing, beyond]);
    expect(anchors.map((a) => [a.paragraph, a.fallback])).toEqual([[3, 'first-heading'], [3, 'out-of-range']]);
    const back = readBack(bytes);
    expect(anchorOf(back, 0)).toBe(3);
    expect(back.paragraphs[2]!.text).toBe('1. Services');
    expect(back.comments.get(0)!.paragraphs).toEqual(['insurance (warning): Missing insurance clause.', 'Ask for named insurance.']);
    expect(back.comments.get(1)!.paragraphs[1]).toBe('Reported at paragraph 99 (§ 9 Gone), which this file does not have.');
  });

  it('only inserts: the body is byte-for-byte the same once the comment marks are taken out; parts are registered', () => {
    const original = readBack(odd);
    const { bytes } = annotateDocx(odd, [finding({ ruleId: 'a', line: 1, section: { number: '1', heading: null }, excerpt: 'x' }), finding({ ruleId: 'b', line: 3, section: { number: '1', heading: null }, excerpt: 'y' })]);
    const out = readBack(bytes);
    expect(withoutCommentMarks(out.parts['word/document.xml']!)).toBe(original.parts['word/document.xml']);
    for (const name of Object.keys(original.parts)) {
      if (name === 'word/document.xml' || name === '[Content_Types].xml' || name === 'word/_rels/document.xml.rels') continue;
      expect(out.parts[name], name).toBe(original.parts[name]);
    }
    expect(out.parts['[Content_Types].xml']).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(out.parts['word/_rels/document.xml.rels']).toMatch(/<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"\/>/);
    // Same input, same findings, no date: same bytes.
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(annotateDocx(odd, [finding({ ruleId: 'a', line: 1, section: { number: '1', heading: null }, excerpt: 'x' }), finding({ ruleId: 'b', line: 3, section: { number: '1', heading: null }, excerpt: 'y' })]).bytes))).toBe(0);
  });

  it('keeps comments the draft already has and numbers new ones after them', () => {
    const first = annotateDocx(odd, [finding({ ruleId: 'first', line: 4, section: { number: '1.1', heading: null }, excerpt: 'x' })], { author: 'Vendor Counsel', initials: 'VC', date: new Date('2025-03-01T09:30:00.000Z') }).bytes;
    const second = annotateDocx(first, [finding({ ruleId: 'second', line: 8, section: { number: '2', heading: 'Law' }, excerpt: 'y' })]);
    expect(second.anchors[0]!.commentId).toBe(1);
    const back = readBack(second.bytes);
    expect(back.comments.get(0)).toMatchObject({ author: 'Vendor Counsel', initials: 'VC', date: '2025-03-01T09:30:00Z' });
    expect(back.comments.get(1)).toMatchObject({ author: 'clauselint', paragraphs: ['second (error): Weak second clause.', '§ 2 Law'] });
    expect([anchorOf(back, 0), anchorOf(back, 1)]).toEqual([4, 8]);
    expect(back.parts['word/_rels/document.xml.rels']!.match(/relationships\/comments"/g)!.length).toBe(1);
    expect(back.parts['[Content_Types].xml']!.match(/comments\+xml/g)!.length).toBe(1);
  });

  it('lint → annotate on the DOCX sample: each comment sits on the paragraph that holds its quoted words', async () => {
    const report = await lintFile(sampleDocx, 'sample-outsourcing.docx');
    const input = readFileSync(sampleDocx);
    const { bytes, anchors } = annotateDocx(input, report.findings);
    const back = readBack(bytes);
    const before = readBack(input);
    expect(back.comments.size).toBe(report.findings.length);
    expect(report.findings.length).toBeGreaterThan(4);
    report.findings.forEach((f, id) => {
      const at = anchorOf(back, id);
      expect(anchors[id]!.paragraph).toBe(at);
      expect(back.comments.get(id)!.paragraphs[0]).toBe(`${f.ruleId} (${f.severity === 'warn' ? 'warning' : f.severity}): ${f.message}`);
      const text = norm(back.paragraphs[at - 1]!.text);
      if (isDocumentLevel(f)) {
        expect(at).toBe(1);
        expect(text).toBe('Call Centre Outsourcing Master Services Agreement');
      } else if (f.excerpt!.includes(' | ')) {
        // A table row is quoted cell by cell; the comment is on the row's first cell.
        expect(norm(f.excerpt!).startsWith(text), `${f.ruleId} ¶${f.line}: "${text}"`).toBe(true);
      } else {
        // Quoted words may be cut at either end ("…").
        expect(text, `${f.ruleId} ¶${f.line}`).toContain(norm(f.excerpt!).replace(/^…|…$/g, '').slice(0, 60));
      }
    });
    expect(back.paragraphs.map((p) => p.text)).toEqual(before.paragraphs.map((p) => p.text));
    const raw = async (b: Uint8Array): Promise<string> => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value;
    expect(await raw(bytes)).toBe(await raw(input));
  });
});

describe('clauselint --annotate', () => {
  const run = (args: string[], cwd: string): Promise<CliResult> => runCli(args, cwd);

  it('writes an annotated copy, leaves the input alone, and still prints the report', async () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    writeFileSync(join(cwd, 'draft.docx'), readFileSync(sampleDocx));
    const before = readFileSync(join(cwd, 'draft.docx'));
    const r = await run(['-p', 'outsourcing', '-f', 'json', '--annotate', 'draft.reviewed.docx', 'draft.docx'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const findings = (JSON.parse(r.out) as { files: FileReport[] }).files[0]!.findings;
    expect(Buffer.compare(readFileSync(join(cwd, 'draft.docx')), before)).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['draft.docx', 'draft.reviewed.docx']);
    const back = readBack(readFileSync(join(cwd, 'draft.reviewed.docx')));
    expect([...back.comments.values()].map((c) => c.paragraphs[0])).toEqual(findings.map((f) => `${f.ruleId} (${f.severity === 'warn' ? 'warning' : f.severity}): ${f.message}`));
    expect([...back.comments.values()].every((c) => c.author === 'clauselint' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(c.date ?? ''))).toBe(true);
  });

  it('refuses to write over an input, needs a directory for several files, and skips non-DOCX inputs', async () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    writeFileSync(join(cwd, 'a.docx'), readFileSync(sampleDocx));
    writeFileSync(join(cwd, 'b.docx'), readFileSync(typedDocx));
    writeFileSync(join(cwd, 'c.md'), '# Agreement\n\n## 1. Law\n\n**1.1** This Agreement is governed by the law of England and Wales.\n');
    const a = readFileSync(join(cwd, 'a.docx'));

    const clash = await run(['--annotate', 'a.docx', 'a.docx'], cwd);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('a.docx: refusing to overwrite an input file');
    expect(Buffer.compare(readFileSync(join(cwd, 'a.docx')), a)).toBe(0);

    const notDir = await run(['--annotate', 'out.docx', 'a.docx', 'b.docx'], cwd);
    expect(notDir.code).toBe(2);
    expect(notDir.err).toContain('2 DOCX files to annotate: give a directory');

    mkdirSync(join(cwd, 'reviewed'));
    const many = await run(['--annotate', 'reviewed', 'a.docx', 'b.docx', 'c.md'], cwd);
    expect(many.err).toBe('clauselint: c.md: not a DOCX, not annotated\n');
    expect(many.code).toBe(1);
    expect(readdirSync(join(cwd, 'reviewed')).sort()).toEqual(['a.docx', 'b.docx']);
    expect(readBack(readFileSync(join(cwd, 'reviewed', 'a.docx'))).comments.size).toBeGreaterThan(0);

    const self = await run(['--annotate', '.', 'a.docx'], cwd); // the copy would be ./a.docx: the input
    expect(self.code).toBe(2);
    expect(self.err).toContain('refusing to overwrite an input file');
    expect(Buffer.compare(readFileSync(join(cwd, 'a.docx')), a)).toBe(0);

    const onlyMd = await run(['--annotate', 'x.docx', 'c.md'], cwd);
    expect(onlyMd.code).toBe(2);
    expect(onlyMd.err).toContain('no DOCX file to annotate');
  });
});

// ---------------------------------------------------------------------------
// LibreOffice as an independent reader of the annotated file.

const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
const SKIP_LO = SOFFICE ? '' : ' (skipped: LibreOffice (soffice) not installed — apt-get install libreoffice-writer-nogui)';
if (!SOFFICE) console.warn('annotate.test.ts: LibreOffice check skipped: soffice not installed');

function soffice(args: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args, '--outdir', outDir], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    void rm(profile, { recursive: true, force: true });
  }
}

/** Each paragraph of a flat ODT with the comments LibreOffice attached to it. */
function odtParagraphs(fodt: string): Array<{ text: string; comments: Array<{ creator: string; paragraphs: string[] }> }> {
  const out: Array<{ text: string; comments: Array<{ creator: string; paragraphs: string[] }> }> = [];
  const stack: string[] = [];
  let host: (typeof out)[number] | null = null;
  let hostDepth = 0;
  let ann: { creator: string; paragraphs: string[] } | null = null;
  let annPara: string | null = null;
  let inCreator = false;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    stack.push(t.name);
    if (ann) {
      if (t.name === 'text:p') annPara = '';
      if (t.name === 'dc:creator') inCreator = true;
      return;
    }
    if ((t.name === 'text:p' || t.name === 'text:h') && !host && stack.includes('office:body')) {
      host = { text: '', comments: [] };
      hostDepth = stack.length;
    } else if (t.name === 'office:annotation' && host) {
      ann = { creator: '', paragraphs: [] };
    } else if (host && t.name === 'text:s') {
      host.text += ' '.repeat(Number((t.attributes as Record<string, string>)['text:c'] ?? 1));
    } else if (host && t.name === 'text:tab') {
      host.text += '\t';
    }
  });
  p.on('text', (s) => {
    if (ann) {
      if (inCreator) ann.creator += s;
      else if (annPara !== null) annPara += s;
    } else if (host) {
      host.text += s;
    }
  });
  p.on('closetag', (t) => {
    if (ann) {
      if (t.name === 'dc:creator') inCreator = false;
      if (t.name === 'text:p' && annPara !== null) {
        ann.paragraphs.push(annPara);
        annPara = null;
      }
      if (t.name === 'office:annotation') {
        host!.comments.push(ann);
        ann = null;
      }
    } else if (host && stack.length === hostDepth && (t.name === 'text:p' || t.name === 'text:h')) {
      out.push(host);
      host = null;
    }
    stack.pop();
  });
  p.write(fodt).close();
  return out;
}

describe.skipIf(!SOFFICE)(`the annotated DOCX in LibreOffice${SKIP_LO}`, () => {
  let report: FileReport;
  let lo: string;

  beforeAll(async () => {
    report = await lintFile(sampleDocx, 'sample-outsourcing.docx');
    lo = mkdtempSync(join(dir, 'lo-'));
    mkdirSync(join(lo, 'in'));
    writeFileSync(join(lo, 'in', 'original.docx'), readFileSync(sampleDocx));
    writeFileSync(join(lo, 'in', 'annotated.docx'), annotateDocx(readFileSync(sampleDocx), report.findings, { date: new Date('2025-06-01T12:00:00Z') }).bytes);
    soffice(['--convert-to', 'txt:Text', join(lo, 'in', 'original.docx'), join(lo, 'in', 'annotated.docx')], join(lo, 'txt'));
    soffice(['--convert-to', 'fodt', join(lo, 'in', 'annotated.docx')], join(lo, 'fodt'));
  }, 240_000);

  it('opens it with the same text as the original', () => {
    const original = readFileSync(join(lo, 'txt', 'original.txt'), 'utf8');
    const annotated = readFileSync(join(lo, 'txt', 'annotated.txt'), 'utf8');
    expect(original).toContain('8.9 Personal Data Breach.');
    expect(annotated).toBe(original);
  });

  it('shows every comment, by clauselint, on the paragraph the finding concerns', () => {
    const paras = odtParagraphs(readFileSync(join(lo, 'fodt', 'annotated.fodt'), 'utf8'));
    const docxParas = readBack(readFileSync(join(lo, 'in', 'annotated.docx'))).paragraphs;
    expect(paras.length).toBe(docxParas.length);
    const commented = paras.flatMap((p, i) => p.comments.map((c) => ({ paragraph: i + 1, text: p.text, ...c })));
    expect(commented.length).toBe(report.findings.length);
    for (const f of report.findings) {
      const c = commented.find((x) => x.paragraphs[0] === `${f.ruleId} (${f.severity === 'warn' ? 'warning' : f.severity}): ${f.message}`);
      expect(c, `${f.ruleId}: ${f.message}`).toBeDefined();
      expect(c!.creator).toBe('clauselint');
      const expected = isDocumentLevel(f) ? 1 : f.line;
      expect(c!.paragraph, f.ruleId).toBe(expected);
      expect(norm(c!.text)).toBe(norm(docxParas[expected - 1]!.text));
    }
  });
});
