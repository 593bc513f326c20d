import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateClauseFile, validateWaiversFile } from '../config/custom.js';
import { PRESETS } from '../config/presets.js';
import { type ConfigObject, type ConfigSource, isPreset, type ResolvedConfig, resolveConfig, validateConfig } from '../config/resolve.js';
import { ConfigError } from '../config/schema.js';
import { hostImport } from '../host-import.js';
import type { CustomClauseSpec } from '../lint/custom-clause.js';
import type { Waiver } from '../lint/suppress.js';
import { clearConfigCache, findConfig, loadConfigFile } from './config-loader.js';
import { sha256 } from './hash.js';
import { type LintSetup, type PluginRef, type Registry, registryFor } from './registry.js';

/** Everything the CLI needs to lint the files under one config. */
export interface ConfigContext {
  /** The config file (absolute), or null for the defaults. */
  file: string | null;
  setup: LintSetup;
  registry: Registry;
  resolved: ResolvedConfig;
  waivers: Array<{ file: string; dir: string; list: Waiver[] }>;
  /** `maxFileSize` (MB) and `timeout` (seconds) as the config and what it extends set them (the config itself wins). */
  limits: ConfigLimits;
}

export interface ConfigLimits {
  maxFileSize?: number;
  timeout?: number;
}

/** The limits a config sets, after those of the configs it extends. */
function limitsOf(src: ConfigSource): ConfigLimits {
  const out: ConfigLimits = {};
  for (const e of src.extends) if (typeof e !== 'string') Object.assign(out, limitsOf(e));
  const { maxFileSize, timeout } = src.config;
  if (maxFileSize !== undefined) out.maxFileSize = maxFileSize;
  if (timeout !== undefined) out.timeout = timeout;
  return out;
}

async function parseFile(file: string, display: string): Promise<unknown> {
  const ext = extname(file).toLowerCase();
  if (ext === '.mjs' || ext === '.js' || ext === '.cjs') {
    const mod = await hostImport<{ default?: unknown }>(pathToFileURL(file).href);
    return mod.default ?? mod;
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(display, '', 'cannot read the file');
  }
  if (ext === '.json' || (ext === '' && /^\s*[{[]/.test(content))) {
    try {
      const data = JSON.parse(content) as unknown;
      return file.endsWith('package.json') ? (data as { clauselint?: unknown }).clauselint ?? {} : data;
    } catch (err) {
      throw new ConfigError(display, '', `invalid JSON: ${(err as Error).message}`);
    }
  }
  const { parse } = await import('yaml');
  try {
    return parse(content) as unknown;
  } catch (err) {
    throw new ConfigError(display, '', `invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function looksLikePath(spec: string): boolean {
  return spec.startsWith('.') || spec.startsWith('/') || isAbsolute(spec) || /\.(?:json|ya?ml|[cm]?js|[cm]?ts)$/i.test(spec) && !spec.startsWith('@');
}

/** Resolve an npm package (or a file inside one) from a folder, as Node would; ESM-only packages too. */
export function resolvePackage(name: string, fromDir: string): string | null {
  try {
    return createRequire(join(fromDir, '__clauselint__.js')).resolve(name);
  } catch {
    // ESM-only packages ("exports" with only "import"): read their package.json.
  }
  const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(name);
  if (!m) return null;
  for (let d = fromDir; ; d = dirname(d)) {
    const pkgDir = join(d, 'node_modules', m[1]!);
    const pj = join(pkgDir, 'package.json');
    if (existsSync(pj)) {
      if (m[2]) return existsSync(join(pkgDir, m[2])) ? join(pkgDir, m[2]) : null;
      try {
        const pkg = JSON.parse(readFileSync(pj, 'utf8')) as { exports?: unknown; main?: string; module?: string };
        const pick = (e: unknown): string | null => {
          if (typeof e === 'string') return e;
          if (e && typeof e === 'object') {
            const o = e as Record<string, unknown>;
            for (const k of ['.', 'import', 'default', 'node']) if (k in o) return pick(o[k]);
          }
          return null;
        };
        const entry = pick(pkg.exports) ?? pkg.module ?? pkg.main ?? 'index.js';
        return join(pkgDir, entry);
      } catch {
        return null;
      }
    }
    if (dirname(d) === d) return null;
  }
}

interface Pending {
  node: ConfigSource;
  clauseIds: string[];
  plugins: string[];
}

interface Loading {
  clauses: CustomClauseSpec[];
  plugins: PluginRef[];
  waivers: Array<{ file: string; display: string }>;
  pending: Pending[];
  /** Plugin files with the hash of their contents. */
  pluginHashes: string[];
  display: (p: string) => string;
}

/** Load a config and everything it extends, its custom clauses, plugin names and waiver files (not yet the plugins). */
async function loadSource(file: string, raw: unknown, st: Loading, stack: string[]): Promise<ConfigSource> {
  const shown = st.display(file);
  const config: ConfigObject = await validateConfig(raw, shown);
  const dir = dirname(file);
  const node: ConfigSource = { file: shown, dir, config, extends: [] };
  const pending: Pending = { node, clauseIds: [], plugins: [] };
  const ext = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [i, e] of ext.entries()) {
    const key = Array.isArray(config.extends) ? `extends[${i}]` : 'extends';
    if (isPreset(e)) {
      node.extends.push(e);
      continue;
    }
    const target = looksLikePath(e) ? resolve(dir, e) : resolvePackage(e, dir);
    if (target === null) throw new ConfigError(shown, key, `unknown preset "${e}" (expected one of ${Object.keys(PRESETS).join(', ')}, a file or an installed package)`);
    if (!existsSync(target)) throw new ConfigError(shown, key, `cannot find "${e}"`);
    if (stack.includes(target)) throw new ConfigError(shown, key, `circular extends: ${[...stack.slice(stack.indexOf(target)), target].map(st.display).join(' → ')}`);
    const data = await parseFile(target, st.display(target));
    node.extends.push(await loadSource(target, data ?? {}, st, [...stack, target]));
  }

  const clauseDirs = config.customClauses === undefined ? [] : Array.isArray(config.customClauses) ? config.customClauses : [config.customClauses];
  for (const [i, d] of clauseDirs.entries()) {
    const key = Array.isArray(config.customClauses) ? `customClauses[${i}]` : 'customClauses';
    const abs = resolve(dir, d);
    let names: string[];
    try {
      names = (await readdir(abs)).filter((n) => /\.(?:ya?ml|json)$/i.test(n)).sort();
    } catch {
      throw new ConfigError(shown, key, `cannot read the folder "${d}"`);
    }
    for (const n of names) {
      const f = join(abs, n);
      const data = await parseFile(f, st.display(f));
      const specs = await validateClauseFile(data, st.display(f));
      for (const spec of specs) {
        spec.source = st.display(f);
        st.clauses.push(spec);
        pending.clauseIds.push(spec.id);
      }
    }
  }
  for (const [i, spec] of (config.plugins ?? []).entries()) {
    const key = `plugins[${i}]`;
    const target = looksLikePath(spec) ? resolve(dir, spec) : resolvePackage(spec, dir);
    if (target === null || !existsSync(target)) throw new ConfigError(shown, key, `cannot find the plugin "${spec}"`);
    st.plugins.push({ file: target, specifier: spec, config: shown, key });
    st.pluginHashes.push(`${target}\u0000${sha256(readFileSync(target))}`);
    pending.plugins.push(target);
  }
  if (config.waivers !== undefined) {
    const w = resolve(dir, config.waivers);
    if (!existsSync(w)) throw new ConfigError(shown, 'waivers', `cannot find "${config.waivers}"`);
    st.waivers.push({ file: w, display: st.display(w) });
  }
  st.pending.push(pending);
  return node;
}

/**
 * Config contexts, one per config file (or per --config / --preset), built once:
 * the config and what it extends, custom clauses, plugins, the resolved
 * playbook and the waivers.
 */
export class Contexts {
  private readonly byFile = new Map<string, Promise<ConfigContext>>();

  constructor(
    private readonly opts: { config?: string | undefined; preset?: string | undefined; display: (p: string) => string },
  ) {
    clearConfigCache();
  }

  /** The context for a file (absolute path). Throws ConfigError. */
  async forFile(file: string): Promise<ConfigContext> {
    const loaded = this.opts.config !== undefined ? await loadConfigFile(this.opts.config) : await findConfig(file);
    const key = loaded?.file ?? '(defaults)';
    let ctx = this.byFile.get(key);
    if (!ctx) {
      ctx = this.build(loaded);
      this.byFile.set(key, ctx);
    }
    return ctx;
  }

  /** The context of no config file at all: the preset (or recommended) alone. */
  defaults(): Promise<ConfigContext> {
    let ctx = this.byFile.get('(defaults)');
    if (!ctx) {
      ctx = this.build(null);
      this.byFile.set('(defaults)', ctx);
    }
    return ctx;
  }

  /** Every context built so far. */
  async all(): Promise<ConfigContext[]> {
    return Promise.all(this.byFile.values());
  }

  private async build(loaded: { file: string; config: ConfigObject } | null): Promise<ConfigContext> {
    const st: Loading = { clauses: [], plugins: [], waivers: [], pending: [], pluginHashes: [], display: this.opts.display };
    const source: ConfigSource = loaded
      ? await loadSource(loaded.file, loaded.config, st, [loaded.file])
      : { file: '(defaults)', dir: '/', config: {}, extends: [] };
    const setup: LintSetup = {
      // The built-in rules alone need no hash (and no node:crypto): most runs have no custom clauses or plugins.
      key: st.clauses.length === 0 && st.pluginHashes.length === 0 ? 'built-in' : sha256(JSON.stringify([st.clauses, st.pluginHashes])),
      clauses: st.clauses,
      plugins: st.plugins,
    };
    const registry = await registryFor(setup);
    for (const p of st.pending) {
      p.node.enables = [...p.clauseIds, ...p.plugins.flatMap((f) => registry.byPlugin.get(f) ?? [])];
    }
    const resolved = await resolveConfig(source, registry.rules, this.opts.preset);
    const waivers: ConfigContext['waivers'] = [];
    for (const w of st.waivers) {
      const data = await parseFile(w.file, w.display);
      waivers.push({ file: w.display, dir: dirname(w.file), list: await validateWaiversFile(data, w.display) });
    }
    return { file: loaded?.file ?? null, setup, registry, resolved, waivers, limits: limitsOf(source) };
  }
}
