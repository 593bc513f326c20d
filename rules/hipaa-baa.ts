import { BAA_ELEMENTS } from '../src/detect/clauses/hipaa-baa.js';
import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'hipaa-baa',
  title: 'HIPAA business associate terms',
  description: 'When the contract covers protected health information, name HIPAA and include each business associate term of 45 CFR 164.504(e)(2).',
  category: 'regulatory',
  defaultSeverity: 'error',
  ask: 'Ask for a business associate agreement under HIPAA (45 CFR Parts 160 and 164) with every term of 164.504(e)(2): permitted uses and disclosures, Security Rule safeguards, reporting of breaches, subcontractors on the same terms, access, amendment and accounting, books to HHS, return or destruction of PHI, and termination for violation.',
  messages: {
    missing: 'Missing HIPAA business associate terms: the contract covers health information but has no business associate terms.',
    missingElement: 'Business associate terms lack {cite}: {label}.',
  },
  check(ctx, clause) {
    if (clause.status !== 'weak') return false;
    const codes = String(clause.values.missingElements ?? '').split(',');
    for (const e of BAA_ELEMENTS) {
      if (codes.includes(e.code)) ctx.report({ messageId: 'missingElement', at: clause, data: { cite: e.cite, label: e.label } });
    }
    return true;
  },
});
