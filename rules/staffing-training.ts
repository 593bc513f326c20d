import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'staffing-training',
  title: 'staffing-training',
  description: 'Require staffing levels, agent qualifications, training, background checks and key personnel as binding duties.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall staff the Services to the forecast volumes with agents of stated qualifications and language skills, give onboarding and ongoing training, carry out background checks, keep a stated supervisor-to-agent ratio and not replace key personnel without the Customer\'s consent.',
  reasons: {
    'supplier-discretion': 'staffing is at the Supplier\'s discretion',
    'effort-only': 'staffing is only to efforts',
    'no-training': 'no training duty',
    'few-staffing-terms': 'few staffing terms (levels, qualifications, checks, key personnel)',
  },
});
