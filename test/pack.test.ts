/**
 * Contract packs (`--pack`): a generated three-document pack (scripts/make-docx-fixtures.ts, PACK) linted as one
 * contract through the built bin, against the same files linted alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFixtures, PACK, parseFixtureMarkdown, renderDocx } from '../scripts/make-docx-fixtures.js';
import { runCli } from './helpers.js';

const CORE = 'Core Terms.docx';
const DEFS = 'Joint Schedule 1 - Definitions.docx';
const EXIT = 'Call-Off Schedule 10 (Exit Management).docx';
const FILES = [CORE, DEFS, EXIT];

interface Json {
  files: Array<{ path: string; clauses: Array<{ id: string; status: string }>; findings: Array<{ ruleId: string; messageId: string; message: string }> }>;
  packs?: Array<{ name: string; main: string; files: string[]; clauses: Array<{ id: string; status: string; file: string | null; section: { number: string | null } | null }> }>;
}

let dir: string;
let alone: Json;
let pack: Json;

const findings = (j: Json, file: string, rule: string): string[] => j.files.find((f) => f.path === file)!.findings.filter((f) => f.ruleId === rule).map((f) => f.message);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-pack-'));
  await buildPackFixtures(dir);
  alone = JSON.parse((await runCli(['-p', 'outsourcing', '-f', 'json', ...FILES], dir)).out) as Json;
  const r = await runCli(['--pack', '-p', 'outsourcing', '-f', 'json', ...FILES], dir);
  expect(r.err).toBe('');
  pack = JSON.parse(r.out) as Json;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a pack is one contract', () => {
  it('reports the pack in JSON: name, main document, files, and each clause with the document it comes from', () => {
    expect(alone.packs).toBeUndefined();
    expect(pack.packs).toHaveLength(1);
    const p = pack.packs![0]!;
    expect(p.main).toBe(CORE);
    expect(p.files).toEqual(FILES);
    expect(p.clauses.find((c) => c.id === 'exit-assistance')).toMatchObject({ status: 'present', file: EXIT, section: { number: '2.1' } });
    expect(p.clauses.find((c) => c.id === 'governing-law')).toMatchObject({ status: 'present', file: CORE });
    expect(p.clauses.find((c) => c.id === 'insurance')).toMatchObject({ status: 'missing', file: null });
  });

  it('takes a clause from the schedule that carries it, and reports a missing clause once, at the main document', () => {
    expect(alone.files.find((f) => f.path === CORE)!.clauses.find((c) => c.id === 'exit-assistance')!.status).not.toBe('present');
    expect(pack.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'exit-assistance')).toEqual([]);
    expect(alone.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'insurance')).toHaveLength(3);
    expect(findings(pack, CORE, 'insurance')).toEqual(['Missing insurance clause.']);
    expect(findings(pack, DEFS, 'insurance')).toEqual([]);
    // Each file keeps its own clause statuses.
    expect(pack.files.find((f) => f.path === EXIT)!.clauses.find((c) => c.id === 'exit-assistance')!.status).toBe('present');
  });

  it('shares the definitions schedule with every document; a term a schedule defines for itself stays its own', () => {
    // Alone, the core terms define nothing themselves and are not judged; in the pack they use the schedule's terms.
    expect(findings(alone, CORE, 'undefined-term')).toEqual([]);
    const undefinedInCore = findings(pack, CORE, 'undefined-term');
    expect(undefinedInCore).toEqual(expect.arrayContaining([expect.stringContaining('"Change Request"'), expect.stringContaining('"Termination Assistance Period"')]));
    expect(undefinedInCore.join(' ')).not.toMatch(/"(?:Buyer|Supplier|Deliverables|Exit Plan|Working Days|Personal Data Breach)"/);
    expect(findings(pack, EXIT, 'undefined-term')).toEqual([]);
  });

  it('judges the definitions schedule against the whole pack: a term no document uses is unused, one defined twice a duplicate', () => {
    expect(findings(alone, DEFS, 'unused-definition')).toEqual([]);
    expect(findings(pack, DEFS, 'unused-definition')).toEqual(['"Dormant Account" is defined but never used.']);
    expect(findings(alone, DEFS, 'duplicate-definition')).toEqual([]);
    expect(findings(pack, DEFS, 'duplicate-definition')).toEqual(['"Supplier" is defined again; the pack already defines it in Core Terms.docx.']);
    expect(findings(pack, EXIT, 'duplicate-definition')).toEqual([]);
  });

  it('resolves references to the pack\'s documents, checks their paragraphs, and reports a missing document once', () => {
    const broken = pack.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'broken-cross-reference').map((x) => `${f.path}: ${x.message}`));
    expect(broken).toEqual([
      `${CORE}: Call-Off Schedule 22 is referred to but is not in the pack (2 references).`,
      `${CORE}: Paragraph 9.9 does not exist in Call-Off Schedule 10.`,
    ]);
    expect(broken.join(' ')).not.toMatch(/Joint Schedule 1|paragraph 2\.1/i);
  });

  it('takes packs from the config (`packs`: a name and globs); a file in no pack is linted alone', async () => {
    const cfg = mkdtempSync(join(dir, 'repo-'));
    await buildPackFixtures(join(cfg, 'acme'));
    writeFileSync(join(cfg, 'acme', 'side-letter.md'), '# Side letter\n\n1. The fees are [TBD].\n');
    writeFileSync(join(cfg, 'clauselint.config.yaml'), 'extends: outsourcing\npacks:\n  - name: acme call-off\n    files: ["acme/*.docx"]\n');
    const r = await runCli(['-f', 'json', 'acme'], cfg);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as Json;
    expect(j.packs!.map((p) => [p.name, p.files.length, p.main])).toEqual([['acme call-off', 3, 'acme/Core Terms.docx']]);
    expect(j.files.map((f) => f.path).sort()).toEqual([...FILES.map((f) => `acme/${f}`), 'acme/side-letter.md'].sort());
    expect(findings(j, 'acme/side-letter.md', 'insurance')).toEqual(['Missing insurance clause.']);
    expect(findings(j, 'acme/Core Terms.docx', 'insurance')).toEqual(['Missing insurance clause.']);
    expect(findings(j, `acme/${DEFS}`, 'insurance')).toEqual([]);
    const bad = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(bad, 'clauselint.config.yaml'), 'packs:\n  - files: ["*.docx"]\n');
    writeFileSync(join(bad, 'a.md'), '# A\n');
    const e = await runCli(['a.md'], bad);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/^clauselint: clauselint\.config\.yaml: packs\[0\]: /);
  });

  it('compares two drafts of a pack (two folders): resolved findings and clause status changes across its files', async () => {
    const old = join(dir, 'v1');
    const next = join(dir, 'v2');
    await buildPackFixtures(old);
    await buildPackFixtures(next);
    const insured = `${PACK[CORE]!}\n## 6. Insurance\n\n6.1 The Supplier shall maintain professional indemnity insurance and public liability insurance of not less than £5,000,000 for each claim, with a reputable insurer, throughout the Contract and for six years after it, and shall give the Buyer a copy of each policy on request.\n`;
    writeFileSync(join(next, CORE), await renderDocx(parseFixtureMarkdown(insured)));
    const r = await runCli(['compare', '-p', 'outsourcing', '-f', 'json', 'v1', 'v2'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as { findings: { resolved: Array<{ old: { ruleId: string; section: { number: string } | null } }>; new: unknown[] }; clauses: Array<{ id: string; old: string; new: string }> };
    expect(c.clauses).toContainEqual(expect.objectContaining({ id: 'insurance', old: 'missing', new: 'present' }));
    expect(c.findings.resolved.map((x) => x.old.ruleId)).toContain('insurance');
    expect(c.findings.new).toEqual([]);
    const outline = await runCli(['outline', '--pack', ...FILES], dir);
    expect(outline.out).toMatch(/^pack [^\n]+: 3 files, main Core Terms\.docx\n\nCore Terms\.docx/);
  });

  it('groups the pack in stylish, and gives it one coverage column in Markdown and HTML', async () => {
    const stylish = await runCli(['--pack', '-p', 'outsourcing', ...FILES], dir);
    expect(stylish.code).toBe(1);
    expect(stylish.out).toMatch(/^pack [^\n]+: 3 files, main Core Terms\.docx\n {2}clauses: \d+ present/);
    const md = (await runCli(['--pack', '-p', 'outsourcing', '-f', 'markdown', ...FILES], dir)).out;
    expect(md).toMatch(/## Pack [^\n]+\n\n3 files, read as one contract; main document Core Terms\.docx\./);
    expect(md).toMatch(/\| Exit assistance \(`exit-assistance`\) \| [^|]*present[^|]* \| Call-Off Schedule 10 \(Exit Management\)\.docx \| § 2\.1 Exit \|/);
    expect(md.match(/### Coverage/g)).toHaveLength(1);
    const html = (await runCli(['--pack', '-p', 'outsourcing', '-f', 'html', ...FILES], dir)).out;
    expect(html.match(/<th scope="col" class="file"/g)).toHaveLength(1);
    expect(html).toMatch(/<th scope="col" class="file" data-file="[^"]+">pack [^<]+ \(3 files\)<\/th>/);
  });
});
