import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../src/read/markdown.js';
import { CORPUS, HAS_CORPUS, SKIP_CORPUS_REASON, compactOutline } from './helpers.js';

// Exact outlines of real Markdown contracts, checked by reading each document.
const cases: Array<{ file: string; depth?: number; title: string | null; outline: string }> = [
  {
    file: "commonpaper-DPA.md",
    title: "Data Processing Agreement",
    outline: `
1 Processor and Subprocessor Relationships
  1.1 Provider as Processor
  1.2 Provider as Subprocessor
2 Processing
  2.1 Processing Details
  2.2 Processing Instructions
  2.3 Processing by Provider
  2.4 Customer Processing
  2.5 Consent to Processing
  2.6 Subprocessors
    2.6(a)
    2.6(b)
    2.6(c)
    2.6(d)
3 Restricted Transfers
  3.1 Authorization
  3.2 Ex-EEA Transfers
    3.2(a)
    3.2(b)
    3.2(c)
      3.2(c)(i)
      3.2(c)(ii)
      3.2(c)(iii)
      3.2(c)(iv)
      3.2(c)(v)
      3.2(c)(vi)
      3.2(c)(vii)
  3.3 Ex-UK Transfers
    3.3(a)
    3.3(b)
    3.3(c)
  3.4 Other International Transfers
4 Security Incident Response
  4.1
5 Audit & Reports
  5.1 Audit Rights
  5.2 Security Reports
  5.3 Security Due Diligence
6 Coordination & Cooperation
  6.1 Response to Inquiries
  6.2 DPIAs and DTIAs
7 Deletion of Customer Personal Data
  7.1 Deletion by Customer
  7.2 Deletion at DPA Expiration
    7.2(a)
    7.2(b)
8 Limitation of Liability
  8.1 Liability Caps and Damages Waiver
  8.2 Related-Party Claims
  8.3 Exceptions
9 Conflicts Between Documents
  9.1
10 Term of Agreement
  10.1
11 Definitions
  11.1
  11.2
  11.3
  11.4
  11.5
  11.6
  11.7
  11.8
  11.9
  11.10
  11.11
  11.12
  11.13
  11.14
  11.15
  11.16
  11.17
  11.18
  11.19
  11.20`,
  },
  {
    file: "accord-servicelevelagreement-sample.md",
    title: null,
    outline: `
1 Definitions
  1.1
2 Service levels
  2.1
  2.2
3 Service credits
  3.1
  3.2
  3.3
  3.4
  3.5
  3.6
    3.6.1
    3.6.2
  3.7
  3.8
4 Exclusions
  4.1
    4.1.1
    4.1.2
5 Reporting
  5.1
  5.2
  5.3
Annex 1 Service levels`,
  },
  {
    file: "accord-copyright-license-sample.md",
    title: "Copyright License Agreement",
    outline: `
- License
  - Grant of Rights
  - Permissions
  - Copyright Notices
  - Payment
- General
  - Interpretation
  - Entire Agreement
  - Severability
  - Assignment`,
  },
  {
    file: "commonpaper-Mutual-NDA-coverpage.md",
    title: "Mutual Non-Disclosure Agreement",
    outline: `
- USING THIS MUTUAL NON-DISCLOSURE AGREEMENT
  - Purpose
  - Effective Date
  - MNDA Term
  - Term of Confidentiality
  - Governing Law & Jurisdiction
  - MNDA Modifications`,
  },
  {
    file: "usdr-model-dpa.md",
    depth: 2,
    title: "Data Protection Agreement",
    outline: `
- Introduction
- Data Protection Agreement
  1 Definitions
  2 Data Protection Requirements
  3 User Personal Data Rights
  4 Data Use
  5 Service Providers`,
  },
  {
    file: "commonpaper-CSA.md",
    title: "Cloud Service Agreement",
    outline: `
1 Service
  1.1 Access and Use
  1.2 Support
  1.3 User Accounts
  1.4 Feedback and Usage Data
  1.5 Customer Content
  1.6 Machine Learning
2 Restrictions & Obligations
  2.1 Restrictions on Customer
    2.1(a)
    2.1(b)
  2.2 Suspension
3 Privacy & Security
  3.1 Personal Data
  3.2 Prohibited Data
4 Payment & Taxes
  4.1 Fees
  4.2 Invoicing
  4.3 Automatic Payment
  4.4 Taxes
  4.5 Payment
  4.6 Payment Dispute
5 Term & Termination
  5.1 Order Form and Agreement
  5.2 Framework Terms
  5.3 Termination
    5.3(a)
    5.3(b)
  5.4 Force Majeure
  5.5 Effect of Termination
    5.5(a)
    5.5(b)
    5.5(c)
    5.5(d)
  5.6 Survival
    5.6(a)
    5.6(b)
6 Representations & Warranties
  6.1 Mutual
  6.2 From Customer
  6.3 From Provider
  6.4 Provider Warranty Remedy
7 Disclaimer of Warranties
  7.1
8 Limitation of Liability
  8.1 Liability Caps
    8.1(a)
    8.1(b)
  8.2 Damages Waiver
  8.3 Applicability
  8.4 Exceptions
9 Indemnification
  9.1 Protection by Provider
  9.2 Protection by Customer
  9.3 Procedure
  9.4 Changes to Product
  9.5 Exclusions
    9.5(a)
    9.5(b)
  9.6 Exclusive Remedy
10 Confidentiality
  10.1 Non-Use and Non-Disclosure
  10.2 Exclusions
  10.3 Required Disclosures
  10.4 Permitted Disclosures
11 Reservation of Rights
  11.1
12 General Terms
  12.1 Entire Agreement
  12.2 Modifications, Severability, and Waiver
  12.3 Governing Law and Chosen Courts
  12.4 Injunctive Relief
  12.5 Non-Exhaustive Remedies
  12.6 Assignment
  12.7 Beta Products
  12.8 Logo Rights
  12.9 Notices
  12.10 Independent Contractors
  12.11 No Third-Party Beneficiary
  12.12 Force Majeure
  12.13 Export Controls
  12.14 Government Rights
  12.15 Anti-Bribery
  12.16 Titles and Interpretation
  12.17 Signature
13 Definitions
  13.1 Defining Variables
  13.2
  13.3
  13.4
  13.5
  13.6
  13.7
  13.8
  13.9
  13.10
  13.11
  13.12
  13.13
  13.14
  13.15
  13.16
  13.17
  13.18
  13.19
  13.20
  13.21
  13.22
  13.23
  13.24
  13.25
  13.26
  13.27
  13.28
  13.29
  13.30
  13.31
  13.32
  13.33
  13.34`,
  },
  {
    file: "accord-supplyagreement-sample.md",
    depth: 2,
    title: "Supply Agreement",
    outline: `
1 Supply and Purchase of Products
2 Orders
  2.1 Purchase Orders
  2.2 Accepting, Modifying, and Rejecting Purchase Orders
  2.3 Canceling Purchase Orders
3 Supply Forecasts
4 Delivery
5 Acceptance
  5.1 Acceptance of Delivery
  5.2 Inspection and Notice
  5.3 Acceptance Criteria
6 Pricing
  6.1 Product Prices
  6.2 Updated Price List
7 Purchase Price
  7.1
  7.2
  7.3
  7.4
8 Term
  8.1 Initial Term
  8.2 Renewal Term by Notice
  8.3 Term Definition
9 Mutual Representations
  9.1 Authority and Capacity
  9.2 Execution and Delivery
  9.3 Enforceability
  9.4 No Conflicts
10 Limited Warranty
  10.1 Warranty
  10.2 Replacement Products
  10.3 Notice Requirement
  10.4 Exclusions
11 Confidentiality
  11.1 Confidentiality Obligation
  11.2 Use Solely for Purpose
  11.3 Non-Disclosure
  11.4 Notice
12 Effect of Termination
  12.1 Termination of Obligations
  12.2 Payment Obligations
  12.3 No Further Liability
13 Limitation on Liability
14 General Provisions
  14.1 Entire Agreement
  14.2 Amendment
  14.3 Assignment
  14.4 Notices
  14.5 Severability
  14.6 Waiver
  14.7 Governing Law and Consent to Jurisdiction and Venue
  14.8 Counterparts`,
  },
];

describe.skipIf(!HAS_CORPUS)(`Markdown corpus outlines${SKIP_CORPUS_REASON}`, () => {
  for (const c of cases) {
    it(c.file, () => {
      const doc = readMarkdown(c.file, readFileSync(join(CORPUS, 'markdown', c.file), 'utf8'));
      expect(doc.title).toBe(c.title);
      expect(`\n${compactOutline(doc.sections, c.depth)}`).toBe(c.outline);
    });
  }

  it('keeps source lines and columns of clauses (CSA 12.3 Governing Law)', () => {
    const doc = readMarkdown('csa.md', readFileSync(join(CORPUS, 'markdown', 'commonpaper-CSA.md'), 'utf8'));
    const s12 = doc.sections.find((s) => s.number === '12')!;
    const s123 = s12.children.find((s) => s.number === '12.3')!;
    expect(s123.heading).toBe('Governing Law and Chosen Courts');
    expect(s123.position).toEqual({ line: 84, column: 8 });
    expect(s123.level).toBe(2);
    expect(s123.blocks[0]!.text).toMatch(/^The Governing Law will govern all interpretations/);
  });

  it('collects defined terms with the section that defines them (DPA)', () => {
    const doc = readMarkdown('dpa.md', readFileSync(join(CORPUS, 'markdown', 'usdr-model-dpa.md'), 'utf8'));
    const client = doc.definitions.find((d) => d.term === 'Client Data');
    expect(client?.position.line).toBe(31);
    expect(client?.sectionNumber).toBe('1');
  });
});
