import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse/index.js';
import { detectClauses } from '../src/detect/index.js';
import type { ClauseResult } from '../src/detect/types.js';
import { readMarkdown } from '../src/read/markdown.js';

/**
 * The seven clauses measured against CUAD (governing law, audit rights, cap on liability, termination for
 * convenience, post-termination services / exit assistance, insurance, anti-assignment), on short contract
 * snippets written for these tests: what must be found (status, section, values) and what must not.
 */
function detect(id: string, md: string): ClauseResult {
  const r = detectClauses(analyse(readMarkdown('x.md', md)), [id]).get(id);
  if (!r) throw new Error(`no detector ${id}`);
  return r;
}

const found = (r: ClauseResult): boolean => r.status === 'present' || r.status === 'weak' || r.status === 'referenced';

describe('liability-cap', () => {
  it('a cap on the amount, with carve-outs, is present and names the cap', () => {
    const r = detect('liability-cap', [
      '## 12. Limitation of Liability', '',
      '**12.1 Exclusion.** In no event shall either party be liable for any indirect, special or consequential damages.', '',
      "**12.2 Cap.** Except for breach of confidentiality or a party's indemnification obligations, each party's aggregate liability under this Agreement shall not exceed the fees paid in the twelve (12) months preceding the claim.", '',
    ].join('\n'));
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('12.2');
    expect(r.values).toMatchObject({ cap: 'fees', capMonths: 12 });
  });

  it('a cap with no carve-outs is weak and keeps the amount', () => {
    const r = detect('liability-cap', "## 9. Liability\n\n**9.3 Maximum.** The Supplier's total liability shall in no event exceed $500,000.\n");
    expect(r.status).toBe('weak');
    expect(r.reasons).toEqual(['no-carve-outs']);
    expect(r.values.cap).toBe('$500,000');
  });

  it('an exclusion of consequential damages alone is a weak limitation', () => {
    const r = detect('liability-cap', '## 14. Damages\n\n**14.1 Waiver.** NEITHER PARTY SHALL BE LIABLE TO THE OTHER FOR ANY SPECIAL, INCIDENTAL, INDIRECT OR CONSEQUENTIAL DAMAGES, INCLUDING LOST PROFITS.\n');
    expect(r.status).toBe('weak');
    expect(r.reasons).toEqual(['exclusions-only']);
    expect(r.section?.number).toBe('14.1');
  });

  it('a time bar for bringing claims counts, with its period', () => {
    const r = detect('liability-cap', '## 20. Claims\n\n**20.4 Limitation Period.** No action arising out of this Agreement may be brought by either party more than one (1) year after the cause of action has accrued.\n');
    expect(r.status).toBe('weak');
    expect(r.reasons).toEqual(['time-bar-only']);
    expect(r.values.claimsMonths).toBe(12);
    expect(r.section?.number).toBe('20.4');
  });

  it('indemnities, counsel-fee limits and venue clauses are not caps', () => {
    expect(detect('liability-cap', '## 8. Indemnity\n\n**8.1 Indemnity.** The Supplier shall indemnify the Customer against all third-party claims.\n').status).toBe('missing');
    expect(detect('liability-cap', '## 8. Indemnity\n\n**8.4 Counsel.** In no event shall the indemnifying party be liable for the fees of more than one separate counsel.\n').status).toBe('missing');
    expect(detect('liability-cap', '## 21. Venue\n\n**21.1 Courts.** Any action brought by either party shall be brought within the State of Texas.\n').status).toBe('missing');
  });
});

describe('termination-for-convenience', () => {
  it('a right to terminate without cause on notice is present, with the notice and the party', () => {
    const r = detect('termination-for-convenience', "## 17. Term and Termination\n\n**17.2 Convenience.** Either party may terminate this Agreement at any time, without cause, upon ninety (90) days' prior written notice to the other party.\n");
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('17.2');
    expect(r.values).toMatchObject({ noticeDays: 90, party: 'either party' });
  });

  it('a bare notice period with no triggering event is termination for convenience', () => {
    const r = detect('termination-for-convenience', "## 7. Term\n\n**7.3 Termination.** The Customer may terminate this Agreement by giving the Supplier thirty (30) days' written notice.\n");
    expect(r.status).toBe('present');
    expect(r.values).toMatchObject({ noticeDays: 30, party: 'Customer' });
  });

  it('an enumerated right is read with its lead-in', () => {
    const r = detect('termination-for-convenience', [
      '## 7. Termination', '',
      '**7.2 Events.** This Agreement may be terminated upon the occurrence of any of the following events:', '',
      '(a) by either party if the other party materially breaches this Agreement and fails to cure the breach within thirty (30) days;', '',
      "(b) by either party upon sixty (60) days' prior written notice to the other party.", '',
    ].join('\n'));
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('7.2(b)');
    expect(r.values.noticeDays).toBe(60);
  });

  it('termination for breach, insolvency or a missed date is not for convenience', () => {
    const cases = [
      "Either party may terminate this Agreement upon thirty (30) days' written notice if the other party commits a material breach of this Agreement.",
      'Either party may terminate this Agreement immediately by notice if the other party becomes insolvent or bankrupt.',
      'If the Launch Date has not occurred by June 1, the Sponsor may terminate this Agreement in its sole discretion.',
      'Upon termination of this Agreement for any reason, the Distributor shall return all sales materials.',
      'The parties may terminate this Agreement at any time by mutual written agreement.',
      'This Agreement shall not be terminable for any reason.',
    ];
    for (const c of cases) expect(detect('termination-for-convenience', `## 9. Termination\n\n**9.1 Termination.** ${c}\n`).status, c).toBe('missing');
  });
});

describe('exit-assistance (CUAD post-termination services)', () => {
  it('transition assistance for a stated period is present', () => {
    const r = detect('exit-assistance', '## 18. Exit\n\n**18.1 Transition.** Upon expiry or termination of this Agreement, the Supplier shall provide transition assistance to the Customer and any successor supplier for a period of six (6) months.\n');
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('18.1');
    expect(r.values.months).toBe(6);
  });

  it('a sell-off right is a post-termination duty, reported weak', () => {
    const r = detect('exit-assistance', '## 15. Effect of Termination\n\n**15.3 Inventory.** For a period of six (6) months following termination, the Distributor may sell off its remaining inventory of Products.\n');
    expect(r.status).toBe('weak');
    expect(r.reasons).toEqual(['post-termination-duties-only']);
    expect(r.section?.number).toBe('15.3');
  });

  it('records kept for years after the end count too', () => {
    const r = detect('exit-assistance', '## 6. Records\n\n**6.2 Retention.** The Licensee shall maintain complete books and records for three (3) years following the expiration or termination of this Agreement.\n');
    expect(r.status).toBe('weak');
    expect(r.section?.number).toBe('6.2');
  });

  it('restraints, returning confidential information and survival clauses are not post-termination services', () => {
    const cases = [
      'For two (2) years after termination of this Agreement, the Distributor shall not compete with the Company.',
      "Upon termination, each party shall return or destroy the other party's Confidential Information.",
      'Sections 5, 9 and 12 shall survive any termination or expiration of this Agreement.',
      'Upon termination, the Licensee shall immediately cease all use of the Licensed Marks.',
      'Upon termination, the Customer shall pay all amounts then due and owing.',
    ];
    for (const c of cases) expect(detect('exit-assistance', `## 11. Termination\n\n**11.4 Effect.** ${c}\n`).status, c).toBe('missing');
  });

  it('the end of something else, or a time before the end, is no post-termination duty', () => {
    const cases: Array<[string, string]> = [
      ['5. Minimums', 'The Dealer shall buy at least 500 units in 2025, and the minimum shall rise by 5% each year thereafter.'],
      ['2. Term', 'A party that wishes to renew the Term shall give the other written notice at least sixty (60) days prior to the expiration of the Term.'],
      ['9. Insurance', 'The Contractor shall deliver renewal certificates to the Owner at least 30 days before the expiration of each such policy.'],
      ['8. Royalties', "The Buyer's duty to report sales shall end upon termination of the Buyer's obligation to pay royalties."],
      ['4. Transfer', 'Any transferee shall sign a new franchise agreement for a term ending on the expiration date of this Agreement.'],
      ['7. Defined terms', '"Exit Date" means the last day on which the Supplier provides the Services following termination.'],
      ['12. Confidentiality', 'Each party shall remain bound by this clause 12 during the Term and for three (3) years following termination of this Agreement.'],
    ];
    for (const [heading, c] of cases) expect(detect('exit-assistance', `## ${heading}\n\n${c}\n`).status, c).toBe('missing');
  });

  it('work left open when the agreement expires, to be completed on its terms, is a post-termination duty', () => {
    const r = detect('exit-assistance', '## 14. Open orders\n\nShould the Agreement expire while an order is open, the remaining work under that order will be completed on the terms of this Agreement.\n');
    expect(r).toMatchObject({ status: 'weak', reasons: ['post-termination-duties-only'] });
  });

  it('"Confidential" in a heading far above the clause does not make an effect-of-termination duty a restraint', () => {
    const r = detect('exit-assistance', '# Licence Agreement\n\n## Confidential Execution Version\n\n### 15. Effect of Termination\n\n**15.2 Inventory.** The Licensee shall be permitted to continue selling its inventory of Products for ninety (90) days.\n');
    expect(r).toMatchObject({ status: 'weak', reasons: ['post-termination-duties-only'] });
  });
});

describe('audit-rights', () => {
  it('a right to inspect and audit books and records is present', () => {
    const r = detect('audit-rights', "## 11. Records and Audit\n\n**11.1 Audit.** The Licensor may, upon thirty (30) days' notice, inspect and audit the books and records of the Licensee relating to royalties.\n");
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('11.1');
  });

  it('records made available on request count as an audit right', () => {
    const r = detect('audit-rights', '## 4. Records\n\n**4.2 Access.** The Agent shall make such records available to the Principal upon reasonable notice during normal business hours.\n');
    expect(found(r)).toBe(true);
    expect(r.section?.number).toBe('4.2');
  });

  it('audited financial statements, approval of advertising and waivers are not audit rights', () => {
    expect(detect('audit-rights', '## 5. Reporting\n\n**5.1 Accounts.** The Company shall deliver its audited financial statements within 90 days after each fiscal year.\n').status).toBe('missing');
    expect(detect('audit-rights', '## 4. Marks\n\n**4.2 Approval.** The Licensor shall have the right to inspect and approve all advertising copy before publication.\n').status).toBe('missing');
    expect(detect('audit-rights', '## 1. License\n\n**1.4 Materials.** The Talent waives the right to inspect or approve the marketing materials.\n').status).toBe('missing');
  });
});

describe('insurance', () => {
  it('named cover with an amount is present', () => {
    const r = detect('insurance', '## 16. Insurance\n\n**16.1 Cover.** The Supplier shall maintain commercial general liability insurance with limits of not less than $1,000,000 per occurrence.\n');
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('16.1');
  });

  it('"adequate insurance" with no type or amount is weak', () => {
    const r = detect('insurance', '## 16. Insurance\n\n**16.2 Cover.** Each party shall maintain adequate insurance during the term of this Agreement.\n');
    expect(r.status).toBe('weak');
    expect(r.reasons).toEqual(['no-types', 'no-amounts']);
  });

  it('shipping terms, insurance companies and payroll taxes are not an insurance requirement', () => {
    expect(detect('insurance', '## 4. Shipping\n\n**4.1 Delivery.** Products shall be shipped by ground courier, without insurance.\n').status).toBe('missing');
    expect(detect('insurance', '## 2. Parties\n\n**2.1 Parties.** The Agent is an insurance company licensed in Nevada.\n').status).toBe('missing');
    expect(detect('insurance', '## 9. Status\n\n**9.5 Taxes.** The Consultant shall pay all income taxes, unemployment insurance and social security taxes.\n').status).toBe('missing');
  });

  it('quotes the insurance clause, not an earlier passing mention', () => {
    const r = detect('insurance', '## 6. Equipment\n\n**6.1 Care.** Equipment on loan shall be maintained in good repair and insured against loss under the Contractor\'s existing policies.\n\n## 16. Insurance\n\n**16.1 Cover.** The Contractor shall maintain public liability insurance of not less than £5,000,000 per claim.\n');
    expect(r).toMatchObject({ status: 'present', section: { number: '16.1' } });
  });
});

describe('assignment', () => {
  it('assignment only with consent is present', () => {
    const r = detect('assignment', '## 22. General\n\n**22.4 Assignment.** Neither party may assign this Agreement without the prior written consent of the other party, and any purported assignment without such consent shall be void.\n');
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('22.4');
  });

  it('quotes the assignment clause, not an earlier restriction on something else', () => {
    const r = detect('assignment', '## 3. Territory\n\n**3.2 Sales.** The Dealer shall not solicit customers in a territory assigned to another dealer.\n\n## 5. Data\n\n**5.1 Use.** Customer lists may not be sold, assigned or disclosed to third parties.\n\n## 22. Transfer\n\n**22.4 Consent.** The Dealer may not transfer this Agreement or its rights and obligations under it without the written consent of the Company.\n');
    expect(r).toMatchObject({ status: 'present', section: { number: '22.4' } });
  });

  it('"neither … nor … shall have the right to assign" and personal rights are restrictions', () => {
    expect(detect('assignment', '## 31. Assignment\n\n**31.1 Assignment.** Neither the Company nor the Consultant shall have the right to assign or otherwise transfer any of its rights hereunder.\n').status).toBe('present');
    expect(detect('assignment', '## 21. Assignment\n\n**21.1 Personal.** This Agreement and all rights hereunder are personal to the Licensee and shall not be assigned.\n').status).toBe('present');
  });

  it('a supplier free to assign is weak', () => {
    const r = detect('assignment', '## 22. General\n\n**22.4 Assignment.** The Supplier may freely assign this Agreement without the consent of the Customer.\n');
    expect(r.status).toBe('weak');
    expect(r.reasons).toEqual(['freely-assignable']);
  });

  it('restrictions on selling shares or carrying goods are not anti-assignment clauses', () => {
    expect(detect('assignment', '## 2. Lock-up\n\n**2.1 Restriction.** The Shareholder will not sell, transfer or otherwise dispose of any shares of Common Stock.\n').status).toBe('missing');
    expect(detect('assignment', '## 11. Carriage\n\n**11.1 Carriage.** The Carrier shall not transfer the carriage of goods to any third party.\n').status).toBe('missing');
  });
});

describe('governing-law', () => {
  it('the named law is extracted', () => {
    const r = detect('governing-law', '## 25. Miscellaneous\n\n**25.2 Governing Law.** This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws principles.\n');
    expect(r.status).toBe('present');
    expect(r.section?.number).toBe('25.2');
    expect(r.values.law).toBe('State of New York');
  });

  it('"construed in accordance with English law" names the law by its adjective', () => {
    const r = detect('governing-law', '## 30. Law\n\n**30.1 Law.** This Agreement shall be construed in accordance with English law.\n');
    expect(r.status).toBe('present');
    expect(r.values.law).toBe('English');
  });

  it('a party organized under the laws of a state, or a duty to obey the law, is no choice of law', () => {
    expect(detect('governing-law', '## 1. Parties\n\n**1.1 Parties.** Acme Corp., a corporation organized under the laws of Delaware, and Beta LLC.\n').status).toBe('missing');
    expect(detect('governing-law', '## 7. Compliance\n\n**7.1 Laws.** The Supplier shall comply with all applicable laws.\n').status).toBe('missing');
  });
});
