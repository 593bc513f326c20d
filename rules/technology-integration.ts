import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'technology-integration',
  title: 'technology-integration',
  description: 'Require each system\'s provider, maintenance and upgrades, and the integration and data-exchange specifications, to be stated.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a table of the systems (telephony, CRM, workforce management, quality monitoring, reporting) saying who provides, maintains, upgrades and pays for each, and for integration specifications (APIs, data formats, secure connections) agreed before go-live.',
  reasons: {
    'supplier-discretion': 'systems are as the Supplier deems appropriate',
    'integration-to-be-agreed': 'integration is left to later agreement',
    'no-integration-terms': 'no integration or data-exchange terms',
    'no-system-responsibilities': 'no one is bound to provide or maintain the systems',
  },
});
