import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'international-transfers',
  title: 'international-transfers',
  description: 'When personal data may leave the EEA or the UK, name the transfer mechanism (Standard Contractual Clauses, adequacy, IDTA / UK Addendum, binding corporate rules).',
  category: 'regulatory',
  defaultSeverity: 'error',
  ask: 'Ask that personal data leave the UK/EEA only to a country with an adequacy decision or under the EU Standard Contractual Clauses with the UK Addendum (or the IDTA), with the Customer\'s prior written consent to each location.',
  reasons: {
    'no-mechanism-named': '"appropriate safeguards" with no transfer mechanism named',
  },
  messages: {
    missing: 'Missing international-transfers clause: personal data may leave the UK/EEA but no transfer mechanism is named.',
  },
});
