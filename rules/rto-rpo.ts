import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'rto-rpo',
  title: 'recovery-objectives',
  description: 'Require a recovery time objective and a recovery point objective with values no worse than the playbook allows.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for a recovery time objective and a recovery point objective with values and units (e.g. RTO 4 hours, RPO 15 minutes), tested in the business continuity plan.',
  reasons: {
    'no-rto': 'no recovery time objective',
    'no-rpo': 'no recovery point objective',
    'rto-without-value': 'RTO stated without a value',
    'rpo-without-value': 'RPO stated without a value',
  },
  schema: {
    type: 'object',
    properties: {
      maxRtoHours: { type: 'number', exclusiveMinimum: 0 },
      maxRpoHours: { type: 'number', exclusiveMinimum: 0 },
    },
    additionalProperties: false,
  },
  defaultOptions: { maxRtoHours: 24, maxRpoHours: 24 },
  messages: { overThreshold: '{which} of {value} hours exceeds the {max}-hour threshold.' },
  check(ctx, clause) {
    if (clause.status !== 'present') return false;
    let reported = false;
    for (const [which, key, opt] of [['RTO', 'rtoHours', 'maxRtoHours'], ['RPO', 'rpoHours', 'maxRpoHours']] as const) {
      const v = clause.values[key];
      const max = ctx.options[opt] as number;
      if (typeof v === 'number' && v > max) {
        ctx.setStatus('weak', `${which.toLowerCase()}-over-threshold`);
        ctx.report({ messageId: 'overThreshold', at: clause, data: { which, value: Math.round(v * 100) / 100, max } });
        reported = true;
      }
    }
    return reported;
  },
});
