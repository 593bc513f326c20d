import type { Rule } from '../src/lint/types.js';
import assignment from './assignment.js';
import auditRights from './audit-rights.js';
import breachNotification from './breach-notification.js';
import exitAssistance from './exit-assistance.js';
import governingLaw from './governing-law.js';
import insurance from './insurance.js';
import liabilityCap from './liability-cap.js';
import placeholder from './placeholder.js';
import rtoRpo from './rto-rpo.js';
import terminationForConvenience from './termination-for-convenience.js';

/** The built-in rules: an explicit, sorted list (one file per rule, docs beside it). */
export const RULES: ReadonlyMap<string, Rule> = new Map(
  [
    assignment, auditRights, breachNotification, exitAssistance, governingLaw, insurance, liabilityCap, placeholder,
    rtoRpo, terminationForConvenience,
  ].map((r) => [r.meta.id, r]),
);
