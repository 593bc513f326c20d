import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'dispute-resolution',
  title: 'dispute-resolution',
  description: 'Require a staged escalation of disputes with time limits, then mediation, arbitration or named courts.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for disputes to be escalated in stages (contract managers, then senior executives) each within a stated number of days, then referred to mediation and, failing that, to arbitration or the courts of a named jurisdiction.',
  reasons: {
    'no-escalation': 'disputes go straight to court or arbitration with no escalation',
    'no-time-limit': 'the escalation has no time limits',
    'no-forum': 'no forum (mediation, arbitration or courts) is named',
    'forum-unnamed': 'the forum is not named',
  },
});
