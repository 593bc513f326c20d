import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'gdpr-reference',
  title: 'GDPR reference',
  description: 'A contract that handles personal data names the GDPR / UK GDPR (Regulation (EU) 2016/679) as data protection law the parties must comply with.',
  category: 'regulatory',
  defaultSeverity: 'warn',
  ask: 'Ask for a defined "Data Protection Legislation" that names the UK GDPR, the EU GDPR (Regulation (EU) 2016/679) and the Data Protection Act 2018, and for each party to comply with it.',
  reasons: {
    'only-applicable-laws': 'only "applicable laws" are named, not the GDPR',
  },
  messages: {
    missing: 'Missing GDPR reference: the contract handles personal data but names no data protection law.',
  },
});
