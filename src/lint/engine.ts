import { analyse, type Sentence } from '../analyse/index.js';
import { detectClauses } from '../detect/index.js';
import type { ClauseResult, ClauseStatus } from '../detect/types.js';
import { excerpt, sectionRef } from '../detect/util.js';
import type { ContractDocument } from '../model.js';
import type { ClauseReport, FileReport, Finding, FindingLocation, ReportDescriptor, Rule } from './types.js';

export interface RuleSetting {
  severity: 'warn' | 'error';
  options: Record<string, unknown>;
}

/** A resolved playbook: the enabled rules with their severity and options. */
export interface Playbook {
  rules: ReadonlyMap<string, RuleSetting>;
}

function locate(at: ReportDescriptor['at']): FindingLocation {
  if (!at) return { section: null, position: null, excerpt: null };
  if ('status' in at) return { section: at.section, position: at.position, excerpt: at.evidence };
  if ('path' in at && 'block' in at) {
    const s = at as Sentence;
    return { section: sectionRef(s.path), position: s.position, excerpt: excerpt(s.text) };
  }
  return at as FindingLocation;
}

export interface LintOptions {
  /**
   * Called between the stages (analysis, clause detection) and between rules;
   * it throws to stop the lint (the CLI's per-file timeout, cooperative when a
   * file is linted in-process).
   */
  checkpoint?: () => void;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/**
 * Apply a playbook's rules to one document: analyse, detect the clauses the
 * enabled rules need, run each rule, and collect findings and clause statuses.
 * Pure: no file system, no process state.
 */
export function lintDocument(doc: ContractDocument, playbook: Playbook, registry: ReadonlyMap<string, Rule>, lintOptions: LintOptions = {}): FileReport {
  const checkpoint = lintOptions.checkpoint ?? ((): void => {});
  checkpoint();
  const analysed = analyse(doc);
  checkpoint();
  const enabled = [...playbook.rules.keys()].filter((id) => registry.has(id)).sort();
  const clauseIds = enabled.filter((id) => registry.get(id)!.meta.clause);
  const detected = detectClauses(analysed, clauseIds.filter((id) => !registry.get(id)!.detect));
  // Custom clauses and plugin clause rules bring their own detection.
  for (const id of clauseIds) {
    const detect = registry.get(id)!.detect;
    if (!detect) continue;
    checkpoint();
    detected.set(id, detect(analysed));
  }
  const findings: Finding[] = [];
  const statusOverride = new Map<string, ClauseStatus>();

  for (const id of enabled) {
    checkpoint();
    const rule = registry.get(id)!;
    const setting = playbook.rules.get(id)!;
    const options = { ...rule.meta.defaultOptions, ...setting.options };
    rule.check({
      doc, analysed, clauses: detected, options,
      report(d) {
        const template = rule.meta.messages[d.messageId];
        if (template === undefined) throw new Error(`rule ${id} reported unknown message id "${d.messageId}"`);
        const loc = locate(d.at);
        findings.push({
          ruleId: id,
          severity: d.info ? 'info' : setting.severity,
          messageId: d.messageId,
          message: formatMessage(template, d.data),
          line: loc.position?.line ?? 1,
          column: loc.position?.column ?? 1,
          ...(loc.position?.page !== undefined ? { page: loc.position.page, pageLine: loc.position.pageLine ?? 1 } : doc.format === 'pdf' ? { page: 1, pageLine: 1 } : {}),
          section: loc.section,
          excerpt: loc.excerpt,
          ask: d.info ? null : rule.meta.ask ?? null,
          url: rule.meta.url,
        });
      },
      setStatus(status) {
        statusOverride.set(id, status);
      },
    });
  }

  checkpoint();
  findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const clauses: ClauseReport[] = clauseIds.map((id) => {
    const r: ClauseResult = detected.get(id) ?? { id, status: 'missing', section: null, position: null, evidence: null, values: {}, reasons: [] };
    return { id, status: statusOverride.get(id) ?? r.status, section: r.section, evidence: r.evidence, values: r.values };
  });
  return {
    path: doc.path, format: doc.format, clauses, findings,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warn').length,
    infoCount: findings.filter((f) => f.severity === 'info').length,
  };
}
