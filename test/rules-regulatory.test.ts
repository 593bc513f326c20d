import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { type RuleCase, lintWith, runRuleCase } from './rule-tester.js';

// Catalogue section A (regulatory clauses) and section C (weak language).

const DPD = '## 1. Definitions\n\n**1.1 Data Protection Legislation.** "Data Protection Legislation" means the UK GDPR and the Data Protection Act 2018.\n\n';
const ART_28 = [
  '**8.1 Instructions.** The Supplier shall process Personal Data only on the documented instructions of the Customer.',
  '**8.2 Personnel.** The Supplier shall ensure that its personnel who process Personal Data are bound by obligations of confidentiality.',
  '**8.3 Security.** The Supplier shall implement the technical and organisational measures required by Article 32 of the UK GDPR.',
  '**8.4 Sub-processors.** The Supplier shall not engage a sub-processor without the Customer\'s prior written authorisation and shall impose the same obligations on it.',
  '**8.5 Data Subjects.** The Supplier shall assist the Customer in responding to requests from data subjects to exercise their rights.',
  '**8.6 Assistance.** The Supplier shall assist the Customer with its obligations under Articles 32 to 36, including data protection impact assessments.',
  '**8.7 End.** On termination the Supplier shall delete or return all Personal Data, at the Customer\'s choice.',
  '**8.8 Audit.** The Supplier shall make available all information necessary to demonstrate compliance and shall allow for audits and inspections by the Customer.',
];
const dpa = (skip: number[] = [], extra = ''): string => `## 8. Data Protection\n\n${ART_28.filter((_, i) => !skip.includes(i)).join('\n\n')}\n${extra}`;

const BAA = [
  '**6.1 Use.** The Business Associate shall only use or disclose PHI to perform the Services, as permitted by HIPAA.',
  '**6.2 Safeguards.** The Business Associate shall implement appropriate safeguards that comply with the Security Rule.',
  '**6.3 Reporting.** The Business Associate shall report to the Covered Entity any use or disclosure of PHI not permitted by this Agreement, including breaches of unsecured PHI, within five (5) days.',
  '**6.4 Subcontractors.** The Business Associate shall ensure that any subcontractor that handles PHI agrees in writing to the same restrictions and conditions.',
  '**6.5 Individuals.** The Business Associate shall provide access to PHI in accordance with 45 CFR 164.524, make amendments to PHI in accordance with 164.526 and provide an accounting of disclosures in accordance with 164.528.',
  '**6.6 HHS.** The Business Associate shall make its internal practices, books and records available to the Secretary of HHS.',
  '**6.7 Return.** On termination the Business Associate shall return or destroy all PHI.',
  '**6.8 Termination.** The Covered Entity may terminate this Agreement if the Business Associate violates a material term of it.',
];
const baa = (skip: number[] = []): string => `## 6. Business Associate Terms\n\n${BAA.filter((_, i) => !skip.includes(i)).join('\n\n')}\n`;

const PCI = [
  '**9.1 Compliance.** The Supplier shall comply with the current version of the PCI DSS in handling Cardholder Data.',
  '**9.2 Responsibility.** The Supplier acknowledges that it is responsible for the security of the Cardholder Data it stores, processes or transmits for the Customer.',
  '**9.3 Evidence.** The Supplier shall deliver its Attestation of Compliance to the Customer at least once every twelve months.',
  '**9.4 Loss of Compliance.** The Supplier shall notify the Customer within 24 hours if it ceases to be compliant with the PCI DSS.',
];
const pci = (skip: number[] = []): string => `## 9. Payment Card Data\n\n${PCI.filter((_, i) => !skip.includes(i)).join('\n\n')}\n`;

const NO_DATA = '## 2. Supply\n\n**2.1 Goods.** The Seller shall deliver the widgets to the Buyer.\n';

const cases: Record<string, RuleCase[]> = {
  'gdpr-reference': [
    { name: 'UK GDPR named in a defined term', status: 'present', findings: [], md: `${DPD}## 8. Data Protection\n\n**8.1 Compliance.** The Supplier shall comply with the Data Protection Legislation when it processes Personal Data.\n` },
    { name: 'Regulation (EU) 2016/679 named', status: 'present', findings: [], md: '## 8. Data\n\n**8.1 Law.** Each party shall comply with Regulation (EU) 2016/679 in respect of Personal Data.\n' },
    { name: 'only applicable laws', status: 'weak', findings: [{ messageId: 'weak', section: '8.1', line: 3 }], md: '## 8. Data Protection\n\n**8.1 Compliance.** The Supplier shall comply with all applicable data protection laws when it processes Personal Data.\n' },
    { name: 'no data protection law at all', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 8. Data\n\n**8.1 Processing.** The Supplier shall process Personal Data of End Customers only to perform the Services.\n' },
    // The catalogue: the GDPR reference is present when "a DPA is incorporated".
    { name: 'left to the DPA', status: 'present', findings: [], md: '## 8. Data\n\n**8.1 Data Protection.** The Supplier shall process Personal Data as set out in the Data Processing Addendum.\n' },
    { name: 'call recordings are personal data', status: 'missing', findings: [{ messageId: 'missing' }], md: '## 3. Quality\n\n**3.1 Recording.** The Supplier shall keep Call Recordings for ninety (90) days.\n' },
    { name: 'no personal data', status: 'not-applicable', findings: [], md: NO_DATA },
    { name: 'personal or account related information of users, only all laws', status: 'weak', findings: [{ messageId: 'weak', section: '9.1' }], md: '## 3. Users\n\n**3.1 Data.** The Supplier shall receive the users\' personal or account related information from the Customer.\n\n## 9. Compliance\n\n**9.1 Laws.** The Supplier will comply with all laws and regulations.\n' },
  ],
  'gdpr-processor-terms': [
    { name: 'all eight elements', status: 'present', findings: [], md: dpa() },
    {
      name: 'security and audits missing: one finding per element, at the processing terms',
      status: 'weak',
      findings: [{ messageId: 'missingElement', section: '8.1' }, { messageId: 'missingElement', section: '8.1' }],
      md: dpa([2, 7]),
    },
    { name: 'a release is not the element ("shall not be required to")', status: 'weak', findings: [{ messageId: 'missingElement', section: '8.1' }], md: dpa([5], '\n**8.9 No Assessments.** The Supplier shall not be required to assist with data protection impact assessments.\n') },
    { name: 'personal data but no processor terms', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 8. Data\n\n**8.1 Processing.** The Supplier processes Personal Data of End Customers to perform the Services.\n' },
    { name: 'left to the DPA', status: 'referenced', findings: [{ messageId: 'referenced', section: '8.1', severity: 'info' }], md: '## 8. Data\n\n**8.1 Processing.** The Supplier shall process Personal Data in accordance with the Data Processing Agreement.\n' },
    { name: 'no personal data', status: 'not-applicable', findings: [], md: NO_DATA },
  ],
  'international-transfers': [
    { name: 'SCCs named', status: 'present', findings: [], md: '## 8. Data\n\n**8.11 Transfers.** The Supplier shall not transfer Personal Data outside the UK except under the Standard Contractual Clauses with the UK Addendum.\n' },
    { name: 'appropriate safeguards only', status: 'weak', findings: [{ messageId: 'weak', section: '8.11' }], md: '## 8. Data\n\n**8.11 Transfers.** The Supplier may transfer Personal Data outside the EEA provided that appropriate safeguards are in place.\n' },
    { name: 'offshore centres, no mechanism: at the words that allow it', status: 'missing', findings: [{ messageId: 'missing', section: '7.5', line: 3 }], md: '## 7. Staff\n\n**7.5 Locations.** The Supplier may perform the Services from centres located outside the United Kingdom.\n\n## 8. Data\n\n**8.1 Processing.** The Supplier shall process Personal Data only to perform the Services.\n' },
    { name: 'left to the DPA', status: 'referenced', findings: [{ messageId: 'referenced', section: '8.11', severity: 'info' }], md: '## 8. Data\n\n**8.11 Transfers.** International transfers of Personal Data shall be made as set out in the Data Processing Addendum.\n' },
    { name: 'a flat ban on transfers abroad', status: 'not-applicable', findings: [], md: '## 8. Data\n\n**8.11 Location.** The Supplier shall not transfer Personal Data outside the United Kingdom.\n' },
    { name: 'a ban with an exception is a transfer', status: 'missing', findings: [{ messageId: 'missing', section: '8.11' }], md: '## 8. Data\n\n**8.11 Location.** The Supplier shall not transfer Personal Data outside the United Kingdom without the Customer\'s consent.\n' },
    { name: 'personal data that stays at home', status: 'not-applicable', findings: [], md: '## 8. Data\n\n**8.1 Processing.** The Supplier shall process Personal Data only in the United Kingdom.\n' },
    { name: 'no personal data', status: 'not-applicable', findings: [], md: NO_DATA },
  ],
  'hipaa-baa': [
    { name: 'every term', status: 'present', findings: [], md: baa() },
    {
      name: 'no HHS access and no return: one finding per term',
      status: 'weak',
      findings: [{ messageId: 'missingElement', section: '6.1' }, { messageId: 'missingElement', section: '6.1' }],
      md: baa([5, 6]),
    },
    { name: 'patients but no business associate terms', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 2. Services\n\n**2.1 Scope.** The Supplier shall answer calls from patients of the Clinic.\n' },
    { name: 'left to the BAA', status: 'referenced', findings: [{ messageId: 'referenced', section: '6.1', severity: 'info' }], md: '## 6. Health Data\n\n**6.1 PHI.** The Supplier shall protect PHI as set out in the Business Associate Agreement.\n' },
    { name: 'no health data', status: 'not-applicable', findings: [], md: NO_DATA },
    { name: 'patient files kept by the supplier', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 2. Services\n\n**2.1 Scope.** The Supplier shall store and index the patient files of the Practice.\n' },
    { name: 'a patient in a clinical-trial milestone is no health data handled', status: 'not-applicable', findings: [], md: '## 3. Milestones\n\n**3.2 Milestone Payment.** The Sponsor shall pay the Developer $500,000 within thirty (30) days after the dosing of the first patient in the first Phase 1 clinical trial.\n' },
  ],
  'pci-dss': [
    { name: 'all four duties', status: 'present', findings: [], md: pci() },
    { name: 'industry standard security and "have regard to"', status: 'weak', findings: [{ messageId: 'weak', section: '9.2', line: 3 }], md: '## 9. Cards\n\n**9.2 Protection.** The Supplier shall protect Cardholder Data using industry standard security and shall have regard to the PCI DSS where appropriate.\n' },
    { name: 'no yearly evidence', status: 'weak', findings: [{ messageId: 'weak', section: '9.1' }], md: pci([2]) },
    { name: 'a negated duty to comply is none', status: 'weak', findings: [{ messageId: 'weak' }], md: '## 9. Cards\n\n**9.1 PCI.** The Supplier shall not be required to comply with the PCI DSS for card payments taken by the Customer.\n' },
    { name: 'card payments and nothing on their security', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 2. Services\n\n**2.1 Scope.** Agents shall take card payments from End Customers over the telephone.\n' },
    { name: 'left to the security schedule', status: 'referenced', findings: [{ messageId: 'referenced', section: '9.1', severity: 'info' }], md: '## 9. Cards\n\n**9.1 Card Data.** The Supplier shall protect Cardholder Data as set out in the Security Policy.\n' },
    { name: 'pan-European is not a PAN', status: 'not-applicable', findings: [], md: '## 2. Services\n\n**2.1 Scope.** The Supplier shall provide pan-European delivery of the widgets.\n' },
  ],
  'weak-obligation': [
    { name: 'reasonable endeavours', findings: [{ messageId: 'weak', section: '4.1', line: 3 }], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall use reasonable endeavours to meet or exceed the Service Levels.\n' },
    { name: 'where practicable before the subject', findings: [{ messageId: 'weak', section: '9.3' }], md: '## 9. Security\n\n**9.3 Recording.** Where reasonably practicable the Supplier shall pause Call Recordings while card details are given.\n' },
    { name: 'should and may notify', findings: [{ messageId: 'weak', section: '8.9' }, { messageId: 'weak', section: '8.9' }], md: '## 8. Data\n\n**8.9 Breach.** The Provider should encrypt Personal Data at rest. The Provider may notify the Customer of a Personal Data Breach.\n' },
    { name: 'the conditional "Should the Supplier fail" is no weak duty', findings: [], md: '## 4. Service Levels\n\n**4.3 Credits.** Should the Supplier fail to meet a Service Level, the Supplier shall pay the Service Credit.\n' },
    { name: 'a binding duty', findings: [], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall meet or exceed the Service Levels.\n' },
    { name: 'the customer\'s efforts are not the supplier\'s', findings: [], md: '## 2. Forecasts\n\n**2.5 Forecasts.** The Customer shall use reasonable endeavours to give accurate forecasts.\n' },
    { name: 'negated: Neither party / No party / not required', findings: [], md: '## 20. General\n\n**20.1 Waiver.** Neither party shall be required to use reasonable endeavours to renegotiate the Charges.\n\n**20.2 Other.** No party shall use reasonable efforts to avoid its obligations.\n\n**20.3 Scope.** The Supplier shall not be required to use reasonable endeavours to exceed the Service Levels.\n' },
    { name: 'a later "shall not be liable" does not cancel the weak duty', findings: [{ messageId: 'weak', section: '4.1' }], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall use reasonable endeavours to meet the Service Levels and shall not be liable for failures caused by the Customer.\n' },
  ],
  'vague-deadline': [
    { name: 'promptly', findings: [{ messageId: 'vague', section: '8.7', line: 3 }], md: '## 8. Data\n\n**8.7 Requests.** The Supplier shall promptly refer to the Customer any request from a data subject.\n' },
    { name: 'without undue delay', findings: [{ messageId: 'vague', section: '8.9' }], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer without undue delay after becoming aware of a Personal Data Breach.\n' },
    { name: 'with an outer time limit', findings: [], md: '## 8. Data\n\n**8.9 Breach.** The Supplier shall notify the Customer without undue delay and in any event within twenty-four (24) hours of a Personal Data Breach.\n' },
    { name: 'the customer\'s deadline', findings: [], md: '## 8. Data\n\n**8.2 Instructions.** The Customer shall give its instructions without undue delay.\n' },
    { name: 'negated', findings: [], md: '## 8. Data\n\n**8.2 Replies.** No party shall be obliged to reply promptly to marketing requests. The Supplier shall not be required to respond promptly to requests outside Business Hours.\n' },
  ],
  'supplier-discretion': [
    { name: 'price in its sole discretion', findings: [{ messageId: 'discretion', section: '5.5', line: 3 }], md: '## 5. Charges\n\n**5.5 Price Changes.** The Supplier may revise the Charges in its sole discretion by giving the Customer 30 days\' notice.\n' },
    { name: 'retention as the supplier considers appropriate', findings: [{ messageId: 'discretion', section: '8.8' }], md: '## 8. Data\n\n**8.8 Call Recordings.** The Supplier shall retain Call Recordings for such period as the Supplier considers appropriate.\n' },
    { name: 'the customer\'s discretion', findings: [], md: '## 5. Charges\n\n**5.6 Credits.** The Customer may, in its sole discretion, apply Service Credits against the Charges.\n' },
    { name: 'negated', findings: [], md: '## 5. Charges\n\n**5.5 Price Changes.** The Supplier shall not, in its sole discretion, change the Charges or the Services. Neither party may in its sole discretion vary the Services.\n' },
    { name: 'discretion over something else', findings: [], md: '## 12. Marketing\n\n**12.1 Logo.** The Supplier may display the Customer\'s logo as it sees fit on its website.\n' },
  ],
};

for (const [ruleId, list] of Object.entries(cases)) {
  describe(`rule ${ruleId}`, () => {
    for (const c of list) it(c.name, () => runRuleCase(ruleId, c));
  });
}

describe('regulatory findings name the element and the regulation, and say what to ask for', () => {
  it('gdpr-processor-terms names Art. 28(3)(c) GDPR', () => {
    const report = lintWith('gdpr-processor-terms', dpa([2]));
    const [f] = report.findings;
    expect(f?.message).toBe('Processor terms lack Art. 28(3)(c) GDPR: security measures under Art. 32.');
    expect(f?.ask).toMatch(/^Ask for processor terms/);
  });
  it('hipaa-baa names 164.504(e)(2)(ii)(I)', () => {
    const report = lintWith('hipaa-baa', baa([5]));
    expect(report.findings.map((f) => f.message)).toEqual(['Business associate terms lack 45 CFR 164.504(e)(2)(ii)(I): books and records available to the Secretary of HHS.']);
  });
  it('every rule of this file has an ask of one sentence', () => {
    for (const id of Object.keys(cases)) {
      const ask = RULES.get(id)?.meta.ask ?? '';
      expect(ask, id).toMatch(/^Ask .*\.$/);
      expect(ask.replace(/\bArt\. /g, ''), id).not.toMatch(/\.\s/);
    }
  });
});
