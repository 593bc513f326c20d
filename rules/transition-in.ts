import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'transition-in',
  title: 'transition-in',
  description: 'Require an onboarding plan with milestones, knowledge transfer in, and acceptance criteria before go-live.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a transition plan with dated milestones, knowledge transfer from the Customer, and acceptance criteria (readiness tests) that must be met before the Services go live.',
  reasons: {
    'effort-only': 'the Supplier need only use efforts to go live on time',
    'no-plan-or-milestones': 'no transition plan or milestones',
    'no-acceptance-criteria': 'no acceptance criteria before go-live',
  },
});
