import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'service-levels',
  title: 'service-levels',
  description: 'Require measurable service levels with numeric targets and a measurement period, which the supplier must meet.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for service levels with numeric targets measured each month (e.g. 80% of calls answered within 20 seconds, abandonment below 5%, customer satisfaction of at least 4.5 out of 5), which the Supplier shall meet.',
  reasons: {
    'no-numeric-targets': 'service levels are named without numeric targets',
    'to-be-agreed': 'service levels are left "to be agreed" or to "industry standard"',
    'effort-only': 'the Supplier need only use efforts to meet the service levels',
    'no-measurement-period': 'no measurement period is stated',
  },
});
