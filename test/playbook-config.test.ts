import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from '../src/config/schema.js';
import { ROOT, runCli } from './helpers.js';

const run = runCli;

const CLEAN = `# Services Agreement

## 1. Data

**1.1 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within 24 hours.

## 2. Liability

**2.1 Cap.** Except for fraud or breach of confidentiality, each party's total liability shall not exceed the fees paid in the 12 months before the claim.

## 3. Law

**3.1 Law.** This Agreement is governed by the laws of England and Wales.
`;
const WEAK = CLEAN.replace('within 24 hours', 'without undue delay');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-playbook-'));
});

function write(rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

function json(out: string): { files: Array<{ path: string; findings: Array<Record<string, unknown>>; clauses: Array<{ id: string; status: string; values: Record<string, unknown> }>; errorCount: number; warningCount: number; suppressedCount: number }> } {
  return JSON.parse(out);
}

describe('config validation (JSON Schema)', () => {
  const cases: Array<[string, unknown, string]> = [
    ['an unknown key', { rulez: {} }, 'rulez: unknown key (expected "extends", "rules", "overrides", "packs", "ignores", "customClauses", "plugins", "waivers", "maxFileSize", "timeout")'],
    ['a string for a list', { ignores: 'README.md' }, 'ignores: must be a list'],
    ['a number in extends', { extends: [1] }, 'extends[0]: must be a string'],
    ['an override without files', { overrides: [{ rules: { insurance: 'off' } }] }, 'overrides[0]: missing required key "files"'],
    ['an empty files list', { overrides: [{ files: [], rules: {} }] }, 'overrides[0].files: must not be empty'],
    ['an unknown key in an override', { overrides: [{ files: '*.md', rule: {} }] }, 'overrides[0].rule: unknown key (expected "files", "excludedFiles", "rules")'],
    ['an unknown rule in an override', { overrides: [{ files: '*.md', rules: { nope: 'warn' } }] }, 'overrides[0].rules.nope: unknown rule'],
    ['a bad option in an override', { overrides: [{ files: '*.md', rules: { 'breach-notification': ['error', { maxHours: -1 }] } }] }, 'overrides[0].rules.breach-notification: maxHours must be > 0'],
    ['an unknown preset', { extends: 'outsourcing-plus' }, 'extends: unknown preset "outsourcing-plus"'],
    ['a missing extends file', { extends: ['recommended', './base.yaml'] }, 'extends[1]: cannot find "./base.yaml"'],
    ['a missing clause folder', { customClauses: 'clauses' }, 'customClauses: cannot read the folder "clauses"'],
    ['a missing plugin', { plugins: ['./rules/x.mjs'] }, 'plugins[0]: cannot find the plugin "./rules/x.mjs"'],
    ['a missing waivers file', { waivers: 'waivers.yaml' }, 'waivers: cannot find "waivers.yaml"'],
  ];
  for (const [name, config, message] of cases) {
    it(`${name}: exit 2, naming the file and the key`, async () => {
      write('c/clauselint.config.json', JSON.stringify(config));
      const r = await run([write('c/a.md', CLEAN)], dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim()).toContain(`clauselint: c/clauselint.config.json: ${message}`);
    });
  }

  it('names the file that is wrong, also an extended one, in YAML too', async () => {
    write('c/.clauselintrc.yaml', 'extends: [./team.yaml]\n');
    write('c/team.yaml', 'extends: outsourcing\nrules:\n  insurance: lots\n');
    const r = await run([write('c/a.md', CLEAN)], dir);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('clauselint: c/team.yaml: rules.insurance: severity must be "off", "warn" or "error" (got "lots")');

    write('d/.clauselintrc.yaml', 'extends: ./a.yaml\n');
    write('d/a.yaml', 'extends: ./b.yaml\n');
    write('d/b.yaml', 'extends: ./a.yaml\n');
    const cycle = await run([write('d/x.md', CLEAN)], dir);
    expect(cycle.code).toBe(2);
    expect(cycle.err).toContain('extends: circular extends: d/a.yaml → d/b.yaml → d/a.yaml');
  });

  it('publishes the schema it validates with, and the files are in step with the source', () => {
    for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
      const file = JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'));
      expect(file, `schema/${name} is stale: run npm run schema`).toEqual(JSON.parse(JSON.stringify(schema)));
      expect(() => new Ajv({ strict: false }).compile(file)).not.toThrow();
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema');
    // The README's example config is valid.
    const validate = new Ajv({ strict: false }).compile(SCHEMA_FILES['clauselint.config.schema.json']!);
    expect(validate({ extends: ['outsourcing', './legal/base.yaml'], rules: { 'breach-notification': ['error', { maxHours: 24 }], insurance: 'off' }, overrides: [{ files: 'legacy/**', rules: { 'exit-assistance': 'warn' } }], ignores: ['README.md'], customClauses: 'clauselint/clauses', plugins: ['./clauselint/rules/x.mjs'], waivers: 'clauselint/waivers.yaml' })).toBe(true);
  });
});

describe('extends, overrides and ignores', () => {
  it('extends a preset, a file and an npm package, in order; overrides by glob; ignores files', async () => {
    write('node_modules/@acme/clauselint-config/package.json', JSON.stringify({ name: '@acme/clauselint-config', type: 'module', exports: { '.': { import: './index.mjs' } } }));
    write('node_modules/@acme/clauselint-config/index.mjs', "export default { rules: { 'breach-notification': ['error', { maxHours: 12 }] } };\n");
    write('repo/legal/base.yaml', 'rules:\n  governing-law: off\n');
    write('repo/clauselint.config.yaml', [
      'extends: [recommended, ./legal/base.yaml, "@acme/clauselint-config"]',
      'overrides:',
      '  - files: "legacy/**"',
      '    rules:',
      '      breach-notification: warn',
      'ignores: [README.md, drafts/]',
      '',
    ].join('\n'));
    write('repo/contracts/a.md', CLEAN.replace('\n## 3. Law\n\n**3.1 Law.** This Agreement is governed by the laws of England and Wales.\n', ''));
    write('repo/legacy/b.md', CLEAN);
    write('repo/README.md', WEAK);
    write('repo/drafts/c.md', WEAK);
    const r = await run(['-f', 'json', '.'], join(dir, 'repo'));
    const files = json(r.out).files;
    expect(files.map((f) => f.path)).toEqual(['contracts/a.md', 'legacy/b.md']);
    // The package's threshold (12 hours) applies; governing-law is off (base.yaml) though recommended enables it.
    const own = (f: Record<string, unknown>): boolean => ['breach-notification', 'governing-law', 'liability-cap'].includes(f.ruleId as string);
    expect(files[0]!.findings.filter(own).map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['breach-notification', 'error', 'Breach notice 24 hours exceeds the 12-hour threshold.'],
    ]);
    expect(files[0]!.clauses.map((c) => c.id)).not.toContain('governing-law');
    // The override keeps the package's options and lowers the severity.
    expect(files[1]!.findings.filter(own).map((f) => [f.ruleId, f.severity])).toEqual([['breach-notification', 'warn']]);
    expect(r.code).toBe(1);
  });

  it('an ignored file named on the command line is skipped quietly (pre-commit passes every .md file)', async () => {
    write('clauselint.config.json', JSON.stringify({ ignores: ['README.md'] }));
    const r = await run(['README.md'], dir).catch(() => null);
    expect(r?.code).toBe(0); // README.md does not even exist: it is not read
    write('README.md', WEAK);
    const r2 = await run(['README.md'], dir);
    expect(r2).toEqual({ code: 0, out: '', err: '' });
  });
});

const ISO_CLAUSE = `# vendor must hold ISO 27001
id: iso-27001
title: ISO 27001 certification
description: The Supplier must hold ISO/IEC 27001 certification for the Services throughout the term.
severity: error
find:
  terms: [ISO 27001, ISO/IEC 27001]
  in: body
weak:
  phrases: [reasonable efforts, endeavour, aim to]
  number:
    unit: days
    max: 30
ask: Ask for the Supplier to hold ISO/IEC 27001 certification covering the Services throughout the term, and to notify the Customer within 30 days of any lapse.
`;

describe('custom clauses (YAML, no code)', () => {
  it('finds the clause, reports it missing or weak, applies thresholds from the file and from rule options', async () => {
    write('p/clauselint.config.yaml', 'extends: recommended\ncustomClauses: clauselint/clauses\n');
    write('p/clauselint/clauses/iso-27001.yaml', ISO_CLAUSE);
    write('p/missing.md', CLEAN);
    write('p/weak.md', `${CLEAN}\n## 4. Security\n\n**4.1 Certification.** The Supplier shall use reasonable efforts to maintain ISO 27001 certification.\n`);
    write('p/late.md', `${CLEAN}\n## 4. Security\n\n**4.1 Certification.** The Supplier shall maintain ISO/IEC 27001 certification and shall notify the Customer within sixty (60) days of any lapse.\n`);
    write('p/good.md', `${CLEAN}\n## 4. Security\n\n**4.1 Certification.** The Supplier shall maintain ISO/IEC 27001 certification and shall notify the Customer within 10 days of any lapse.\n`);
    const r = await run(['-f', 'json', 'missing.md', 'weak.md', 'late.md', 'good.md'], join(dir, 'p'));
    expect(r.err).toBe('');
    const byPath = Object.fromEntries(json(r.out).files.map((f) => [f.path, f]));
    const iso = (p: string): Array<unknown> => byPath[p]!.findings.filter((f) => f.ruleId === 'iso-27001').map((f) => [f.severity, f.message, f.line, f.section]);
    expect(iso('missing.md')).toEqual([['error', 'Missing ISO 27001 certification clause.', 1, null]]);
    expect(iso('weak.md')).toEqual([['error', 'Weak ISO 27001 certification clause: says "reasonable efforts".', 17, { number: '4.1', heading: 'Certification' }]]);
    expect(iso('late.md')).toEqual([['error', 'Weak ISO 27001 certification clause: 60 days, more than the 30-day limit.', 17, { number: '4.1', heading: 'Certification' }]]);
    expect(iso('good.md')).toEqual([]);
    expect(byPath['late.md']!.clauses.find((c) => c.id === 'iso-27001')).toMatchObject({ status: 'weak', values: { days: 60 } });
    expect(byPath['good.md']!.clauses.find((c) => c.id === 'iso-27001')).toMatchObject({ status: 'present', values: { days: 10 } });
    expect(r.code).toBe(1);

    // The config's rule options override the file's threshold; a custom clause can be set to warn or off like any rule.
    write('p/clauselint.config.yaml', 'extends: recommended\ncustomClauses: clauselint/clauses\nrules:\n  iso-27001: [warn, { max: 90 }]\n');
    const r2 = await run(['-f', 'json', 'late.md'], join(dir, 'p'));
    expect(json(r2.out).files[0]!.findings.filter((f) => f.ruleId === 'iso-27001')).toEqual([]);
    write('p/clauselint.config.yaml', 'extends: recommended\ncustomClauses: clauselint/clauses\nrules:\n  iso-27001: [warn, { max: 7 }]\n');
    const r3 = await run(['weak.md', 'late.md', 'good.md'], join(dir, 'p'));
    expect(r3.out).toContain('warning  § 4.1 Certification  Weak ISO 27001 certification clause: 10 days, more than the 7-day limit.  iso-27001');
    expect(r3.out).toContain('→ Ask for the Supplier to hold ISO/IEC 27001 certification');
  });

  it('headings scope, same-section terms, patterns; the rule shows in `rules` and `explain`; errors name the clause file', async () => {
    write('p/clauselint.config.json', JSON.stringify({ extends: 'recommended', customClauses: ['clauses'] }));
    write('p/clauses/soc.json', JSON.stringify([{
      id: 'soc2-report', title: 'SOC 2 report', ask: 'Ask for a SOC 2 Type II report every year.',
      find: { patterns: ['SOC\\s*2'], headings: ['audit', 'assurance'], sameSection: ['type ii'] },
      weak: { number: { unit: 'months', required: true } },
    }]));
    write('p/a.md', `${CLEAN}\n## 4. Audit\n\n**4.1 Reports.** The Supplier shall provide its SOC 2 Type II report.\n\n## 5. Other\n\n**5.1** A SOC 2 report is mentioned here.\n`);
    const r = await run(['-f', 'json', 'a.md'], join(dir, 'p'));
    expect(json(r.out).files[0]!.findings.filter((f) => f.ruleId === 'soc2-report').map((f) => [f.message, (f.section as { number: string }).number]))
      .toEqual([['Weak SOC 2 report clause: no number of months.', '4.1']]);

    const rules = await run(['rules'], join(dir, 'p'));
    expect(rules.code).toBe(0);
    expect(rules.out).toMatch(/soc2-report \(custom\)\s+warn\s+enabled by the config\s+warn/);
    const explain = await run(['explain', 'soc2-report'], join(dir, 'p'));
    expect(explain.out).toContain('# soc2-report');
    expect(explain.out).toContain('Custom clause** defined in `clauses/soc.json`');
    expect(explain.out).toContain('sameSection:');

    write('p/clauses/soc.json', JSON.stringify([{ id: 'soc2-report', title: 'SOC 2', ask: 'x', find: { patterns: ['SOC(2'] } }]));
    const bad = await run(['a.md'], join(dir, 'p'));
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('clauselint: clauses/soc.json: [0].find.patterns[0]: invalid regular expression: /SOC(2/iu: Unterminated group');
    write('p/clauses/soc.json', JSON.stringify({ id: 'audit-rights', title: 'Audit', ask: 'x', find: { terms: ['audit'] } }));
    const clash = await run(['a.md'], join(dir, 'p'));
    expect(clash.err.trim()).toBe('clauselint: clauses/soc.json: id: "audit-rights" is a built-in rule');
  });
});

describe('rule plugins', () => {
  const PLUGIN = `export const rules = [{
  meta: {
    id: 'no-auto-renewal',
    description: 'The agreement must not renew automatically.',
    defaultSeverity: 'warn',
    messages: { renews: 'The agreement renews automatically{extra}.' },
    schema: { type: 'object', properties: { extra: { type: 'string' } }, additionalProperties: false },
    defaultOptions: { extra: '' },
    ask: 'Ask for renewal by written agreement only.',
  },
  check(ctx) {
    for (const s of ctx.analysed.sentences) {
      if (/automatically renew/i.test(s.text)) ctx.report({ messageId: 'renews', at: s, data: { extra: ctx.options.extra } });
    }
  },
}];
`;
  it('loads the modules named in the config, with the built-in rule interface and options', async () => {
    write('p/clauselint.config.yaml', 'plugins: [./rules/renewal.mjs]\nrules:\n  no-auto-renewal: [error, { extra: " (see 9.1)" }]\n');
    write('p/rules/renewal.mjs', PLUGIN);
    write('p/rules/not-named.mjs', 'throw new Error("must not be loaded");\n');
    write('p/a.md', `${CLEAN}\n## 4. Term\n\n**4.1 Renewal.** This Agreement shall automatically renew for successive one-year terms.\n`);
    const r = await run(['a.md'], join(dir, 'p'));
    expect(r.err).toBe('');
    expect(r.out).toContain('17:1  error    § 4.1 Renewal  The agreement renews automatically (see 9.1).  no-auto-renewal');
    expect(r.code).toBe(1);
    const sarif = JSON.parse((await run(['-f', 'sarif', 'a.md'], join(dir, 'p'))).out);
    expect(sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'no-auto-renewal').shortDescription.text).toBe('The agreement must not renew automatically.');

    write('p/clauselint.config.yaml', 'plugins: [./rules/renewal.mjs]\nrules:\n  no-auto-renewal: [error, { extras: 1 }]\n');
    const badOpt = await run(['a.md'], join(dir, 'p'));
    expect(badOpt.err.trim()).toBe('clauselint: clauselint.config.yaml: rules.no-auto-renewal: unknown option "extras"');

    write('p/rules/broken.mjs', 'export const rules = [{ meta: { id: "Bad Id", messages: {} }, check() {} }];\n');
    write('p/clauselint.config.yaml', 'plugins: [./rules/broken.mjs]\n');
    const broken = await run(['a.md'], join(dir, 'p'));
    expect(broken.code).toBe(2);
    expect(broken.err.trim()).toBe('clauselint: clauselint.config.yaml: plugins[0]: "./rules/broken.mjs": rule 1: meta.id must be a lower-case rule id such as "no-auto-renewal"');
  });
});
