import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log, Result } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { buildDocxFixtures } from '../scripts/make-docx-fixtures.js';
import { main } from '../src/cli/main.js';
import type { FileReport } from '../src/lint/types.js';
import { artifactUri, formatSarif } from '../src/report/sarif.js';
import { ROOT } from './helpers.js';
import { META, fileReport, finding, lintFile, lintSource } from './report-helpers.js';

/*
 * The SARIF 2.1.0 schema from npm: no package ships OASIS's own
 * sarif-schema-2.1.0.json, so this is Microsoft's copy of the final 2.1.0
 * schema (rtm.5, the one the SARIF SDK validates with), shipped in
 * @microsoft/jest-sarif. It is draft-04, hence ajv-draft-04.
 */
const require = createRequire(import.meta.url);
const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let validate: Validate;
let dir: string;
let md: FileReport;
let docx: FileReport;

beforeAll(async () => {
  const { default: Ajv04 } = (await import('ajv-draft-04')) as unknown as { default: new (o: object) => { compile(s: object): Validate } };
  const { default: addFormats } = (await import('ajv-formats')) as unknown as { default: (ajv: unknown) => void };
  // unicodeRegExp: false — the rtm.5 schema's `language` pattern has a stray `]`
  // (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), legal only without the `u` flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

  dir = mkdtempSync(join(tmpdir(), 'clauselint-sarif-'));
  await buildDocxFixtures(dir);
  md = await lintFile(join(ROOT, 'fixtures', 'sample-outsourcing.md'), 'fixtures/sample-outsourcing.md');
  docx = await lintFile(join(dir, 'sample-outsourcing.docx'), 'contracts/Sample Outsourcing (v2).docx');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? null, JSON.stringify(validate.errors, null, 2)).toBeNull();
  expect(ok).toBe(true);
}

const results = (log: Log): Result[] => log.runs[0]!.results!;

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema (Markdown, DOCX, an unreadable file)', () => {
    const log = JSON.parse(formatSarif([md, docx], { ...META, failures: [{ path: 'broken.docx', error: 'not a DOCX: not a zip archive' }] })) as Log;
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(results(log).length).toBe(md.findings.length + docx.findings.length);
    expect(log.runs[0]!.invocations![0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'broken.docx: not a DOCX: not a zip archive' } }],
    });
  });

  it('the validator is not a rubber stamp: a malformed log fails', () => {
    const log = JSON.parse(formatSarif([md], META)) as Log;
    expectValid(log);
    const bad = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    bad.runs[0]!.results[0]!.level = 'warn'; // SARIF says "warning"
    expect(validate(bad)).toBe(false);
    const noMessage = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    delete noMessage.runs[0]!.results[0]!.message;
    expect(validate(noMessage)).toBe(false);
  });

  it('describes every rule with a stable id, descriptions, help and default level', () => {
    const log = JSON.parse(formatSarif([md], META)) as Log;
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...RULES.keys()]);
    expect(log.runs[0]!.tool.driver).toMatchObject({ name: 'clauselint', version: META.version });
    for (const r of rules) {
      const meta = RULES.get(r.id)!.meta;
      expect(r.shortDescription!.text).toBe(meta.description);
      expect(r.fullDescription!.text.length).toBeGreaterThan(0);
      expect(r.help!.text).toContain(meta.description);
      if (meta.ask) expect(r.help!.text).toContain(meta.ask.replace(/^Ask for /, ''));
      expect(r.help!.text).toContain(meta.url);
      expect(r.defaultConfiguration!.level).toBe(meta.defaultSeverity === 'error' ? 'error' : 'warning');
    }
    for (const res of results(log)) expect(rules[res.ruleIndex!]!.id).toBe(res.ruleId);
  });

  it('Markdown: levels, relative URI, start line and column of every finding', () => {
    const log = JSON.parse(formatSarif([md], META)) as Log;
    const res = results(log);
    res.forEach((r, i) => {
      const f = md.findings[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warn: 'warning', info: 'note' }[f.severity]);
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation).toMatchObject({ uri: 'fixtures/sample-outsourcing.md', uriBaseId: '%SRCROOT%' });
      expect(loc.region).toMatchObject({ startLine: f.line, startColumn: f.column });
    });
    const breach = res.find((r) => r.ruleId === 'breach-notification')!;
    expect(breach.level).toBe('error');
    expect(breach.locations![0]!.physicalLocation!.region!.startLine).toBe(178);
    expect(breach.message.text).toBe('Weak breach-notification clause: no outer time limit, only a vague deadline. — § 8.9 Personal Data Breach');
    const insurance = res.find((r) => r.ruleId === 'insurance')!;
    expect(insurance.level).toBe('warning');
    expect(insurance.message.text).toBe('Missing insurance clause. — (whole document)');
  });

  it('DOCX: the paragraph index as start line, the clause number and heading in the message, an encoded URI', () => {
    const log = JSON.parse(formatSarif([docx], META)) as Log;
    expectValid(log);
    const breach = results(log).find((r) => r.ruleId === 'breach-notification')!;
    const f = docx.findings.find((x) => x.ruleId === 'breach-notification')!;
    const loc = breach.locations![0]!.physicalLocation!;
    expect(loc.region).toEqual({ startLine: f.line, snippet: { text: f.excerpt } });
    expect(loc.artifactLocation!.uri).toBe('contracts/Sample%20Outsourcing%20(v2).docx');
    expect(breach.message.text).toBe(`Weak breach-notification clause: no outer time limit, only a vague deadline. — § 8.9 Personal Data Breach, paragraph ${f.line}`);
    expect(breach.locations![0]!.logicalLocations).toEqual([{ name: '8.9', fullyQualifiedName: '§ 8.9 Personal Data Breach', kind: 'section' }]);
    expect(log.runs[0]!.artifacts![0]!.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('info findings are notes; absolute paths become file URIs', () => {
    const report = fileReport('/srv/contracts/dpa.md', [finding({ ruleId: 'audit-rights', severity: 'info', messageId: 'referenced', line: 12, column: 3 })]);
    const log = JSON.parse(formatSarif([report], META)) as Log;
    expectValid(log);
    expect(results(log)[0]!.level).toBe('note');
    expect(results(log)[0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///srv/contracts/dpa.md', index: 0 });
    expect(artifactUri('a b/c#d.md')).toBe('a%20b/c%23d.md');
    expect(artifactUri('../shared/x.docx')).toBe('../shared/x.docx');
  });

  it('fingerprints follow rule and clause, not the line', async () => {
    const text = readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md'), 'utf8');
    const shifted = await lintSource('fixtures/sample-outsourcing.md', text.replace('\n\n', '\n\nAn added recital.\n\nAnother one.\n\n'));
    const a = results(JSON.parse(formatSarif([md], META)) as Log);
    const b = results(JSON.parse(formatSarif([shifted], META)) as Log);
    const byRule = (rs: Result[], id: string): Result => rs.find((r) => r.ruleId === id)!;
    const before = byRule(a, 'audit-rights');
    const after = byRule(b, 'audit-rights');
    expect(after.locations![0]!.physicalLocation!.region!.startLine).toBe(before.locations![0]!.physicalLocation!.region!.startLine! + 4);
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });

  it('the CLI prints SARIF with URIs relative to the working directory and keeps the exit code', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'clauselint-sarif-cli-'));
    mkdirSync(join(cwd, 'drafts'));
    writeFileSync(join(cwd, 'drafts', 'msa.md'), readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md')));
    let out = '';
    const code = await main(['-f', 'sarif', '-p', 'outsourcing', join(cwd, 'drafts', 'msa.md')], { stdout: (s) => (out += s), stderr: () => {}, cwd, isTTY: false });
    expect(code).toBe(1);
    const log = JSON.parse(out) as Log;
    expectValid(log);
    expect(new Set(results(log).map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri))).toEqual(new Set(['drafts/msa.md']));
  });
});
