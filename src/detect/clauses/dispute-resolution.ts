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
const ESCALATE = /\bescalat\w*\b|\brefer\w*\b[^.;]{0,60}\b(?:directors?|senior|executives?|management|managers?|steering|governance|chief|officers?|representatives?)\b|\b(?:directors?|senior (?:management|executives?|representatives?)|executives?|managers?|representatives?)\b[^.;]{0,60}\b(?:meet|negotiat\w*|resolve)\b|\bgood faith negotiation\w*\b|\bnegotiate in good faith\b|\b(?:discuss|negotiate|consult|confer|meet)\b[^.;]{0,40}\b(?:amicabl\w*|resolve|resolution|solution|settle\w*)\b|\b(?:good faith|reasonable) (?:attempt|effort)s? to (?:amicably )?(?:resolve|settle)\b/i;
const FORUM = /\barbitrat\w*\b|\bmediat\w*\b|\bconciliat\w*\b|\bexpert determination\b|\bcourts? (?:of|in|located in|sitting in)\b|\b(?:exclusive|non-exclusive) jurisdiction\b|\bvenue\b|\bJAMS\b|\bICC\b|\bLCIA\b|\bAAA\b|\bCEDR\b/i;
const NAMED = /\b(?:of|in|located in|sitting in)\s+(?:the\s+)?(?:State of |County of |City of )?[A-Z][a-z]+|\bJAMS\b|\bICC\b|\bLCIA\b|\bAAA\b|\bCEDR\b|\bAmerican Arbitration Association\b|\bRules\b/;

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
    const timed = escalation.find((s) => findDurations(textOf(s)).length > 0);
    const forum = about.find((s) => FORUM.test(textOf(s)) && NAMED.test(textOf(s)))
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
