import { clauseRule } from '../src/lint/clause-rule.js';
import { reportThreshold, thresholdOption } from './threshold.js';

const REASONS: Record<string, string> = {
  'report-in-lieu': 'a certificate or third-party report replaces the audit',
  'once-a-year': 'audits capped at once a year with no exception for cause or regulators',
  'records-only': 'only books and records are made available: no audit or inspection of premises or systems',
  'customer-cost': 'the customer bears the cost of every audit, even one that finds a failing',
};

export default clauseRule({
  id: 'audit-rights',
  title: 'audit-rights',
  description: "Require the customer's (and its regulators') right to audit the supplier's records, premises, systems and controls.",
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for the right for the Customer and its regulators to audit the Supplier\'s records, premises and systems on reasonable notice (at most 30 days), with extra audits for cause or at a regulator\'s request.',
  reasons: REASONS,
  ...thresholdOption('maxNoticeDays', 'Longest acceptable notice before an audit, in days (catalogue default 30).', 30, 'integer'),
  messages: { longNotice: 'Audit notice {notice} exceeds the {max}-day threshold.' },
  check(ctx, clause) {
    const days = clause.values.noticeDays;
    const max = ctx.options.maxNoticeDays as number;
    if (typeof days !== 'number' || days <= max) return false;
    const notice = typeof clause.values.notice === 'string' ? clause.values.notice : `${days} days`;
    return reportThreshold(ctx, clause, {
      reason: 'long-notice', messageId: 'longNotice', data: { notice, max },
      text: `audit notice ${notice} exceeds the ${max}-day threshold`,
    }, REASONS);
  },
});
