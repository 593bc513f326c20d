import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'assignment',
  title: 'assignment',
  description: 'Require consent before the contract is assigned or transferred.',
  category: 'operational',
  defaultSeverity: 'warn',
  ask: 'Ask that neither party may assign or transfer the Agreement without the other\'s prior written consent, with a change of control of the Supplier treated as an assignment.',
  reasons: { 'freely-assignable': 'the supplier may assign without consent' },
});
