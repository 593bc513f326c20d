import type { Rule } from '../src/lint/types.js';
import aiAutomation from './ai-automation.js';
import assignment from './assignment.js';
import auditRights from './audit-rights.js';
import brandConduct from './brand-conduct.js';
import breachNotification from './breach-notification.js';
import brokenCrossReference from './broken-cross-reference.js';
import businessContinuity from './business-continuity.js';
import changeControl from './change-control.js';
import confidentiality from './confidentiality.js';
import dataReturnDeletion from './data-return-deletion.js';
import dateSanity from './date-sanity.js';
import disputeResolution from './dispute-resolution.js';
import duplicateDefinition from './duplicate-definition.js';
import duplicateHeading from './duplicate-heading.js';
import exitAssistance from './exit-assistance.js';
import forceMajeure from './force-majeure.js';
import gdprProcessorTerms from './gdpr-processor-terms.js';
import gdprReference from './gdpr-reference.js';
import governingLaw from './governing-law.js';
import hipaaBaa from './hipaa-baa.js';
import indemnification from './indemnification.js';
import insurance from './insurance.js';
import internationalTransfers from './international-transfers.js';
import ipOwnership from './ip-ownership.js';
import liabilityCap from './liability-cap.js';
import numberConsistency from './number-consistency.js';
import numberingGap from './numbering-gap.js';
import openComments from './open-comments.js';
import partyNameConsistency from './party-name-consistency.js';
import pciDss from './pci-dss.js';
import performanceIncentives from './performance-incentives.js';
import performanceReporting from './performance-reporting.js';
import placeholder from './placeholder.js';
import pricingPayment from './pricing-payment.js';
import qualityAssurance from './quality-assurance.js';
import rtoRpo from './rto-rpo.js';
import securityStandards from './security-standards.js';
import serviceCredits from './service-credits.js';
import serviceLevels from './service-levels.js';
import staffingTraining from './staffing-training.js';
import subcontracting from './subcontracting.js';
import supplierDiscretion from './supplier-discretion.js';
import technologyIntegration from './technology-integration.js';
import telemarketingCompliance from './telemarketing-compliance.js';
import terminationForCause from './termination-for-cause.js';
import terminationForConvenience from './termination-for-convenience.js';
import transitionIn from './transition-in.js';
import undefinedTerm from './undefined-term.js';
import unresolvedRevisions from './unresolved-revisions.js';
import unusedDefinition from './unused-definition.js';
import vagueDeadline from './vague-deadline.js';
import weakObligation from './weak-obligation.js';

/** The built-in rules: an explicit, sorted list (one file per rule, docs beside it). */
export const RULES: ReadonlyMap<string, Rule> = new Map(
  [
    aiAutomation, assignment, auditRights, brandConduct, breachNotification, brokenCrossReference, businessContinuity,
    changeControl, confidentiality, dataReturnDeletion, dateSanity, disputeResolution, duplicateDefinition,
    duplicateHeading, exitAssistance, forceMajeure, gdprProcessorTerms, gdprReference, governingLaw, hipaaBaa,
    indemnification, insurance, internationalTransfers, ipOwnership, liabilityCap, numberConsistency, numberingGap,
    openComments, partyNameConsistency, pciDss, performanceIncentives, performanceReporting, placeholder,
    pricingPayment, qualityAssurance, rtoRpo, securityStandards, serviceCredits, serviceLevels, staffingTraining,
    subcontracting, supplierDiscretion, technologyIntegration, telemarketingCompliance, terminationForCause,
    terminationForConvenience, transitionIn, undefinedTerm, unresolvedRevisions, unusedDefinition, vagueDeadline,
    weakObligation,
  ].map((r) => [r.meta.id, r]),
);
