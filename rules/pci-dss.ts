import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'pci-dss',
  title: 'PCI DSS',
  description: 'When the supplier handles card data, bind it to comply with PCI DSS, own the security of the cardholder data it handles, give yearly evidence of compliance and notify any loss of compliance.',
  category: 'regulatory',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier comply with the current PCI DSS, acknowledge that it is responsible for the security of the cardholder data it handles, deliver its Attestation of Compliance at least yearly, and notify the Customer at once if it ceases to be compliant.',
  reasons: {
    'industry-standard-only': 'only "industry standard security"',
    'no-compliance-duty': 'no binding duty to comply with PCI DSS',
    'no-responsibility': 'no acknowledgement of responsibility for the security of cardholder data (PCI DSS 12.8.2 / 12.9.1)',
    'no-evidence': 'no yearly evidence of compliance (Attestation of Compliance)',
    'no-loss-notice': 'no duty to notify a loss of compliance',
  },
  messages: {
    missing: 'Missing PCI DSS clause: the contract covers card data but does not mention PCI DSS.',
  },
});
