import type { AnalysedDocument } from '../analyse/index.js';
import { aiAutomation } from './clauses/ai-automation.js';
import { assignment } from './clauses/assignment.js';
import { auditRights } from './clauses/audit-rights.js';
import { brandConduct } from './clauses/brand-conduct.js';
import { breachNotification } from './clauses/breach-notification.js';
import { businessContinuity } from './clauses/business-continuity.js';
import { changeControl } from './clauses/change-control.js';
import { confidentiality } from './clauses/confidentiality.js';
import { dataReturnDeletion } from './clauses/data-return-deletion.js';
import { disputeResolution } from './clauses/dispute-resolution.js';
import { exitAssistance } from './clauses/exit-assistance.js';
import { forceMajeure } from './clauses/force-majeure.js';
import { gdprProcessorTerms } from './clauses/gdpr-processor-terms.js';
import { gdprReference } from './clauses/gdpr-reference.js';
import { governingLaw } from './clauses/governing-law.js';
import { hipaaBaa } from './clauses/hipaa-baa.js';
import { indemnification } from './clauses/indemnification.js';
import { insurance } from './clauses/insurance.js';
import { internationalTransfers } from './clauses/international-transfers.js';
import { ipOwnership } from './clauses/ip-ownership.js';
import { liabilityCap } from './clauses/liability-cap.js';
import { pciDss } from './clauses/pci-dss.js';
import { performanceIncentives } from './clauses/performance-incentives.js';
import { performanceReporting } from './clauses/performance-reporting.js';
import { pricingPayment } from './clauses/pricing-payment.js';
import { qualityAssurance } from './clauses/quality-assurance.js';
import { rtoRpo } from './clauses/rto-rpo.js';
import { securityStandards } from './clauses/security-standards.js';
import { serviceCredits } from './clauses/service-credits.js';
import { serviceLevels } from './clauses/service-levels.js';
import { staffingTraining } from './clauses/staffing-training.js';
import { subcontracting } from './clauses/subcontracting.js';
import { technologyIntegration } from './clauses/technology-integration.js';
import { telemarketingCompliance } from './clauses/telemarketing-compliance.js';
import { terminationForCause } from './clauses/termination-for-cause.js';
import { terminationForConvenience } from './clauses/termination-for-convenience.js';
import { transitionIn } from './clauses/transition-in.js';
import { completeResult } from './locate.js';
import type { ClauseDetector, ClauseResult } from './types.js';

/** Every clause detector, by clause id (the ids of the clause catalogue). */
export const DETECTORS: ReadonlyMap<string, ClauseDetector> = new Map(
  [
    aiAutomation, assignment, auditRights, brandConduct, breachNotification, businessContinuity, changeControl,
    confidentiality, dataReturnDeletion, disputeResolution, exitAssistance, forceMajeure, gdprProcessorTerms,
    gdprReference, governingLaw, hipaaBaa, indemnification, insurance, internationalTransfers, ipOwnership,
    liabilityCap, pciDss, performanceIncentives, performanceReporting, pricingPayment, qualityAssurance, rtoRpo,
    securityStandards, serviceCredits, serviceLevels, staffingTraining, subcontracting, technologyIntegration,
    telemarketingCompliance, terminationForCause, terminationForConvenience, transitionIn,
  ].map((d) => [d.id, d]),
);

/**
 * Detect the given clauses (all known ones by default). Detection knows nothing of playbooks. Each detector's
 * result then gets the reviewer's second look (src/detect/locate.ts): a clause it did not find may still be there
 * in one-sided words, under its own heading, or in a document the contract hands it to.
 */
export function detectClauses(a: AnalysedDocument, ids: Iterable<string> = DETECTORS.keys()): Map<string, ClauseResult> {
  const out = new Map<string, ClauseResult>();
  for (const id of ids) {
    const d = DETECTORS.get(id);
    if (d) out.set(id, completeResult(a, d.detect(a)));
  }
  return out;
}
