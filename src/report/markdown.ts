import type { PackReport } from '../lint/pack.js';
import type { ClauseStatus } from '../detect/types.js';
import type { ClauseReport, FileReport, Finding } from '../lint/types.js';
import {
  type ReportMeta, SEVERITY_ORDER, SEVERITY_PLURAL, STATUS_ORDER, bySeverity, clauseTitle, isDocumentLevel, plural, sectionLabel, totals, whereWords,
} from './common.js';

export const STATUS_BADGE: Readonly<Record<ClauseStatus, string>> = {
  present: '✅ present',
  weak: '⚠️ weak',
  missing: '❌ missing',
  referenced: 'ℹ️ referenced',
  'not-applicable': '➖ not applicable',
};

/**
 * Contract text as Markdown inline text: backslash-escape what GitHub would
 * read as markup (emphasis, links, code, HTML, table pipes, `____` placeholders),
 * and fold line breaks, so a clause always stays one table cell or one line.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** Inline code that survives any backticks inside. */
function code(s: string): string {
  const ticks = '`'.repeat(Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return ticks.length > 1 ? `${ticks} ${s.replace(/[\r\n]+/g, ' ')} ${ticks}` : `\`${s}\``;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

function coverageRows(clauses: readonly ClauseReport[], meta: ReportMeta): string[][] {
  return clauses.map((c) => [
    `${mdText(clauseTitle(meta, c.id))} (${code(c.id)})`,
    STATUS_BADGE[c.status],
    c.section ? mdText(sectionLabel(c.section)) : '—',
    c.evidence ? `“${mdText(c.evidence)}”` : '—',
  ]);
}

function findingLines(f: Finding, file: FileReport, n: number): string[] {
  const place = isDocumentLevel(f) ? '' : ` · ${whereWords(f, file.format)}`;
  const lines = [`${n}. **${mdText(sectionLabel(f.section))}**${place} · ${code(f.ruleId)}  `, `   ${mdText(f.message)}`];
  if (f.excerpt) lines.push('', `   > “${mdText(f.excerpt)}”`);
  if (f.ask) lines.push('', `   **Ask for:** ${mdText(f.ask.replace(/^Ask for /, ''))}`);
  return lines;
}

function statusCounts(clauses: readonly ClauseReport[]): string {
  const parts = STATUS_ORDER.map((s) => [s, clauses.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'not-applicable' ? 'not applicable' : s}`);
  return parts.length ? parts.join(', ') : 'no playbook clauses';
}

/** A pack's coverage: every playbook clause, its status over the pack, the document and section it comes from. */
function packSection(p: PackReport, meta: ReportMeta): string[] {
  const rows = p.clauses.map((c) => [
    `${mdText(clauseTitle(meta, c.id))} (${code(c.id)})`,
    STATUS_BADGE[c.status],
    c.file ? mdText(c.file) : '—',
    c.section ? mdText(sectionLabel(c.section)) : '—',
    c.evidence ? `“${mdText(c.evidence)}”` : '—',
  ]);
  const gaps = p.clauses.filter((c) => c.status === 'missing' || c.status === 'weak');
  return [
    `## Pack ${mdText(p.name)}`, '',
    `${plural(p.files.length, 'file')}, read as one contract; main document ${mdText(p.main)}.`, '',
    '### Coverage', '',
    ...(rows.length === 0 ? ['_The playbook has no clause rules._'] : table(['Clause', 'Status', 'Document', 'Section', 'Deciding words'], rows)), '',
    gaps.length === 0 ? 'Every playbook clause is present or accounted for in the pack.' : `To negotiate: ${gaps.map((c) => `${mdText(clauseTitle(meta, c.id))} (${c.status})`).join(', ')}.`, '',
  ];
}

/**
 * The gap report for a review meeting or a pull request: per file a coverage
 * table of every playbook clause (status, section, deciding words), the
 * findings grouped by severity, and a summary.
 */
export function formatMarkdown(files: readonly FileReport[], meta: ReportMeta): string {
  const all = totals(files);
  const out: string[] = ['# Clause gap report', ''];
  const head = [
    meta.playbook ? `Playbook: ${code(meta.playbook)}` : null,
    plural(files.length, 'file'),
    plural(all.error, 'error'),
    plural(all.warn, 'warning'),
    `${all.info} info`,
  ].filter(Boolean);
  out.push(`${head.join(' · ')} · clauselint ${mdText(meta.version)}`, '');

  // A pack is one contract: one coverage table for it, each clause with the document it comes from.
  const inPack = new Set((meta.packs ?? []).flatMap((p) => p.files));
  for (const p of meta.packs ?? []) out.push(...packSection(p, meta));

  for (const file of files) {
    out.push(`## ${mdText(file.path)}`, '');
    if (!inPack.has(file.path)) {
      out.push('### Coverage', '');
      if (file.clauses.length === 0) out.push('_The playbook has no clause rules._', '');
      else out.push(...table(['Clause', 'Status', 'Section', 'Deciding words'], coverageRows(file.clauses, meta)), '');
    }

    out.push('### Findings', '');
    if (file.findings.length === 0) out.push('_No findings._', '');
    for (const sev of SEVERITY_ORDER) {
      const list = bySeverity(file.findings, sev);
      if (list.length === 0) continue;
      out.push(`#### ${SEVERITY_PLURAL[sev]} (${list.length})`, '');
      list.forEach((f, i) => out.push(...findingLines(f, file, i + 1), ''));
    }

    out.push('### Summary', '');
    out.push(...table(['Errors', 'Warnings', 'Info', 'Clauses'], [[String(file.errorCount), String(file.warningCount), String(file.infoCount), statusCounts(file.clauses)]]), '');
    const gaps = file.clauses.filter((c) => c.status === 'missing' || c.status === 'weak');
    if (!inPack.has(file.path)) out.push(gaps.length === 0
      ? 'Every playbook clause is present or accounted for.'
      : `To negotiate: ${gaps.map((c) => `${mdText(clauseTitle(meta, c.id))} (${c.status})`).join(', ')}.`, '');
  }

  const failures = meta.failures ?? [];
  if (files.length > 1 || failures.length > 0) {
    out.push('## Summary', '');
    if (files.length > 0) {
      out.push(...table(['File', 'Errors', 'Warnings', 'Info', 'Clauses'], [
        ...files.map((f) => [mdText(f.path), String(f.errorCount), String(f.warningCount), String(f.infoCount), statusCounts(f.clauses)]),
        ['**Total**', `**${all.error}**`, `**${all.warn}**`, `**${all.info}**`, ''],
      ]), '');
    }
    if (failures.length > 0) {
      out.push('Not read:', '', ...failures.map((x) => `- ${mdText(x.path)}: ${mdText(x.error)}`), '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
