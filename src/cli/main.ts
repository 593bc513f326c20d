import { parseArgs } from 'node:util';
import type { ContractDocument } from '../model.js';
import { type CliIo, readInput, safePath } from './io.js';
import { VERSION } from './version.js';

const HELP = `Usage:
  clauselint [options] [FILE|DIR|GLOB ...]          lint contracts (.docx, .md, .markdown, .txt)
  clauselint outline [--format text|json] FILE...   print the section tree clauselint reads

Options:
  -f, --format NAME      stylish (default) or json; outline: text (default) or json
  -o, --output-file F    write the report to F (atomically) instead of stdout
  -p, --preset NAME      playbook: recommended, outsourcing, gdpr-dpa, hipaa-baa, pci-dss
  -c, --config FILE      use this config file instead of looking for one
      --quiet            report errors only
      --max-warnings N   exit 1 when there are more than N warnings
      --color, --no-color  force or disable colours
  -h, --help             show this help
  -v, --version          print the version

Config files, looked up from each file's folder upwards: clauselint.config.{json,yaml,yml,mjs},
.clauselintrc{,.json,.yaml,.yml,.mjs}, or a "clauselint" key in package.json.

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings;
2 usage, config or unreadable input (the other files are still linted).
`;

interface ReadResult {
  docs: ContractDocument[];
  failures: Array<{ path: string; error: string }>;
}

/** Read every file; a bad one is reported on one line and the batch goes on. */
async function readAll(paths: readonly string[], io: CliIo): Promise<ReadResult> {
  const { resolve } = await import('node:path');
  // Loaded on demand so that --version and --help start fast.
  const { InputError, readDocument } = await import('../read/index.js');
  const docs: ContractDocument[] = [];
  const failures: ReadResult['failures'] = [];
  for (const p of paths) {
    try {
      docs.push(await readDocument(p, await readInput(resolve(io.cwd, p))));
    } catch (err) {
      const problem = err instanceof InputError ? err.problem : `cannot read: ${(err as Error).message.split('\n')[0]}`;
      failures.push({ path: p, error: problem });
      io.stderr(`clauselint: ${safePath(p)}: ${problem}\n`);
    }
  }
  return { docs, failures };
}

async function writeOutput(io: CliIo, file: string | undefined, text: string, inputs: readonly string[]): Promise<boolean> {
  if (file === undefined) {
    io.stdout(text);
    return true;
  }
  const { writeAtomic } = await import('./write.js');
  try {
    await writeAtomic(file, text, inputs, io.cwd);
    return true;
  } catch (err) {
    io.stderr(`clauselint: ${safePath(file)}: ${(err as Error).message}\n`);
    return false;
  }
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        preset: { type: 'string', short: 'p' },
        config: { type: 'string', short: 'c' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`clauselint: ${(err as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(`clauselint: no files given\n\n${HELP}`);
    return 2;
  }
  if (positionals[0] === 'outline') return outline(positionals.slice(1), values, io);
  return lint(positionals, values, io);
}

type Values = {
  format?: string; 'output-file'?: string; preset?: string; config?: string; quiet?: boolean;
  'max-warnings'?: string; color?: boolean; 'no-color'?: boolean;
};

async function outline(files: string[], values: Values, io: CliIo): Promise<number> {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`clauselint: unknown outline format "${safePath(format)}" (expected text or json)\n`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr('clauselint: outline needs at least one file\n');
    return 2;
  }
  const { docs, failures } = await readAll(files, io);
  const { formatOutlineJson, formatOutlineText } = await import('../report/outline.js');
  const ok = await writeOutput(io, values['output-file'], format === 'json' ? formatOutlineJson(docs) : formatOutlineText(docs), files);
  return failures.length > 0 || !ok ? 2 : 0;
}

async function lint(patterns: string[], values: Values, io: CliIo): Promise<number> {
  const format = values.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') {
    io.stderr(`clauselint: unknown format "${safePath(format)}" (expected stylish or json)\n`);
    return 2;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings)) {
      io.stderr(`clauselint: --max-warnings needs a whole number (got "${safePath(values['max-warnings'])}")\n`);
      return 2;
    }
  }
  const [{ expandPatterns, PatternError }, { RULES }, { resolvePlaybook, ConfigError }, { findConfig, loadConfigFile }, { lintDocument }] = await Promise.all([
    import('./files.js'), import('../../rules/index.js'), import('../config/resolve.js'), import('./config-loader.js'), import('../lint/engine.js'),
  ]);
  const { relative, isAbsolute, resolve } = await import('node:path');

  let files: string[];
  try {
    files = await expandPatterns(patterns, io.cwd);
  } catch (err) {
    if (err instanceof PatternError) {
      io.stderr(`clauselint: ${safePath(err.message)}\n`);
      return 2;
    }
    throw err;
  }

  // One playbook per config file (or per --config / --preset), resolved once.
  const playbooks = new Map<string, Awaited<ReturnType<typeof resolvePlaybook>>>();
  const playbookFor = async (file: string): Promise<Awaited<ReturnType<typeof resolvePlaybook>>> => {
    const loaded = values.config !== undefined ? await loadConfigFile(values.config) : await findConfig(file);
    const key = loaded?.file ?? '(defaults)';
    let pb = playbooks.get(key);
    if (!pb) {
      pb = await resolvePlaybook(loaded?.config ?? {}, RULES, loaded ? relativeName(loaded.file) : '(defaults)', values.preset);
      playbooks.set(key, pb);
    }
    return pb;
  };
  const relativeName = (p: string): string => {
    const r = relative(io.cwd, resolve(io.cwd, p));
    return r === '' || r.startsWith('..') || isAbsolute(r) ? p : r;
  };

  const { docs, failures } = await readAll(files, io);
  const reports = [];
  let configFailed = false;
  for (const doc of docs) {
    let playbook;
    try {
      playbook = await playbookFor(doc.path);
    } catch (err) {
      if (err instanceof ConfigError) {
        io.stderr(`clauselint: ${safePath(err.message)}\n`);
        configFailed = true;
        break;
      }
      throw err;
    }
    const report = lintDocument({ ...doc, path: relativeName(doc.path) }, playbook, RULES);
    if (values.quiet) {
      report.findings = report.findings.filter((f) => f.severity === 'error');
      report.warningCount = 0;
      report.infoCount = 0;
    }
    reports.push(report);
  }
  if (configFailed) return 2;

  let text: string;
  if (format === 'json') {
    const { formatJson } = await import('../report/json.js');
    text = formatJson(reports, failures.map((f) => ({ path: relativeName(f.path), error: f.error })));
  } else {
    const { formatStylish, NO_COLOUR } = await import('../report/stylish.js');
    const useColour = values['no-color'] ? false : values.color ? true : io.isTTY && values['output-file'] === undefined;
    let colours = NO_COLOUR;
    if (useColour) {
      const { Chalk } = await import('chalk');
      colours = new Chalk({ level: 1 });
    }
    text = formatStylish(reports, colours);
  }
  const ok = await writeOutput(io, values['output-file'], text, files);
  if (failures.length > 0 || !ok) return 2;
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`clauselint: too many warnings (${warnings}, at most ${maxWarnings} allowed)\n`);
    return 1;
  }
  return 0;
}
