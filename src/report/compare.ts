import type { ClauseStatus, SectionRef } from '../detect/types.js';
import type { FileReport, Finding } from '../lint/types.js';
import { SEVERITY_LABEL, type ReportMeta, clauseTitle, isDocumentLevel, plural, sectionLabel, where } from './common.js';
import { mdText } from './markdown.js';
import { type Colours, NO_COLOUR } from './stylish.js';

export type ChangeKind = 'resolved' | 'new' | 'unchanged';

/** How an unchanged finding was recognised across drafts. */
export type MatchBasis = 'same-words' | 'same-clause' | 'moved';

export interface FindingChange {
  kind: ChangeKind;
  /** The finding in the old draft (resolved, unchanged). */
  old: Finding | null;
  /** The finding in the new draft (new, unchanged). */
  new: Finding | null;
  /** For unchanged findings: same clause and words, same clause with other words, or the same words in another clause. */
  basis: MatchBasis | null;
}

export interface ClauseChange {
  id: string;
  old: ClauseStatus | null;
  new: ClauseStatus | null;
  oldSection: SectionRef | null;
  newSection: SectionRef | null;
}

export interface Comparison {
  old: { path: string; format: FileReport['format'] };
  new: { path: string; format: FileReport['format'] };
  resolved: FindingChange[];
  added: FindingChange[];
  unchanged: FindingChange[];
  /** Playbook clauses whose status differs between the drafts. */
  clauses: ClauseChange[];
  /** Errors the new draft introduces: new error findings, and unchanged findings raised to error. */
  newErrors: number;
  newWarnings: number;
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[.:]+$/, '').trim();

/**
 * The clause a finding concerns: its number when it has one (numbers are how
 * lawyers name clauses), else its heading, else the whole document.
 */
export function clauseKey(section: SectionRef | null): string {
  if (!section) return '(document)';
  if (section.number) return `#${norm(section.number)}`;
  if (section.heading) return `h:${norm(section.heading)}`;
  return '(unnumbered)';
}

const wordsKey = (f: Finding): string | null => (f.excerpt ? norm(f.excerpt) : null);

/**
 * Match the findings of two drafts by rule and clause, never by line: lines
 * and paragraph indexes move whenever text is added above. Three passes, each
 * on what is still unmatched, in document order:
 *   1. same rule, same clause, same quoted words;
 *   2. same rule, same clause, when the rule flags that clause once in each
 *      draft (the words changed, the problem did not);
 *   3. same rule, same quoted words in another clause (renumbered or moved).
 * What is left is resolved (old only) or new (new draft only).
 */
export function compareReports(oldReport: FileReport, newReport: FileReport): Comparison {
  const oldLeft = [...oldReport.findings];
  const newLeft = [...newReport.findings];
  const unchanged: FindingChange[] = [];
  const pass = (basis: MatchBasis, key: (f: Finding) => string | null, onlyIfUnique = false): void => {
    const count = (list: readonly Finding[], k: string): number => list.filter((f) => key(f) === k).length;
    for (let i = 0; i < oldLeft.length; i++) {
      const o = oldLeft[i]!;
      const k = key(o);
      if (k === null) continue;
      if (onlyIfUnique && (count(oldLeft, k) !== 1 || count(newLeft, k) !== 1)) continue;
      const j = newLeft.findIndex((n) => key(n) === k);
      if (j < 0) continue;
      unchanged.push({ kind: 'unchanged', old: o, new: newLeft[j]!, basis });
      oldLeft.splice(i, 1);
      newLeft.splice(j, 1);
      i--;
    }
  };
  pass('same-words', (f) => `${f.ruleId}\u0000${clauseKey(f.section)}\u0000${wordsKey(f) ?? ''}`);
  pass('same-clause', (f) => `${f.ruleId}\u0000${clauseKey(f.section)}`, true);
  pass('moved', (f) => (wordsKey(f) === null ? null : `${f.ruleId}\u0000${wordsKey(f)}`));

  const byNewOrder = (a: FindingChange, b: FindingChange): number => (a.new!.line - b.new!.line) || (a.new!.column - b.new!.column);
  unchanged.sort(byNewOrder);
  const resolved = oldLeft.map((o): FindingChange => ({ kind: 'resolved', old: o, new: null, basis: null }));
  const added = newLeft.map((n): FindingChange => ({ kind: 'new', old: null, new: n, basis: null }));

  const ids = [...new Set([...oldReport.clauses, ...newReport.clauses].map((c) => c.id))].sort();
  const clauses: ClauseChange[] = [];
  for (const id of ids) {
    const o = oldReport.clauses.find((c) => c.id === id) ?? null;
    const n = newReport.clauses.find((c) => c.id === id) ?? null;
    if (o?.status === n?.status) continue;
    clauses.push({ id, old: o?.status ?? null, new: n?.status ?? null, oldSection: o?.section ?? null, newSection: n?.section ?? null });
  }

  const raised = unchanged.filter((c) => c.new!.severity === 'error' && c.old!.severity !== 'error').length;
  return {
    old: { path: oldReport.path, format: oldReport.format },
    new: { path: newReport.path, format: newReport.format },
    resolved,
    added,
    unchanged,
    clauses,
    newErrors: added.filter((c) => c.new!.severity === 'error').length + raised,
    newWarnings: added.filter((c) => c.new!.severity === 'warn').length,
  };
}

/** Exit status of `clauselint compare`: 1 when the new draft introduces an error. */
export function compareExitCode(c: Comparison): 0 | 1 {
  return c.newErrors > 0 ? 1 : 0;
}

/** Where a change is: `¶47 → ¶48` for an unchanged finding that moved; `—` for a whole-document finding (a missing clause). */
function changeWhere(x: FindingChange, c: Comparison): string {
  const one = (f: Finding, format: FileReport['format']): string => (isDocumentLevel(f) ? '—' : where(f, format));
  if (x.kind === 'unchanged') {
    const a = one(x.old!, c.old.format);
    const b = one(x.new!, c.new.format);
    return a === '—' && b === '—' ? '—' : `${a} → ${b}`;
  }
  return x.kind === 'resolved' ? one(x.old!, c.old.format) : one(x.new!, c.new.format);
}

function summaryLine(c: Comparison): string {
  return `${plural(c.newErrors, 'new error')}, ${plural(c.newWarnings, 'new warning')}; ${c.resolved.length} resolved; ${c.unchanged.length} unchanged`;
}

const statusText = (s: ClauseStatus | null): string => s ?? 'not in playbook';

/** Stylish: resolved, new and unchanged findings under the two file names, with where each one was and is. */
export function formatCompareStylish(c: Comparison, col: Colours = NO_COLOUR): string {
  const lines: string[] = [`${col.underline(c.old.path)} → ${col.underline(c.new.path)}`, ''];
  const groups: Array<[string, FindingChange[], (s: string) => string]> = [
    ['Resolved', c.resolved, col.green],
    ['New', c.added, col.red],
    ['Unchanged', c.unchanged, col.dim],
  ];
  for (const [title, list, paint] of groups) {
    lines.push(col.bold(`${title} (${list.length})`));
    if (list.length === 0) lines.push(`  ${col.dim('none')}`);
    const at = (x: FindingChange): string => changeWhere(x, c);
    const width = Math.max(0, ...list.map((x) => at(x).length));
    for (const x of list) {
      const f = (x.new ?? x.old)!;
      const sev = f.severity === 'error' ? col.red('error') : f.severity === 'warn' ? col.yellow('warning') : col.blue('info');
      const pad = ' '.repeat(9 - SEVERITY_LABEL[f.severity].length);
      const section = x.kind === 'unchanged' && clauseKey(x.old!.section) !== clauseKey(x.new!.section)
        ? `${sectionLabel(x.old!.section)} → ${sectionLabel(x.new!.section)}`
        : sectionLabel(f.section);
      lines.push(`  ${col.dim(at(x).padStart(width))}  ${sev}${pad}${col.bold(section)}  ${paint(f.message)}  ${col.dim(f.ruleId)}`);
      if (f.excerpt) lines.push(`${' '.repeat(width + 4)}${col.dim(`“${f.excerpt}”`)}`);
    }
    lines.push('');
  }
  if (c.clauses.length > 0) {
    lines.push(col.bold(`Clause status changes (${c.clauses.length})`));
    const w = Math.max(...c.clauses.map((x) => x.id.length));
    for (const x of c.clauses) {
      const place = x.newSection ? `  ${sectionLabel(x.newSection)}` : '';
      lines.push(`  ${x.id.padEnd(w)}  ${statusText(x.old)} → ${statusText(x.new)}${place}`);
    }
    lines.push('');
  }
  const summary = `${c.newErrors > 0 ? '✖' : '✔'} ${summaryLine(c)}`;
  lines.push(c.newErrors > 0 ? col.red(col.bold(summary)) : col.green(col.bold(summary)));
  return `${lines.join('\n')}\n`;
}

function findingJson(f: Finding | null): Record<string, unknown> | null {
  if (!f) return null;
  return {
    ruleId: f.ruleId, severity: f.severity, messageId: f.messageId, message: f.message,
    ...(f.page !== undefined ? { line: f.pageLine ?? 1, column: f.column, page: f.page } : { line: f.line, column: f.column }),
    section: f.section && { number: f.section.number, heading: f.section.heading }, excerpt: f.excerpt,
  };
}

/** JSON: keys in a fixed order, like the lint report. */
export function formatCompareJson(c: Comparison): string {
  const change = (x: FindingChange): Record<string, unknown> => ({ kind: x.kind, basis: x.basis, old: findingJson(x.old), new: findingJson(x.new) });
  const out = {
    old: { path: c.old.path, format: c.old.format },
    new: { path: c.new.path, format: c.new.format },
    findings: {
      resolved: c.resolved.map(change),
      new: c.added.map(change),
      unchanged: c.unchanged.map(change),
    },
    clauses: c.clauses.map((x) => ({
      id: x.id, old: x.old, new: x.new,
      oldSection: x.oldSection && { number: x.oldSection.number, heading: x.oldSection.heading },
      newSection: x.newSection && { number: x.newSection.number, heading: x.newSection.heading },
    })),
    newErrors: c.newErrors,
    newWarnings: c.newWarnings,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Markdown for a pull request or the negotiation notes. */
export function formatCompareMarkdown(c: Comparison, meta?: Pick<ReportMeta, 'clauseTitles'>): string {
  const out: string[] = [`# Draft comparison`, '', `${mdText(c.old.path)} → ${mdText(c.new.path)}`, '', `**${mdText(summaryLine(c))}**`, ''];
  const groups: Array<[string, FindingChange[]]> = [['Resolved', c.resolved], ['New', c.added], ['Unchanged', c.unchanged]];
  for (const [title, list] of groups) {
    out.push(`## ${title} (${list.length})`, '');
    if (list.length === 0) {
      out.push('_None._', '');
      continue;
    }
    out.push(`| Severity | Clause | Finding | Rule | ${title === 'Unchanged' ? 'Was → is' : title === 'Resolved' ? 'Was at' : 'At'} |`, '| --- | --- | --- | --- | --- |');
    for (const x of list) {
      const f = (x.new ?? x.old)!;
      const at = changeWhere(x, c);
      const clause = x.kind === 'unchanged' && clauseKey(x.old!.section) !== clauseKey(x.new!.section)
        ? `${sectionLabel(x.old!.section)} → ${sectionLabel(x.new!.section)}`
        : sectionLabel(f.section);
      const words = f.excerpt ? `<br>“${mdText(f.excerpt)}”` : '';
      out.push(`| ${SEVERITY_LABEL[f.severity]} | ${mdText(clause)} | ${mdText(f.message)}${words} | \`${f.ruleId}\` | ${at} |`);
    }
    out.push('');
  }
  if (c.clauses.length > 0) {
    out.push(`## Clause status changes (${c.clauses.length})`, '', '| Clause | Old draft | New draft |', '| --- | --- | --- |');
    for (const x of c.clauses) {
      const title = meta ? clauseTitle(meta, x.id) : x.id;
      out.push(`| ${mdText(title)} (\`${x.id}\`) | ${statusText(x.old)} | ${statusText(x.new)}${x.newSection ? ` (${mdText(sectionLabel(x.newSection))})` : ''} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
