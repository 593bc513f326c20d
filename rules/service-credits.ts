import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'service-credits',
  title: 'service-credits',
  description: 'Require consequences for missed service levels: service credits or fee reductions, and a right to terminate for repeated or critical failure.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for service credits (a stated share of the monthly charges) for each missed service level, without prejudice to other remedies, and a right for the Customer to terminate for repeated or critical service-level failure.',
  reasons: {
    'remedy-only': 'a missed service level only has to be remedied, with no credit',
    'sole-remedy': 'service credits are the sole remedy and there is no right to terminate for repeated failure',
    'no-termination-right': 'no right to terminate for repeated or critical service-level failure',
  },
});
