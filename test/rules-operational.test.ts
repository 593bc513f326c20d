import { describe, it } from 'vitest';
import { type RuleCase, runRuleCase } from './rule-tester.js';

// Section-B operational clauses: for each rule, where it must report present, weak, missing and referenced.
const cases: Record<string, RuleCase[]> = {
  'service-levels': [
    { name: 'numeric targets in a table, measured monthly', status: 'present', findings: [], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall meet or exceed the Service Levels in Schedule 1, measured each calendar month.\n\n## Schedule 1 – Service Levels\n\n| Service Level | Measure | Target |\n| --- | --- | --- |\n| Average speed of answer | Calls answered within 20 seconds | 80% |\n| Customer satisfaction | Average survey score | 4.5 out of 5 |\n' },
    { name: 'availability percentage in prose', status: 'present', findings: [], md: '## 4. Service Levels\n\n**4.1 Availability.** The Supplier shall ensure that the telephony platform achieves 99.9% availability in each month.\n' },
    { name: 'targets met only with reasonable endeavours', status: 'weak', findings: [{ messageId: 'weak', section: '4.1' }], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall use reasonable endeavours to meet the Service Levels.\n\n**4.2 Targets.** 80% of calls shall be answered within 20 seconds in each calendar month.\n' },
    { name: 'metrics without numbers, to be agreed', status: 'weak', findings: [{ messageId: 'weak', section: '4.1', line: 3 }], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall meet service levels for average speed of answer and abandonment rate to be agreed by the Parties.\n' },
    { name: 'targets without a measurement period', status: 'weak', findings: [{ messageId: 'weak', section: '4.1' }], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall answer 80% of calls within 20 seconds.\n' },
    { name: 'left to the SLA', status: 'referenced', findings: [{ messageId: 'referenced', section: '4.1', severity: 'info' }], md: '## 4. Service Levels\n\n**4.1 Service Levels.** The Supplier shall meet the service levels as set out in the Service Level Agreement.\n' },
    { name: 'credit and charge percentages are not targets', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 5. Charges\n\n**5.1 Discount.** The Supplier shall give a discount of 10% of the Charges.\n' },
  ],
  'service-credits': [
    { name: 'credits and termination for repeated failure', status: 'present', findings: [], md: '## 4. Service Levels\n\n**4.2 Service Credits.** If the Supplier fails to meet a Service Level, Service Credits of 2% of the monthly Charges shall be deducted from the next invoice.\n\n**4.3 Termination.** The Customer may terminate this Agreement if the Supplier fails to meet the same Service Level in two of any three consecutive months.\n' },
    { name: 'sole remedy, no termination', status: 'weak', findings: [{ messageId: 'weak', section: '4.2', line: 3 }], md: '## 4. Service Levels\n\n**4.2 Service Credits.** Service Credits shall be deducted from the Charges. Service Credits shall be the sole and exclusive remedy for any failure to meet a Service Level.\n' },
    { name: 'remedy only', status: 'weak', findings: [{ messageId: 'weak', section: '4.2' }], md: '## 4. Service Levels\n\n**4.2 Failure.** If the Supplier fails to meet a Service Level it shall remedy the failure at its own cost.\n' },
    { name: 'left to the SLA', status: 'referenced', findings: [{ messageId: 'referenced', section: '4.2', severity: 'info' }], md: '## 4. Service Levels\n\n**4.2 Credits.** Service Credits shall apply as set out in the SLA.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 4. Services\n\n**4.1 Scope.** The Supplier shall provide the Services.\n' },
  ],
  'business-continuity': [
    { name: 'maintained and tested yearly', status: 'present', findings: [], md: '## 10. Continuity\n\n**10.1 Plan.** The Supplier shall maintain a business continuity and disaster recovery plan and shall test it at least once in each year.\n' },
    { name: 'never tested', status: 'weak', findings: [{ messageId: 'weak', section: '10.1' }], md: '## 10. Continuity\n\n**10.1 Plan.** The Supplier shall maintain a business continuity plan.\n' },
    { name: 'tested with reasonable endeavours', status: 'weak', findings: [{ messageId: 'weak', section: '10.3' }], md: '## 10. Continuity\n\n**10.1 Plan.** The Supplier shall maintain a disaster recovery plan.\n\n**10.3 Testing.** The Supplier shall use reasonable endeavours to test the plan annually.\n' },
    { name: 'tested with no frequency', status: 'weak', findings: [{ messageId: 'weak', section: '10.1' }], md: '## 10. Continuity\n\n**10.1 Plan.** The Supplier shall maintain and regularly test a business continuity plan.\n' },
    { name: 'left to the MSA', status: 'referenced', findings: [{ messageId: 'referenced', section: '10.1', severity: 'info' }], md: '## 10. Continuity\n\n**10.1 Plan.** Business continuity is governed by the Master Services Agreement.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 10. Term\n\n**10.1 Term.** This Agreement lasts three years.\n' },
  ],
  'security-standards': [
    { name: 'ISO 27001', status: 'present', findings: [], md: '## 9. Security\n\n**9.1 Standard.** The Supplier shall maintain certification to ISO/IEC 27001 throughout the Term.\n' },
    { name: 'concrete controls', status: 'present', findings: [], md: '## 9. Security\n\n**9.1 Controls.** The Supplier shall encrypt Customer Data at rest and shall enforce multi-factor authentication for all access to it.\n' },
    { name: 'industry standard only', status: 'weak', findings: [{ messageId: 'weak', section: '9.1', line: 3 }], md: '## 9. Security\n\n**9.1 Security.** The Supplier shall protect Customer Data using industry standard security.\n' },
    { name: 'standard only to have regard to', status: 'weak', findings: [{ messageId: 'weak', section: '9.2' }], md: '## 9. Security\n\n**9.2 PCI.** The Supplier shall have regard to the PCI DSS where appropriate.\n' },
    { name: 'left to the security policy', status: 'referenced', findings: [{ messageId: 'referenced', section: '9.1', severity: 'info' }], md: '## 9. Security\n\n**9.1 Security.** The Supplier shall comply with the security requirements as set out in the Security Policy.\n' },
    { name: 'a customer restriction is not a security duty', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 2. Use\n\n**2.1 Restrictions.** The Customer will not circumvent any security measures of the Product.\n' },
  ],
  'data-return-deletion': [
    { name: 'return, deletion within 30 days, certified', status: 'present', findings: [], md: '## 8. Data\n\n**8.10 Return.** On termination the Supplier shall return all Customer Data in CSV format and then delete all copies within 30 days, and shall certify the deletion in writing.\n' },
    { name: 'no deadline', status: 'weak', findings: [{ messageId: 'weak', section: '8.10' }], md: '## 8. Data\n\n**8.10 Return.** On termination the Supplier shall return or delete the Customer Data.\n' },
    { name: 'destroyed without return', status: 'weak', findings: [{ messageId: 'weak', section: '8.10' }], md: '## 8. Data\n\n**8.10 Deletion.** On expiry the Supplier shall destroy all Customer Data within 30 days and certify the destruction in writing.\n' },
    { name: 'left to the DPA', status: 'referenced', findings: [{ messageId: 'referenced', section: '8.10', severity: 'info' }], md: '## 8. Data\n\n**8.10 Return.** On termination the Supplier shall return and delete Personal Data as set out in the Data Processing Addendum.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 8. Data\n\n**8.1 Processing.** The Supplier shall process Customer Data only on instructions.\n' },
  ],
  'termination-for-cause': [
    { name: 'breach with cure period and insolvency, from a list', status: 'present', findings: [], md: '## 15. Termination\n\n**15.1 Cause.** Either Party may terminate this Agreement by written notice if:\n\n(a) the other Party commits a material breach which it fails to remedy within 30 days of notice; or\n\n(b) the other Party becomes insolvent.\n' },
    { name: 'no cure period', status: 'weak', findings: [{ messageId: 'weak', section: '15.1' }], md: '## 15. Termination\n\n**15.1 Cause.** Either Party may terminate this Agreement if the other Party commits a material breach or becomes insolvent.\n' },
    { name: 'only the supplier may terminate', status: 'weak', findings: [{ messageId: 'weak', section: '15.1' }], md: '## 15. Termination\n\n**15.1 Cause.** The Supplier may terminate this Agreement if the Customer commits a material breach which it fails to remedy within 30 days, or becomes insolvent.\n' },
    { name: 'convenience only', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 15. Termination\n\n**15.1 Convenience.** The Customer may terminate this Agreement for convenience on 60 days\' notice.\n' },
  ],
  confidentiality: [
    { name: 'survives for five years', status: 'present', findings: [], md: '## 12. Confidentiality\n\n**12.1 Obligation.** Each Party shall keep the other Party\'s confidential information confidential during the Term and for five years after termination.\n' },
    { name: 'survival clause naming the clause', status: 'present', findings: [], md: '## 12. Confidentiality\n\n**12.1 Obligation.** Each Party shall keep the other Party\'s confidential information confidential.\n\n## 22. General\n\n**22.6 Survival.** Clauses 12 and 14 shall survive termination of this Agreement.\n' },
    { name: 'no survival', status: 'weak', findings: [{ messageId: 'weak', section: '12.1', line: 3 }], md: '## 12. Confidentiality\n\n**12.1 Obligation.** Each Party shall keep the other Party\'s confidential information confidential.\n' },
    { name: 'left to the NDA', status: 'referenced', findings: [{ messageId: 'referenced', section: '12.1', severity: 'info' }], md: '## 12. Confidentiality\n\n**12.1 NDA.** Confidential information exchanged under this Agreement is governed by the Non-Disclosure Agreement dated 1 May 2024.\n' },
    { name: 'personnel confidentiality only', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 8. Data\n\n**8.4 Personnel.** The Supplier shall ensure that all persons authorised to process Personal Data are subject to an obligation of confidentiality.\n' },
  ],
  subcontracting: [
    { name: 'consent, liability, flow-down', status: 'present', findings: [], md: '## 7. Subcontracting\n\n**7.3 Subcontracting.** The Supplier shall not subcontract any part of the Services without the prior written consent of the Customer. The Supplier shall impose on each subcontractor obligations no less protective than those in this Agreement and shall remain liable for the acts and omissions of its subcontractors.\n' },
    { name: 'free to subcontract', status: 'weak', findings: [{ messageId: 'weak', section: '7.3', line: 3 }], md: '## 7. Subcontracting\n\n**7.3 Subcontracting.** The Supplier may subcontract any part of the Services to any third party.\n' },
    { name: 'consent but no flow-down', status: 'weak', findings: [{ messageId: 'weak', section: '7.3' }], md: '## 7. Subcontracting\n\n**7.3 Subcontracting.** The Supplier shall not subcontract any part of the Services without the prior written consent of the Customer.\n\n**7.4 Responsibility.** The Supplier shall remain responsible for its subcontractors.\n' },
    { name: 'left to the MSA', status: 'referenced', findings: [{ messageId: 'referenced', section: '7.3', severity: 'info' }], md: '## 7. Subcontracting\n\n**7.3 Subcontracting.** Subcontracting is governed by the Master Services Agreement.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 7. Personnel\n\n**7.1 Staff.** The Supplier shall provide trained staff.\n' },
  ],
  'dispute-resolution': [
    { name: 'escalation with time limits, then mediation and courts', status: 'present', findings: [], md: '## 20. Disputes\n\n**20.1 Escalation.** Any dispute shall be referred to a director of each Party, who shall meet within ten Business Days to resolve it.\n\n**20.2 Mediation.** Unresolved disputes shall be referred to mediation under the CEDR Model Mediation Procedure.\n' },
    { name: 'straight to court', status: 'weak', findings: [{ messageId: 'weak', section: '23.2', line: 3 }], md: '## 23. Jurisdiction\n\n**23.2 Courts.** The courts of England and Wales shall have exclusive jurisdiction to settle any dispute arising out of this Agreement.\n' },
    { name: 'escalation without time limits', status: 'weak', findings: [{ messageId: 'weak', section: '20.1' }], md: '## 20. Disputes\n\n**20.1 Escalation.** Any dispute shall be escalated to senior management of each Party, and then to arbitration under the ICC Rules.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 20. Notices\n\n**20.1 Notices.** Notices shall be in writing.\n' },
  ],
  'performance-reporting': [
    { name: 'monthly reports, monthly reviews, escalation', status: 'present', findings: [], md: '## 4. Reporting\n\n**4.3 Reports.** The Supplier shall provide a report on its performance against the Service Levels each month.\n\n**4.4 Reviews.** The Parties shall meet monthly to review performance, and shall escalate unresolved issues to a director of each Party.\n' },
    { name: 'reports on request only', status: 'weak', findings: [{ messageId: 'weak', section: '4.3', line: 3 }], md: '## 4. Reporting\n\n**4.3 Reports.** The Supplier shall provide a report on its performance against the Service Levels on the Customer\'s request.\n' },
    { name: 'monthly reports but no meetings', status: 'weak', findings: [{ messageId: 'weak', section: '5.1' }], md: '## 5. Reporting\n\n**5.1 Reports.** Within ten Business Days after the end of each month the Supplier shall submit a report on its performance against the Service Levels.\n' },
    { name: 'left to the SOW', status: 'referenced', findings: [{ messageId: 'referenced', section: '5.1', severity: 'info' }], md: '## 5. Reporting\n\n**5.1 Reports.** The Supplier shall provide performance reports as set out in the Statement of Work.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 5. Term\n\n**5.1 Term.** This Agreement lasts three years.\n' },
  ],
  indemnification: [
    { name: 'supplier indemnity with IP, data and law', status: 'present', findings: [], md: '## 14. Indemnities\n\n**14.4 Indemnity.** The Supplier shall indemnify the Customer against all third-party claims arising from infringement of intellectual property rights, breach of its data protection obligations or breach of applicable law.\n' },
    { name: 'customer indemnity only', status: 'weak', findings: [{ messageId: 'weak', section: '14.4', line: 3 }], md: '## 14. Indemnities\n\n**14.4 Indemnity.** The Customer shall indemnify the Supplier against all claims arising from the Customer\'s materials.\n' },
    { name: 'IP only while personal data is handled', status: 'weak', findings: [{ messageId: 'weak', section: '14.4' }], md: '## 8. Data\n\n**8.1 Processing.** The Supplier shall process Personal Data only on the Customer\'s instructions.\n\n## 14. Indemnities\n\n**14.4 Indemnity.** The Supplier shall indemnify the Customer against any third-party claim that the Services infringe that third party\'s intellectual property rights.\n' },
    { name: 'scope from the definition of the claim term', status: 'present', findings: [], md: '## 9. Indemnification\n\n**9.1 Protection.** Provider will indemnify, defend and hold harmless Customer from all Provider Covered Claims.\n\n## 13. Definitions\n\n**13.1** "Provider Covered Claim" means a third-party claim that the Product infringes intellectual property rights or that Provider breached its data protection obligations.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 14. Liability\n\n**14.1 Cap.** Liability is capped at the fees paid.\n' },
  ],
  'force-majeure': [
    { name: 'notice, mitigation, business continuity, termination', status: 'present', findings: [], md: '## 18. Force Majeure\n\n**18.1 Relief.** Neither Party shall be liable for delay caused by events beyond its reasonable control, provided it notifies the other Party within two days and uses all reasonable efforts to mitigate the effect, including by invoking its business continuity plan.\n\n**18.2 Termination.** If the event continues for 30 days, the other Party may terminate this Agreement on written notice.\n' },
    { name: 'industrial action and telecoms failure excuse, no notice', status: 'weak', findings: [{ messageId: 'weak', section: '18.1', line: 3 }], md: '## 18. Force Majeure\n\n**18.1 Relief.** Neither Party shall be liable for delay caused by events beyond its reasonable control, including industrial action or telecommunications network failure.\n\n**18.2 Prolonged.** If the delay continues for 90 days, either Party may terminate this Agreement.\n' },
    { name: 'term used but written out elsewhere', status: 'referenced', findings: [{ messageId: 'referenced', section: '4.1', severity: 'info' }], md: '## 4. Exclusions\n\n**4.1 Exclusions.** The Supplier is not responsible for a Service Level failure caused by a Force Majeure event.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 18. Notices\n\n**18.1 Notices.** Notices shall be in writing.\n' },
  ],
  'change-control': [
    { name: 'requests, impact assessment, signed approval', status: 'present', findings: [], md: '## 17. Change Control\n\n**17.1 Change Requests.** Either Party may request a change to the Services by a written change request.\n\n**17.2 Impact Assessment.** Within ten Business Days the Supplier shall provide a written assessment of the change\'s effect on the Charges and the Service Levels.\n\n**17.3 Approval.** No change shall take effect until it is agreed in writing and signed by both Parties.\n' },
    { name: 'supplier may change the services', status: 'weak', findings: [{ messageId: 'weak', section: '17.1', line: 3 }], md: '## 17. Changes\n\n**17.1 Changes.** The Supplier may change the Services from time to time in its sole discretion.\n' },
    { name: 'variation clause only', status: 'weak', findings: [{ messageId: 'weak', section: '22.2' }], md: '## 22. General\n\n**22.2 Variation.** No variation of this Agreement shall be effective unless it is in writing and signed by the Parties.\n' },
    { name: 'left to the main agreement\'s procedure', status: 'referenced', findings: [{ messageId: 'referenced', section: '2.2', severity: 'info' }], md: '## 2. Service Levels\n\n**2.2 Changes.** Service Levels may be modified by the Parties in accordance with the Change Control Procedure.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 17. Notices\n\n**17.1 Notices.** Notices shall be in writing.\n' },
  ],
  'pricing-payment': [
    { name: 'per-call price, monthly invoices, 30 days, disputes, CPI cap', status: 'present', findings: [], md: '## 5. Charges\n\n**5.1 Charges.** The Customer shall pay the Charges of £2.10 per call, invoiced monthly in arrears, within 30 days of receipt of a valid invoice. Disputed invoices shall be resolved under clause 20.\n\n**5.5 Indexation.** The Supplier may increase the Charges once in each year by no more than CPI.\n' },
    { name: 'unilateral price changes', status: 'weak', findings: [{ messageId: 'weak', section: '5.5', line: 5 }], md: '## 5. Charges\n\n**5.1 Charges.** The Customer shall pay the Charges of £2.10 per call, invoiced monthly in arrears, within 30 days of receipt of a valid invoice. Disputed invoices shall be resolved under clause 20.\n\n**5.5 Price Changes.** The Supplier may revise the Charges in its sole discretion.\n' },
    { name: 'no payment terms or disputes procedure', status: 'weak', findings: [{ messageId: 'weak', section: '5.1' }], md: '## 5. Charges\n\n**5.1 Charges.** The Customer shall pay a fixed fee of £10,000, invoiced monthly.\n' },
    { name: 'left to the Order Form', status: 'referenced', findings: [{ messageId: 'referenced', section: '4.1', severity: 'info' }], md: '## 4. Fees\n\n**4.1 Fees.** Customer will pay the Fees as set out in the Order Form. Provider will invoice monthly. Any disputed invoice must be notified within 15 days.\n' },
    { name: 'service credits are not pricing', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 3. Credits\n\n**3.1 Credits.** Service Credits shall be deducted from the Fees.\n' },
  ],
  'ip-ownership': [
    { name: 'deliverables vest in the customer', status: 'present', findings: [], md: '## 13. Intellectual Property\n\n**13.1 Deliverables.** All intellectual property rights in the Deliverables, scripts and training materials created for the Customer shall vest in the Customer.\n' },
    { name: 'supplier keeps training materials, no licence', status: 'weak', findings: [{ messageId: 'weak', section: '13.2', line: 5 }], md: '## 13. Intellectual Property\n\n**13.1 Data.** All intellectual property rights in the Customer Data belong to the Customer.\n\n**13.2 Supplier Materials.** All intellectual property rights in the training materials developed for the Services belong to the Supplier.\n' },
    { name: 'supplier keeps training materials but licenses them', status: 'present', findings: [], md: '## 13. Intellectual Property\n\n**13.2 Supplier Materials.** All intellectual property rights in the training materials belong to the Supplier. The Supplier hereby grants the Customer a perpetual licence to use the training materials.\n' },
    { name: 'only the parties\' own products and content', status: 'weak', findings: [{ messageId: 'weak', section: '11.1' }], md: '## 11. Reservation of Rights\n\n**11.1 Rights.** Provider retains all right, title and interest in the Product. Customer retains all right, title and interest in the Customer Content.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 13. Notices\n\n**13.1 Notices.** Notices shall be in writing.\n' },
  ],
  'staffing-training': [
    { name: 'languages, training, checks, key personnel', status: 'present', findings: [], md: '## 7. Personnel\n\n**7.1 Agents.** The Supplier shall ensure that all agents are fluent in English, complete the Customer\'s product training before handling calls, and pass criminal record checks.\n\n**7.2 Key Personnel.** The Supplier shall not replace its account director without the Customer\'s consent.\n' },
    { name: 'staffing to reasonable endeavours', status: 'weak', findings: [{ messageId: 'weak', section: '7.1', line: 3 }], md: '## 7. Personnel\n\n**7.1 Staff.** The Supplier shall use reasonable endeavours to provide sufficient staff to perform the Services.\n' },
    { name: 'staff as the supplier considers appropriate', status: 'weak', findings: [{ messageId: 'weak', section: '7.1' }], md: '## 7. Personnel\n\n**7.1 Staff.** The Supplier shall provide such number of agents as the Supplier considers appropriate, and shall train them.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 7. Notices\n\n**7.1 Notices.** Notices shall be in writing.\n' },
  ],
  'transition-in': [
    { name: 'plan, milestones, acceptance tests', status: 'present', findings: [], md: '## 3. Transition\n\n**3.1 Transition Plan.** The Supplier shall carry out the transition in accordance with the transition plan and its milestones.\n\n**3.2 Acceptance.** The Services shall not go live until the acceptance tests in the transition plan have been passed.\n' },
    { name: 'reasonable endeavours to commence, no acceptance', status: 'weak', findings: [{ messageId: 'weak', section: '2.2', line: 3 }], md: '## 2. Services\n\n**2.2 Service Commencement.** The Supplier shall use reasonable endeavours to commence the Services by the date set out in the transition plan.\n' },
    { name: 'exit transition is not transition-in', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 16. Exit\n\n**16.2 Exit.** On termination the Supplier shall assist the transition of the Services to a replacement supplier.\n' },
  ],
  'quality-assurance': [
    { name: 'sampling rate, calibration, improvement', status: 'present', findings: [], md: '## 6. Quality\n\n**6.1 Monitoring.** The Supplier shall evaluate at least 5 calls per agent per month against the agreed evaluation form.\n\n**6.2 Calibration.** The Parties\' quality teams shall hold monthly calibration sessions, and the Supplier shall agree a continuous improvement plan with the Customer each quarter.\n' },
    { name: 'from time to time', status: 'weak', findings: [{ messageId: 'weak', section: '6.1', line: 3 }], md: '## 6. Quality\n\n**6.1 Monitoring.** The Supplier shall carry out quality monitoring of calls from time to time.\n' },
    { name: 'a quality score in an SL table is not a method', status: 'weak', findings: [{ messageId: 'weak', section: '1' }], md: '## Schedule 1 – Service Levels\n\n**1. Table.** The Service Levels are:\n\n| Service Level | Target |\n| --- | --- |\n| Quality monitoring score | 85% |\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 6. Notices\n\n**6.1 Notices.** Notices shall be in writing.\n' },
  ],
  'brand-conduct': [
    { name: 'scripts in a list under a binding lead-in', status: 'present', findings: [], md: '## 2. Services\n\n**2.3 Standards.** The Supplier shall perform the Services:\n\n(a) in accordance with Good Industry Practice; and\n\n(b) in accordance with the call scripts provided by the Customer.\n' },
    { name: 'guidelines mentioned, nobody bound', status: 'weak', findings: [{ messageId: 'weak', section: '2.6', line: 3 }], md: '## 2. Services\n\n**2.6 Brand.** The Customer\'s brand guidelines are available on request.\n' },
    { name: 'the customer\'s own duty about its scripts is not brand conduct', status: 'weak', findings: [{ messageId: 'weak', section: '6.2' }], md: '## 6. Customer Obligations\n\n**6.2 Materials.** The Customer shall ensure that the call scripts it provides comply with Applicable Law.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 2. Notices\n\n**2.1 Notices.** Notices shall be in writing.\n' },
  ],
  'technology-integration': [
    { name: 'systems provided and integrated by API', status: 'present', findings: [], md: '## 6. Systems\n\n**6.1 Systems.** The Supplier shall provide and maintain the telephony platform and workforce management system. The Supplier shall integrate its telephony platform with the Customer\'s CRM system through the Customer\'s API over a VPN connection.\n' },
    { name: 'integration to be agreed', status: 'weak', findings: [{ messageId: 'weak', section: '6.1', line: 3 }], md: '## 6. Systems\n\n**6.1 Systems.** The Customer shall provide the Supplier with access to its CRM system. Integration with the Supplier\'s telephony platform is to be agreed.\n' },
    { name: 'access to systems, no integration terms', status: 'weak', findings: [{ messageId: 'weak', section: '6.1' }], md: '## 6. Co-operation\n\n**6.1 Access.** The Customer shall provide the Supplier with access to its customer relationship management systems.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 6. Notices\n\n**6.1 Notices.** Notices shall be in writing.\n' },
  ],
  'performance-incentives': [
    { name: 'bonus with a formula', status: 'present', findings: [], md: '## 4. Service Levels\n\n**4.5 Bonus.** The Supplier shall earn a performance bonus equal to 1% of the monthly Charges for each percentage point by which it exceeds the target.\n' },
    { name: 'bonus without a formula', status: 'weak', findings: [{ messageId: 'weak', section: '4.5', line: 3 }], md: '## 4. Service Levels\n\n**4.5 Bonus.** The Supplier may earn a performance bonus for exceeding the Service Levels.\n' },
    { name: 'left to the SOW', status: 'referenced', findings: [{ messageId: 'referenced', section: '4.5', severity: 'info' }], md: '## 4. Service Levels\n\n**4.5 Gain-share.** Gain-share shall apply as set out in the Statement of Work.\n' },
    { name: 'none', status: 'missing', findings: [{ messageId: 'missing', section: null }], md: '## 4. Service Levels\n\n**4.2 Credits.** Service Credits shall be deducted from the Charges.\n' },
  ],
  'telemarketing-compliance': [
    { name: 'recording notice and PECR/TPS named', status: 'present', findings: [], md: '## 8. Calls\n\n**8.8 Call Recordings.** The Supplier shall record all telephone calls and shall inform each caller that the call is being recorded. The Supplier shall comply with PECR and shall screen all outbound calls against the Telephone Preference Service register.\n' },
    { name: 'recorded calls, applicable laws only', status: 'weak', findings: [{ messageId: 'weak', section: '8.8', line: 3 }], md: '## 8. Calls\n\n**8.8 Call Recordings.** The Supplier shall record all telephone calls and comply with all applicable laws.\n' },
    { name: 'outbound calls, TCPA named, no recording', status: 'present', findings: [], md: '## 3. Outbound\n\n**3.1 Campaigns.** The Supplier shall make outbound calls only in compliance with the TCPA and the FCC\'s rules, and shall honour the national do-not-call list.\n' },
    { name: 'inbound email only', status: 'not-applicable', findings: [], md: '## 2. Services\n\n**2.1 Scope.** The Supplier shall answer inbound emails from End Customers.\n' },
  ],
  'ai-automation': [
    { name: 'disclosure, human, no training without consent', status: 'present', findings: [], md: '## 2. Services\n\n**2.7 Chatbot.** The Supplier may use a chatbot to answer web chat contacts, provided that the chatbot discloses that it is not human and transfers the contact to a live agent on request. The Supplier shall not use Customer Data to train its AI models without the Customer\'s prior written consent.\n' },
    { name: 'trains models on customer data', status: 'weak', findings: [{ messageId: 'weak', section: '1.6', line: 3 }], md: '## 1. Service\n\n**1.6 Machine Learning.** Usage Data and Customer Content may be used to train artificial intelligence or machine learning models that are part of Provider\'s products, and Customer authorizes Provider to process its Customer Content for such purposes.\n' },
    { name: 'no AI', status: 'not-applicable', findings: [], md: '## 2. Services\n\n**2.1 Scope.** The Supplier shall answer calls. An automated response is not an acknowledgement.\n' },
  ],
};

for (const [ruleId, list] of Object.entries(cases)) {
  describe(`rule ${ruleId}`, () => {
    for (const c of list) it(c.name, () => runRuleCase(ruleId, c));
  });
}
