import type { Rule } from '../src/lint/types.js';
import assignment from './assignment.js';
import auditRights from './audit-rights.js';
import breachNotification from './breach-notification.js';
import brokenCrossReference from './broken-cross-reference.js';
import dateSanity from './date-sanity.js';
import duplicateDefinition from './duplicate-definition.js';
import duplicateHeading from './duplicate-heading.js';
import exitAssistance from './exit-assistance.js';
import governingLaw from './governing-law.js';
import insurance from './insurance.js';
import liabilityCap from './liability-cap.js';
import numberConsistency from './number-consistency.js';
import numberingGap from './numbering-gap.js';
import openComments from './open-comments.js';
import partyNameConsistency from './party-name-consistency.js';
import placeholder from './placeholder.js';
import rtoRpo from './rto-rpo.js';
import terminationForConvenience from './termination-for-convenience.js';
import undefinedTerm from './undefined-term.js';
import unresolvedRevisions from './unresolved-revisions.js';
import unusedDefinition from './unused-definition.js';

/** The built-in rules: an explicit, sorted list (one file per rule, docs beside it). */
export const RULES: ReadonlyMap<string, Rule> = new Map(
  [
    assignment, auditRights, breachNotification, brokenCrossReference, dateSanity, duplicateDefinition, duplicateHeading,
    exitAssistance, governingLaw, insurance, liabilityCap, numberConsistency, numberingGap, openComments,
    partyNameConsistency, placeholder, rtoRpo, terminationForConvenience, undefinedTerm, unresolvedRevisions,
    unusedDefinition,
  ].map((r) => [r.meta.id, r]),
);
