import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'data-return-deletion',
  title: 'data-return-deletion',
  description: 'Require customer data to be returned in a usable format and then deleted within a stated time, with written certification.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that on termination or expiry the Supplier shall return all Customer Data in a commonly used machine-readable format and then delete all copies within 30 days, certifying the deletion in writing.',
  reasons: {
    'deletion-without-return': 'data may be deleted without first being returned',
    'no-deletion': 'no duty to delete the data after its return',
    'no-deadline': 'no deadline for return or deletion',
    'no-certification': 'no written certification of deletion',
  },
});
