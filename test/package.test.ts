/**
 * The package a user installs, tested as a user runs it: `npm pack`, the tarball installed into an
 * empty project (its own node_modules, no path back into this repository), and every flow the
 * README documents run there with the installed `clauselint` bin. Then every command of the
 * README's user sections is extracted and run in that project (see readmeSections below).
 *
 * This is the test that fails when the shipped artefact breaks while src/ is fine: the esbuild
 * bundle once lost the named exports of CommonJS packages imported on demand (`parse is not a
 * function` on every YAML config), which no test of src/ could see.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures } from '../scripts/make-docx-fixtures.js';
import { ROOT, cliEnv, runCli, type CliResult } from './helpers.js';
import { startServe } from './serve-helpers.js';
import { textPdf } from '../scripts/make-pdf-fixtures.js';

const SAMPLE = readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

let tmp = '';
/** The user's project: package.json, node_modules/clauselint from the tarball. */
let project = '';
let installedBin = '';
let docx = '';

/** npm, quietly and from the cache when it can (CI's `npm ci` has just filled it). */
function npm(args: string[], cwd: string): string {
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', env: cliEnv() });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'clauselint-package-'));
  // test/global-setup.ts has built dist/; pack what `files` in package.json ships.
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT)) as Array<{ filename: string }>;
  const tarball = join(tmp, packed[0]!.filename);
  project = join(tmp, 'contracts-repo');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'contracts-repo', private: true }, null, 2)}\n`);
  // A shareable config package, as the README's `extends: "@acme/clauselint-config"` names one.
  const acme = join(tmp, 'acme-clauselint-config');
  mkdirSync(acme);
  writeFileSync(join(acme, 'package.json'), JSON.stringify({ name: '@acme/clauselint-config', version: '1.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(join(acme, 'index.js'), "export default { rules: { 'termination-for-convenience': 'off' } };\n");
  npm(['install', tarball, acme], project);
  installedBin = join(project, 'node_modules', 'clauselint', 'bin', 'clauselint.js');
  [docx] = (await buildDocxFixtures(join(tmp, 'docx'))) as [string];
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder inside the user's project (node_modules is found upwards, as in a real repository). */
function folder(name: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = join(project, name);
  mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** The installed bin, by the path npm linked it to. */
function cl(args: string[], cwd: string): Promise<CliResult> {
  return runCli(args, cwd, { bin: join(project, 'node_modules', '.bin', 'clauselint') });
}

const json = (r: CliResult): { files: Array<{ path: string; clauses: Array<{ id: string; status: string }>; findings: Array<{ ruleId: string; message: string; suppressed: { kind: string } | null }> }>; errorCount: number } => JSON.parse(r.out);
const SAFE = SAMPLE.replace('without undue delay after becoming aware', 'within 24 hours after becoming aware');

describe('the installed package', () => {
  it('ships the bundle, the rule docs and the schemas, and nothing of the sources or tests', () => {
    const pkg = join(project, 'node_modules', 'clauselint');
    expect(existsSync(installedBin)).toBe(true);
    expect(existsSync(join(pkg, 'rules', 'audit-rights.md'))).toBe(true);
    expect(existsSync(join(pkg, 'schema', 'clauselint.config.schema.json'))).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(existsSync(join(pkg, 'test'))).toBe(false);
    expect(readdirSync(join(pkg, 'dist', 'src', 'cli')).some((f) => f.endsWith('.ts'))).toBe(false);
  });

  it('init writes a YAML config that the next lint reads', async () => {
    const dir = folder('init', { 'contract.md': SAMPLE });
    const init = await cl(['init', 'outsourcing'], dir);
    expect(init).toMatchObject({ code: 0, err: '' });
    expect(init.out).toMatch(/^Wrote clauselint\.config\.yaml \(preset outsourcing, \d+ rules\)\.\n$/);
    const lint = await cl(['-f', 'json', 'contract.md'], dir);
    expect(lint.err).toBe('');
    expect(lint.code).toBe(1);
    expect(json(lint).files[0]!.clauses.map((c) => c.id)).toContain('rto-rpo'); // the outsourcing playbook
  });

  it('a YAML config: extends (a file and a preset), rule options, overrides, ignores; and a YAML .clauselintrc', async () => {
    const dir = folder('yaml-config', {
      'legal/base.yaml': 'extends: outsourcing\nrules:\n  insurance: off\n',
      'clauselint.config.yaml': [
        'extends: [./legal/base.yaml]',
        'rules:',
        '  breach-notification: [error, { maxHours: 12 }]',
        'overrides:',
        '  - files: "legacy/**"',
        '    rules:',
        '      exit-assistance: off',
        'ignores: ["drafts/**"]',
        '',
      ].join('\n'),
      'msa.md': SAFE,
      'legacy/old.md': SAFE,
      'drafts/wip.md': SAMPLE,
      'team/.clauselintrc': 'extends: gdpr-dpa\n',
      'team/dpa.md': SAFE,
    });
    const r = await cl(['-f', 'json', 'msa.md', 'legacy/old.md', 'drafts/wip.md', 'team/dpa.md'], dir);
    expect(r.err).toBe('');
    const report = json(r);
    expect(report.files.map((f) => f.path)).toEqual(['msa.md', 'legacy/old.md', 'team/dpa.md']);
    const [msa, legacy, dpa] = report.files as [(typeof report.files)[0], (typeof report.files)[0], (typeof report.files)[0]];
    expect(msa.findings.map((f) => f.message)).toContain('Breach notice 24 hours exceeds the 12-hour threshold.');
    expect(msa.clauses.map((c) => c.id)).not.toContain('insurance');
    expect(msa.clauses.map((c) => c.id)).toContain('exit-assistance');
    expect(legacy.clauses.map((c) => c.id)).not.toContain('exit-assistance');
    expect(dpa.clauses.map((c) => c.id).sort()).toEqual(['audit-rights', 'breach-notification', 'data-return-deletion', 'gdpr-processor-terms', 'gdpr-reference', 'international-transfers', 'security-standards', 'subcontracting']);
  });

  it('a YAML custom clause, a YAML waivers file and an .mjs plugin', async () => {
    const dir = folder('custom', {
      'clauselint.config.yaml': 'extends: outsourcing\ncustomClauses: clauses\nplugins: [./rules/no-auto-renewal.mjs]\nwaivers: waivers.yaml\n',
      'clauses/iso-27001.yaml': 'id: iso-27001\ntitle: ISO 27001 certification\ndescription: The vendor holds ISO 27001.\nseverity: error\nfind:\n  terms: [ISO 27001]\nask: Ask for ISO/IEC 27001 certification.\n',
      'waivers.yaml': 'waivers:\n  - rule: audit-rights\n    files: "*.md"\n    reason: SOC 2 report accepted\n    approver: Legal\n    expires: 2099-12-31\n',
      'rules/no-auto-renewal.mjs': "export const rules = [{ meta: { id: 'no-auto-renewal', description: 'No automatic renewal.', defaultSeverity: 'warn', messages: { renews: 'Renews automatically.' }, schema: { type: 'object', properties: {}, additionalProperties: false } }, check(context) { for (const s of context.analysed.sentences) if (/renew automatically/i.test(s.text)) context.report({ messageId: 'renews', at: s }); } }];\n",
      'msa.md': `${SAMPLE}\n## 30. Renewal\n\n**30.1 Renewal.** This Agreement shall renew automatically for further periods of one year.\n`,
    });
    const r = await cl(['-f', 'json', 'msa.md'], dir);
    expect(r.err).toBe('');
    const findings = json(r).files[0]!.findings;
    expect(findings.find((f) => f.ruleId === 'iso-27001')?.message).toBe('Missing ISO 27001 certification clause.');
    expect(findings.find((f) => f.ruleId === 'no-auto-renewal')?.message).toBe('Renews automatically.');
    expect(findings.filter((f) => f.ruleId === 'audit-rights').map((f) => f.suppressed?.kind)).toEqual(['waiver']);
    const rules = await cl(['rules', '-f', 'json'], dir);
    const listed = (JSON.parse(rules.out) as { rules: Array<{ id: string; origin: string }> }).rules;
    expect(listed.find((x) => x.id === 'iso-27001')?.origin).toBe('custom');
    expect(listed.find((x) => x.id === 'no-auto-renewal')?.origin).toBe('plugin');
  });

  it('rules, explain and outline', async () => {
    const dir = folder('info', { 'msa.md': SAMPLE });
    const rules = await cl(['rules', '--preset', 'outsourcing'], dir);
    expect(rules.code).toBe(0);
    expect(rules.out).toMatch(/\nrto-rpo\s+error\s+outsourcing\s+error\s+operational\n/);
    const explain = await cl(['explain', 'audit-rights'], dir);
    expect(explain.out).toBe(readFileSync(join(ROOT, 'rules', 'audit-rights.md'), 'utf8'));
    const outline = await cl(['outline', 'msa.md'], dir);
    expect(outline.code).toBe(0);
    expect(outline.out).toMatch(/^msa\.md — Call Centre Outsourcing Master Services Agreement\n {2}1 Definitions and Interpretation {2}\d+:1\n/);
    const docxOutline = await cl(['outline', '--format', 'json', docx], dir);
    expect(docxOutline.out).toContain('"number": "8.9"');
  });

  it('every report format, to stdout and with -o', async () => {
    const dir = folder('formats', { 'msa.md': SAMPLE });
    const starts: Record<string, RegExp> = {
      stylish: /^msa\.md\n/,
      json: /^\{\n {2}"files": \[/,
      sarif: /"version": "2\.1\.0"/,
      markdown: /^# Clause gap report\n/,
      html: /^<!doctype html>/,
    };
    for (const [format, start] of Object.entries(starts)) {
      const out = await cl(['--preset', 'outsourcing', '-f', format, 'msa.md'], dir);
      expect(out.code, format).toBe(1);
      expect(out.out, format).toMatch(start);
      const file = await cl(['--preset', 'outsourcing', '-f', format, '-o', `report.${format}`, 'msa.md'], dir);
      expect(file, format).toMatchObject({ code: 1, out: '', err: '' });
      expect(readFileSync(join(dir, `report.${format}`), 'utf8'), format).toBe(out.out);
    }
  });

  it('--annotate writes the DOCX with the findings as Word comments', async () => {
    const dir = folder('annotate', { 'msa.docx': readFileSync(docx) });
    const r = await cl(['--preset', 'outsourcing', '--annotate', 'msa-reviewed.docx', 'msa.docx'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const zip = unzipSync(new Uint8Array(readFileSync(join(dir, 'msa-reviewed.docx'))));
    const comments = strFromU8(zip['word/comments.xml']!);
    expect(comments).toContain('w:author="clauselint"');
    expect(comments).toContain('breach-notification');
    expect(readFileSync(join(dir, 'msa.docx')).equals(readFileSync(docx))).toBe(true);
  });

  it('a PDF: read from its text layer (pdf.js installed as a dependency), findings on their page', async () => {
    const dir = folder('pdf', { 'terms.pdf': await textPdf(['SERVICES AGREEMENT', '1. DATA', '1.1 The Supplier shall notify the Customer of any Personal Data Breach promptly.', '2. FEES', '2.1 The fees are [TBD].']) });
    const r = await cl(['-f', 'json', 'terms.pdf'], dir);
    expect(r.err).toBe('');
    const report = JSON.parse(r.out) as { files: Array<{ format: string; findings: Array<{ ruleId: string; page?: number }> }> };
    expect(report.files[0]!.format).toBe('pdf');
    expect(report.files[0]!.findings.find((f) => f.ruleId === 'placeholder')?.page).toBe(1);
    const outline = await cl(['outline', 'terms.pdf'], dir);
    expect(outline.out).toContain('    1.1  p.1:3\n');
  });

  it('serve: the page, a DOCX annotated through the API, and the config found where it started', async () => {
    const dir = folder('serve', { 'clauselint.config.yaml': 'extends: outsourcing\n' });
    const s = await startServe([], dir, join(project, 'node_modules', '.bin', 'clauselint'));
    try {
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script src="/app.js" defer></script>');
      expect((await fetch(`${s.url}/app.js`)).status).toBe(200);
      expect(await (await fetch(`${s.url}/api/playbooks`)).json()).toMatchObject({ config: 'clauselint.config.yaml' });
      const res = await fetch(`${s.url}/api/annotate?preset=config&filename=msa.docx`, { method: 'POST', body: readFileSync(docx) as BodyInit });
      expect(res.status).toBe(200);
      const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(strFromU8(zip['word/comments.xml']!)).toContain('breach-notification');
    } finally {
      expect(await s.stop()).toBe(0);
    }
    expect(s.stderr()).toBe('');
  });

  it('compare: what the new draft resolved', async () => {
    const dir = folder('compare', { 'v1.md': SAMPLE, 'v2.md': SAFE });
    const r = await cl(['compare', '--preset', 'outsourcing', 'v1.md', 'v2.md'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^v1\.md → v2\.md\n/);
    expect(r.out).toMatch(/Resolved \(\d+\)\n.*breach-notification/);
    expect(r.out).toContain('breach-notification  weak → present  § 8.9 Personal Data Breach');
  });

  it('--cache, --write-baseline then a lint with the baseline, and --workers 2', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 4; i++) files[`contracts/msa-${i}.md`] = i % 2 ? SAMPLE : SAFE;
    const dir = folder('batch', files);
    const first = await cl(['-f', 'json', '--cache', 'contracts'], dir);
    expect(existsSync(join(dir, '.clauselintcache'))).toBe(true);
    const second = await cl(['-f', 'json', '--cache', 'contracts'], dir);
    expect(second.out).toBe(first.out);
    const two = await cl(['-f', 'json', '--workers', '2', 'contracts'], dir);
    expect(two.out).toBe(first.out);
    expect(two.err).toBe('');

    const write = await cl(['--write-baseline', 'contracts'], dir);
    expect(write.code).toBe(0);
    expect(write.err).toMatch(/^clauselint: wrote \d+ findings in 4 files to \.clauselint-baseline\.json\n$/);
    expect(await cl(['contracts'], dir)).toMatchObject({ code: 0, out: '', err: '' });
    const baselined = json(await cl(['-f', 'json', 'contracts'], dir));
    expect(baselined.errorCount).toBe(0);
    expect(baselined.files[0]!.findings.every((f) => f.suppressed?.kind === 'baseline')).toBe(true);
  });

  it('the pre-commit hook: its entry with the staged contract files, from the repository root', async () => {
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ entry: string; files: string }>;
    const hook = hooks[0]!;
    const dir = folder('precommit', {
      'clauselint.config.yaml': 'extends: recommended\nignores: [README.md]\n',
      'README.md': '# Contracts\n\nPrices: [TBD].\n',
      'contracts/msa.md': SAMPLE,
      'contracts/msa.docx': readFileSync(docx),
      'contracts/notes.csv': 'a,b\n',
    });
    const staged = ['README.md', 'contracts/msa.docx', 'contracts/msa.md', 'contracts/notes.csv'].filter((f) => new RegExp(hook.files).test(f));
    expect(staged).toEqual(['README.md', 'contracts/msa.docx', 'contracts/msa.md']);
    // pre-commit installs the package and runs `entry` from the repository root with the staged files.
    const r = spawnSync(hook.entry, staged, { cwd: dir, encoding: 'utf8', env: cliEnv({ PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` }) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('contracts/msa.docx');
    expect(r.stdout).toContain('contracts/msa.md');
    expect(r.stdout).not.toContain('README.md');
  });
});

// ---------------------------------------------------------------------------------------------
// The README's commands. In the sections below, fenced blocks are read in order:
// - a `sh` block: each line is a command, run with bash in the section's folder of the installed
//   project, with node_modules/.bin on the PATH (as npx and npm scripts have it). Each command
//   states its exit code in its comment ("# exit 1"); a command without one fails this test, so a
//   new example cannot go unchecked. A command commented "# until Ctrl-C" (`clauselint serve`) is
//   started with --no-open, must answer on the address it prints, and must stop cleanly at Ctrl-C. `npm test` is the one command not run here: it is this suite.
// - a block without a language right after a `sh` block (nothing but blank lines between) is the
//   output of the block's last command.
//   Its shape must appear in the output, line after line in order: spaces collapsed, numbers free
//   (the counts change as the detectors do), a line ending in "…" (or "…”") a prefix, a line "…" skipped.
// - a block whose first line is a comment naming a file (`# clauselint/waivers.yaml`,
//   `// clauselint/rules/no-auto-renewal.mjs`) is written to that path first.
// The files the examples refer to without showing them are SUPPORT below, and the bundled sample
// is at fixtures/sample-outsourcing.md in every section's folder, as in a clone.
// ---------------------------------------------------------------------------------------------

const SECTIONS = ['Quick start', 'Usage', 'Configuration', 'Custom clauses', 'Suppressions', 'Baseline'];
const NOT_RUN = new Set(['npm test']);

interface Block {
  lang: string;
  body: string;
  /** Only blank lines between this block and the one before it. */
  adjacent: boolean;
}

/** The fenced blocks of each `## ` section (its `###` subsections included). */
function readmeSections(text: string): Map<string, Block[]> {
  const sections = new Map<string, Block[]>();
  let current: Block[] | null = null;
  let adjacent = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      current = [];
      sections.set(heading[1]!.trim(), current);
      adjacent = false;
      continue;
    }
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) {
      if (line.trim() !== '') adjacent = false;
      continue;
    }
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    current?.push({ lang: fence[1]!, body: body.join('\n'), adjacent });
    adjacent = true;
  }
  return sections;
}

/** The file a block is written to, from a first line such as `# clauselint.config.yaml`. */
function fileOfBlock(block: Block): string | null {
  if (block.lang === 'sh' || block.lang === '' || block.lang === 'text') return null;
  const first = /^(?:#|\/\/)\s*([\w@./-]+\.(?:ya?ml|json|mjs|js|md))\s*(?:\(|$)/.exec(block.body.split('\n')[0]!);
  return first ? first[1]! : null;
}

function fileBlocks(): Map<string, string> {
  const files = new Map<string, string>();
  for (const blocks of readmeSections(README).values()) {
    for (const b of blocks) {
      const path = fileOfBlock(b);
      if (path) files.set(path, `${b.body}\n`);
    }
  }
  return files;
}

const HOSTING = `# Hosting Agreement

## 1. Services

**1.1 Services.** The Supplier shall host the Customer's application.

## 2. Fees

**2.1 Fees.** The Customer shall pay the fees monthly in arrears.

## 3. Term

**3.1 Term.** This Agreement starts on the Effective Date and continues for three years.

## 4. Certification

**4.1 Certification.** The Supplier shall use reasonable efforts to maintain ISO 27001 certification and notify the Customer within sixty (60) days of any lapse.
`;

/** What a section's examples refer to without showing it, by section. */
function support(section: string): Record<string, string> {
  const readmeFiles = fileBlocks();
  const fromReadme = (path: string): string => {
    const text = readmeFiles.get(path);
    if (text === undefined) throw new Error(`README.md shows no file ${path}`);
    return text;
  };
  switch (section) {
    case 'Configuration':
      return {
        'legal/base.yaml': 'rules:\n  audit-rights: warn\n',
        'legacy/old-msa.md': SAMPLE,
        'clauselint/clauses/iso-27001.yaml': fromReadme('clauselint/clauses/iso-27001.yaml'),
        'clauselint/rules/no-auto-renewal.mjs': fromReadme('clauselint/rules/no-auto-renewal.mjs'),
        'clauselint/waivers.yaml': fromReadme('clauselint/waivers.yaml'),
        'README.md': '# Our contracts\n\nPrices: [TBD].\n',
      };
    case 'Custom clauses':
      return { 'contracts/msa.md': SAMPLE, 'contracts/hosting.md': HOSTING };
    case 'Suppressions':
      return { 'clauselint.config.yaml': 'extends: outsourcing\nwaivers: clauselint/waivers.yaml\n', 'contracts/acme/msa.md': SAMPLE };
    case 'Baseline':
      return { 'contracts/msa.md': SAMPLE };
    default:
      return {};
  }
}

/** A line of output as the shape check compares it. */
const shape = (line: string): string => line.replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();

function expectShape(output: string, expected: string, command: string): void {
  const actual = output.split('\n').map(shape);
  let at = 0;
  for (const want of expected.split('\n').map(shape)) {
    if (want === '' || want === '…') continue;
    const cut = /\s*…["”]?$/.exec(want);
    const prefix = cut ? want.slice(0, cut.index) : null;
    const found = actual.findIndex((line, i) => i >= at && (prefix === null ? line === want : line.startsWith(prefix)));
    expect(found, `README output of \`${command}\`: no line "${want}" after line ${at} in\n${output}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

/**
 * A README command that runs until Ctrl-C (`clauselint serve`): started with --no-open in its own process group,
 * it must print its address and answer there; then Ctrl-C (SIGINT to the group, as a terminal sends it) must end
 * it cleanly: clauselint exits 0 (npx, around it, ends by the signal, as a shell shows after Ctrl-C), nothing on
 * stderr.
 */
async function untilCtrlC(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn('bash', ['-c', `${command} --no-open`], { cwd, env, detached: true });
  const exited = new Promise<string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? `exit ${code}`)));
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const m = /^clauselint: serving on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`\`${command}\` exited with ${code} before serving: ${out}${err}`)));
  });
  try {
    expect((await fetch(`${url}/`)).status).toBe(200);
    const lint = await fetch(`${url}/api/lint?preset=outsourcing&filename=sample.md`, { method: 'POST', body: SAMPLE });
    expect((await lint.json() as { files: Array<{ path: string }> }).files[0]!.path).toBe('sample.md');
  } finally {
    process.kill(-child.pid!, 'SIGINT');
  }
  const end = await exited;
  expect(['exit 0', 'SIGINT'], `${command} after Ctrl-C`).toContain(end);
  expect(err, command).toBe('');
}

describe('the README, run against the installed package', () => {
  const sections = readmeSections(README);

  it('has the sections it is checked by', () => {
    for (const name of SECTIONS) expect(sections.has(name), name).toBe(true);
  });

  for (const name of SECTIONS) {
    it(`runs every command of "${name}" with its documented exit code and output`, async () => {
      const dir = folder(`readme-${name.toLowerCase().replace(/\W+/g, '-')}`, { 'fixtures/sample-outsourcing.md': SAMPLE, ...support(name) });
      const env = cliEnv({ PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' });
      let ran = 0;
      let last: { command: string; out: string } | null = null;
      for (const block of sections.get(name) ?? []) {
        const file = fileOfBlock(block);
        if (file) {
          mkdirSync(dirname(join(dir, file)), { recursive: true });
          writeFileSync(join(dir, file), `${block.body}\n`);
          continue;
        }
        if (block.lang === '' && block.adjacent && last) {
          expectShape(last.out, block.body, last.command);
          last = null;
          continue;
        }
        if (block.lang !== 'sh') {
          last = null;
          continue;
        }
        for (const line of block.body.split('\n')) {
          const [command, comment = ''] = line.split(/\s+#\s/, 2).map((s) => s.trim()) as [string, string?];
          if (command === '' || command.startsWith('#') || NOT_RUN.has(command)) continue;
          if (/^until Ctrl-C$/.test(comment)) {
            await untilCtrlC(command, dir, env);
            ran++;
            continue;
          }
          const exit = /\bexit (\d)\b/.exec(comment);
          expect(exit, `README command without "# exit N": ${line}`).not.toBeNull();
          const r = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', env });
          expect(r.status, `\`${command}\` in "${name}": ${r.stderr}`).toBe(Number(exit![1]));
          if (r.status !== 2) expect(r.stderr.replace(/^clauselint: wrote .*\n/, ''), command).toBe('');
          last = { command, out: r.stdout };
          ran++;
        }
      }
      expect(ran, `commands run in "${name}"`).toBeGreaterThan(0);
    }, 120_000);
  }

});
