import { clauseRule } from '../src/lint/clause-rule.js';

const REASONS: Record<string, string> = {
  'no-numeric-targets': 'service levels are named without numeric targets',
  'to-be-agreed': 'service levels are left "to be agreed" or to "industry standard"',
  'effort-only': 'the Supplier need only use efforts to meet the service levels',
  'no-measurement-period': 'no measurement period is stated',
};

interface Minimums {
  availability?: number;
  callsAnswered?: { percent: number; withinSeconds: number };
}

export default clauseRule({
  id: 'service-levels',
  title: 'service-levels',
  description: 'Require measurable service levels with numeric targets and a measurement period, which the supplier must meet.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for service levels with numeric targets measured each month (e.g. 80% of calls answered within 20 seconds, abandonment below 5%, customer satisfaction of at least 4.5 out of 5), which the Supplier shall meet.',
  reasons: REASONS,
  schema: {
    type: 'object',
    properties: {
      minimums: {
        type: 'object',
        description: 'The playbook\'s minimum targets; none is enforced unless set.',
        properties: {
          availability: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Lowest acceptable availability (uptime) target, in per cent (e.g. 99.5).' },
          callsAnswered: {
            type: 'object',
            description: 'Slowest acceptable speed of answer: at least `percent` of calls answered within `withinSeconds` seconds (e.g. 80 within 20).',
            properties: {
              percent: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
              withinSeconds: { type: 'number', exclusiveMinimum: 0 },
            },
            required: ['percent', 'withinSeconds'],
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { minimums: {} },
  messages: {
    lowAvailability: 'Availability target {value}% is below the {min}% threshold.',
    slowAnswer: 'Speed of answer {value} is below the {min} threshold.',
  },
  check(ctx, clause) {
    if (clause.status !== 'present' && clause.status !== 'weak') return false;
    const min = (ctx.options.minimums ?? {}) as Minimums;
    const found: Array<{ messageId: string; data: Record<string, string | number>; text: string }> = [];
    const availability = clause.values.availabilityPercent;
    if (min.availability !== undefined && typeof availability === 'number' && availability < min.availability) {
      found.push({ messageId: 'lowAvailability', data: { value: availability, min: min.availability }, text: `availability target ${availability}% is below the ${min.availability}% threshold` });
    }
    const pct = clause.values.answeredPercent;
    const secs = clause.values.answeredWithinSeconds;
    const want = min.callsAnswered;
    if (want && typeof pct === 'number' && typeof secs === 'number' && (pct < want.percent || secs > want.withinSeconds)) {
      const value = `${pct}% of calls answered within ${secs} seconds`;
      const floor = `${want.percent}% within ${want.withinSeconds} seconds`;
      found.push({ messageId: 'slowAnswer', data: { value, min: floor }, text: `speed of answer ${value} is below the ${floor} threshold` });
    }
    if (found.length === 0) return false;
    if (clause.status === 'present') {
      ctx.setStatus('weak', 'below-minimum');
      for (const f of found) ctx.report({ messageId: f.messageId, at: clause, data: f.data });
      return true;
    }
    const words = clause.reasons.map((r) => REASONS[r] ?? r.replace(/-/g, ' '));
    ctx.report({ messageId: 'weak', at: clause, data: { reasons: [...words, ...found.map((f) => f.text)].join('; ') } });
    return true;
  },
});
