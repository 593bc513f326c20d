import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'termination-for-cause',
  title: 'termination-for-cause',
  description: 'Require a right to terminate for material breach with a stated cure period, and for insolvency, available to the customer.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that either party may terminate on written notice if the other commits a material breach that is not remedied within 30 days of notice, or becomes insolvent, and that the Customer may also terminate for repeated service-level failure.',
  reasons: {
    'no-breach-ground': 'material breach is not a ground for termination (only repeated service-level failure)',
    'no-cure-period': 'no cure period is stated for a breach',
    'supplier-only': 'only the Supplier may terminate',
  },
});
