import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'brand-conduct',
  title: 'brand-conduct',
  description: 'Require agents to represent the customer\'s brand: scripts, tone and brand guidelines, with brand checks in quality monitoring.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall ensure its agents follow the Customer\'s scripts, tone-of-voice and brand guidelines, receive brand and cultural training, and are checked for brand alignment in quality monitoring.',
  reasons: {
    'no-duty-to-follow': 'scripts or brand guidelines are mentioned but the Supplier is not bound to follow them',
    'effort-only': 'the Supplier need only use efforts to follow the brand guidelines',
  },
});
