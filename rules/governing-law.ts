import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'governing-law',
  title: 'governing-law',
  description: 'Require a clause naming the law that governs the contract.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a clause naming the governing law (e.g. "This Agreement is governed by the laws of England and Wales").',
});
