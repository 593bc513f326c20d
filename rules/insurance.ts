import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'insurance',
  title: 'insurance',
  description: 'Require the supplier to carry named insurance with stated amounts.',
  category: 'operational',
  defaultSeverity: 'warn',
  ask: 'Ask for named insurance with minimum amounts (professional indemnity, cyber, public and employer\'s liability) and evidence of cover on request.',
  reasons: {
    'no-types': 'no type of insurance is named',
    'no-amounts': 'no amount of cover is stated',
  },
});
