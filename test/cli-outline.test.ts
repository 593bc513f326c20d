import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const run = runCli;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-cli-'));
  writeFileSync(join(dir, 'a.md'), '# Services Agreement\n\n## 1. Term\n\n**1.1 Start.** This Agreement starts today.\n\n(a) first;\n\n(b) second.\n');
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'fake.docx'), 'this is not a zip');
  writeFileSync(join(dir, 'c.txt'), 'SUPPLY AGREEMENT\n\n1. DEFINITIONS\n\n1.1 "Product" means the goods.\n');
});

describe('clauselint outline', () => {
  it('prints the documented JSON shape', async () => {
    const r = await run(['outline', '--format', 'json', join(dir, 'a.md')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: Array<Record<string, unknown>> };
    expect(json.files).toEqual([{
      path: join(dir, 'a.md'), format: 'markdown', title: 'Services Agreement',
      sections: [{
        number: '1', heading: 'Term', level: 1, line: 3,
        children: [{
          number: '1.1', heading: 'Start', level: 2, line: 5,
          children: [
            { number: '1.1(a)', heading: null, level: 3, line: 7, children: [] },
            { number: '1.1(b)', heading: null, level: 3, line: 9, children: [] },
          ],
        }],
      }],
    }]);
  });

  it('prints an indented text outline with positions', async () => {
    const r = await run(['outline', join(dir, 'a.md')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  1 Term  3:1\n    1.1 Start  5:1\n      1.1(a)  7:1\n');
  });

  it('reports each bad file on one line, exits 2, and still outlines the good ones', async () => {
    const r = await run(['outline', join(dir, 'empty.md'), join(dir, 'fake.docx'), join(dir, 'missing.md'), join(dir, 'c.txt')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `clauselint: ${join(dir, 'empty.md')}: empty file`,
      `clauselint: ${join(dir, 'fake.docx')}: not a DOCX: not a zip archive`,
      `clauselint: ${join(dir, 'missing.md')}: no such file`,
    ]);
    expect(r.out).toContain('1 DEFINITIONS');
  });

  it('rejects unknown formats and commands with exit 2', async () => {
    expect((await run(['outline', '--format', 'xml', join(dir, 'a.md')])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('prints the version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
