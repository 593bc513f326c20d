import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'subcontracting',
  title: 'subcontracting',
  description: 'Require the customer\'s prior written consent to subcontracting, with the supplier remaining liable and flowing its obligations down.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall not subcontract any part of the Services without the Customer\'s prior written consent, shall impose on each subcontractor obligations no less protective than its own, and shall remain liable for its subcontractors\' acts and omissions.',
  reasons: {
    'free-to-subcontract': 'the Supplier may subcontract freely',
    'no-consent': 'subcontracting does not need the Customer\'s consent',
    'no-liability-retained': 'the Supplier does not stay liable for its subcontractors',
    'no-flow-down': 'the Supplier\'s obligations are not flowed down to subcontractors',
  },
});
