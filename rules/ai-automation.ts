import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'ai-automation',
  title: 'ai-automation',
  description: 'Where automation or AI handles customers or their data, require disclosure, escalation to a human, and control over training on customer data.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that customers are told when they are dealing with an automated agent and can reach a human on request, and that the Supplier shall not use Customer Data or call recordings to train its models without the Customer\'s prior written consent.',
  reasons: {
    'trains-on-customer-data': 'the Supplier may train its models on customer data without case-by-case consent',
    'no-disclosure': 'no disclosure to customers that automation or AI is used',
    'no-human-escalation': 'no escalation to a human',
  },
});
