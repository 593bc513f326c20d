import { clauseRule } from '../src/lint/clause-rule.js';
import { reportThreshold, thresholdOption } from './threshold.js';

const REASONS: Record<string, string> = {
  'no-carve-outs': 'the cap has no carve-outs for confidentiality, data protection, indemnities, fraud or wilful misconduct',
};

export default clauseRule({
  id: 'liability-cap',
  title: 'limitation-of-liability',
  description: 'Require a limitation of liability with a stated cap and the usual carve-outs.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a stated liability cap (e.g. 12 months\' fees) that does not limit liability for breach of confidentiality or data protection, indemnities, fraud or wilful misconduct.',
  reasons: REASONS,
  ...thresholdOption('minMonthsOfFees', 'Smallest acceptable cap expressed in months of fees (default 12).', 12),
  messages: { lowCap: 'Liability cap of {cap} is below the {min}-month threshold.' },
  check(ctx, clause) {
    const months = clause.values.capMonths;
    const min = ctx.options.minMonthsOfFees as number;
    if (clause.values.cap !== 'fees' || typeof months !== 'number' || months >= min) return false;
    const cap = months === 1 ? '1 month\'s fees' : `${months} months' fees`;
    return reportThreshold(ctx, clause, {
      reason: 'low-cap', messageId: 'lowCap', data: { cap, min },
      text: `a cap of ${cap} is below the ${min}-month threshold`,
    }, REASONS);
  },
});
