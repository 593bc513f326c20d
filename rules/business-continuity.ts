import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'business-continuity',
  title: 'business-continuity',
  description: 'Require a business continuity and disaster recovery plan the supplier must maintain, test at a stated frequency and invoke.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a business continuity and disaster recovery plan that the Supplier shall maintain, test at least once a year (reporting the results) and invoke on a disruption.',
  reasons: {
    'no-duty-to-maintain': 'the plan is mentioned but the Supplier is not bound to maintain it',
    'not-tested': 'the plan is never tested',
    'no-test-frequency': 'no testing frequency is stated',
    'effort-only': 'the plan need only be maintained or tested with efforts',
  },
});
