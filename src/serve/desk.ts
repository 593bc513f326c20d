import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { DETECTORS } from '../detect/index.js';
import { PRESETS } from '../config/presets.js';
import { playbookFor } from '../config/resolve.js';
import { ConfigError } from '../config/schema.js';
import type { RuleSetting } from '../lint/engine.js';
import { lintPack, type PackMember, type PackReport } from '../lint/pack.js';
import type { FileReport } from '../lint/types.js';
import { deadline } from '../cli/lint-file.js';
import { registryFor } from '../cli/registry.js';
import { type Contexts, type ConfigContext, Contexts as ContextsClass } from '../cli/setup.js';
import { LintPool } from '../cli/pool.js';
import { findConfig } from '../cli/config-loader.js';

/**
 * What `clauselint serve` does with an upload: lint it on a pool of worker threads under a playbook (a preset,
 * or the config found where the server started), and render, annotate or compare the reports. Uploads stay in
 * memory; no name from the client ever reaches the file system (only its base name, as the report's path).
 */

export interface DeskOptions {
  cwd: string;
  /** --config: the config file to use for the "config" playbook. */
  config?: string | undefined;
  /** Seconds a file may take (the pool stops it after that). */
  timeout: number;
  threads?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

const TYPES = /\.(?:docx|pdf|md|markdown|txt)$/i;

export class Desk {
  private readonly contexts = new Map<string, Contexts>();

  private constructor(private readonly opts: DeskOptions, private readonly pool: LintPool, readonly configFile: string | null) {}

  static async create(opts: DeskOptions): Promise<Desk> {
    const threads = opts.threads ?? Math.max(1, Math.min(4, availableParallelism()));
    const found = opts.config ?? (await findConfig(join(opts.cwd, 'upload.md')))?.file ?? null;
    return new Desk(opts, await LintPool.create(threads, 60_000), found);
  }

  /** The playbooks a page can choose: every preset, and "config" when a config was found. */
  playbooks(): { presets: string[]; config: string | null; clauses: Record<string, string> } {
    return {
      presets: Object.keys(PRESETS),
      config: this.configFile === null ? null : basename(this.configFile),
      clauses: Object.fromEntries([...DETECTORS.values()].map((d) => [d.id, d.title])),
    };
  }

  /** A config that cannot be loaded (the message, as the CLI words it), or null: checked once, at start. */
  async check(): Promise<string | null> {
    if (this.configFile === null) return null;
    try {
      await this.context('config');
      return null;
    } catch (err) {
      if (err instanceof ConfigError) return err.message;
      throw err;
    }
  }

  /** Lint one upload under a playbook ("config", or a preset's name). */
  async lint(name: string, bytes: Uint8Array, playbook: string): Promise<Outcome<FileReport>> {
    const prepared = await this.prepare(name, playbook);
    if (!prepared.ok) return prepared;
    const { file, ctx, rules } = prepared.value;
    const result = await this.pool.run({ path: file, bytes, setup: ctx.setup, rules, timeout: this.opts.timeout });
    return result.ok ? { ok: true, value: result.report } : { ok: false, status: 422, error: `${file}: ${result.error}` };
  }

  /**
   * Lint uploads as one contract (a pack): read on the pool, linted together here. A file that cannot be read is a
   * failure beside the others; a name given twice, an unsupported type or an unknown playbook refuses the pack.
   */
  async lintPack(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, playbook: string): Promise<Outcome<{ reports: FileReport[]; failures: Array<{ path: string; error: string }>; pack: PackReport | null }>> {
    const items: Array<{ file: string; ctx: ConfigContext; rules: Array<[string, RuleSetting]>; bytes: Uint8Array }> = [];
    for (const f of files) {
      const prepared = await this.prepare(f.name, playbook);
      if (!prepared.ok) return prepared;
      if (items.some((x) => x.file === prepared.value.file)) return { ok: false, status: 400, error: `${prepared.value.file}: given twice in the pack` };
      items.push({ ...prepared.value, bytes: f.bytes });
    }
    const read = await Promise.all(items.map((x) => this.pool.read({ path: x.file, bytes: x.bytes, setup: x.ctx.setup, rules: [], timeout: this.opts.timeout })));
    const failures: Array<{ path: string; error: string }> = [];
    const members: PackMember[] = [];
    for (const [i, r] of read.entries()) {
      const x = items[i]!;
      if (!r.ok) {
        failures.push({ path: x.file, error: r.error });
        continue;
      }
      members.push({ doc: r.doc, playbook: { rules: new Map(x.rules) }, registry: (await registryFor(x.ctx.setup)).rules });
    }
    if (members.length === 0) return { ok: true, value: { reports: [], failures, pack: null } };
    const { reports, pack } = lintPack('upload', members, { checkpoint: deadline(this.opts.timeout * members.length) });
    return { ok: true, value: { reports, failures, pack } };
  }

  /** An upload's base name (the only part of a client's name that is used), its playbook context and rules. */
  private async prepare(name: string, playbook: string): Promise<Outcome<{ file: string; ctx: ConfigContext; rules: Array<[string, RuleSetting]> }>> {
    const file = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '') || 'upload';
    if (!TYPES.test(file)) return { ok: false, status: 415, error: `${file}: unsupported file type (expected .docx, .pdf, .md, .markdown or .txt)` };
    let ctx: ConfigContext;
    try {
      ctx = await this.context(playbook);
    } catch (err) {
      if (err instanceof ConfigError || err instanceof RangeError) return { ok: false, status: 400, error: err.message };
      throw err;
    }
    const rules = [...playbookFor(ctx.resolved, join(this.opts.cwd, file)).rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { ok: true, value: { file, ctx, rules } };
  }

  private context(playbook: string): Promise<ConfigContext> {
    if (playbook !== 'config' && !(playbook in PRESETS)) throw new RangeError(`unknown playbook "${playbook.slice(0, 40)}" (expected ${[...Object.keys(PRESETS), 'config'].join(', ')})`);
    let contexts = this.contexts.get(playbook);
    if (!contexts) {
      contexts = new ContextsClass(playbook === 'config' ? { config: this.opts.config, display: basename } : { preset: playbook, display: basename });
      this.contexts.set(playbook, contexts);
    }
    return playbook === 'config' ? contexts.forFile(join(this.opts.cwd, 'upload.md')) : contexts.defaults();
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
