import type { ClauseResult } from '../src/detect/types.js';
import type { OptionsSchema, RuleContext } from '../src/lint/types.js';

/**
 * Shared by the clause rules whose playbook thresholds are named in the finding (audit-rights,
 * data-return-deletion, exit-assistance, liability-cap, service-levels). Not a rule itself.
 *
 * A value worse than the threshold makes a present clause weak and is reported with its own message
 * ("Audit notice 45 days exceeds the 30-day threshold."). On a clause that is already weak for other reasons the
 * same words are added to the weak finding, so that one finding names everything wrong with the clause.
 */
export function reportThreshold(
  ctx: RuleContext,
  clause: ClauseResult,
  breach: { reason: string; messageId: string; data: Record<string, string | number>; text: string },
  reasonWords: Record<string, string>,
): boolean {
  if (clause.status === 'present') return overThreshold(ctx, clause, breach);
  if (clause.status === 'weak') {
    const words = clause.reasons.map((r) => reasonWords[r] ?? r.replace(/-/g, ' '));
    ctx.report({ messageId: 'weak', at: clause, data: { reasons: [...words, breach.text].join('; ') } });
    return true;
  }
  return false;
}

/** A present clause whose value is past the playbook's threshold: weak, with the threshold named in its own finding. */
export function overThreshold(ctx: RuleContext, clause: ClauseResult, breach: { reason: string; messageId: string; data: Record<string, string | number> }): true {
  ctx.setStatus('weak', breach.reason);
  ctx.report({ messageId: breach.messageId, at: clause, data: breach.data });
  return true;
}

/** "45 days", "1 day", "2.5 months". */
export function plural(value: number, unit: string): string {
  const v = Math.round(value * 100) / 100;
  return `${v} ${unit}${v === 1 ? '' : 's'}`;
}

/**
 * The options schema and default of a rule whose playbook setting is one threshold: a whole number of at least 1
 * (days, hours), or any number above 0 (months, amounts).
 */
export function thresholdOption(name: string, description: string, defaultValue: number, type: 'integer' | 'number' = 'number'): { schema: OptionsSchema; defaultOptions: Record<string, number> } {
  const bound = type === 'integer' ? { minimum: 1 } : { exclusiveMinimum: 0 };
  return {
    schema: { type: 'object', properties: { [name]: { type, ...bound, description } }, additionalProperties: false },
    defaultOptions: { [name]: defaultValue },
  };
}
