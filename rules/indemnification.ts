import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'indemnification',
  title: 'indemnification',
  description: 'Require the supplier to indemnify the customer against third-party claims (IP infringement, data breach, breach of law).',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall indemnify the Customer against third-party claims arising from infringement of intellectual property rights, breach of its data protection or confidentiality obligations, and breach of applicable law.',
  reasons: {
    'customer-only': 'only the Customer gives an indemnity',
    'no-supplier-indemnity': 'the Supplier gives no indemnity',
    'ip-only': 'the Supplier\'s indemnity covers IP infringement only, though personal data is handled',
  },
});
