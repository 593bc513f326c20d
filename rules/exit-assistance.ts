import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'exit-assistance',
  title: 'exit-assistance',
  description: 'Require exit/transition assistance for a stated period on termination or expiry, with services kept running and knowledge transferred.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for exit assistance for a stated period (e.g. up to 6 months after termination or expiry) under an exit plan, with the services kept running, knowledge transferred and cooperation with a successor supplier.',
  reasons: {
    'no-period': 'no period is stated',
    'weak-obligation': 'the assistance is worded as effort or discretion',
    'post-termination-duties-only': 'only post-termination duties (wind-down, return, payment), no transition assistance',
  },
});
