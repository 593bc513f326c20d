import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'performance-incentives',
  title: 'performance-incentives',
  description: 'Require bonuses or gain-share for exceeding targets to be stated with their calculation formula.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that any bonus, gain-share or earn-back is stated with its calculation formula (e.g. 1% of the monthly charges for each percentage point above target, capped at 5%), alongside the service credits.',
  reasons: {
    'no-formula': 'incentives are named without a calculation formula',
  },
});
