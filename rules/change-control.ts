import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'change-control',
  title: 'change-control',
  description: 'Require a written change procedure: change requests, impact assessment, and written approval before a change takes effect.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a change control procedure: written change requests, a written impact assessment (charges, timetable, service levels) within a stated time, and no change taking effect until both parties have signed it.',
  reasons: {
    'supplier-discretion': 'the Supplier may change the services at its discretion',
    'no-impact-assessment': 'no impact assessment of a change',
    'no-written-approval': 'no written approval before a change takes effect',
    'no-change-procedure': 'only a general variation clause, with no change procedure',
  },
});
