import { VARIANT_REASONS } from '../detect/catalogue.js';
import type { ClauseResult } from '../detect/types.js';
import { defineRule, type OptionsSchema, type Rule, type RuleContext, type RuleMeta } from './types.js';

export interface ClauseRuleSpec {
  id: string;
  /** Lower-case clause name used in messages: "audit-rights clause" reads worse than "audit rights". */
  title: string;
  description: string;
  category: RuleMeta['category'];
  defaultSeverity: RuleMeta['defaultSeverity'];
  ask: string;
  /** Weak-reason codes from detection → words for the message. */
  reasons?: Record<string, string>;
  schema?: OptionsSchema;
  defaultOptions?: Record<string, unknown>;
  messages?: Record<string, string>;
  /** Playbook checks on a clause detection found (thresholds). Return true when it reported. */
  check?: (ctx: RuleContext, clause: ClauseResult) => boolean;
}

/**
 * A rule over one catalogue clause: missing and weak clauses become findings,
 * a clause supplied by another document, or present without an element worth asking for, becomes an info finding, and the
 * rule's own `check` applies the playbook's thresholds.
 */
export function clauseRule(spec: ClauseRuleSpec): Rule {
  const reasons = spec.reasons ?? {};
  const words = (clause: ClauseResult): string => clause.reasons.map((r) => reasons[r] ?? VARIANT_REASONS[r] ?? r.replace(/-/g, ' ')).join('; ');
  return defineRule({
    meta: {
      id: spec.id,
      description: spec.description,
      defaultSeverity: spec.defaultSeverity,
      category: spec.category,
      clause: true,
      schema: spec.schema ?? { type: 'object', properties: {}, additionalProperties: false },
      defaultOptions: spec.defaultOptions ?? {},
      messages: {
        missing: `Missing ${spec.title} clause.`,
        weak: `Weak ${spec.title} clause: {reasons}.`,
        referenced: `${spec.title[0]!.toUpperCase()}${spec.title.slice(1)} is left to another document{document}: check it there.`,
        present: `${spec.title[0]!.toUpperCase()}${spec.title.slice(1)} clause is present, but {reasons}.`,
        ...spec.messages,
      },
      ask: spec.ask,
      url: `rules/${spec.id}.md`,
    },
    check(ctx) {
      const clause = ctx.clauses.get(spec.id);
      if (!clause) return;
      if (spec.check && spec.check(ctx, clause)) return;
      switch (clause.status) {
        case 'missing':
          ctx.report({ messageId: 'missing', at: clause });
          break;
        case 'weak':
          ctx.report({ messageId: 'weak', at: clause, data: { reasons: words(clause) } });
          break;
        case 'present':
          // A sound clause without an element worth asking for (a payment clause with no procedure for disputed
          // invoices): an info finding, not a weak clause.
          if (clause.reasons.length > 0) ctx.report({ messageId: 'present', at: clause, info: true, data: { reasons: words(clause) } });
          break;
        case 'referenced':
          ctx.report({ messageId: 'referenced', at: clause, info: true, data: { document: typeof clause.values.document === 'string' ? ` (${clause.values.document})` : '' } });
          break;
        default:
          break;
      }
    },
  });
}
