import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'confidentiality',
  title: 'confidentiality',
  description: 'Require confidentiality obligations covering the other party\'s information that survive the end of the agreement.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that each party shall keep the other\'s confidential information confidential, subject only to the usual exceptions (public, already known, independently developed, required by law), and that the obligation survives termination for at least five years (indefinitely for trade secrets and personal data).',
  reasons: {
    'no-survival': 'the obligation does not survive the end of the agreement',
  },
});
