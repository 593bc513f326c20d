import { readFile } from 'node:fs/promises';
import { RULES } from '../rules/index.js';
import { VERSION } from '../src/cli/version.js';
import { resolveConfig } from '../src/config/resolve.js';
import { DETECTORS } from '../src/detect/index.js';
import { lintDocument } from '../src/lint/engine.js';
import type { FileReport, Finding } from '../src/lint/types.js';
import { readDocument } from '../src/read/index.js';
import type { ReportMeta } from '../src/report/common.js';

/** The report metadata the CLI passes to formatters. */
export const META: ReportMeta = {
  version: VERSION,
  rules: [...RULES.values()].map((r) => r.meta),
  clauseTitles: Object.fromEntries([...DETECTORS.values()].map((d) => [d.id, d.title])),
  playbook: 'outsourcing',
  failures: [],
};

/** Lint contract text (or bytes) read as `path` under a preset, as the CLI would. */
export async function lintSource(path: string, source: string | Uint8Array, preset = 'outsourcing'): Promise<FileReport> {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const doc = await readDocument(path, bytes);
  const resolved = await resolveConfig({ file: '(test)', dir: '/', config: {}, extends: [] }, RULES, preset);
  return lintDocument(doc, { rules: resolved.rules }, RULES);
}

/** Lint a file on disk, reported under `reportPath`. */
export async function lintFile(file: string, reportPath: string, preset = 'outsourcing'): Promise<FileReport> {
  const report = await lintSource(file, await readFile(file), preset);
  return { ...report, path: reportPath };
}

/** A finding with defaults, for hand-made reports. */
export function finding(p: Partial<Finding> & Pick<Finding, 'ruleId'>): Finding {
  return {
    severity: 'error', messageId: 'weak', message: `Weak ${p.ruleId} clause.`, line: 1, column: 1,
    section: null, excerpt: null, ask: null, url: `rules/${p.ruleId}.md`, ...p,
  };
}

/** A file report with counts computed from its findings. */
export function fileReport(path: string, findings: Finding[], extra: Partial<FileReport> = {}): FileReport {
  return {
    path, format: 'markdown', clauses: [], findings,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warn').length,
    infoCount: findings.filter((f) => f.severity === 'info').length,
    ...extra,
  };
}

/** A contract whose headings, quoted words and file name carry script payloads. */
export const INJECTION_NAME = 'evil <img src=x onerror=window.__pwned=9>.txt';
export const INJECTION_TEXT = `SERVICES AGREEMENT

1. Data Protection

1.1 Breach. The Supplier shall notify the Customer of any Personal Data Breach without undue delay <img src=x onerror="window.__pwned='excerpt'">.

2. Fees "><svg onload=window.__pwned=3>

2.1 The fee is [TBD] <script>window.__pwned='placeholder'</script>.

3. Governing Law

3.1 This Agreement is governed by the laws of England and Wales.
`;
