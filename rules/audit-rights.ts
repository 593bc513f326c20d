import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'audit-rights',
  title: 'audit-rights',
  description: "Require the customer's (and its regulators') right to audit the supplier's records, premises, systems and controls.",
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for the right for the Customer and its regulators to audit the Supplier\'s records, premises and systems on reasonable notice, with extra audits for cause or at a regulator\'s request.',
  reasons: {
    'report-in-lieu': 'a certificate or third-party report replaces the audit',
    'once-a-year': 'audits capped at once a year with no exception for cause or regulators',
    'long-notice': 'audit notice longer than 30 days',
  },
});
