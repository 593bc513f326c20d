import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from '../../rules/index.js';
import { ConfigError } from '../config/schema.js';
import { hostImport } from '../host-import.js';
import { type CustomClauseSpec, customClauseRule } from '../lint/custom-clause.js';
import { SUPPRESSION_RULE_IDS } from '../lint/suppress.js';
import type { Rule, RuleMeta } from '../lint/types.js';

/** A rule plugin named in a config: the module file, and where it was named (for errors). */
export interface PluginRef {
  /** Absolute path of the module. */
  file: string;
  /** As written in the config. */
  specifier: string;
  /** The config file (as shown in errors) and key ("plugins[0]"). */
  config: string;
  key: string;
}

/**
 * Everything besides the built-in rules that a playbook's rules come from.
 * Plain data, so that worker threads can rebuild the same registry.
 */
export interface LintSetup {
  /** A hash of the custom clauses and the plugin files (part of the cache key). */
  key: string;
  clauses: CustomClauseSpec[];
  plugins: PluginRef[];
}

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$/;
const CATEGORIES = new Set(['regulatory', 'operational', 'language', 'hygiene']);

/** Import a plugin module; TypeScript modules go through tsx when it is installed. */
export async function importModule(file: string, where: { config: string; key: string }): Promise<unknown> {
  const url = pathToFileURL(file).href;
  try {
    return await hostImport(url);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(file)) {
      throw new ConfigError(where.config, where.key, `cannot load "${file}": ${(err as Error).message.split('\n')[0]}`);
    }
  }
  // Node 20 does not run TypeScript: use tsx from the plugin's project, else from clauselint's.
  for (const base of [file, fileURLToPath(import.meta.url)]) {
    let api: string;
    try {
      // The ESM entry of tsx/esm/api (require.resolve would give the CommonJS one).
      const pkgFile = createRequire(base).resolve('tsx/package.json');
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: Record<string, { import?: { default?: string } | string }> };
      const entry = pkg.exports?.['./esm/api'];
      const rel = typeof entry === 'object' && typeof entry.import === 'object' ? entry.import.default : undefined;
      if (!rel) continue;
      api = join(dirname(pkgFile), rel);
    } catch {
      continue;
    }
    const { tsImport } = await hostImport<{ tsImport: (u: string, parent: string) => Promise<unknown> }>(pathToFileURL(api).href);
    try {
      return await tsImport(url, pathToFileURL(dirname(file)).href + '/');
    } catch (err) {
      throw new ConfigError(where.config, where.key, `cannot load "${file}": ${(err as Error).message.split('\n')[0]}`);
    }
  }
  throw new ConfigError(where.config, where.key, `"${file}" is TypeScript: install tsx (npm i -D tsx) or compile the plugin to JavaScript`);
}

/** The rules a plugin module exports: `rules` (a list or an object), or a default export holding them. */
function exportedRules(mod: unknown): unknown[] | null {
  const m = mod as Record<string, unknown> | null;
  if (!m || typeof m !== 'object') return null;
  const candidates = [m.rules, (m.default as Record<string, unknown> | undefined)?.rules, m.default];
  for (const c of candidates) {
    if (Array.isArray(c)) return c;
    if (c && typeof c === 'object' && !('meta' in c) && !('check' in c) && c !== m.default) return Object.values(c);
  }
  const d = m.default as Record<string, unknown> | undefined;
  if (d && typeof d === 'object' && 'meta' in d && 'check' in d) return [d];
  return null;
}

/** A plugin rule with the built-in rules' interface, defaults filled in; a ConfigError when it is not one. */
export function pluginRule(raw: unknown, p: PluginRef, n: number): Rule {
  const fail = (problem: string): never => {
    throw new ConfigError(p.config, p.key, `"${p.specifier}": rule ${n + 1}: ${problem}`);
  };
  if (!raw || typeof raw !== 'object') return fail('not a rule object');
  const r = raw as { meta?: Partial<RuleMeta>; check?: unknown; detect?: unknown };
  const m = r.meta;
  if (!m || typeof m !== 'object') return fail('no "meta"');
  if (typeof m.id !== 'string' || !RULE_ID.test(m.id)) return fail('meta.id must be a lower-case rule id such as "no-auto-renewal"');
  if (typeof r.check !== 'function') return fail(`${m.id}: no check(context) function`);
  if (!m.messages || typeof m.messages !== 'object' || Object.values(m.messages).some((x) => typeof x !== 'string')) return fail(`${m.id}: meta.messages must map message ids to strings`);
  if (m.clause && typeof r.detect !== 'function') return fail(`${m.id}: a clause rule (meta.clause: true) needs a detect(document) function`);
  if (m.defaultSeverity !== undefined && m.defaultSeverity !== 'warn' && m.defaultSeverity !== 'error') return fail(`${m.id}: meta.defaultSeverity must be "warn" or "error"`);
  const check = r.check as Rule['check'];
  const detect = r.detect as Rule['detect'];
  return {
    meta: {
      id: m.id,
      description: typeof m.description === 'string' ? m.description : m.id,
      defaultSeverity: m.defaultSeverity ?? 'warn',
      category: m.category && CATEGORIES.has(m.category) ? m.category : 'hygiene',
      clause: Boolean(m.clause),
      schema: m.schema && typeof m.schema === 'object' ? m.schema : { type: 'object' },
      defaultOptions: m.defaultOptions && typeof m.defaultOptions === 'object' ? m.defaultOptions : {},
      messages: m.messages as Record<string, string>,
      ...(typeof m.ask === 'string' ? { ask: m.ask } : {}),
      url: typeof m.url === 'string' ? m.url : p.specifier,
      ...(typeof m.title === 'string' ? { title: m.title } : {}),
      origin: 'plugin',
    },
    check: (ctx) => check.call(r, ctx),
    ...(detect ? { detect: (a) => detect.call(r, a) } : {}),
  };
}

export interface Registry {
  rules: ReadonlyMap<string, Rule>;
  /** The rule ids each plugin module (absolute path) defines. */
  byPlugin: ReadonlyMap<string, string[]>;
}

const registries = new Map<string, Promise<Registry>>();

/** The rule registry of a setup: the built-in rules, its custom clauses and its plugins' rules (built once per setup). */
export function registryFor(setup: LintSetup): Promise<Registry> {
  let r = registries.get(setup.key);
  if (!r) {
    r = build(setup);
    registries.set(setup.key, r);
    r.catch(() => registries.delete(setup.key));
  }
  return r;
}

async function build(setup: LintSetup): Promise<Registry> {
  const map = new Map<string, Rule>(RULES);
  const taken = (id: string): string | null => (RULES.has(id) ? 'a built-in rule' : SUPPRESSION_RULE_IDS.has(id) ? 'reserved' : map.has(id) ? 'defined twice' : null);
  for (const spec of setup.clauses) {
    const t = taken(spec.id);
    if (t) throw new ConfigError(spec.source ?? 'custom clause', 'id', `"${spec.id}" is ${t}`);
    map.set(spec.id, customClauseRule(spec));
  }
  const byPlugin = new Map<string, string[]>();
  for (const p of setup.plugins) {
    if (byPlugin.has(p.file)) continue;
    const ids: string[] = [];
    byPlugin.set(p.file, ids);
    const rules = exportedRules(await importModule(p.file, p));
    if (!rules) throw new ConfigError(p.config, p.key, `"${p.specifier}" exports no rules (export \`rules\`: a list of { meta, check })`);
    for (const [i, raw] of rules.entries()) {
      const rule = pluginRule(raw, p, i);
      const t = taken(rule.meta.id);
      if (t) throw new ConfigError(p.config, p.key, `"${p.specifier}": rule id "${rule.meta.id}" is ${t}`);
      map.set(rule.meta.id, rule);
      ids.push(rule.meta.id);
    }
  }
  return { rules: map, byPlugin };
}
