import { analyse, type AnalysedDocument, type Sentence } from '../analyse/index.js';
import { detectClauses } from '../detect/index.js';
import type { ClauseMap, ClauseResult, ClauseStatus } from '../detect/types.js';
import { excerpt, sectionRef } from '../detect/util.js';
import type { ContractDocument } from '../model.js';
import type { PackContext } from './pack-context.js';
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

/** A document analysed, with the clauses the enabled clause rules need detected. */
export interface Detected {
  analysed: AnalysedDocument;
  detected: ClauseMap;
}

/** Analyse a document and detect the given clauses (built-in detectors, or the rule's own for custom clauses and plugins). */
export function analyseAndDetect(doc: ContractDocument, clauseIds: readonly string[], registry: ReadonlyMap<string, Rule>, checkpoint: () => void = () => {}): Detected {
  checkpoint();
  const analysed = analyse(doc);
  checkpoint();
  const detected = detectClauses(analysed, clauseIds.filter((id) => !registry.get(id)!.detect));
  for (const id of clauseIds) {
    const detect = registry.get(id)!.detect;
    if (!detect) continue;
    checkpoint();
    detected.set(id, detect(analysed));
  }
  checkpoint();
  return { analysed, detected };
}

/** What running rules gives: the findings, and the playbook's verdicts on clauses where they differ from detection. */
export interface RuleRun {
  findings: Finding[];
  statusOverride: Map<string, ClauseStatus>;
}

export interface RunRulesInput {
  doc: ContractDocument;
  analysed: AnalysedDocument;
  clauses: ClauseMap;
  ruleIds: readonly string[];
  playbook: Playbook;
  registry: ReadonlyMap<string, Rule>;
  checkpoint?: () => void;
  /** Linting a contract pack: the other documents (see src/lint/pack.ts). */
  pack?: PackContext;
  /** Where a finding goes when it is not in `doc` (a pack's clause found in another document): called with what the rule reported. */
  onFinding?: (finding: Finding, at: ReportDescriptor['at']) => void;
}

/** Run rules over an analysed document; findings in document order. */
export function runRules(input: RunRulesInput): RuleRun {
  const { doc, analysed, clauses, playbook, registry } = input;
  const checkpoint = input.checkpoint ?? ((): void => {});
  const findings: Finding[] = [];
  const statusOverride = new Map<string, ClauseStatus>();
  for (const id of input.ruleIds) {
    checkpoint();
    const rule = registry.get(id)!;
    const setting = playbook.rules.get(id)!;
    const options = { ...rule.meta.defaultOptions, ...setting.options };
    rule.check({
      doc, analysed, clauses, options,
      ...(input.pack ? { pack: input.pack } : {}),
      report(d) {
        const template = rule.meta.messages[d.messageId];
        if (template === undefined) throw new Error(`rule ${id} reported unknown message id "${d.messageId}"`);
        const loc = locate(d.at);
        const finding: Finding = {
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
        };
        if (input.onFinding) input.onFinding(finding, d.at);
        else findings.push(finding);
      },
      setStatus(status) {
        statusOverride.set(id, status);
      },
    });
  }
  checkpoint();
  findings.sort(byPlace);
  return { findings, statusOverride };
}

/** Findings in document order: line, column, then rule and message (a stable order for reports). */
export function byPlace(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** A file's report from its findings and clause results. */
export function fileReport(doc: ContractDocument, findings: Finding[], clauseIds: readonly string[], detected: ClauseMap, statusOverride: ReadonlyMap<string, ClauseStatus> = new Map()): FileReport {
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

/** The enabled rules of a playbook that the registry knows, sorted; and which of them are clause rules. */
export function enabledRules(playbook: Playbook, registry: ReadonlyMap<string, Rule>): { enabled: string[]; clauseIds: string[] } {
  const enabled = [...playbook.rules.keys()].filter((id) => registry.has(id)).sort();
  return { enabled, clauseIds: enabled.filter((id) => registry.get(id)!.meta.clause) };
}

/**
 * Apply a playbook's rules to one document: analyse, detect the clauses the
 * enabled rules need, run each rule, and collect findings and clause statuses.
 * Pure: no file system, no process state.
 */
export function lintDocument(doc: ContractDocument, playbook: Playbook, registry: ReadonlyMap<string, Rule>, lintOptions: LintOptions = {}): FileReport {
  const checkpoint = lintOptions.checkpoint ?? ((): void => {});
  const { enabled, clauseIds } = enabledRules(playbook, registry);
  const { analysed, detected } = analyseAndDetect(doc, clauseIds, registry, checkpoint);
  const { findings, statusOverride } = runRules({ doc, analysed, clauses: detected, ruleIds: enabled, playbook, registry, checkpoint });
  return fileReport(doc, findings, clauseIds, detected, statusOverride);
}
