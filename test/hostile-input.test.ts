/**
 * Hostile and broken input (issue 10): every bad input is generated here, in a
 * temporary folder (no committed binaries), and linted in one batch with good
 * files. Each bad file gets its own one-line error, the run exits 2, and the
 * good files are still linted and reported.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { docx, p, zip } from './ooxml-fixture.js';
import { buildPdfFixtures, pdfBomb, textPdf } from '../scripts/make-pdf-fixtures.js';

const CONTRACT = `# Services Agreement

## 1. Data

**1.1 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.

## 2. Fees

**2.1 Fees.** The fees are [TBD].
`;

const GOOD_DOCX = docx({ body: [
  p('Master Services Agreement', { style: 'Title' }),
  p('1. Data', { style: 'Heading1' }),
  p('1.1 The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.'),
  p('2. Fees', { style: 'Heading1' }),
  p('2.1 The fees are [TBD].'),
].join('') });

const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
};

/** A DOCX whose word/document.xml declares `size` bytes in the central directory. */
function withDeclaredSize(bytes: Uint8Array, size: number): Buffer {
  const b = Buffer.from(bytes);
  const cd = b.lastIndexOf(Buffer.from('word/document.xml')) - 46;
  expect(b.readUInt32LE(cd)).toBe(0x02014b50);
  b.writeUInt32LE(size, cd + 24);
  return b;
}

const DOCUMENT_XML = (body: string): string =>
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

/** Every bad input, with the exact problem reported for it. Order = batch order. */
const BAD: Array<{ name: string; bytes: () => Uint8Array | string | null | Promise<Uint8Array>; problem: string }> = [
  { name: 'empty.md', bytes: () => '', problem: 'empty file' },
  { name: 'empty.docx', bytes: () => '', problem: 'empty file' },
  { name: 'blank.txt', bytes: () => '  \n\n\t\n', problem: 'empty file' },
  { name: 'not-a-zip.docx', bytes: () => 'this is not a zip archive, just text', problem: 'not a DOCX: not a zip archive' },
  { name: 'truncated.docx', bytes: () => GOOD_DOCX.subarray(0, 200), problem: 'unreadable DOCX: not a complete zip file (truncated, or not a zip)' },
  { name: 'no-document.docx', bytes: () => zip([['notes.txt', 'not a Word document'], ['[Content_Types].xml', '<Types/>']]), problem: 'not a DOCX: the zip has no word/document.xml' },
  {
    name: 'password-protected.docx',
    // An OLE compound file (what Word writes for an encrypted .docx, and for a legacy .doc): signature, then a 512-byte header's worth.
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016, 0xff)]),
    problem: 'not a DOCX: an OLE compound file (legacy .doc or a password-protected document)',
  },
  {
    name: 'legacy-word97.docx',
    bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(24), Buffer.from([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff]), Buffer.alloc(2042)]),
    problem: 'not a DOCX: an OLE compound file (legacy .doc or a password-protected document)',
  },
  { name: 'legacy.doc', bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), problem: 'unsupported file type (expected .docx, .pdf, .md, .markdown or .txt)' },
  { name: 'scan.docx', bytes: () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n', 'latin1'), problem: 'not a DOCX: a PDF file' },
  { name: 'saved-as-rtf.docx', bytes: () => '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} \\f0\\fs24 Services Agreement\\par}', problem: 'not a DOCX: an RTF file' },
  { name: 'zip-bomb.docx', bytes: () => withDeclaredSize(zip([['word/document.xml', DOCUMENT_XML('<w:p/>'.repeat(200_000))]]), 1000), problem: 'unreadable DOCX: word/document.xml decompresses to more than the 1000 bytes the zip declares' },
  { name: 'huge-part.docx', bytes: () => withDeclaredSize(zip([['word/document.xml', DOCUMENT_XML('<w:p/>')]]), 200 * 1024 * 1024), problem: 'unreadable DOCX: word/document.xml would decompress to 200 MB (limit 128 MB per part)' },
  {
    name: 'billion-laughs.docx',
    bytes: () => zip([['word/document.xml', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>${DOCUMENT_XML('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>')}`]]),
    problem: 'unreadable DOCX: word/document.xml: declares a DTD, which is refused',
  },
  { name: 'malformed-xml.docx', bytes: () => zip([['word/document.xml', DOCUMENT_XML('<w:p><w:r>')]]), problem: 'unreadable DOCX: word/document.xml: unexpected close tag.' },
  { name: 'latin1.md', bytes: () => Buffer.from('# Contrat\n\nLe Fournisseur notifie le Client dans les d\xe9lais.\n', 'latin1'), problem: 'not valid UTF-8 text: it looks like Windows-1252 ("ANSI"), save it as UTF-8' },
  { name: 'word-ansi.txt', bytes: () => Buffer.from('SERVICES AGREEMENT\r\n\r\n1. The Supplier shall provide the \x93Services\x94 \x96 see Schedule 1.\r\n', 'latin1'), problem: 'not valid UTF-8 text: it looks like Windows-1252 ("ANSI"), save it as UTF-8' },
  { name: 'other-8-bit.txt', bytes: () => Buffer.from('SERVICES AGREEMENT\n\n1. \x81\x8d The Supplier\n', 'latin1'), problem: 'not valid UTF-8 text' },
  { name: 'odd-utf16.txt', bytes: () => Buffer.concat([utf16le('SUPPLY AGREEMENT\n'), Buffer.from([0x41])]), problem: 'not valid UTF-16 LE text: an odd number of bytes' },
  { name: 'surrogate-utf16.md', bytes: () => Buffer.concat([utf16be('# Agreement\n\n'), Buffer.from([0xd8, 0x00, 0x00, 0x41])]), problem: 'not valid UTF-16 BE text: an unpaired surrogate' },
  { name: 'binary.md', bytes: () => Buffer.concat([Buffer.from('# Agreement\n\n'), Buffer.from([0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47].map((x) => x & 0x7f))]), problem: 'binary data in a text file' },
  { name: 'big.md', bytes: () => `# Agreement\n\n${'The Supplier shall perform the Services. '.repeat(600)}\n`, problem: 'file is larger than the 0.01 MB limit' },
  { name: 'empty.pdf', bytes: () => '', problem: 'empty file' },
  { name: 'not-a-pdf.pdf', bytes: () => 'Terms of Service, saved as text with the wrong extension', problem: 'not a PDF: no %PDF header (damaged, or another kind of file)' },
  { name: 'damaged.pdf', bytes: () => pdfFixture('damaged.pdf'), problem: 'damaged PDF: its structure cannot be read' },
  { name: 'encrypted.pdf', bytes: () => pdfFixture('encrypted.pdf'), problem: 'password-protected PDF: save a copy without the password first' },
  { name: 'scanned.pdf', bytes: () => pdfFixture('scanned.pdf'), problem: 'no text layer: a scanned PDF needs OCR first' },
  { name: 'missing.md', bytes: () => null, problem: 'no such file' },
];

/** The generated PDF fixtures (scripts/make-pdf-fixtures.ts), built once. */
let pdfFixtures: Promise<string> | null = null;
async function pdfFixture(name: string): Promise<Uint8Array> {
  pdfFixtures ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), 'clauselint-pdf-fixtures-'));
    await buildPdfFixtures(out);
    return out;
  })();
  return readFileSync(join(await pdfFixtures, name));
}

const GOOD = ['good.md', 'good.docx', 'windows-utf16le.md', 'utf16be.txt', 'good.pdf'];

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-hostile-'));
  writeFileSync(join(dir, 'good.pdf'), await textPdf(['SERVICES AGREEMENT', '1. DATA', '1.1 The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.', '2. FEES', '2.1 The fees are [TBD].']));
  writeFileSync(join(dir, 'good.md'), CONTRACT);
  writeFileSync(join(dir, 'good.docx'), GOOD_DOCX);
  writeFileSync(join(dir, 'windows-utf16le.md'), utf16le(CONTRACT.replace(/\n/g, '\r\n')));
  writeFileSync(join(dir, 'utf16be.txt'), utf16be('SERVICES AGREEMENT\n\n1. DATA\n\n1.1 The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.\n\n2. FEES\n\n2.1 The fees are [TBD].\n'));
  for (const b of BAD) {
    const bytes = await b.bytes();
    if (bytes !== null) writeFileSync(join(dir, b.name), bytes);
  }
});

interface JsonReport {
  files: Array<{ path: string; format: string; findings: Array<{ ruleId: string; line: number }>; clauses: Array<{ id: string; status: string }> }>;
  failures: Array<{ path: string; error: string }>;
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BATCH = (): string[] => [GOOD[0]!, ...BAD.map((b) => b.name), ...GOOD.slice(1)];

describe('one batch of every bad input with good files', () => {
  it('reports each bad file on its own line with its problem, exits 2, and lints every good file', async () => {
    const r = await runCli(['-f', 'json', '--workers', '1', '--max-file-size', '0.01', ...BATCH()], dir);
    expect(r.code).toBe(2);
    const lines = r.err.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(BAD.length);
    for (const [i, b] of BAD.entries()) {
      expect(lines[i]).toBe(`clauselint: ${b.name}: ${b.problem}`);
    }
    const json = JSON.parse(r.out) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(GOOD);
    expect(json.failures.map((f) => f.path)).toEqual(BAD.map((b) => b.name));
    expect(json.failures.find((f) => f.path === 'scan.docx')?.error).toBe('not a DOCX: a PDF file');
    for (const f of json.files) {
      // Each good file was read and linted: its placeholder is found, its breach clause is present.
      expect(f.findings.map((x) => x.ruleId), f.path).toContain('placeholder');
      expect(f.clauses.find((c) => c.id === 'breach-notification')?.status, f.path).toBe('present');
    }
  });

  it('gives byte-identical JSON and SARIF across runs and with 1 or 2 workers', async () => {
    const args = ['--max-file-size', '0.01', ...BATCH()];
    const json1 = await runCli(['-f', 'json', '--workers', '1', ...args], dir);
    const json2 = await runCli(['-f', 'json', '--workers', '2', ...args], dir);
    const again = await runCli(['-f', 'json', '--workers', '2', ...args], dir);
    expect(json2.out).toBe(json1.out);
    expect(again.out).toBe(json1.out);
    expect(json2.err).toBe(json1.err);
    expect(json2.code).toBe(2);
    const sarif1 = await runCli(['-f', 'sarif', '--workers', '1', ...args], dir);
    const sarif2 = await runCli(['-f', 'sarif', '--workers', '2', ...args], dir);
    const sarifAgain = await runCli(['-f', 'sarif', '--workers', '1', ...args], dir);
    expect(sarif2.out).toBe(sarif1.out);
    expect(sarifAgain.out).toBe(sarif1.out);
    const sarif = JSON.parse(sarif1.out) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual([...GOOD].sort());
  });
});

describe('bad inputs one by one', () => {
  it('refuses a PDF bomb (680 KB of Flate streams that inflate to 600 MB) before pdf.js inflates it, and lints the rest', async () => {
    writeFileSync(join(dir, 'bomb.pdf'), pdfBomb(600));
    const r = await runCli(['-f', 'json', 'bomb.pdf', 'good.pdf'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('clauselint: bomb.pdf: PDF streams decompress to more than 512 MB (a PDF bomb?)\n');
    const json = JSON.parse(r.out) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(['good.pdf']);
    expect(json.files[0]!.format).toBe('pdf');
  });

  it('a UTF-16 (BOM) Markdown file reads as its UTF-8 twin: same findings and clauses', async () => {
    const utf8 = JSON.parse((await runCli(['-f', 'json', 'good.md'], dir)).out) as JsonReport;
    const utf16 = JSON.parse((await runCli(['-f', 'json', 'windows-utf16le.md'], dir)).out) as JsonReport;
    expect(utf16.files[0]!.findings.map((f) => [f.ruleId, f.line])).toEqual(utf8.files[0]!.findings.map((f) => [f.ruleId, f.line]));
    expect(utf16.files[0]!.clauses).toEqual(utf8.files[0]!.clauses);
  });

  it('the size limit: 50 MB by default, --max-file-size MB, or the config key maxFileSize (the option wins)', async () => {
    const sub = join(dir, 'limited');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'clauselint.config.json'), JSON.stringify({ maxFileSize: 0.001 }));
    writeFileSync(join(sub, 'contract.md'), `${CONTRACT}\n${'The Supplier shall perform the Services. '.repeat(40)}\n`);
    const byConfig = await runCli(['-f', 'json', 'limited/contract.md', 'good.md'], dir);
    expect(byConfig.code).toBe(2);
    expect(byConfig.err).toBe('clauselint: limited/contract.md: file is larger than the 0.001 MB limit\n');
    expect((JSON.parse(byConfig.out) as JsonReport).files.map((f) => f.path)).toEqual(['good.md']);
    const byOption = await runCli(['-f', 'json', '--max-file-size', '1', 'limited/contract.md'], dir);
    expect(byOption.err).toBe('');
    expect((JSON.parse(byOption.out) as JsonReport).files.map((f) => f.path)).toEqual(['limited/contract.md']);
    // outline reads with the same option
    const outline = await runCli(['outline', '--max-file-size', '0.001', 'limited/contract.md'], dir);
    expect(outline).toMatchObject({ code: 2, err: 'clauselint: limited/contract.md: file is larger than the 0.001 MB limit\n' });
  });

  it('checks the size before reading: a 3 GB (sparse) scan is refused at once under the default 50 MB limit', async () => {
    const scan = join(dir, 'scan-3gb.docx');
    writeFileSync(scan, '');
    truncateSync(scan, 3 * 1024 ** 3); // sparse: no disk used; reading it whole would fail past 2 GB
    const r = await runCli(['-f', 'json', 'scan-3gb.docx', 'good.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('clauselint: scan-3gb.docx: file is larger than the 50 MB limit\n');
    expect((JSON.parse(r.out) as JsonReport).files.map((f) => f.path)).toEqual(['good.md']);
  });

  it('rejects bad --max-file-size, --timeout and config values as usage or config errors', async () => {
    for (const [opt, value, msg] of [
      ['--max-file-size', '0', '--max-file-size needs a size in MB greater than 0 (got "0")'],
      ['--max-file-size', 'big', '--max-file-size needs a size in MB greater than 0 (got "big")'],
      ['--timeout', '-1', '--timeout needs a number of seconds (0: no limit; got "-1")'],
      ['--timeout', '', '--timeout needs a number of seconds (0: no limit; got "")'],
    ] as const) {
      const r = await runCli([`${opt}=${value}`, 'good.md'], dir);
      expect(r).toMatchObject({ code: 2, err: `clauselint: ${msg}\n` });
    }
    const sub = join(dir, 'badconfig');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'clauselint.config.json'), JSON.stringify({ maxFileSize: 0, timeout: 'soon' }));
    writeFileSync(join(sub, 'a.md'), CONTRACT);
    const r = await runCli(['badconfig/a.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^clauselint: badconfig\/clauselint\.config\.json: (maxFileSize: must be > 0|timeout: must be a number)\n$/);
  });

  it('a FIFO or a directory named as a file is reported, not waited on', async () => {
    const { execFileSync } = await import('node:child_process');
    let fifo = true;
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    } catch {
      fifo = false; // no mkfifo here: the directory case still runs
    }
    mkdirSync(join(dir, 'folder.md'), { recursive: true });
    const r = await runCli(['-f', 'json', ...(fifo ? ['pipe.md'] : []), 'good.md'], dir);
    if (fifo) expect(r.err).toBe('clauselint: pipe.md: not a regular file\n');
    expect((JSON.parse(r.out) as JsonReport).files.map((f) => f.path)).toEqual(['good.md']);
  });
});

/** A rule plugin that takes `ms` milliseconds of CPU (a stand-in for a pathological stage). */
function slowPlugin(ms: number): string {
  return `export const rules = [{
  meta: {
    id: 'slow-rule', description: 'Takes its time.', defaultSeverity: 'warn',
    messages: { slow: 'slow' }, schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check() {
    const end = Date.now() + ${ms};
    while (Date.now() < end) { /* busy: no checkpoint can run meanwhile */ }
  },
}];
`;
}

describe('per-file timeout', () => {
  it('in-process (--workers 1): a file that overruns fails with "timed out after N s" at the next checkpoint; the batch goes on', async () => {
    const sub = join(dir, 'slow-inprocess');
    mkdirSync(sub, { recursive: true });
    // The rule takes 400 ms against a 0.05 s budget: the checkpoint after it always fires.
    writeFileSync(join(sub, 'slow.mjs'), slowPlugin(400));
    writeFileSync(join(sub, 'clauselint.config.json'), JSON.stringify({ plugins: ['./slow.mjs'], timeout: 0.05 }));
    writeFileSync(join(sub, 'contract.md'), CONTRACT);
    const r = await runCli(['-f', 'json', '--workers', '1', 'slow-inprocess/contract.md', 'good.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('clauselint: slow-inprocess/contract.md: timed out after 0.05 s\n');
    const json = JSON.parse(r.out) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(['good.md']);
    expect(json.failures).toEqual([{ path: 'slow-inprocess/contract.md', error: 'timed out after 0.05 s' }]);
    // --timeout 0 lifts the limit (and the option wins over the config).
    const unlimited = await runCli(['-f', 'json', '--workers', '1', '--timeout', '0', 'slow-inprocess/contract.md'], dir);
    expect(unlimited.err).toBe('');
    expect((JSON.parse(unlimited.out) as JsonReport).files.map((f) => f.path)).toEqual(['slow-inprocess/contract.md']);
  });

  it('on worker threads: a file stuck in one stage is stopped (the worker is terminated) and the other files are reported', async () => {
    const sub = join(dir, 'slow-worker');
    mkdirSync(sub, { recursive: true });
    // Ten minutes of CPU in one call: only terminating the worker ends it within the test's time.
    writeFileSync(join(sub, 'stuck.mjs'), slowPlugin(600_000));
    writeFileSync(join(sub, 'clauselint.config.json'), JSON.stringify({ plugins: ['./stuck.mjs'], timeout: 1 }));
    writeFileSync(join(sub, 'contract.md'), CONTRACT);
    const r = await runCli(['-f', 'json', '--workers', '2', 'good.md', 'slow-worker/contract.md', 'good.docx'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('clauselint: slow-worker/contract.md: timed out after 1 s\n');
    const json = JSON.parse(r.out) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(['good.md', 'good.docx']);
    expect(json.files.every((f) => f.findings.some((x) => x.ruleId === 'placeholder'))).toBe(true);
  });
});
