import { ART_28_3 } from '../src/detect/clauses/gdpr-processor-terms.js';
import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'gdpr-processor-terms',
  title: 'GDPR processor terms',
  description: 'When the supplier processes personal data for the customer, bind it to each of the eight elements of GDPR Art. 28(3).',
  category: 'regulatory',
  defaultSeverity: 'error',
  ask: 'Ask for processor terms covering every element of GDPR Art. 28(3): documented instructions, confidential personnel, Art. 32 security, sub-processors only with prior authorisation on the same terms, help with data-subject requests and with Art. 32–36 duties, deletion or return at the end, and information and audits.',
  messages: {
    missing: 'Missing GDPR processor terms: the supplier processes personal data but none of the Art. 28(3) GDPR terms is there.',
    missingElement: 'Processor terms lack {cite}: {label}.',
  },
  check(ctx, clause) {
    if (clause.status !== 'weak') return false;
    const codes = String(clause.values.missingElements ?? '').split(',');
    for (const e of ART_28_3) {
      if (codes.includes(e.code)) ctx.report({ messageId: 'missingElement', at: clause, data: { cite: e.cite, label: e.label } });
    }
    return true;
  },
});
