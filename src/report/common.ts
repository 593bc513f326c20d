import type { PackReport } from '../lint/pack.js';
import type { ClauseStatus, SectionRef } from '../detect/types.js';
import type { FileReport, Finding, RuleMeta, Severity } from '../lint/types.js';
import type { InputFailure } from './json.js';

/** What a formatter may know about a rule: passed in by the caller (the CLI passes `RULES`' metadata). */
export type RuleInfo = Pick<RuleMeta, 'id' | 'description' | 'defaultSeverity' | 'category' | 'ask' | 'url'>;

/** Everything a report needs beyond the findings. Formatters never look anything up themselves. */
export interface ReportMeta {
  /** The clauselint version (SARIF `tool.driver.version`, report footers). */
  version: string;
  /** The rules that may appear in the report, in a fixed order (SARIF `tool.driver.rules`). */
  rules: readonly RuleInfo[];
  /** A readable name per clause id ("Audit rights"); the id is shown when absent. */
  clauseTitles?: Readonly<Record<string, string>>;
  /** The playbook named on the command line (`--preset`), when there was one. */
  playbook?: string | null;
  /** Inputs that could not be read. */
  failures?: readonly InputFailure[];
  /** Packs linted as one contract (--pack): their coverage replaces their files' own. */
  packs?: readonly PackReport[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warn', 'info'];
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'error', warn: 'warning', info: 'info' };
export const SEVERITY_PLURAL: Readonly<Record<Severity, string>> = { error: 'Errors', warn: 'Warnings', info: 'Info' };
export const STATUS_ORDER: readonly ClauseStatus[] = ['missing', 'weak', 'referenced', 'present', 'not-applicable'];

/** "§ 8.9 Personal Data Breach", "Personal Data Breach", or "(whole document)". */
export function sectionLabel(section: SectionRef | null): string {
  if (!section) return '(whole document)';
  return [section.number ? `§ ${section.number}` : null, section.heading].filter(Boolean).join(' ') || '(unnumbered)';
}

/** Where a finding is: `178:1` for Markdown and text, `¶91` (paragraph index) for DOCX, `p.3:12` (page 3, line 12) for PDF. */
export function where(f: Pick<Finding, 'line' | 'column' | 'page' | 'pageLine'>, format: FileReport['format']): string {
  if (format === 'pdf' && f.page !== undefined) return `p.${f.page}:${f.pageLine ?? 1}`;
  return format === 'docx' ? `¶${f.line}` : `${f.line}:${f.column}`;
}

/** The same, in words: "line 178", "paragraph 91" or "page 3, line 12". */
export function whereWords(f: Pick<Finding, 'line' | 'page' | 'pageLine'>, format: FileReport['format']): string {
  if (format === 'pdf' && f.page !== undefined) return `page ${f.page}, line ${f.pageLine ?? 1}`;
  return format === 'docx' ? `paragraph ${f.line}` : `line ${f.line}`;
}

/**
 * A finding about the document as a whole rather than a place in it: no
 * section and no quoted words (a missing clause). The engine puts these at 1:1.
 */
export function isDocumentLevel(f: Pick<Finding, 'section' | 'excerpt'>): boolean {
  return f.section === null && f.excerpt === null;
}

export function clauseTitle(meta: Pick<ReportMeta, 'clauseTitles'>, id: string): string {
  return meta.clauseTitles?.[id] ?? id;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function totals(files: readonly FileReport[]): { error: number; warn: number; info: number } {
  return {
    error: files.reduce((n, f) => n + f.errorCount, 0),
    warn: files.reduce((n, f) => n + f.warningCount, 0),
    info: files.reduce((n, f) => n + f.infoCount, 0),
  };
}

/** Findings of one severity, in report order. */
export function bySeverity(findings: readonly Finding[], severity: Severity): Finding[] {
  return findings.filter((f) => f.severity === severity);
}

/** Every clause id of the reports (union, sorted), for matrices across files. */
export function clauseIds(files: readonly FileReport[]): string[] {
  return [...new Set(files.flatMap((f) => f.clauses.map((c) => c.id)))].sort();
}
