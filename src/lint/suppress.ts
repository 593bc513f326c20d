import { sectionRef } from '../detect/util.js';
import { type ContractDocument, walkSections } from '../model.js';
import { blockAtLine, placedBlocks } from './blocks.js';
import type { FileReport, Finding, RuleMeta, Suppression } from './types.js';

/**
 * Suppressions, pure: inline `<!-- clauselint-… -->` comments (Markdown), a
 * waivers file (any format) and a baseline. A suppressed finding stays in the
 * report with `suppressed` set and counts towards nothing.
 */

export type SuppressionRuleInfo = Pick<RuleMeta, 'id' | 'description' | 'defaultSeverity' | 'category' | 'ask' | 'url'>;

/** The findings about suppressions themselves (they are not playbook rules and cannot be configured). */
export const SUPPRESSION_RULES: readonly SuppressionRuleInfo[] = [
  {
    id: 'suppression-reason', category: 'hygiene', defaultSeverity: 'warn', url: 'README.md#suppressions',
    description: 'A clauselint-disable comment or a waiver must say why the deviation is accepted; without a reason it suppresses nothing.',
    ask: 'Add the reason after " -- " in the comment, or a "reason" to the waiver.',
  },
  {
    id: 'invalid-suppression', category: 'hygiene', defaultSeverity: 'warn', url: 'README.md#suppressions',
    description: 'A clauselint comment that clauselint cannot read: an unknown directive or rule id.',
    ask: 'Write <!-- clauselint-disable RULE -- reason -->, <!-- clauselint-disable-next RULE -- reason --> or <!-- clauselint-enable RULE -->.',
  },
  {
    id: 'waiver-expired', category: 'hygiene', defaultSeverity: 'warn', url: 'README.md#waivers',
    description: 'A waiver past its expiry date no longer suppresses its findings.',
    ask: 'Renew the waiver with a new approval and expiry date, or resolve the finding.',
  },
];
export const SUPPRESSION_RULE_IDS: ReadonlySet<string> = new Set(SUPPRESSION_RULES.map((r) => r.id));

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next';
  /** Rule ids; empty: every rule. */
  rules: string[];
  reason: string | null;
  line: number;
  text: string;
}

const DIRECTIVE = /^clauselint-(disable-next-line|disable-next|disable|enable)(?=\s|$)/;

/** Parse `clauselint-disable audit-rights, insurance -- accepted: …` (the comment's text). Null: not a directive clauselint knows. */
export function parseDirective(text: string, line: number): Directive | null {
  const t = text.trim();
  const m = DIRECTIVE.exec(t);
  if (!m) return null;
  const rest = t.slice(m[0].length);
  const sepAt = rest.search(/(?:^|\s)--(?:\s|$)/);
  const ids = sepAt < 0 ? rest : rest.slice(0, sepAt);
  const reason = sepAt < 0 ? null : rest.slice(sepAt).replace(/^\s*--\s*/, '').trim() || null;
  const kind = m[1] === 'enable' ? 'enable' : m[1] === 'disable' ? 'disable' : 'disable-next';
  return { kind, rules: ids.split(/[\s,]+/).filter(Boolean), reason, line, text: t };
}

function metaFinding(ruleId: string, message: string, at: Pick<Finding, 'line' | 'column' | 'section' | 'excerpt'>): Finding {
  const info = SUPPRESSION_RULES.find((r) => r.id === ruleId)!;
  return { ruleId, severity: info.defaultSeverity, messageId: ruleId, message, ...at, ask: info.ask ?? null, url: info.url };
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** Counts from the findings that are not suppressed. */
export function recount(report: FileReport): FileReport {
  const live = report.findings.filter((f) => !f.suppressed);
  return {
    ...report,
    errorCount: live.filter((f) => f.severity === 'error').length,
    warningCount: live.filter((f) => f.severity === 'warn').length,
    infoCount: live.filter((f) => f.severity === 'info').length,
    suppressedCount: report.findings.length - live.length,
  };
}

/** The reports without their suppressed findings (for formats that show only what needs attention). */
export function withoutSuppressed(reports: readonly FileReport[]): FileReport[] {
  return reports.map((r) => (r.findings.some((f) => f.suppressed) ? { ...r, findings: r.findings.filter((f) => !f.suppressed) } : r));
}

/** The lines a `disable-next` covers: the next block, or the whole section (with its sub-clauses) when the next thing is a heading. */
function nextRange(doc: ContractDocument, line: number): [number, number] | null {
  const anchors = new Set<number>();
  for (const p of placedBlocks(doc)) anchors.add(p.block.position.line);
  const sections = [...walkSections(doc.sections)];
  for (const s of sections) anchors.add(s.position.line);
  const sorted = [...anchors].sort((a, b) => a - b);
  const next = sorted.find((l) => l > line);
  if (next === undefined) return null;
  const after = (l: number): number => {
    const n = sorted.find((x) => x > l);
    return n === undefined ? Infinity : n - 1;
  };
  const section = sections.find((s) => s.position.line === next);
  if (!section) return [next, after(next)];
  let last = next;
  for (const s of walkSections([section])) {
    last = Math.max(last, s.position.line, ...s.blocks.map((b) => b.position.line));
  }
  return [next, after(last)];
}

/** Where a directive is, as a finding location. */
function directiveAt(doc: ContractDocument, d: Directive): Pick<Finding, 'line' | 'column' | 'section' | 'excerpt'> {
  const b = blockAtLine(doc, d.line);
  return { line: d.line, column: 1, section: b ? sectionRef(b.path) : null, excerpt: `<!-- ${d.text} -->` };
}

/**
 * Apply a document's inline directives to its report. A directive without a
 * reason suppresses nothing and is reported (`suppression-reason`), as is an
 * unknown directive or rule id (`invalid-suppression`). `knownRules`: every
 * rule id that may be named.
 */
export function applyInlineDirectives(report: FileReport, doc: ContractDocument, knownRules: ReadonlySet<string>): FileReport {
  const raw = doc.directives ?? [];
  if (raw.length === 0) return report;
  const extra: Finding[] = [];
  const directives: Directive[] = [];
  for (const r of raw) {
    const d = parseDirective(r.text, r.line);
    if (!d) {
      const fake: Directive = { kind: 'disable', rules: [], reason: null, line: r.line, text: r.text.trim() };
      extra.push(metaFinding('invalid-suppression', `Unknown clauselint directive "${r.text.trim().split(/\s/)[0]}".`, directiveAt(doc, fake)));
      continue;
    }
    const unknown = d.rules.filter((id) => !knownRules.has(id));
    if (unknown.length > 0) {
      extra.push(metaFinding('invalid-suppression', `Unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} in clauselint-${d.kind}.`, directiveAt(doc, d)));
    }
    if (d.kind !== 'enable' && d.reason === null) {
      extra.push(metaFinding('suppression-reason', `clauselint-${d.kind}${d.rules.length ? ` ${d.rules.join(', ')}` : ''} gives no reason (add " -- why"): it suppresses nothing.`, directiveAt(doc, d)));
      continue;
    }
    directives.push(d);
  }

  // Each disable as a range of lines, closed by the next enable that names the rule (or enables all).
  interface Range { rules: string[]; start: number; end: number; toEnd: boolean; reason: string }
  const ranges: Range[] = [];
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  for (const [i, d] of sorted.entries()) {
    if (d.kind === 'disable') {
      const perRule = d.rules.length === 0 ? [[] as string[]] : d.rules.map((r) => [r]);
      for (const rules of perRule) {
        const closer = sorted.slice(i + 1).find((e) => e.kind === 'enable' && (e.rules.length === 0 || rules.length === 0 || e.rules.includes(rules[0]!)));
        ranges.push({ rules, start: d.line, end: closer ? closer.line : Infinity, toEnd: !closer, reason: d.reason! });
      }
    } else if (d.kind === 'disable-next') {
      const r = nextRange(doc, d.line);
      if (r) ranges.push({ rules: d.rules, start: r[0], end: r[1], toEnd: false, reason: d.reason! });
    }
  }

  const documentLevel = (f: Finding): boolean => f.section === null && f.excerpt === null;
  const findings = report.findings.map((f) => {
    if (f.suppressed) return f;
    const hit = ranges.find((r) => (r.rules.length === 0 || r.rules.includes(f.ruleId)) &&
      ((f.line >= r.start && f.line <= r.end) || (documentLevel(f) && r.toEnd)));
    return hit ? { ...f, suppressed: { kind: 'inline', reason: hit.reason } satisfies Suppression } : f;
  });
  return recount({ ...report, findings: [...findings, ...extra].sort(byPosition) });
}

export interface Waiver {
  /** Position in the waivers file (0-based). */
  index: number;
  rule: string;
  files: string[];
  clause?: string;
  reason?: string;
  approver: string;
  /** Last day the waiver applies, YYYY-MM-DD. */
  expires: string;
}

function normClause(s: string): string {
  return s.trim().replace(/^(?:§+|clause|section|article)\s*/i, '').replace(/\.$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** "11" covers clause 11 and its sub-clauses ("11.2", "11(b)", "11.2(b)"). */
export function clauseCovers(waiverClause: string, number: string | null): boolean {
  if (number === null) return false;
  const w = normClause(waiverClause);
  const n = normClause(number);
  return n === w || n.startsWith(`${w}.`) || n.startsWith(`${w}(`) || n.startsWith(`${w} (`);
}

/**
 * Apply waivers to one report. `matchesFile(globs)` says whether the waiver's
 * globs match this file (the caller knows where the waivers file is); `today`
 * is YYYY-MM-DD. An expired waiver, or one without a reason, suppresses nothing
 * and says so once per file.
 */
export function applyWaivers(report: FileReport, waivers: readonly Waiver[], matchesFile: (globs: readonly string[]) => boolean, today: string, waiversFile: string): FileReport {
  const applicable = waivers.filter((w) => matchesFile(w.files));
  if (applicable.length === 0) return report;
  const notes = new Map<Waiver, Finding>();
  const findings = report.findings.map((f) => {
    if (f.suppressed || SUPPRESSION_RULE_IDS.has(f.ruleId)) return f;
    const matching = applicable.filter((w) => (w.rule === f.ruleId || w.rule === '*') && (w.clause === undefined || clauseCovers(w.clause, f.section?.number ?? null)));
    const valid = matching.find((w) => w.reason !== undefined && w.reason.trim() !== '' && w.expires >= today);
    if (valid) return { ...f, suppressed: { kind: 'waiver', reason: valid.reason!.trim(), approver: valid.approver, expires: valid.expires } satisfies Suppression };
    for (const w of matching) {
      if (notes.has(w)) continue;
      const at = { line: f.line, column: f.column, section: f.section, excerpt: f.excerpt };
      const name = `${waiversFile} #${w.index + 1}`;
      if (w.reason === undefined || w.reason.trim() === '') notes.set(w, metaFinding('suppression-reason', `Waiver for ${w.rule} (${name}, approved by ${w.approver}) gives no reason: it suppresses nothing.`, at));
      else notes.set(w, metaFinding('waiver-expired', `Waiver for ${w.rule} (${name}, approved by ${w.approver}) expired on ${w.expires}: the finding is reported again.`, at));
    }
    return f;
  });
  return recount({ ...report, findings: [...findings, ...notes.values()].sort(byPosition) });
}

/** A baseline: per file (relative to the baseline file, `/` separators), how many findings of each rule each clause had. */
export interface Baseline {
  version: 1;
  files: Record<string, BaselineEntry[]>;
}

export interface BaselineEntry {
  rule: string;
  /** The clause number, else its heading; null for the document as a whole. */
  clause: string | null;
  count: number;
}

export function clauseKey(f: Pick<Finding, 'section'>): string | null {
  return f.section?.number ?? f.section?.heading ?? null;
}

function entryKey(rule: string, clause: string | null): string {
  return `${rule}\u0000${clause ?? ''}\u0000${clause === null ? 'doc' : 'clause'}`;
}

/** Suppress the findings the baseline knows (matched by rule and clause, at most `count` each), in report order. */
export function applyBaseline(report: FileReport, entries: readonly BaselineEntry[] | undefined, baselineFile: string): FileReport {
  if (!entries || entries.length === 0) return report;
  const left = new Map<string, number>();
  for (const e of entries) left.set(entryKey(e.rule, e.clause), (left.get(entryKey(e.rule, e.clause)) ?? 0) + e.count);
  const findings = report.findings.map((f) => {
    if (f.suppressed) return f;
    const k = entryKey(f.ruleId, clauseKey(f));
    const n = left.get(k) ?? 0;
    if (n <= 0) return f;
    left.set(k, n - 1);
    return { ...f, suppressed: { kind: 'baseline', reason: `recorded in the baseline (${baselineFile})` } satisfies Suppression };
  });
  return recount({ ...report, findings });
}

/**
 * The baseline after a run: the files linted now get their current findings
 * (those not suppressed by a comment or waiver); other files keep theirs.
 */
export function buildBaseline(previous: Baseline | null, linted: ReadonlyArray<{ key: string; report: FileReport }>): Baseline {
  const files = new Map(Object.entries(previous?.files ?? {}));
  for (const { key, report } of linted) {
    const counts = new Map<string, BaselineEntry>();
    for (const f of report.findings) {
      if (f.suppressed && f.suppressed.kind !== 'baseline') continue;
      const clause = clauseKey(f);
      const k = entryKey(f.ruleId, clause);
      const e = counts.get(k) ?? { rule: f.ruleId, clause, count: 0 };
      e.count += 1;
      counts.set(k, e);
    }
    if (counts.size === 0) files.delete(key);
    else {
      files.set(key, [...counts.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
        ((a.clause ?? '') < (b.clause ?? '') ? -1 : (a.clause ?? '') > (b.clause ?? '') ? 1 : 0)));
    }
  }
  const sortedFiles = Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { version: 1, files: sortedFiles };
}

/** Check a parsed baseline file; a message when it is not one. */
export function checkBaseline(data: unknown): string | null {
  if (data === null || typeof data !== 'object' || (data as Baseline).version !== 1) return 'not a clauselint baseline (expected "version": 1)';
  const files = (data as Baseline).files;
  if (files === null || typeof files !== 'object' || Array.isArray(files)) return '"files" must be an object';
  for (const [k, list] of Object.entries(files)) {
    if (!Array.isArray(list) || !list.every((e) => e && typeof e.rule === 'string' && (typeof e.clause === 'string' || e.clause === null) && Number.isInteger(e.count) && e.count > 0)) {
      return `files.${k}: each entry needs "rule", "clause" and a positive "count"`;
    }
  }
  return null;
}
