import type { AnalysedDocument } from '../analyse/index.js';
import { assignment } from './clauses/assignment.js';
import { auditRights } from './clauses/audit-rights.js';
import { breachNotification } from './clauses/breach-notification.js';
import { exitAssistance } from './clauses/exit-assistance.js';
import { governingLaw } from './clauses/governing-law.js';
import { insurance } from './clauses/insurance.js';
import { liabilityCap } from './clauses/liability-cap.js';
import { rtoRpo } from './clauses/rto-rpo.js';
import { terminationForConvenience } from './clauses/termination-for-convenience.js';
import type { ClauseDetector, ClauseResult } from './types.js';

/** Every clause detector, by clause id (the ids of the clause catalogue). */
export const DETECTORS: ReadonlyMap<string, ClauseDetector> = new Map(
  [
    assignment, auditRights, breachNotification, exitAssistance, governingLaw, insurance, liabilityCap, rtoRpo,
    terminationForConvenience,
  ].map((d) => [d.id, d]),
);

/** Detect the given clauses (all known ones by default). Detection knows nothing of playbooks. */
export function detectClauses(a: AnalysedDocument, ids: Iterable<string> = DETECTORS.keys()): Map<string, ClauseResult> {
  const out = new Map<string, ClauseResult>();
  for (const id of ids) {
    const d = DETECTORS.get(id);
    if (d) out.set(id, d.detect(a));
  }
  return out;
}
