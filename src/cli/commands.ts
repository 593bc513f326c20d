import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DEFAULT_PRESET, PRESETS } from '../config/presets.js';
import { presetName } from '../config/resolve.js';
import { ConfigError } from '../config/schema.js';
import { SUPPRESSION_RULES } from '../lint/suppress.js';
import type { Rule } from '../lint/types.js';
import { type CliIo, safePath } from './io.js';
import type { Values } from './main.js';

/** The presets that enable a rule, in the presets' order. */
export function presetsOf(id: string): string[] {
  return Object.entries(PRESETS).filter(([, ids]) => ids.includes(id)).map(([name]) => name);
}

function relativeTo(cwd: string): (p: string) => string {
  return (p) => {
    const r = relative(cwd, resolve(cwd, p));
    return r === '' || r.startsWith('..') || isAbsolute(r) ? p : r;
  };
}

/** The config that applies in the working directory (or --config / --preset): its rules and playbook. */
async function cwdContext(values: Values, io: CliIo): Promise<import('./setup.js').ConfigContext | null> {
  const { Contexts } = await import('./setup.js');
  const contexts = new Contexts({ config: values.config, preset: values.preset, display: relativeTo(io.cwd) });
  try {
    return await contexts.forFile(join(io.cwd, '__clauselint__.md'));
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`clauselint: ${safePath(err.message)}\n`);
      return null;
    }
    throw err;
  }
}

function yamlValue(v: unknown): string {
  return JSON.stringify(v).replace(/"([A-Za-z_][\w-]*)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }');
}

/** `clauselint init [PRESET] [--preset NAME] [--format yaml|json] [--force]`: a starter config in the working directory. */
export async function init(args: string[], values: Values, io: CliIo): Promise<number> {
  if (args.length > 1) {
    io.stderr('clauselint: init takes at most one argument: the preset\n');
    return 2;
  }
  const preset = presetName(values.preset ?? args[0] ?? DEFAULT_PRESET);
  const ids = PRESETS[preset];
  if (!ids) {
    io.stderr(`clauselint: unknown preset "${safePath(preset)}" (expected one of ${Object.keys(PRESETS).join(', ')})\n`);
    return 2;
  }
  const format = values.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') {
    io.stderr(`clauselint: unknown init format "${safePath(format)}" (expected yaml or json)\n`);
    return 2;
  }
  const { SEARCH_PLACES } = await import('./config-loader.js');
  const existing = SEARCH_PLACES.filter((f) => {
    const p = join(io.cwd, f);
    if (!existsSync(p)) return false;
    if (f !== 'package.json') return true;
    try {
      return 'clauselint' in (JSON.parse(readFileSync(p, 'utf8')) as object);
    } catch {
      return false;
    }
  });
  const target = format === 'yaml' ? 'clauselint.config.yaml' : 'clauselint.config.json';
  if (existing.length > 0 && !values.force) {
    io.stderr(`clauselint: ${existing[0]} already configures clauselint here (use --force to write ${target} anyway)\n`);
    return 2;
  }
  const { RULES } = await import('../../rules/index.js');
  const rules = ids.map((id) => RULES.get(id)).filter((r): r is Rule => r !== undefined).sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const schemaPath = './node_modules/clauselint/schema/clauselint.config.schema.json';
  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify({
      $schema: schemaPath,
      extends: preset,
      rules: Object.fromEntries(rules.map((r) => [r.meta.id, Object.keys(r.meta.defaultOptions).length > 0 ? [r.meta.defaultSeverity, r.meta.defaultOptions] : r.meta.defaultSeverity])),
      ignores: ['README.md'],
    }, null, 2)}\n`;
  } else {
    const width = Math.max(...rules.map((r) => r.meta.id.length)) + 1;
    text = [
      `# clauselint configuration: the "${preset}" playbook. See "Configuration" in clauselint's README.`,
      `# yaml-language-server: $schema=${schemaPath}`,
      `extends: ${preset}`,
      '',
      '# The preset\'s rules at their default severity. Set a rule to off, warn or error,',
      '# or give it thresholds: breach-notification: [error, { maxHours: 24 }]',
      '# `clauselint rules` lists every rule; `clauselint explain RULE` documents one.',
      'rules:',
      ...rules.map((r) => {
        const opts = Object.keys(r.meta.defaultOptions).length > 0 ? `[${r.meta.defaultSeverity}, ${yamlValue(r.meta.defaultOptions)}]` : r.meta.defaultSeverity;
        return `  ${`${r.meta.id}:`.padEnd(width)} ${opts}`;
      }),
      '',
      '# Files not to lint, relative to this file (pre-commit passes every .md file).',
      'ignores:',
      '  - README.md',
      '',
      '# Your own playbook (see the README): clause definitions in YAML or JSON,',
      '# rule plugins, and accepted deviations with reason, approver and expiry.',
      '# customClauses: clauselint/clauses',
      '# plugins: [./clauselint/rules/our-rule.mjs]',
      '# waivers: clauselint/waivers.yaml',
      '',
    ].join('\n');
  }
  const { writeAtomic } = await import('./write.js');
  try {
    await writeAtomic(join(io.cwd, target), text, [], io.cwd);
  } catch (err) {
    io.stderr(`clauselint: ${target}: ${(err as Error).message}\n`);
    return 2;
  }
  io.stdout(`Wrote ${target} (preset ${preset}, ${rules.length} rules).\n`);
  return 0;
}

/** `clauselint rules [--preset NAME] [--config FILE] [--format text|json]`: every rule, its presets and severity, and its setting here. */
export async function rules(args: string[], values: Values, io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr('clauselint: rules takes no arguments (try `clauselint explain RULE`)\n');
    return 2;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`clauselint: unknown rules format "${safePath(format)}" (expected text or json)\n`);
    return 2;
  }
  const ctx = await cwdContext(values, io);
  if (!ctx) return 2;
  const all = [...ctx.registry.rules.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const rows = all.map((r) => {
    const setting = ctx.resolved.rules.get(r.meta.id);
    return {
      id: r.meta.id,
      origin: r.meta.origin ?? 'built-in',
      category: r.meta.category,
      defaultSeverity: r.meta.defaultSeverity,
      presets: presetsOf(r.meta.id),
      setting: setting ? setting.severity : 'off',
      options: setting ? { ...r.meta.defaultOptions, ...setting.options } : null,
      description: r.meta.description,
    };
  });
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ config: ctx.file ? relativeTo(io.cwd)(ctx.file) : null, rules: rows }, null, 2)}\n`);
    return 0;
  }
  const head = ['rule', 'default', 'presets', 'here', 'category'];
  const table = rows.map((r) => [
    r.origin === 'built-in' ? r.id : `${r.id} (${r.origin})`,
    r.defaultSeverity,
    r.presets.length > 0 ? r.presets.join(', ') : r.origin === 'built-in' ? '—' : 'enabled by the config',
    r.setting,
    r.category,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const where = ctx.file ? relativeTo(io.cwd)(ctx.file) : values.preset ? `--preset ${presetName(values.preset)}` : `no config: the ${DEFAULT_PRESET} preset`;
  io.stdout([
    line(head), ...table.map(line), '',
    `"here": the severity under ${where}. \`clauselint explain RULE\` prints a rule's documentation.`, '',
  ].join('\n'));
  return 0;
}

/** The documentation shipped with the package: rules/<id>.md beside src/ (source) or dist/ (built). */
function builtInDoc(id: string): string | null {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) return null;
  for (const rel of ['../../rules/', '../../../rules/']) {
    try {
      return readFileSync(new URL(`${rel}${id}.md`, import.meta.url), 'utf8');
    } catch {
      // try the next layout
    }
  }
  return null;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

/** `clauselint explain RULE`: the rule's documentation (built-in), or what the config defines it as (custom clauses, plugins). */
export async function explain(args: string[], values: Values, io: CliIo): Promise<number> {
  if (args.length !== 1) {
    io.stderr('clauselint: explain needs one rule id, e.g. `clauselint explain breach-notification`\n');
    return 2;
  }
  const id = args[0]!;
  const ctx = await cwdContext(values, io);
  if (!ctx) return 2;
  const rule = ctx.registry.rules.get(id);
  const note = SUPPRESSION_RULES.find((r) => r.id === id);
  if (rule && !rule.meta.origin) {
    const doc = builtInDoc(id);
    if (doc) {
      io.stdout(doc.endsWith('\n') ? doc : `${doc}\n`);
      return 0;
    }
  }
  if (rule || note) {
    const m = rule?.meta ?? note!;
    const presets = presetsOf(id);
    const lines = [
      `# ${id}`, '', m.description, '',
      `- **Default severity:** ${m.defaultSeverity}. **Presets:** ${presets.length > 0 ? presets.map((p) => `\`${p}\``).join(', ') : 'none'}.`,
      ...(rule?.meta.origin === 'custom' ? [`- **Custom clause** defined in \`${rule.meta.url}\`.`] : []),
      ...(rule?.meta.origin === 'plugin' ? [`- **Plugin rule** from \`${rule.meta.url}\`.`] : []),
      ...(m.ask ? [`- **Ask for:** ${m.ask.replace(/^Ask for /, '')}`] : []),
      ...(rule && Object.keys(rule.meta.defaultOptions).length > 0 ? [`- **Options:** \`${JSON.stringify(rule.meta.defaultOptions)}\``] : []),
    ];
    const spec = rule?.meta.origin === 'custom' ? ctx.setup.clauses.find((c) => c.id === id) : undefined;
    if (spec) {
      const { stringify } = await import('yaml');
      const { source: _source, ...shown } = spec;
      lines.push('', '```yaml', stringify(shown).trimEnd(), '```');
    }
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  }
  const known = [...ctx.registry.rules.keys(), ...SUPPRESSION_RULES.map((r) => r.id)];
  const near = known.map((k) => ({ k, d: editDistance(k, id) })).filter((x) => x.d <= 3 || x.k.includes(id)).sort((a, b) => a.d - b.d).slice(0, 3).map((x) => x.k);
  io.stderr(`clauselint: unknown rule "${safePath(id)}"${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}; \`clauselint rules\` lists them\n`);
  return 2;
}
