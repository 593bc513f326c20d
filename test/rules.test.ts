import { describe, it } from 'vitest';
import { type RuleCase, runRuleCase } from './rule-tester.js';

const cases: Record<string, RuleCase[]> = {
  'governing-law': [
    { name: 'names the law', status: 'present', findings: [], md: '## 20. General\n\n**20.4 Law.** This Agreement shall be governed by and construed in accordance with the laws of the State of New York.\n' },
    { name: 'no choice of law', status: 'missing', findings: [{ messageId: 'missing', section: null, line: 1 }], md: '## 20. General\n\n**20.4 Notices.** Notices must be in writing.\n\nThe Supplier is a company organized under the laws of Delaware.\n' },
    { name: 'left to the cover page', status: 'referenced', findings: [{ messageId: 'referenced', section: '12.3', severity: 'info' }], md: '## 12. General\n\n**12.3 Governing Law.** The Governing Law will govern all interpretations and disputes about this Agreement.\n' },
  ],
  'audit-rights': [
    { name: 'full audit right', status: 'present', findings: [], md: '## 11. Audit\n\n**11.1 Audit.** The Customer and any regulator may audit the Supplier\'s records, premises and systems on 10 days\' notice, and at any time for cause.\n' },
    { name: 'once a year on 60 days', status: 'weak', findings: [{ messageId: 'weak', section: '11.1', line: 3 }], md: '## 11. Audit\n\n**11.1 Audit.** The Customer may, not more than once in any calendar year and on 60 days\' notice, audit the Supplier\'s records.\n' },
    { name: 'SOC 2 in lieu', status: 'weak', findings: [{ messageId: 'weak', section: '11.2' }], md: '## 11. Audit\n\n**11.2 Reports.** The Customer may audit the Supplier\'s controls. A SOC 2 Type II report shall satisfy the audit right in lieu of an on-site audit.\n' },
    { name: 'audited accounts are not audit rights', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 5. Reporting\n\n**5.1 Accounts.** The Supplier shall deliver its audited financial statements each year.\n' },
  ],
  'liability-cap': [
    { name: 'cap with carve-outs', status: 'present', findings: [], md: '## 14. Liability\n\n**14.2 Cap.** Except for liability for fraud, wilful misconduct or breach of confidentiality, each party\'s total liability shall not exceed the fees paid in the 12 months before the claim.\n' },
    { name: 'cap without carve-outs', status: 'weak', findings: [{ messageId: 'weak', section: '14.2' }], md: '## 14. Liability\n\n**14.2 Cap.** Each party\'s aggregate liability under this Agreement shall not exceed £100,000.\n' },
    { name: 'no cap', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 14. Liability\n\n**14.2 Indemnity.** The Supplier shall indemnify the Customer against third-party claims.\n' },
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
  ],
  'rto-rpo': [
    { name: 'both with values', status: 'present', findings: [], md: '## 10. Continuity\n\n**10.2 Recovery.** The Supplier shall meet a recovery time objective of 4 hours and a recovery point objective of 15 minutes.\n' },
    { name: 'RTO without a value, no RPO', status: 'weak', findings: [{ messageId: 'weak', section: '10.2' }], md: '## 10. Continuity\n\n**10.2 Recovery.** The BC Plan shall set out a recovery time objective for the telephone channel.\n' },
    { name: 'values worse than the playbook', status: 'weak', findings: [{ messageId: 'overThreshold', section: '10.2' }], md: '## 10. Continuity\n\n**10.2 Recovery.** RTO: 48 hours. The RPO is 1 hour.\n' },
    { name: 'absent', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 10. Continuity\n\n**10.1 Plan.** The Supplier shall maintain a business continuity plan.\n' },
  ],
  placeholder: [
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
    { name: 'a clause that does not exist', findings: [{ messageId: 'broken', section: '1.1', line: 3 }, { messageId: 'broken', section: '1.1', line: 3 }], md: '## 1. Fees\n\n**1.1 Invoices.** Disputes go to clause 7.2 and Section 2.1(c).\n\n## 2. Term\n\n**2.1 Start.** It starts (a) now and (b) later.\n' },
    { name: 'existing clauses, inline sub-clauses and other documents resolve', findings: [], md: '## 1. Fees\n\n**1.1 Invoices.** See Section 2.1(b), Sections 1.1 and 2.1, Article 28 of the GDPR, Section 5 of the DPA and 45 CFR § 164.504(e).\n\n## 2. Term\n\n**2.1 Start.** It starts (a) now and (b) later.\n' },
    { name: 'a schedule that is not attached, when the document holds schedules', findings: [{ messageId: 'broken', section: '1.1' }], md: '## 1. Services\n\n**1.1 Scope.** The services are in Schedule 1 and the prices in Schedule 3.\n\n## Schedule 1 – Services\n\nCall handling.\n' },
  ],
  'numbering-gap': [
    { name: 'a skipped clause', findings: [{ messageId: 'skip', section: '4', line: 5 }], md: '## 1. Term\n\n## 2. Fees\n\n## 4. Liability\n' },
    { name: 'a repeated sub-clause', findings: [{ messageId: 'repeat', section: '1.1' }], md: '## 1. Fees\n\n**1.1 Invoices.** Monthly.\n\n**1.1 Payment.** In 30 days.\n' },
    { name: 'a skipped sub-clause', findings: [{ messageId: 'skip', section: '1.1(d)' }], md: '## 1. Fees\n\n**1.1 Invoices.** Invoices show:\n\n(a) the Charges;\n\n(b) the credits; and\n\n(d) the total.\n' },
    { name: 'restarts in a schedule are not gaps', findings: [], md: '## 1. Term\n\n**1.1 Start.** Now.\n\n## 2. Fees\n\n## Schedule 1 – Prices\n\n**1.1 Rates.** As agreed.\n\n**1.2 Review.** Yearly.\n' },
  ],
  'duplicate-heading': [
    { name: 'same heading, same level', findings: [{ messageId: 'duplicate', section: '12.2' }], md: '## 5. Term\n\n**5.4 Force Majeure.** A.\n\n## 12. General\n\n**12.2 Force Majeure.** B.\n' },
    { name: 'a schedule may repeat a heading of the body', findings: [], md: '## 1. Definitions\n\nText.\n\n## Schedule 1 – Prices\n\n**1. Definitions.** Text.\n' },
  ],
  'duplicate-definition': [
    { name: 'defined twice', findings: [{ messageId: 'duplicate', line: 5 }], md: '## 1. Definitions\n\n"Services" means the services.\n\n"Services" means other services.\n' },
    { name: 'defined once', findings: [], md: '## 1. Definitions\n\n"Services" means the services.\n\nThe Services start today.\n' },
  ],
  'unused-definition': [
    { name: 'never used', findings: [{ messageId: 'unused', line: 3 }], md: '## 1. Definitions\n\n"Transition Period" means the first month.\n' },
    { name: 'used in the plural', findings: [], md: '## 1. Definitions\n\n"High Risk Activity" means flying.\n\nNo High Risk Activities are allowed.\n' },
  ],
  'undefined-term': [
    { name: 'used and never defined', findings: [{ messageId: 'undefined', section: '1' }], md: '## 1. Compliance\n\nThe Supplier shall meet the Service Levels. Missed Service Levels earn credits. The service levels are monthly.\n' },
    { name: 'names and defined terms are not reported', findings: [], md: '## 1. Definitions\n\n"Service Levels" means the levels.\n\nThe Supplier in England and Wales shall meet the Service Levels. Missed Service Levels earn credits. The service levels are monthly. England and Wales law applies.\n' },
  ],
  'number-consistency': [
    { name: 'words and figures disagree', findings: [{ messageId: 'mismatch', line: 3 }, { messageId: 'mismatch', line: 3 }], md: '## 4. Payment\n\nPay within thirty (31) days a deposit of one million two hundred and fifty thousand dollars ($1,205,000).\n' },
    { name: 'words and figures agree', findings: [], md: '## 4. Payment\n\nPay within thirty (30) days a deposit of one million two hundred and fifty thousand dollars ($1,250,000) and ninety-seven and one-half percent (97.5%).\n' },
  ],
  'party-name-consistency': [
    { name: 'a party spelled two ways', findings: [{ messageId: 'variant', line: 1 }], md: 'Between NorthWind Retail Ltd and Contoso Ltd.\n\n## 1. Parties\n\nNorthwind Retail Ltd appoints Contoso Ltd. Northwind Retail Limited pays.\n' },
    { name: 'legal form and capitals are not variants', findings: [], md: 'Between Northwind Retail Ltd and Contoso Corp.\n\n## 1. Parties\n\nNorthwind Retail Limited appoints Contoso Corporation.\n\nNORTHWIND RETAIL LTD\n' },
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
