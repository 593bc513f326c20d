import { describe, expect, it } from 'vitest';
import { lintWith, type RuleCase, runRuleCase } from './rule-tester.js';

// undefined-term judges only documents that work with defined terms (at least five definitions of their own).
const DEFINITIONS = '## 0. Definitions\n\n"Alpha" means a. "Beta" means b. "Gamma" means c. "Delta" means d. "Epsilon" means e.\n\n';

const cases: Record<string, RuleCase[]> = {
  'governing-law': [
    { name: 'names the law', status: 'present', findings: [], md: '## 20. General\n\n**20.4 Law.** This Agreement shall be governed by and construed in accordance with the laws of the State of New York.\n' },
    { name: 'no choice of law', status: 'missing', findings: [{ messageId: 'missing', section: null, line: 1 }], md: '## 20. General\n\n**20.4 Notices.** Notices must be in writing.\n\nThe Supplier is a company organized under the laws of Delaware.\n' },
    { name: 'left to the cover page', status: 'referenced', findings: [{ messageId: 'referenced', section: '12.3', severity: 'info' }], md: '## 12. General\n\n**12.3 Governing Law.** The Governing Law will govern all interpretations and disputes about this Agreement.\n' },
    { name: 'a Cover Page variable in place of the law', status: 'referenced', findings: [{ messageId: 'referenced', section: '3.2', severity: 'info' }], md: '## 3. Transfers\n\n**3.2 Clauses.** The Standard Contractual Clauses will be governed by the laws of Governing Member State.\n' },
  ],
  'audit-rights': [
    { name: 'full audit right', status: 'present', findings: [], md: '## 11. Audit\n\n**11.1 Audit.** The Customer and any regulator may audit the Supplier\'s records, premises and systems on 10 days\' notice, and at any time for cause.\n' },
    { name: 'once a year on 60 days', status: 'weak', findings: [{ messageId: 'weak', section: '11.1', line: 3 }], md: '## 11. Audit\n\n**11.1 Audit.** The Customer may, not more than once in any calendar year and on 60 days\' notice, audit the Supplier\'s records.\n' },
    { name: 'SOC 2 in lieu', status: 'weak', findings: [{ messageId: 'weak', section: '11.2' }], md: '## 11. Audit\n\n**11.2 Reports.** The Customer may audit the Supplier\'s controls. A SOC 2 Type II report shall satisfy the audit right in lieu of an on-site audit.\n' },
    { name: 'audited accounts are not audit rights', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 5. Reporting\n\n**5.1 Accounts.** The Supplier shall deliver its audited financial statements each year.\n' },
    { name: 'audit rights exercised only by asking for reports', status: 'weak', findings: [{ messageId: 'weak', section: '5.1' }], md: '## 5. Audits\n\n**5.1 Audit Rights.** The Processor will allow for and contribute to audits by the Controller to assess its compliance with this DPA. The Controller will only exercise its audit rights by instructing the Processor to comply with the reporting requirements below.\n' },
    { name: 'books and records made available under an audit heading', status: 'weak', findings: [{ messageId: 'weak', section: '1.9' }], md: '## 1. Obligations\n\n### 1.9 Audit of Books and Records\n\nUpon reasonable request, the Vendor will make its books, records, and internal policies and procedures relating to this Addendum available to the Practice.\n' },
    { name: 'notice beyond the 30-day threshold', status: 'weak', findings: [{ messageId: 'longNotice', section: '11.1' }], md: '## 11. Audit\n\n**11.1 Audit.** The Customer and any regulator may audit the Supplier\'s records, premises and systems on 45 days\' written notice, and at any time for cause.\n' },
    { name: 'notice within a threshold from options', status: 'present', options: { maxNoticeDays: 60 }, findings: [], md: '## 11. Audit\n\n**11.1 Audit.** The Customer and any regulator may audit the Supplier\'s records, premises and systems on 45 days\' written notice, and at any time for cause.\n' },
  ],
  'liability-cap': [
    { name: 'cap with carve-outs', status: 'present', findings: [], md: '## 14. Liability\n\n**14.2 Cap.** Except for liability for fraud, wilful misconduct or breach of confidentiality, each party\'s total liability shall not exceed the fees paid in the 12 months before the claim.\n' },
    { name: 'cap without carve-outs', status: 'weak', findings: [{ messageId: 'weak', section: '14.2' }], md: '## 14. Liability\n\n**14.2 Cap.** Each party\'s aggregate liability under this Agreement shall not exceed £100,000.\n' },
    { name: 'no cap', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 14. Liability\n\n**14.2 Indemnity.** The Supplier shall indemnify the Customer against third-party claims.\n' },
    { name: 'a DPA subject to the Agreement\'s limitations', status: 'referenced', findings: [{ messageId: 'referenced', section: '8.1', severity: 'info' }], md: '## 8. Liability\n\n**8.1 Caps.** Each party\'s total liability arising out of this DPA will be subject to the limitations of liability stated in the Agreement.\n' },

    { name: 'cap of 6 months\' fees below the 12-month threshold', status: 'weak', findings: [{ messageId: 'lowCap', section: '14.2' }], md: '## 14. Liability\n\n**14.2 Cap.** Except for liability for fraud, wilful misconduct or breach of confidentiality, each party\'s total liability shall not exceed the fees paid in the 6 months before the claim.\n' },
    { name: 'cap of 6 months\' fees with a 6-month playbook', status: 'present', options: { minMonthsOfFees: 6 }, findings: [], md: '## 14. Liability\n\n**14.2 Cap.** Except for liability for fraud, wilful misconduct or breach of confidentiality, each party\'s total liability shall not exceed the fees paid in the 6 months before the claim.\n' },
    { name: 'a low cap without carve-outs names both', status: 'weak', findings: [{ messageId: 'weak', section: '14.2' }], md: '## 14. Liability\n\n**14.2 Cap.** Each party\'s total liability shall not exceed the fees paid in the 3 months before the claim.\n' },
  ],
  'termination-for-convenience': [
    { name: 'on 60 days', status: 'present', findings: [], md: '## 17. Termination\n\n**17.2 Convenience.** The Customer may terminate this Agreement for convenience on sixty (60) days\' written notice.\n' },
    { name: 'notice beyond the threshold', status: 'weak', findings: [{ messageId: 'longNotice', section: '17.2' }], md: '## 17. Termination\n\n**17.2 Convenience.** The Customer may terminate this Agreement without cause on 180 days\' written notice.\n' },
    { name: 'threshold from options', status: 'present', options: { maxNoticeDays: 200 }, findings: [], md: '## 17. Termination\n\n**17.2 Convenience.** The Customer may terminate this Agreement without cause on 180 days\' written notice.\n' },
    { name: 'termination for breach only', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 17. Termination\n\n**17.1 Breach.** Either party may terminate this Agreement on 30 days\' notice if the other party commits a material breach.\n' },
  ],
  'exit-assistance': [
    { name: 'with a period', status: 'present', findings: [], md: '## 18. Exit\n\n**18.1 Exit Assistance.** On termination or expiry the Supplier shall provide exit assistance for up to six (6) months in accordance with the Exit Plan.\n' },
    { name: 'without a period', status: 'weak', findings: [{ messageId: 'weak', section: '18.1' }], md: '## 18. Exit\n\n**18.1 Exit Assistance.** On termination the Supplier shall provide exit assistance to the Customer.\n' },
    { name: 'nothing after termination', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 18. Term\n\n**18.1 Term.** This Agreement starts on the Effective Date.\n' },
    { name: 'the term and a right that ends are not exit duties', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 10. Term\n\n**10.1 Term.** This Addendum will continue until the Agreement expires or is terminated.\n\n**10.2 Effect of Termination.** On termination, the Customer will no longer have any right to use the Platform.\n' },
    { name: 'three months, shorter than the 6-month threshold', status: 'weak', findings: [{ messageId: 'shortPeriod', section: '18.1' }], md: '## 18. Exit\n\n**18.1 Exit Assistance.** On termination or expiry the Supplier shall provide exit assistance for three (3) months and shall cooperate with any replacement supplier.\n' },
    { name: 'three months with a 3-month playbook', status: 'present', options: { minMonths: 3 }, findings: [], md: '## 18. Exit\n\n**18.1 Exit Assistance.** On termination or expiry the Supplier shall provide exit assistance for three (3) months and shall cooperate with any replacement supplier.\n' },
    { name: '180 days read as six months; a notice period is not the period', status: 'present', findings: [], md: '## 18. Exit\n\n**18.1 Exit Assistance.** On termination the Supplier shall provide exit assistance for a period of 180 days, starting on the Customer\'s written request, which the Customer may make within 30 days before expiry.\n' },
  ],
  insurance: [
    { name: 'named with amounts', status: 'present', findings: [], md: '## 16. Insurance\n\n**16.1 Cover.** The Supplier shall maintain professional indemnity insurance of at least £5,000,000.\n' },
    { name: 'no amounts', status: 'weak', findings: [{ messageId: 'weak', section: '16.1' }], md: '## 16. Insurance\n\n**16.1 Cover.** The Supplier shall maintain public liability insurance with a reputable insurer.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 16. Warranties\n\n**16.1 Warranty.** The Supplier warrants that it will perform the Services with reasonable skill and care.\n' },
  ],
  assignment: [
    { name: 'consent needed', status: 'present', findings: [], md: '## 19. Assignment\n\n**19.1 Assignment.** Neither party may assign this Agreement without the prior written consent of the other party.\n' },
    { name: 'freely assignable by the supplier', status: 'weak', findings: [{ messageId: 'weak', section: '19.1' }], md: '## 19. Assignment\n\n**19.1 Assignment.** The Supplier may assign this Agreement without the consent of the Customer.\n' },
    { name: 'silent', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 19. Notices\n\n**19.1 Notices.** Notices shall be in writing.\n' },
  ],
  'breach-notification': [
    { name: 'within 24 hours', status: 'present', findings: [], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within twenty-four (24) hours.\n' },
    { name: 'thirty (30) days reads as 30, beyond 72 hours', status: 'weak', findings: [{ messageId: 'tooLate', section: '8.9' }], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer of any Personal Data Breach within thirty (30) days.\n' },
    { name: 'five days beyond a 24-hour playbook', status: 'weak', options: { maxHours: 24 }, findings: [{ messageId: 'tooLate', section: '8.9' }], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer of any security incident affecting Personal Data within 2 days.\n' },
    { name: 'without undue delay', status: 'weak', findings: [{ messageId: 'weak', section: '8.9', line: 3 }], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer without undue delay after becoming aware of a Personal Data Breach.\n' },
    { name: 'left to the DPA', status: 'referenced', findings: [{ messageId: 'referenced', section: '8.9', severity: 'info' }], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer of a Personal Data Breach as set out in the Data Processing Addendum.\n' },
    { name: 'personal data but no breach clause', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 8. Data\n\n**8.1 Processing.** The Supplier shall process Personal Data only on the Customer\'s instructions.\n' },
    { name: 'no personal or confidential data', status: 'not-applicable', findings: [], md: '## 2. Supply\n\n**2.1 Goods.** The Seller shall deliver the widgets to the Buyer.\n' },
    { name: 'a Cover Page period in place of the hours', status: 'referenced', findings: [{ messageId: 'referenced', section: '4.1', severity: 'info' }], md: '## 4. Breaches\n\n**4.1 Reporting.** The Vendor will report to the Practice within the Incident Notice Period any Security Incident involving PHI of which it becomes aware.\n' },
    { name: 'a variable period defined in the document', status: 'present', findings: [], md: '## 4. Breaches\n\n**4.1 Reporting.** The Vendor will report to the Practice within the Incident Notice Period any Security Incident involving PHI.\n\n## 6. Definitions\n\n**6.1** "Incident Notice Period" means 48 hours.\n' },
    { name: 'the customer\'s restrictions and duties are not a breach notice', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 2. Use\n\n**2.1 Restrictions.** The Customer will not remove any proprietary notices from the Product, or access any Customer Data or accounts without authorization.\n\n**2.2 Credentials.** The Customer will promptly notify the Provider of any unauthorized access to its credentials.\n' },
  ],
  'rto-rpo': [
    { name: 'both with values', status: 'present', findings: [], md: '## 10. Continuity\n\n**10.2 Recovery.** The Supplier shall meet a recovery time objective of 4 hours and a recovery point objective of 15 minutes.\n' },
    { name: 'RTO without a value, no RPO', status: 'weak', findings: [{ messageId: 'weak', section: '10.2' }], md: '## 10. Continuity\n\n**10.2 Recovery.** The BC Plan shall set out a recovery time objective for the telephone channel.\n' },
    { name: 'values worse than the playbook', status: 'weak', findings: [{ messageId: 'overThreshold', section: '10.2' }], md: '## 10. Continuity\n\n**10.2 Recovery.** RTO: 48 hours. The RPO is 1 hour.\n' },
    { name: 'absent', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 10. Continuity\n\n**10.1 Plan.** The Supplier shall maintain a business continuity plan.\n' },
  ],
  placeholder: [
    // Issue 19, the peer's golden misses in our wording: angle-bracket blanks in Markdown, a bare TBD, a blank to sign
    // beside a name; an HTML tag, "TBD" inside a word and the signature line itself are not blanks.
    { name: 'angle brackets, a bare TBD and a name blank', findings: [{ messageId: 'placeholder', line: 3 }, { messageId: 'placeholder', line: 3 }, { messageId: 'placeholder', line: 5 }, { messageId: 'placeholder', line: 7 }], md: '## 1. Scope\n\nThe Supplier shall deliver the <SCOPE OF WORK> under <ADDENDUM>.\n\nThe price is TBD.\n\nName: __________\n' },
    { name: 'an HTML tag and a signature line', findings: [], md: '## 1. Scope\n\nA <b>bold</b> word and a TBDX code.\n\nSignature: __________\n' },
    { name: 'bullets standing for a number', findings: [{ messageId: 'placeholder', line: 3 }, { messageId: 'placeholder', line: 5 }], md: '## 3. Fees\n\nInvoices are payable within ●● days.\n\nA late fee of •% applies.\n' },
    { name: 'bracketed blanks', findings: [{ messageId: 'placeholder', section: '3.1', line: 3 }, { messageId: 'placeholder', section: '3.1', line: 3 }], md: '## 3. Fees\n\n**3.1 Fees.** The fee is [●] per month, payable within [TBD].\n' },
    { name: 'instructions, fields and XX', findings: [{ messageId: 'placeholder', section: '3.2' }, { messageId: 'placeholder', section: '3.2' }, { messageId: 'placeholder', section: '3.2' }], md: '## 3. Fees\n\n**3.2 Payment.** Pay [Insert bank details] to {{supplier_name}} within XX days.\n' },
    { name: 'redactions, citations, editorial letters and signature lines are not placeholders', findings: [], md: '## 3. Fees\n\n**3.3 Royalty.** The royalty is [***] per cent, as held in [2019] EWHC 12, and "[t]he price" is fixed.\n\nBy: ____________________\n' },
  ],
};

for (const [ruleId, list] of Object.entries(cases)) {
  describe(`rule ${ruleId}`, () => {
    for (const c of list) it(c.name, () => runRuleCase(ruleId, c));
  });
}

const hygiene: Record<string, RuleCase[]> = {
  'broken-cross-reference': [
    { name: 'a regulation\'s article with a paragraph, in a document of parts and articles; a missing article of its own is still reported', findings: [{ messageId: 'broken', line: 9 }], md: '## PART 1 - General\n\n### 1. Transfers\n\nClauses adopted under the examination procedure referred to in Article 93(2) apply.\n\n### 2. Audits\n\nAs set out in Article 5.\n' },
    { name: '"Annex 2" is Annex II; 45 C.F.R. § 164.528 is a regulation; Annex 3 is still missing', findings: [{ messageId: 'broken', line: 3 }], md: '## 1. Measures\n\nThe measures are in Annex 2 and the records under 45 C.F.R. § 164.528. The sub-processors are in Annex 3.\n\n## Annex II – Measures\n\nEncryption.\n' },
    { name: 'a clause that does not exist', findings: [{ messageId: 'broken', section: '1.1', line: 3 }, { messageId: 'broken', section: '1.1', line: 3 }], md: '## 1. Fees\n\n**1.1 Invoices.** Disputes go to clause 7.2 and Section 2.1(c).\n\n## 2. Term\n\n**2.1 Start.** It starts (a) now and (b) later.\n' },
    { name: 'existing clauses, inline sub-clauses and other documents resolve', findings: [], md: '## 1. Fees\n\n**1.1 Invoices.** See Section 2.1(b), Sections 1.1 and 2.1, Article 28 of the GDPR, Section 5 of the DPA and 45 CFR § 164.504(e).\n\n## 2. Term\n\n**2.1 Start.** It starts (a) now and (b) later.\n' },
    { name: 'a schedule that is not attached, when the document holds schedules', findings: [{ messageId: 'broken', section: '1.1' }], md: '## 1. Services\n\n**1.1 Scope.** The services are in Schedule 1 and the prices in Schedule 3.\n\n## Schedule 1 – Services\n\nCall handling.\n' },
    // Issue 19: outside instruments, embedded standard texts and self-references are not internal references;
    // the same kinds of reference to a part this document lacks are still reported.
    { name: 'a regulation\'s article far past the document\'s own, a dotted code, a section "as amended, of" an act', findings: [], md: '## Article 1 Scope\n\nAdopted under the procedure referred to in Article 93(2), as described in 45 C.F.R. §164.528 (Section 862, as amended, of the Defense Act).\n\n## Article 2 Fees\n\nMonthly.\n' },
    { name: 'every section in a list after a code is the code\'s; a bare clause after it is still reported', findings: [{ messageId: 'broken', section: '1', line: 3 }], md: '## 1. Records\n\nAs required by 45 CFR §164.504(e)(2)(ii)(G) and §164.528, and by Section 9.\n\n## 2. Fees\n\nMonthly.\n' },
    { name: 'a regulation\'s article in a document of numbered clauses; the annex another instrument\'s part serves as; a missing annex is still reported', findings: [{ messageId: 'broken', line: 7 }], md: '## 1. Transfers\n\nClauses adopted under the examination procedure referred to in Article 93(2) apply, and Schedule 1 shall apply as Annex B of those clauses.\n\n## 2. Measures\n\nThe measures are in Annex C.\n\n## Schedule 1 - Parties\n\nThe parties.\n\n## Annex A - Measures\n\nText.\n' },
    { name: 'a four-digit section of a code is no clause 632', findings: [], md: '## 1. Tax\n\nThe taxpayer was issued a notice under I.R.C. §6320 and 26 U.S.C. §§ 1031.\n\n## 2. Fees\n\nMonthly.\n' },
    { name: 'a roman article in a contract with no articles', findings: [{ messageId: 'broken', line: 3 }], md: '## 1. Term\n\nAs set out in Article IV, the term is one year. Article 28 GDPR applies.\n\n## 2. Fees\n\nMonthly.\n' },
    { name: 'a clause numbered "8.0" is clause 8; "section 9.0" is still missing', findings: [{ messageId: 'broken', section: '1' }], md: '## 1. Scope\n\nOther than the items in section 8.0 and section 9.0.\n\n## 8.0 Items\n\nThe Government furnishes data.\n' },
    { name: 'a section of a named code or act is outside the document; a bare one is not', findings: [{ messageId: 'broken', section: '1', line: 3 }], md: '## 1. Privacy\n\nPersonnel shall adhere to the Privacy Act, Title 5 of the U.S. Code, Section 552a, and to the Rehabilitation Act, Section 508. See also Section 14.\n\n## 2. Fees\n\nMonthly. Reports meet Section 508 (see www.section508.gov).\n' },
    { name: '"this Appendix 3B" is the part it stands in; "Appendix 4" of a document with appendices is missing', findings: [{ messageId: 'broken', line: 9 }], md: '## 1. Scope\n\nSee Appendix 1.\n\n## Appendix 1 – Terms\n\nThis Appendix 3B applies to the RDP Services, under paragraph 3.4 of this Appendix 3B.\n\nThe prices are in Appendix 4.\n' },
    { name: 'the SCCs\' own annexes in the words that complete them; the document\'s own missing annex is reported', findings: [{ messageId: 'broken', line: 7 }], md: '## 1. Transfers\n\nThe Standard Contractual Clauses apply. Annex I.B of the SCCs is completed by Annex 1 of this DPA, and Annex II by Annex 2.\n\n## Annex 1 – Processing\n\nSee Annex 3 for the sub-processors.\n\n## Annex 2 – Measures\n\nEncryption.\n' },
  ],
  'numbering-gap': [
    { name: 'bracketed alternatives numbered alike on purpose; a repeat elsewhere is still reported', findings: [{ messageId: 'repeat', section: '3' }], md: '## 1. Parties\n\nA.\n\n## 2. [FRAMEWORK GUARANTEE]\n\nor\n\n## 2. [CALL-OFF GUARANTEE]\n\nB.\n\n## 3. Terms\n\nC.\n\n## 3. Law\n\nD.\n' },
    { name: 'a skipped clause', findings: [{ messageId: 'skip', section: '4', line: 5 }], md: '## 1. Term\n\n## 2. Fees\n\n## 4. Liability\n' },
    { name: 'parts and articles are two sequences; a skipped article is still reported', findings: [{ messageId: 'skip', section: 'ARTICLE 4' }], md: '## PART I - GENERAL\n\n### ARTICLE 1 - Definitions\n\nA.\n\n### ARTICLE 2 - Insurance\n\nB.\n\n## PART II - PROCESSING\n\n### ARTICLE 4 - Scope\n\nC.\n' },
    { name: 'a repeated sub-clause', findings: [{ messageId: 'repeat', section: '1.1' }], md: '## 1. Fees\n\n**1.1 Invoices.** Monthly.\n\n**1.1 Payment.** In 30 days.\n' },
    { name: 'a sub-list that jumps by more than one, and a statute section as a heading, are not reported', findings: [], md: '## 1. Fees\n\n**1.1 Invoices.** Invoices show:\n\n(a) the Charges;\n\n(b) the credits; and\n\n(f) the total.\n\n## 2. Accessibility\n\n## Section 508 Compliance\n\nText.\n' },
    { name: 'a skipped sub-clause', findings: [{ messageId: 'skip', section: '1.1(d)' }], md: '## 1. Fees\n\n**1.1 Invoices.** Invoices show:\n\n(a) the Charges;\n\n(b) the credits; and\n\n(d) the total.\n' },
    { name: 'a numbered list inside a clause is not the clause numbers', findings: [], md: '## 1. Scope\n\n## 2. Term\n\n## 3. Fees\n\n## 4. Documents\n\nIn order of precedence:\n\n1. this Award Form;\n2. the Core Terms.\n\n## 5. Notices\n\nIn writing.\n' },
    { name: 'a skip after a list inside a clause', findings: [{ messageId: 'skip', section: '6' }], md: '## 1. Scope\n\n## 2. Term\n\n## 3. Fees\n\n## 4. Documents\n\nIn order of precedence:\n\n1. this Award Form;\n2. the Core Terms.\n\n## 6. Notices\n\nIn writing.\n' },
    { name: 'a standard clause set into the contract keeps its own numbering; a gap in the contract is still reported', findings: [{ messageId: 'skip', section: '4' }], md: '## 1. Term\n\n## 2. Clauses\n\n### FAR 52.212-5 Contract Terms\n\n(1) First.\n\n(2) Second.\n\n(5) Fifth.\n\n## 4. Fees\n\nMonthly.\n' },
    { name: 'a part of clauses incorporated in full text, and a clause headed by its FAR number alone, keep their numbering; the contract\'s own gap is still reported', findings: [{ messageId: 'skip', section: '3' }], md: '## 1. Scope\n\nA.\n\n## 3. Fees\n\nB.\n\n## Contract Clauses Incorporated in Full Text\n\n(a) First.\n\n(b) Second.\n\n(d) Fourth.\n\n### 52.212-3 Offeror Representations (Jan 2017)\n\n(1) One.\n\n(1) One again.\n' },
    { name: 'restarts in a schedule are not gaps', findings: [], md: '## 1. Term\n\n**1.1 Start.** Now.\n\n## 2. Fees\n\n## Schedule 1 – Prices\n\n**1.1 Rates.** As agreed.\n\n**1.2 Review.** Yearly.\n' },
  ],
  'duplicate-heading': [
    { name: 'list entries, parallel sub-paragraphs and alternative parts are not duplicates', findings: [], md: '## 4. Standards\n\n**4.8 BS 6651 2002**\n\n**4.9 BS 7671**\n\n**4.22 BS 6651 2002**\n\n## 5. Reps\n\n**(n)(2) Representation.** A.\n\n**(t)(2) Representation.** B.\n\n## 6. Security\n\n**6.1 Breach.** A.\n\n**6.2 Part B Long form.** Applies to Lot 2.\n\n**6.3 Breach.** B.\n' },
    { name: 'a FAR clause\'s own headings, the title again, a heading printed twice in a row', findings: [], md: '# Terms of Service\n\n## Terms of Service\n\nText.\n\n## Key Terms\n\n## Key Terms\n\nText.\n\n## FAR 52.212-3 Representations\n\n### (t) Small business\n\n### Representation\n\nA.\n\n### Representation\n\nB.\n' },
    { name: 'an unnumbered heading that opens the document is its title; an unnumbered heading repeated later is still reported', findings: [{ messageId: 'duplicate', line: 16 }], md: 'Terms of Service\n----------------\n\nUpdated in May.\n\nThe Gist\n--------\n\nA summary.\n\nTerms of Service\n----------------\n\nThe terms.\n\nThe Gist\n--------\n\nAgain.\n' },
    { name: 'same heading under the same clause', findings: [{ messageId: 'duplicate', section: '12.4' }], md: '## 12. General\n\n**12.2 Force Majeure.** A.\n\n**12.3 Notices.** B.\n\n**12.4 Force Majeure.** C.\n' },
    { name: 'same heading at the top level', findings: [{ messageId: 'duplicate', section: '7' }], md: '## 5. Fees\n\nA.\n\n## 6. Term\n\nB.\n\n## 7. Fees\n\nC.\n' },
    { name: 'parallel sub-headings under different clauses are a structure, not a defect', findings: [], md: '## 5. Term\n\n**5.4 Force Majeure.** A.\n\n## 12. General\n\n**12.2 Force Majeure.** B.\n' },
    { name: 'a schedule may repeat a heading of the body', findings: [], md: '## 1. Definitions\n\nText.\n\n## Schedule 1 – Prices\n\n**1. Definitions.** Text.\n' },
    { name: 'a clause and an annex with the same heading are different parts', findings: [], md: '## 1. Scope\n\nA.\n\n## 2. Service levels\n\nB.\n\n## Annex 1 – Service levels\n\nC.\n' },
    { name: 'a summary in every section and Definitions in each annex are labels', findings: [], md: '## 1. Fees\n\n**1.1 Summary.** A.\n\n**1.2 Summary.** B.\n\n## Annex 1\n\n### Definitions\n\nX.\n\n### Definitions\n\nY.\n' },
  ],
  'duplicate-definition': [
    { name: 'a table header is no definition; a term named inline twice is no second meaning', findings: [], md: '## 1. Definitions\n\n| Monthly Uptime Percentage | Percentage of monthly bill credited |\n| --- | --- |\n| 99.0% to 99.9% | 10% |\n\n"Monthly Uptime Percentage" means uptime divided by time.\n\n## 2. Law\n\nThe Environmental Protection Act 1990 (the "EPA") applies to waste.\n\n## 3. Cleaning\n\nThe Environmental Protection Act 1990 (the "EPA") applies to cleaning.\n' },
    { name: 'defined twice', findings: [{ messageId: 'duplicate', line: 5 }], md: '## 1. Definitions\n\n"Services" means the services.\n\n"Services" means other services.\n' },
    { name: 'a table header flattened into bold lines above the term\'s own definition is no second definition', findings: [{ messageId: 'duplicate', line: 24 }], md: '#### Definitions\n\nThe following definitions apply:\n\n"Credit" means the following:\n\n| | |\n| --- | --- |\n| **Monthly Uptime** | **Percentage of the monthly bill for the service that is credited to future bills of the customer** |\n| 99% - 99.9% | 10% |\n\n**Monthly Uptime**\n\n**Percentage of the monthly bill for the service that is credited to future bills of the customer**\n\n99% - 99.9%\n\n10%\n\n"Monthly Uptime" means the share of minutes in a month the service is available.\n\n"Downtime" means a period of unavailability.\n\n"Downtime" means any unavailable minute.\n' },
    { name: 'the short-form and the long-form parts each define their terms; a term defined twice in one part is still reported', findings: [{ messageId: 'duplicate', line: 15 }], md: 'PART A: SHORT FORM REQUIREMENTS (for Lot 1)\n\n## 1. Definitions\n\n"Breach" means any unauthorised access.\n\nPART B: LONG FORM REQUIREMENTS (for Lot 2)\n\n## 1. Definitions\n\n"Breach" means any unauthorised access or loss.\n\n"Plan" means the security plan.\n\n"Plan" means the plan in Annex 2.\n' },
    { name: 'an act cited twice with its abbreviation, a term introduced then defined, a pointer "stated in"; a second meaning is still reported', findings: [{ messageId: 'duplicate', line: 13 }], md: '# Agreement\n\nThis agreement (the "Agreement") covers the Services.\n\n## 1. Definitions\n\n"Agreement" means this agreement.\n\n"Term" has the meaning stated in Section 8.1.\n\n"Services" means hosting.\n\n"Services" means support.\n\n## 2. Law\n\nThe Environmental Protection Act 1990 (the "EPA") applies. Under the Environmental Protection Act 1990 (the "EPA") waste is controlled.\n\n## 8. Term\n\n**8.1 Term.** "Term" means one year.\n' },
    { name: 'two definitions of one term in one preamble paragraph', findings: [{ messageId: 'duplicate', line: 3 }], md: '# Agreement\n\nThe "Services" means hosting. The "Fees" means the charges. The "Services" means support.\n\n## 1. Fees\n\nThe Fees are due for the Services.\n' },
    { name: 'a pointer entry, an alias and a term named again in passing are no second definition', findings: [], md: '## 1. Definitions\n\n"Services" means the hosting services.\n\n"Confidential Information" has the meaning given in clause 3.2.\n\n## 3. Confidentiality\n\n**3.2 Definition.** "Confidential Information" means information marked confidential.\n\n**3.3 Security.** The Services are run under the measures in Annex 2 (the "Services").\n' },
    { name: 'an addendum defines its own terms; the same term defined twice in the body is still reported', findings: [{ messageId: 'duplicate', line: 7 }], md: '## 1. Definitions\n\n"Services" means the hosting services.\n\n"Term" means one year.\n\n"Term" means two years.\n\n## Addendum 1 – Support\n\n"Services" means the support services.\n' },
    { name: 'defined once', findings: [], md: '## 1. Definitions\n\n"Services" means the services.\n\nThe Services start today.\n' },
  ],
  'unused-definition': [
    { name: 'two names in one definition, the short one used; a standard\'s short name in passing; a pair neither of which is used is still reported', findings: [{ messageId: 'unused', line: 5 }], md: '## 1. Definitions\n\n**"Protected Health Information"** or **"PHI"** has the meaning given under HIPAA.\n\n"European Economic Area" or "EEA" means the EU, Norway, Iceland and Liechtenstein.\n\n## 2. Audits\n\nThe Supplier shall protect PHI and provide a report under the Statement on Standards for Attestation Engagements No. 18 ("**SSAE 18**").\n' },
    { name: 'a near spelling in use and a term defined with "(s)"; an unused one is still reported', findings: [{ messageId: 'unused', line: 7 }], md: '## 1. Definitions\n\n"Earn Back %" means the share earned back.\n\n"Processor(s)" means a processor.\n\n"Service Window" means nights.\n\n## 2. Use\n\nThe Earnback % is 5; the Earnback % is capped. Each Processor signs.\n' },
    { name: 'a use in another case or in the singular counts; an unused term is still reported', findings: [{ messageId: 'unused', line: 9 }], md: '## 1. Definitions\n\n"HITECH ACT" means the HITECH statute.\n\n"Suppliers" means the vendors of the Customer.\n\n"Inverted domestic corporation," means an entity.\n\n"Service Window" means nights.\n\n## 2. Use\n\nThe HITECH Act applies. Each Supplier signs. No inverted domestic corporation may bid.\n' },
    { name: 'two names given together, an acronym in passing, a standard clause\'s own definitions; an unused term is still reported', findings: [{ messageId: 'unused', line: 3 }], md: '## 1. Definitions\n\n"Suppliers" means vendors to the Customer.\n\nThe Regulation (EU) 2016/679 ("General Data Protection Regulation" or "GDPR") applies, and the Data Protection Act (the "DPA") too. The GDPR governs.\n\n## 2. Clauses\n\n### FAR 52.225-1 Buy American\n\n"Manufactured end product" means any end product.\n' },
    { name: 'unused in the preamble, before the first heading', findings: [{ messageId: 'unused', line: 3 }], md: '# Agreement\n\nThe "Services" means hosting. The "Fees" means the charges.\n\n## 1. Fees\n\nThe Fees are due monthly.\n' },
    { name: 'never used', findings: [{ messageId: 'unused', line: 3 }], md: '## 1. Definitions\n\n"Transition Period" means the first month.\n' },
    { name: 'used in the plural', findings: [], md: '## 1. Definitions\n\n"High Risk Activity" means flying.\n\nNo High Risk Activities are allowed.\n' },
  ],
  'undefined-term': [
    { name: 'used and never defined', findings: [{ messageId: 'undefined', section: '1' }], md: DEFINITIONS + '## 1. Compliance\n\nThe Supplier shall meet the Service Levels. All Service Levels are monthly. Missed Service Levels earn credits. The service levels are reviewed.\n' },
    { name: 'the word two defined terms end in stands for either; an undefined term is still reported', findings: [{ messageId: 'undefined', section: '2' }], md: DEFINITIONS + '## 1. Indemnities\n\n"Customer Claim" means a claim against the Customer. "Supplier Claim" means a claim against the Supplier. The indemnified party notifies the relevant Claim at once and cooperates in the defence of the Claim. The indemnifying party may settle any Claim. Each claim is handled in good faith.\n\n## 2. Compliance\n\nThe Supplier shall meet the Service Levels. All Service Levels are monthly. Missed Service Levels earn credits. The service levels are reviewed.\n' },
    { name: 'a term that heads a clause of its own is explained there; an undefined term is still reported', findings: [{ messageId: 'undefined', section: '3' }], md: DEFINITIONS + '## 1. Purpose\n\nThe parties will set out each Purpose in an order.\n\n## 2. Limits\n\nData is used only for the Purpose. No data is kept after the Purpose ends. Each Purpose is reviewed yearly.\n\n## 3. Compliance\n\nThe Supplier shall meet the Service Levels. All Service Levels are monthly. Missed Service Levels earn credits. The service levels and the purpose are reviewed.\n' },
    { name: 'names and defined terms are not reported', findings: [], md: DEFINITIONS + '## 1. Definitions\n\n"Service Levels" means the levels.\n\nThe Supplier in England and Wales shall meet the Service Levels. Missed Service Levels earn credits. The service levels are monthly. England and Wales law applies.\n' },
    // Issue 19, our own wording: definitions of every shape count, titles and labels are not terms; a term used
    // and defined nowhere is still reported beside each case.
    { name: 'curly quotes of every kind, an alias in brackets and a "hereinafter collectively" define; Charges does not', findings: [{ messageId: 'undefined', section: '1' }], md: DEFINITIONS + '## 1. Scope\n\nThese Terms of Service (”Terms”) cover the Protected Health Information (“PHI”) and your files (hereinafter collectively "Content"). The Terms apply to PHI and to Content. The Terms set the Charges, we add the Charges to each invoice and the Charges are fixed. We invoice the charges monthly.\n' },
    { name: 'a definitions table: the term in one cell, its meaning in the next', findings: [], md: DEFINITIONS + '## 1. Definitions\n\n| Term | Meaning |\n| --- | --- |\n| "Start Date" | the date on which the Services begin |\n| Service Credits | the credits payable for a missed target |\n\n## 2. Start\n\nThe Start Date is fixed. Service Credits accrue from the Start Date.\n' },
    { name: 'document titles, schedule titles, standards and placeholders are not terms', findings: [{ messageId: 'undefined', section: '2' }], md: DEFINITIONS + '## 1. Documents\n\nSee our Privacy Policy and the Privacy Policy page. Schedule 4 (Exit Management) and Schedule 4 (Exit Management) apply. Work meets BS 7984-Key Holding and BS 7984-Key Holding. Fill in [Insert Not Applicable] and [Insert Not Applicable].\n\n## 2. Payment\n\nThe Buyer pays the Net Amount. The Net Amount is due monthly, and the net amount of each invoice is stated.\n' },
    { name: 'levels named by number, headings cited after clause numbers, compounds of defined terms', findings: [], md: DEFINITIONS + '## 1. Definitions\n\n"Customer" means the buyer. "Brand Features" means logos.\n\n## 2. Support\n\nSeverity 1 issues and Severity 2 issues and Severity 3 issues get a reply. See Sections 5.3 (Instructions), 6.1.1 (Deletion Functionality) and 6.1.2 (Deletion Functionality). We show Customer Brand Features and Customer Brand Features in the customer brand features page. The severity is set by us, and the deletion functionality too.\n' },
    { name: 'a citation line, a name ending in its acronym, a web address, a possessive term', findings: [], md: DEFINITIONS + '## 1. Definitions\n\n"Data Subjects\' Rights" means the rights of data subjects.\n\n## 2. Clauses\n\nFAR 52.212-4 Contract Terms and Conditions - Commercial Items\n\nFAR 52.212-5 Contract Terms and Conditions Required\n\nThe vendor passes the Security Reviews for Low Impact Software as a Service (SaaS) and the Security Reviews for Low Impact Software as a Service (SaaS) again. Canonical Support and Canonical Support help at support.canonical.com, and the support team of canonical. We honour Data Subjects\' Rights and Data Subjects\' Rights. Contract terms and security reviews apply.\n' },
    { name: 'the GDPR\'s own terms where the document names the GDPR', findings: [], md: DEFINITIONS + '## 1. Roles\n\nUnder the GDPR, the Customer is the Controller and the Provider the Processor. The Controller instructs the Processor.\n' },
  ],
  'number-consistency': [
    { name: 'words and figures disagree', findings: [{ messageId: 'mismatch', line: 3 }, { messageId: 'mismatch', line: 3 }], md: '## 4. Payment\n\nPay within thirty (31) days a deposit of one million two hundred and fifty thousand dollars ($1,205,000).\n' },
    { name: 'words and figures agree', findings: [], md: '## 4. Payment\n\nPay within thirty (30) days a deposit of one million two hundred and fifty thousand dollars ($1,250,000) and ninety-seven and one-half percent (97.5%).\n' },
  ],
  'party-name-consistency': [
    { name: 'a party spelled three ways', findings: [{ messageId: 'variant', line: 1 }, { messageId: 'variant', line: 5 }], md: 'Between NorthWind Retail Ltd and Contoso Ltd.\n\n## 1. Parties\n\nNorthwind Retail Ltd appoints Contoso Ltd. Northwind Retail Ltd pays. Northwind Retail Limited signs.\n' },
    { name: 'a name wholly in capitals is the same spelling', findings: [], md: 'Between Northwind Retail Ltd and Contoso Corp.\n\n## 1. Parties\n\nNorthwind Retail Ltd appoints Contoso Corp.\n\nNORTHWIND RETAIL LTD\n\nCONTOSO CORP.\n' },
    // Issue 19 (the peer's golden cases, in our wording): a name in capitals beside a legal form in lower case, and
    // two forms of the legal suffix, are two spellings of one party.
    { name: 'case of the name, and the form of the suffix', findings: [{ messageId: 'variant', line: 5 }, { messageId: 'variant', line: 5 }], md: 'Between Hooli Inc and Globex Corp. and Hooli Inc and Globex Corp.\n\n## 1. Parties\n\nHOOLI Inc appoints Globex Corporation.\n' },
  ],
  'date-sanity': [
    { name: 'impossible date and end before start', findings: [{ messageId: 'invalid', line: 3 }, { messageId: 'order', line: 5 }], md: '## 2. Term\n\nIt commences on 30 February 2025.\n\nIt runs from 1 March 2025 until 28 February 2025.\n' },
    { name: 'a renewal notice date before the renewal term is not an end date', findings: [], md: '## 2. Term\n\nThe renewal term shall begin on January 1, 2005 and end on December 31, 2009, by notice given by November 30, 2004.\n' },
  ],
};

for (const [ruleId, list] of Object.entries(hygiene)) {
  describe(`rule ${ruleId}`, () => {
    for (const c of list) it(c.name, () => runRuleCase(ruleId, c));
  });
}

// Playbook thresholds are named in the finding, in the catalogue's words, with the value found.
describe('thresholds named in findings', () => {
  const message = (ruleId: string, md: string, options: Record<string, unknown> = {}): string[] =>
    lintWith(ruleId, md, options).findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);

  it('audit-rights: notice against maxNoticeDays', () => {
    expect(message('audit-rights', '## 11. Audit\n\n**11.1 Audit.** The Customer may audit the Supplier\'s records, premises and systems on forty-five (45) days\' notice, and at any time for cause.\n'))
      .toEqual(['Audit notice 45 days exceeds the 30-day threshold.']);
    expect(message('audit-rights', '## 11. Audit\n\n**11.1 Audit.** The Customer may, not more than once in any calendar year and on 60 days\' notice, audit the Supplier\'s records.\n'))
      .toEqual(['Weak audit-rights clause: audits capped at once a year with no exception for cause or regulators; audit notice 60 days exceeds the 30-day threshold.']);
  });

  it('data-return-deletion: deadline against maxDays', () => {
    expect(message('data-return-deletion', '## 8. Data\n\n**8.10 Return.** On termination the Supplier shall return all Customer Data in CSV format and then delete all copies within 60 days, certifying the deletion in writing.\n'))
      .toEqual(['Return and deletion of customer data within 60 days exceeds the 30-day threshold.']);
    expect(message('data-return-deletion', '## 8. Data\n\n**8.10 Return.** On termination the Supplier shall return all Customer Data in CSV format and then delete all copies within 60 days, certifying the deletion in writing.\n', { maxDays: 14 }))
      .toEqual(['Return and deletion of customer data within 60 days exceeds the 14-day threshold.']);
  });

  it('exit-assistance: period against minMonths', () => {
    expect(message('exit-assistance', '## 18. Exit\n\n**18.1 Exit Assistance.** On termination or expiry the Supplier shall provide exit assistance for three (3) months.\n'))
      .toEqual(['Exit assistance for 3 months is shorter than the 6-month threshold.']);
  });

  it('liability-cap: months of fees against minMonthsOfFees', () => {
    expect(message('liability-cap', '## 14. Liability\n\n**14.2 Cap.** Except for liability for fraud or breach of confidentiality, each party\'s total liability shall not exceed the fees paid in the six (6) months before the claim.\n'))
      .toEqual(['Liability cap of 6 months\' fees is below the 12-month threshold.']);
  });

  it('service-levels: availability and speed of answer against minimums, none by default', () => {
    const md = '## 4. Service Levels\n\n**4.1 Targets.** In each calendar month the Supplier shall answer 70% of calls within 30 seconds and the platform shall achieve 99% availability.\n';
    expect(message('service-levels', md)).toEqual([]);
    expect(message('service-levels', md, { minimums: { availability: 99.5, callsAnswered: { percent: 80, withinSeconds: 20 } } })).toEqual([
      'Availability target 99% is below the 99.5% threshold.',
      'Speed of answer 70% of calls answered within 30 seconds is below the 80% within 20 seconds threshold.',
    ]);
  });
});
