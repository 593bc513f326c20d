import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'force-majeure',
  title: 'force-majeure',
  description: 'Require force majeure relief with notice, mitigation and a right to terminate after a long event, not excusing events the supplier should plan for.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that a party relying on force majeure shall notify the other promptly (within a stated number of days), mitigate and invoke its business continuity plan, that events the Supplier should plan for (its own staff shortages or industrial action, ordinary cyber attacks, telecoms failures) are excluded, and that the Customer may terminate if the event lasts more than 30 days.',
  reasons: {
    'no-notice': 'no duty to notify the other party',
    'no-mitigation': 'no duty to mitigate',
    'no-termination-right': 'no right to terminate after a long event',
    'excuses-foreseeable-events': 'events the Supplier should plan for (its staff, cyber attacks, telecoms failures) excuse it with no link to business continuity',
  },
});
