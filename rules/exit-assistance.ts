import { clauseRule } from '../src/lint/clause-rule.js';
import { reportThreshold, thresholdOption } from './threshold.js';

const REASONS: Record<string, string> = {
  'no-period': 'no period is stated',
  'weak-obligation': 'the assistance is worded as effort or discretion',
  'post-termination-duties-only': 'only post-termination duties (wind-down, return, payment), no transition assistance',
};

export default clauseRule({
  id: 'exit-assistance',
  title: 'exit-assistance',
  description: 'Require exit/transition assistance for a stated period on termination or expiry, with services kept running and knowledge transferred.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for exit assistance for a stated period (e.g. up to 6 months after termination or expiry) under an exit plan, with the services kept running, knowledge transferred and cooperation with a successor supplier.',
  reasons: REASONS,
  ...thresholdOption('minMonths', 'Shortest acceptable period of exit assistance, in months (default 6).', 6),
  messages: { shortPeriod: 'Exit assistance for {period} is shorter than the {min}-month threshold.' },
  check(ctx, clause) {
    const months = clause.values.months;
    const min = ctx.options.minMonths as number;
    if (typeof months !== 'number' || months >= min) return false;
    const period = typeof clause.values.period === 'string' ? clause.values.period : `${months} months`;
    return reportThreshold(ctx, clause, {
      reason: 'short-period', messageId: 'shortPeriod', data: { period, min },
      text: `exit assistance for ${period} is shorter than the ${min}-month threshold`,
    }, REASONS);
  },
});
