import { clauseRule } from '../src/lint/clause-rule.js';
import { reportThreshold, thresholdOption } from './threshold.js';

const REASONS: Record<string, string> = {
  'deletion-without-return': 'data may be deleted without first being returned',
  'no-deletion': 'no duty to delete the data after its return',
  'no-deadline': 'no deadline for return or deletion',
  'no-certification': 'no written certification of deletion',
};

export default clauseRule({
  id: 'data-return-deletion',
  title: 'data-return-deletion',
  description: 'Require customer data to be returned in a usable format and then deleted within a stated time, with written certification.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that on termination or expiry the Supplier shall return all Customer Data in a commonly used machine-readable format and then delete all copies within 30 days, certifying the deletion in writing.',
  reasons: REASONS,
  ...thresholdOption('maxDays', 'Longest acceptable time for returning and deleting customer data, in days (default 30).', 30),
  messages: { slow: 'Return and deletion of customer data within {deadline} exceeds the {max}-day threshold.' },
  check(ctx, clause) {
    const days = clause.values.deadlineDays;
    const max = ctx.options.maxDays as number;
    if (typeof days !== 'number' || days <= max) return false;
    const deadline = typeof clause.values.deadline === 'string' ? clause.values.deadline : `${days} days`;
    return reportThreshold(ctx, clause, {
      reason: 'over-threshold', messageId: 'slow', data: { deadline, max },
      text: `return and deletion within ${deadline} exceeds the ${max}-day threshold`,
    }, REASONS);
  },
});
