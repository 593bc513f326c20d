import { expect } from 'vitest';
import { RULES } from '../rules/index.js';
import type { ClauseStatus } from '../src/detect/types.js';
import { lintDocument } from '../src/lint/engine.js';
import type { FileReport } from '../src/lint/types.js';
import { readMarkdown } from '../src/read/markdown.js';

export interface RuleCase {
  name: string;
  md: string;
  options?: Record<string, unknown>;
  /** Expected clause status (clause rules). */
  status?: ClauseStatus;
  /** Expected findings of the rule: message id, section number, line. Empty: none. */
  findings: Array<{ messageId: string; section?: string | null; line?: number; severity?: 'error' | 'warn' | 'info' }>;
}

export function lintWith(ruleId: string, md: string, options: Record<string, unknown> = {}): FileReport {
  const doc = readMarkdown('case.md', md);
  return lintDocument(doc, { rules: new Map([[ruleId, { severity: 'error', options }]]) }, RULES);
}

/** ESLint's RuleTester, for clauses: assert rule id, clause status, section number and line. */
export function runRuleCase(ruleId: string, c: RuleCase): void {
  const report = lintWith(ruleId, c.md, c.options);
  const own = report.findings.filter((f) => f.ruleId === ruleId);
  expect(own.map((f) => ({
    messageId: f.messageId,
    ...(c.findings.some((x) => x.section !== undefined) ? { section: f.section?.number ?? null } : {}),
    ...(c.findings.some((x) => x.line !== undefined) ? { line: f.line } : {}),
    ...(c.findings.some((x) => x.severity !== undefined) ? { severity: f.severity } : {}),
  }))).toEqual(c.findings);
  if (c.status !== undefined) {
    expect(report.clauses.find((x) => x.id === ruleId)?.status).toBe(c.status);
  }
}
