import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Playbook, RuleSetting } from '../lint/engine.js';
import type { Rule } from '../lint/types.js';
import { DEFAULT_PRESET, PRESETS } from './presets.js';
import { CONFIG_SCHEMA, ConfigError, compileSchema, describeErrors, validateAgainst } from './schema.js';

export { ConfigError } from './schema.js';

export type SeverityValue = 'off' | 'warn' | 'error' | 0 | 1 | 2;
export type RuleEntry = SeverityValue | [SeverityValue, Record<string, unknown>?];

export interface OverrideObject {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleEntry>;
}

/** A config file's contents (see schema/clauselint.config.schema.json). */
export interface ConfigObject {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
  overrides?: OverrideObject[];
  ignores?: string[];
  /** Contracts that are sets of files, each linted as one (`--pack` for a config). */
  packs?: Array<{ name: string; files: string | string[] }>;
  customClauses?: string | string[];
  plugins?: string[];
  waivers?: string;
  /** The largest input file read, in MB (the CLI's --max-file-size). */
  maxFileSize?: number;
  /** Seconds a file may take (the CLI's --timeout; 0: no limit). */
  timeout?: number;
}

/**
 * A config with its `extends` already loaded by the caller (the CLI reads the
 * files and packages): each entry is a preset name or another ConfigSource.
 */
export interface ConfigSource {
  /** The file as named in errors. */
  file: string;
  /** Absolute folder that the config's globs (overrides, ignores) are relative to. */
  dir: string;
  config: ConfigObject;
  extends: Array<string | ConfigSource>;
  /** Rules this config adds (its custom clauses and plugins): enabled at their default severity. */
  enables?: readonly string[];
}

/** A config resolved against the rule registry: the base playbook, per-file overrides and ignores. */
export interface ResolvedConfig {
  rules: ReadonlyMap<string, RuleSetting>;
  overrides: ReadonlyArray<{ dir: string; files: string[]; excludedFiles: string[]; rules: ReadonlyMap<string, RuleSetting | null> }>;
  ignores: ReadonlyArray<{ dir: string; pattern: string }>;
  /** The config's packs, their globs relative to `dir`. */
  packs: ReadonlyArray<{ dir: string; name: string; files: string[] }>;
}

const SEVERITY: Record<string, 'off' | 'warn' | 'error'> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

export function presetName(name: string): string {
  return name.replace(/^clauselint:/, '');
}

export function isPreset(name: string): boolean {
  return Object.hasOwn(PRESETS, presetName(name));
}

const RULE_ENTRY_PATH = /^(?:\/overrides\/\d+)?\/rules\/[^/]+(?:\/.*)?$/;

/**
 * Check a config object against the published JSON Schema. Rule entries are
 * checked against the registry afterwards, with messages that name the rule.
 */
export async function validateConfig(config: unknown, file: string): Promise<ConfigObject> {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(file, '', 'the config must be an object');
  await validateAgainst(CONFIG_SCHEMA, config, file, (p) => RULE_ENTRY_PATH.test(p));
  return config as ConfigObject;
}

function describeOptionErrors(validate: Awaited<ReturnType<typeof compileSchema>>, opts: unknown): string {
  return (validate.errors ?? []).map((e) => {
    if (e.keyword === 'additionalProperties') return `unknown option "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    const d = describeErrors([e], opts);
    return d ? `${d.key ? `${d.key} ` : ''}${d.problem}` : e.message ?? 'is invalid';
  }).join('; ');
}

/** One `rules` entry checked against the registry: null for "off". */
async function ruleSetting(id: string, entry: unknown, key: string, file: string, registry: ReadonlyMap<string, Rule>, previous: RuleSetting | null | undefined): Promise<RuleSetting | null> {
  const rule = registry.get(id);
  if (!rule) throw new ConfigError(file, key, 'unknown rule');
  const [sevRaw, options] = Array.isArray(entry) ? entry as unknown[] : [entry, undefined];
  if (Array.isArray(entry) && (entry.length === 0 || entry.length > 2)) throw new ConfigError(file, key, 'must be a severity or [severity, options]');
  const severity = SEVERITY[String(sevRaw)];
  if (severity === undefined) throw new ConfigError(file, key, `severity must be "off", "warn" or "error" (got ${JSON.stringify(sevRaw)})`);
  if (severity === 'off') return null;
  const opts = options ?? previous?.options ?? {};
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw new ConfigError(file, key, 'options must be an object');
  const validate = await compileSchema(rule.meta.schema);
  if (!validate(opts)) throw new ConfigError(file, key, describeOptionErrors(validate, opts));
  return { severity, options: opts as Record<string, unknown> };
}

function presetRules(name: string, registry: ReadonlyMap<string, Rule>, into: Map<string, RuleSetting | null>): void {
  for (const id of PRESETS[presetName(name)] ?? []) {
    const rule = registry.get(id);
    if (rule) into.set(id, { severity: rule.meta.defaultSeverity, options: {} });
  }
}

function list(x: string | string[] | undefined): string[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

interface Collected {
  rules: Map<string, RuleSetting | null>;
  overrides: Array<ResolvedConfig['overrides'][number]>;
  ignores: Array<ResolvedConfig['ignores'][number]>;
  packs: Array<ResolvedConfig['packs'][number]>;
}

async function collect(src: ConfigSource, registry: ReadonlyMap<string, Rule>, out: Collected, top: boolean, presetOverride: string | undefined): Promise<void> {
  const ext = top && presetOverride !== undefined ? [presetOverride]
    : src.config.extends === undefined && top ? [DEFAULT_PRESET] : src.extends;
  for (const [i, e] of ext.entries()) {
    if (typeof e === 'string') {
      if (!isPreset(e)) {
        if (top && presetOverride !== undefined) throw new ConfigError('--preset', '', `unknown preset "${e}" (expected one of ${Object.keys(PRESETS).join(', ')})`);
        const key = Array.isArray(src.config.extends) ? `extends[${i}]` : 'extends';
        throw new ConfigError(src.file, key, `unknown preset "${e}" (expected one of ${Object.keys(PRESETS).join(', ')}, a file or an installed package)`);
      }
      presetRules(e, registry, out.rules);
    } else {
      await collect(e, registry, out, false, undefined);
    }
  }
  for (const id of src.enables ?? []) {
    const rule = registry.get(id);
    if (rule) out.rules.set(id, { severity: rule.meta.defaultSeverity, options: {} });
  }
  const { rules, overrides, ignores } = src.config;
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new ConfigError(src.file, 'rules', 'must be an object of rule ids');
    for (const [id, entry] of Object.entries(rules)) {
      out.rules.set(id, await ruleSetting(id, entry, `rules.${id}`, src.file, registry, out.rules.get(id)));
    }
  }
  for (const [i, o] of (overrides ?? []).entries()) {
    const map = new Map<string, RuleSetting | null>();
    for (const [id, entry] of Object.entries(o.rules ?? {})) {
      // Options left out keep the ones the base config gives the rule.
      const s = await ruleSetting(id, entry, `overrides[${i}].rules.${id}`, src.file, registry, out.rules.get(id));
      const explicitOptions = Array.isArray(entry) && entry.length > 1;
      map.set(id, s && !explicitOptions ? { severity: s.severity, options: INHERIT } : s);
    }
    const files = list(o.files);
    const excludedFiles = list(o.excludedFiles);
    for (const [j, g] of [...files, ...excludedFiles].entries()) checkGlob(g, src.file, `overrides[${i}].${j < files.length ? 'files' : 'excludedFiles'}`);
    out.overrides.push({ dir: src.dir, files, excludedFiles, rules: map });
  }
  for (const [i, pattern] of (ignores ?? []).entries()) {
    checkGlob(pattern, src.file, `ignores[${i}]`);
    out.ignores.push({ dir: src.dir, pattern });
  }
  for (const [i, p] of (src.config.packs ?? []).entries()) {
    const files = list(p.files);
    for (const [j, g] of files.entries()) checkGlob(g, src.file, `packs[${i}].files[${j}]`);
    out.packs.push({ dir: src.dir, name: p.name, files });
  }
}

/** Marks an override setting that keeps the options the file's playbook already has. */
const INHERIT: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function checkGlob(glob: string, file: string, key: string): void {
  try {
    picomatch.makeRe(glob);
  } catch (err) {
    throw new ConfigError(file, key, `invalid glob: ${(err as Error).message}`);
  }
}

/**
 * Resolve a loaded config against the rule registry. Pure apart from loading
 * ajv on demand. `presetOverride` (--preset) replaces the top config's `extends`.
 * A config without `extends` starts from the `recommended` preset (`extends: []`
 * starts from no rule at all); a file or package it extends contributes exactly
 * what it says.
 */
export async function resolveConfig(src: ConfigSource, registry: ReadonlyMap<string, Rule>, presetOverride?: string): Promise<ResolvedConfig> {
  const out: Collected = { rules: new Map(), overrides: [], ignores: [], packs: [] };
  await collect(src, registry, out, true, presetOverride);
  const rules = new Map<string, RuleSetting>();
  for (const [id, s] of out.rules) if (s) rules.set(id, s);
  return { rules, overrides: out.overrides, ignores: out.ignores, packs: out.packs };
}

/** The config pack a file belongs to (the first whose globs match it), or null. */
export function packOf(resolved: ResolvedConfig, file: string): { dir: string; name: string } | null {
  const p = resolved.packs.find((x) => globsMatch(x.dir, x.files, file));
  return p ? { dir: p.dir, name: p.name } : null;
}

/** A path relative to a config's folder, with `/` separators (null when outside the folder). */
function relativeTo(dir: string, file: string): string | null {
  const r = relative(dir, file);
  if (r === '' || r.startsWith('..') || isAbsolute(r)) return null;
  return sep === '/' ? r : r.split(sep).join('/');
}

const matchers = new Map<string, (p: string) => boolean>();
function matches(globs: readonly string[], path: string): boolean {
  return globs.some((g) => {
    let m = matchers.get(g);
    if (!m) {
      // "contract.md" without a slash matches at any depth, as in .gitignore.
      m = picomatch(g, { dot: true, matchBase: !g.includes('/') });
      matchers.set(g, m);
    }
    return m(path);
  });
}

/**
 * True when any of the globs (relative to `dir`) matches the file (absolute
 * path). Globs may climb out of the folder ("../contracts/*.md").
 */
export function globsMatch(dir: string, globs: readonly string[], file: string): boolean {
  const inside = relativeTo(dir, file);
  if (inside !== null && matches(globs.filter((g) => !g.startsWith('../')), inside)) return true;
  const up = globs.filter((g) => g.startsWith('../'));
  if (up.length === 0) return false;
  const r = relative(dir, file);
  return !isAbsolute(r) && matches(up, sep === '/' ? r : r.split(sep).join('/'));
}

/** The playbook for one file (absolute path): the base rules with the matching overrides applied in order. */
export function playbookFor(resolved: ResolvedConfig, file: string): Playbook {
  const rules = new Map(resolved.rules);
  for (const o of resolved.overrides) {
    const rel = relativeTo(o.dir, file);
    if (rel === null || !matches(o.files, rel) || matches(o.excludedFiles, rel)) continue;
    for (const [id, s] of o.rules) {
      if (s === null) rules.delete(id);
      else rules.set(id, s.options === INHERIT ? { severity: s.severity, options: rules.get(id)?.options ?? {} } : s);
    }
  }
  return { rules };
}

/** True when a config's `ignores` exclude the file (absolute path). */
export function isIgnored(resolved: ResolvedConfig, file: string): boolean {
  return resolved.ignores.some((i) => {
    const rel = relativeTo(i.dir, file);
    return rel !== null && (matches([i.pattern], rel) || matches([`${i.pattern.replace(/\/+$/, '')}/**`], rel));
  });
}

