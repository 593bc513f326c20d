import type { PackReport } from '../lint/pack.js';
import type { FileReport, Finding } from '../lint/types.js';

export interface InputFailure {
  path: string;
  error: string;
}

/**
 * The JSON report. Keys are written in a fixed order so the same findings give
 * the same bytes on every run. Suppressed findings are listed with their
 * `suppressed` record and are not counted in the error and warning counts.
 */
/** `line` and `column`; for a PDF, `page` with the line on that page. */
function place(x: Finding): { line: number; column: number; page?: number } {
  return x.page !== undefined ? { line: x.pageLine ?? 1, column: x.column, page: x.page } : { line: x.line, column: x.column };
}

export function formatJson(files: readonly FileReport[], failures: readonly InputFailure[] = [], packs: readonly PackReport[] = []): string {
  const out = {
    files: files.map((f) => ({
      path: f.path,
      format: f.format,
      clauses: f.clauses.map((c) => ({ id: c.id, status: c.status, section: c.section && { number: c.section.number, heading: c.section.heading }, evidence: c.evidence, values: sortKeys(c.values) })),
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId, severity: x.severity, messageId: x.messageId, message: x.message, ...place(x),
        section: x.section && { number: x.section.number, heading: x.section.heading }, excerpt: x.excerpt, ask: x.ask, url: x.url,
        suppressed: x.suppressed
          ? { kind: x.suppressed.kind, reason: x.suppressed.reason, approver: x.suppressed.approver ?? null, expires: x.suppressed.expires ?? null }
          : null,
      })),
      errorCount: f.errorCount,
      warningCount: f.warningCount,
      infoCount: f.infoCount,
      suppressedCount: f.suppressedCount ?? f.findings.filter((x) => x.suppressed).length,
    })),
    // Packs linted as one contract (--pack): their clause coverage, each clause with the document it comes from.
    ...(packs.length > 0 ? {
      packs: packs.map((p) => ({
        name: p.name, main: p.main, files: p.files,
        clauses: p.clauses.map((c) => ({ id: c.id, status: c.status, file: c.file, section: c.section && { number: c.section.number, heading: c.section.heading }, evidence: c.evidence, values: sortKeys(c.values) })),
      })),
    } : {}),
    failures: failures.map((x) => ({ path: x.path, error: x.error })),
    errorCount: files.reduce((n, f) => n + f.errorCount, 0),
    warningCount: files.reduce((n, f) => n + f.warningCount, 0),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function sortKeys<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
