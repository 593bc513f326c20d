import { clauseRule } from '../src/lint/clause-rule.js';
import { overThreshold, thresholdOption } from './threshold.js';

export default clauseRule({
  id: 'termination-for-convenience',
  title: 'termination-for-convenience',
  description: 'Require the customer\'s right to terminate without cause on a stated notice period no longer than the playbook allows.',
  category: 'operational',
  defaultSeverity: 'warn',
  ask: 'Ask for the Customer\'s right to terminate for convenience on written notice of no more than 90 days, with any termination fee stated.',
  ...thresholdOption('maxNoticeDays', 'Longest acceptable notice period, in days.', 90, 'integer'),
  messages: { longNotice: 'Termination for convenience needs {notice} days\' notice, more than the {max}-day threshold.' },
  check(ctx, clause) {
    const days = clause.values.noticeDays;
    const max = ctx.options.maxNoticeDays as number;
    if (clause.status !== 'present' || typeof days !== 'number' || days <= max) return false;
    return overThreshold(ctx, clause, { reason: 'long-notice', messageId: 'longNotice', data: { notice: days, max } });
  },
});
