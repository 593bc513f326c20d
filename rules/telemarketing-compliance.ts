import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'telemarketing-compliance',
  title: 'telemarketing-compliance',
  description: 'Where the supplier makes outbound calls or records calls, require compliance with named telemarketing and call-recording rules, with responsibility allocated.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall comply with the telemarketing and call-recording rules by name (in the UK PECR and the Telephone Preference Service; in the US the TCPA, the FCC\'s rules and the Telemarketing Sales Rule), screen against do-not-call lists, keep to calling hours, and tell callers that calls are recorded (with consent where required).',
  reasons: {
    'applicable-laws-only': 'only "all applicable laws" are promised, with no telemarketing or call-recording rule named',
    'no-laws-named': 'no telemarketing or call-recording rules are named',
    'no-recording-consent': 'calls are recorded with no consent or notice to callers',
  },
});
