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
