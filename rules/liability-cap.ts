import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'liability-cap',
  title: 'limitation-of-liability',
  description: 'Require a limitation of liability with a stated cap and the usual carve-outs.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a stated liability cap (e.g. 12 months\' fees) that does not limit liability for breach of confidentiality or data protection, indemnities, fraud or wilful misconduct.',
  reasons: {
    'no-carve-outs': 'the cap has no carve-outs for confidentiality, data protection, indemnities, fraud or wilful misconduct',
  },
});
