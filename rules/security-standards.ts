import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'security-standards',
  title: 'security-standards',
  description: 'Require named information-security obligations: a standard (ISO/IEC 27001, SOC 2, NIST, Cyber Essentials, PCI DSS) or concrete controls.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall maintain an information security programme certified to ISO/IEC 27001 (or SOC 2 Type II), with encryption of data in transit and at rest, role-based access control with multi-factor authentication, and background checks of personnel.',
  reasons: {
    'standard-not-binding': 'a standard is named only to be "had regard to" or applied "where appropriate"',
    'generic-security-only': 'only "industry standard", "reasonable" or "appropriate" security is promised',
    'no-named-standard': 'no security standard or concrete controls are named',
  },
});
