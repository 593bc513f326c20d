import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'ip-ownership',
  title: 'ip-ownership',
  description: 'Require the customer to own its data, the deliverables, training materials and custom developments, with a licence to the supplier\'s pre-existing IP as needed.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Customer shall own all deliverables, scripts, training materials and custom developments created for it (with an assignment of the rights), and that the Supplier grants the Customer a licence to any pre-existing Supplier IP needed to use them.',
  reasons: {
    'supplier-keeps-work-without-licence': 'the Supplier keeps work product or materials with no licence to the Customer',
    'work-product-unaddressed': 'ownership of work product is not addressed',
  },
});
