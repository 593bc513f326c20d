import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'performance-reporting',
  title: 'performance-reporting',
  description: 'Require regular performance reports and governance meetings with an escalation path.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall deliver a performance report against each service level every month (with daily or weekly operational data), and that the parties shall hold weekly operational, monthly performance and quarterly business review meetings, with issues escalated to senior management within stated times.',
  reasons: {
    'on-request-only': 'reports are given only on request',
    'no-frequency': 'no reporting frequency is stated',
    'no-reports': 'no performance reports',
    'no-governance-meetings': 'no regular governance meetings',
    'no-escalation-path': 'no escalation path',
  },
});
