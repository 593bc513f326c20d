import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'quality-assurance',
  title: 'quality-assurance',
  description: 'Require a quality-monitoring method with a sampling rate, calibration sessions, and continuous improvement.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask that the Supplier shall evaluate a stated number or share of contacts per agent each month against an agreed evaluation form, hold monthly calibration sessions with the Customer\'s quality team, and run a continuous-improvement plan.',
  reasons: {
    'monitored-from-time-to-time': 'quality is monitored only "from time to time"',
    'no-sampling-rate': 'no share or number of contacts evaluated',
    'no-calibration': 'no calibration sessions',
    'no-continuous-improvement': 'no continuous-improvement commitment',
  },
});
