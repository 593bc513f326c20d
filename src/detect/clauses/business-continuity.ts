import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { binds, delegatedElsewhere, isDefinition, weakWording } from '../operational.js';
import { headingMatches, missing, result, textOf } from '../util.js';

/**
 * Business continuity: a business continuity / disaster recovery plan the supplier must maintain, test at a
 * stated frequency and invoke. Weak when the plan is only mentioned, never tested, tested with no frequency,
 * or kept up to "reasonable efforts".
 */

const PLAN = /\bbusiness continuity\b|\bdisaster recovery\b|\bBC\/?DR\b|\bBCP\b|\bDRP\b|\bcontingency plan\w*\b|\b(?:BC|DR|Continuity|Recovery) Plan\b/i;
const HEADING = /\bbusiness continuity\b|\bdisaster recovery\b|\bcontinuity\b/i;
const MAINTAIN = /\b(?:maintain|establish|implement|have in place|keep|put in place|develop|adopt)\w*\b/i;
const TEST = /\btest\w*\b|\bexercis\w*\b|\brehears\w*\b|\bdrills?\b/i;
const FREQUENCY = /\b(?:annual(?:ly)?|yearly|quarterly|monthly|semi-annual(?:ly)?|bi-?annual(?:ly)?|twice (?:a|per|each|in each) (?:year|calendar year))\b|\b(?:at least |not less than )?once (?:in |during )?(?:each|every|a|per|any) (?:\w+[- ])?(?:year|month|quarter|twelve-month period|12-month period|calendar year|contract year)\b|\bevery (?:\d+|six|twelve|three) (?:months|years?)\b|\b(?:each|every) (?:calendar |contract )?(?:year|quarter)\b/i;
const INVOKE = /\binvok\w*\b|\bactivat\w*\b|\bimplement\w*\b[^.;]{0,60}\b(?:event|disaster|disruption|incident)\b|\bin the event of (?:a |any )?(?:disaster|disruption|business continuity event)\b/i;

export const businessContinuity: ClauseDetector = {
  id: 'business-continuity',
  title: 'Business continuity',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && (PLAN.test(textOf(s)) || (headingMatches(s.path, HEADING) && /\bplan\b/i.test(textOf(s)))));
    if (about.length === 0) return missing('business-continuity', { tested: false, testFrequency: null });
    const maintain: Sentence | undefined = about.find((s) => MAINTAIN.test(textOf(s)) && binds(textOf(s)));
    const tests = about.filter((s) => TEST.test(textOf(s)));
    const freq = tests.find((s) => FREQUENCY.test(textOf(s)));
    const invoke = about.some((s) => INVOKE.test(textOf(s)));
    const values = { tested: tests.length > 0, testFrequency: freq ? FREQUENCY.exec(textOf(freq))![0] : null, invoke };
    if (!maintain && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('business-continuity', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    const effort = about.find((s) => (MAINTAIN.test(textOf(s)) || TEST.test(textOf(s))) && weakWording(textOf(s)));
    if (!maintain) reasons.push('no-duty-to-maintain');
    if (tests.length === 0) reasons.push('not-tested');
    else if (!freq) reasons.push('no-test-frequency');
    if (effort) reasons.push('effort-only');
    const at = effort ?? (tests.length === 0 ? maintain : tests[0]) ?? maintain ?? about[0]!;
    return result('business-continuity', reasons.length ? 'weak' : 'present', reasons.length ? at! : (freq ?? maintain!), values, reasons);
  },
};
