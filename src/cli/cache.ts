import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FileReport } from '../lint/types.js';
import { sha256 } from './hash.js';
import { writeAtomic } from './write.js';

interface CacheData {
  version: 1;
  entries: Record<string, { key: string; report: FileReport }>;
}

/**
 * --cache: the report of each file (inline suppressions applied, before waivers
 * and baseline) keyed by the file's content hash, its playbook, the custom
 * clauses and plugin files, and the clauselint version.
 */
export class LintCache {
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly data: CacheData,
  ) {}

  /** A missing or unreadable cache file starts an empty cache. */
  static async load(file: string): Promise<LintCache> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheData;
      if (data && data.version === 1 && data.entries && typeof data.entries === 'object') return new LintCache(file, data);
    } catch {
      // no cache yet, or not one of ours: start again
    }
    return new LintCache(file, { version: 1, entries: {} });
  }

  static key(parts: { version: string; setup: string; rules: unknown; content: Uint8Array }): string {
    return sha256(JSON.stringify([parts.version, parts.setup, parts.rules, sha256(parts.content)]));
  }

  get(source: string, key: string): FileReport | null {
    const e = this.data.entries[source];
    return e && e.key === key ? e.report : null;
  }

  set(source: string, key: string, report: FileReport): void {
    this.data.entries[source] = { key, report };
    this.changed = true;
  }

  /** Write the cache (atomically), dropping the entries of files that no longer exist. */
  async save(cwd: string): Promise<void> {
    for (const k of Object.keys(this.data.entries)) {
      if (!existsSync(k)) {
        delete this.data.entries[k];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    await writeAtomic(this.file, JSON.stringify(this.data), [], cwd);
  }
}
