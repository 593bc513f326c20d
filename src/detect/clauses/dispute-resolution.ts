import type { AnalysedDocument } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { isDefinition } from '../operational.js';
import { headingMatches, missing, result, textOf } from '../util.js';

/**
 * Dispute resolution: a staged escalation (operational, management, executive) with time limits, then
 * mediation, arbitration or named courts. Weak when disputes go straight to court with no escalation, when the
 * escalation has no time limit, or when no forum is named.
 */

const TOPIC = /\bcauses? of action\b|\bdisputes?\b|\bdifferences?\b|\bclaims?\b|\bcontrovers\w*\b|\b(?:legal )?(?:suits?|proceedings?|litigation)\b/i;
const HEADING = /\bdisputes?\b|\bescalation\b|\bjurisdiction\b|\barbitration\b|\bcourts?\b|\bvenue\b/i;
const ESCALATE = /\bescalat\w*\b|\brefer\w*\b[^.;]{0,60}\b(?:directors?|senior|executives?|management|managers?|steering|governance|chief|officers?|representatives?)\b|\b(?:directors?|senior (?:management|executives?|representatives?)|executives?|managers?|representatives?)\b[^.;]{0,60}\b(?:meet|negotiat\w*|resolve)\b|\bgood faith negotiation\w*\b|\bnegotiate in good faith\b|\b(?:discuss|negotiate|consult|confer|meet)\b[^.;]{0,40}\b(?:amicabl\w*|resolve|resolution|solution|settle\w*)\b|\b(?:good faith|reasonable) (?:attempt|effort)s? to (?:amicably )?(?:resolve|settle)\b|\b(?:attempt|endeavou?r|tr(?:y|ies))\w*\b[^.;]{0,30}\bto (?:\w+ly\s+)?(?:resolve|settle)\b/i;
// The time limit of an escalation, often in the sentence after it: "If the parties have not resolved the dispute
// within 45 days …", "if the dispute is not settled within 14 days".
const UNRESOLVED = /\b(?:not|fail\w* to|unable to)\s+(?:been\s+|be\s+)?(?:resolved?|settled?)\b/i;
const FORUM = /\bplace of jurisdiction\b|\barbitrat\w*\b|\bmediat\w*\b|\bconciliat\w*\b|\bexpert determination\b|\bcourts? (?:of|in|located in|sitting in)\b|\b(?:exclusive|non-exclusive) jurisdiction\b|\bvenue\b|\bJAMS\b|\bICC\b|\bLCIA\b|\bAAA\b|\bCEDR\b/i;
const NAMED = /\b(?:of|in|located in|sitting in)\s+(?:the\s+)?(?:State of |County of |City of )?[A-Z][a-z]+|\bjurisdiction\b[^.;]{0,160}\b(?:is|shall be|will be)\s+[A-Z][a-z]+|\bJAMS\b|\bICC\b|\bLCIA\b|\bAAA\b|\bCEDR\b|\bAmerican Arbitration Association\b|\bRules\b/;
// A submission to a court's jurisdiction, wherever it stands.
const SUBMITS = /\b(?:submits?|submission|agree\w*)\b[^.;]{0,30}\b(?:exclusive|non-exclusive) jurisdiction of\b|\bcourts?\b[^.;]{0,60}\b(?:shall|will) have (?:sole and )?(?:exclusive|non-exclusive) jurisdiction\b/i;

export const disputeResolution: ClauseDetector = {
  id: 'dispute-resolution',
  title: 'Dispute resolution',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && (TOPIC.test(textOf(s)) || headingMatches(s.path, HEADING)));
    // Not the defence of an indemnified claim ("the opportunity to … negotiate the settlement of any such claim").
    const escalation = about.filter((s) => ESCALATE.test(textOf(s)) && (TOPIC.test(textOf(s)) || headingMatches(s.path, HEADING))
      && !/\bindemnif/i.test(textOf(s)) && !headingMatches(s.path, /\bindemnif/i));
    // The dispute clause's own escalation before a passing one (a disputed bill "settled promptly").
    const firstStage = escalation.find((s) => headingMatches(s.path, HEADING)) ?? escalation[0];
    const timed = escalation.find((s) => findDurations(textOf(s)).length > 0)
      ?? (escalation.length > 0 ? about.find((s) => UNRESOLVED.test(textOf(s)) && findDurations(textOf(s)).length > 0) : undefined);
    // The forum is often in the governing-law clause, away from the escalation ("the parties submit to the exclusive
    // jurisdiction of the courts of England"): a named forum there counts before an unnamed one here.
    const forum = about.find((s) => FORUM.test(textOf(s)) && NAMED.test(textOf(s)))
      ?? a.sentences.find((s) => !isDefinition(s) && SUBMITS.test(textOf(s)) && NAMED.test(textOf(s)))
      ?? about.find((s) => FORUM.test(textOf(s)));
    const values = { escalation: escalation.length > 0, escalationDays: timed ? Math.round(findDurations(textOf(timed))[0]!.hours / 24 * 10) / 10 : null, forum: forum ? FORUM.exec(textOf(forum))![0] : null };
    if (escalation.length === 0 && !forum) return missing('dispute-resolution', values);
    const reasons: string[] = [];
    if (escalation.length === 0) reasons.push('no-escalation');
    else if (!timed) reasons.push('no-time-limit');
    if (!forum) reasons.push('no-forum');
    else if (!NAMED.test(textOf(forum))) reasons.push('forum-unnamed');
    const at = reasons.length ? (firstStage ?? forum ?? about[0]!) : (timed ?? firstStage!);
    return result('dispute-resolution', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
