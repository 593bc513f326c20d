import { formatDuration } from '../src/analyse/values.js';
import { clauseRule } from '../src/lint/clause-rule.js';
import { overThreshold, thresholdOption } from './threshold.js';

function asDuration(hours: number): string {
  if (hours < 48 || hours % 24 !== 0) return formatDuration({ value: hours, unit: 'hour' });
  return formatDuration({ value: hours / 24, unit: 'day' });
}

export default clauseRule({
  id: 'breach-notification',
  title: 'breach-notification',
  description: 'Require notice of a security incident or personal data breach within a stated number of hours, no longer than the playbook allows.',
  category: 'regulatory',
  defaultSeverity: 'error',
  ask: 'Ask for written notice of any security incident or personal data breach within 24 hours (at most 72) of the Supplier becoming aware, with its nature, the data and people affected, and the measures taken.',
  reasons: {
    'vague-deadline': 'no outer time limit, only a vague deadline',
    'no-deadline': 'no time limit for the notice',
  },
  ...thresholdOption('maxHours', 'Longest acceptable notice period, in hours.', 72),
  messages: { tooLate: 'Breach notice {notice} exceeds the {max}-hour threshold.' },
  check(ctx, clause) {
    const hours = clause.values.noticeHours;
    const max = ctx.options.maxHours as number;
    if (clause.status !== 'present' || typeof hours !== 'number' || hours <= max) return false;
    return overThreshold(ctx, clause, { reason: 'over-threshold', messageId: 'tooLate', data: { notice: asDuration(hours), max } });
  },
});
