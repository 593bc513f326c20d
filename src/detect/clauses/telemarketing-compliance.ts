import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { isDefinition } from '../operational.js';
import { leadIn, missing, modality, result, textOf } from '../util.js';

/**
 * Telemarketing compliance (conditional: the supplier makes outbound calls or records calls): compliance with
 * telemarketing and consumer-protection rules — do-not-call lists, calling-hour limits, consent to (or notice
 * of) call recording, and the laws named (TCPA and the FCC's rules, the Telemarketing Sales Rule, PECR, the TPS)
 * — with responsibility allocated. Weak when only "all applicable laws" are promised, or calls are recorded with
 * no consent or notice.
 */

const OUTBOUND = /\boutbound\b|\btelemarketing\b|\btelesales\b|\bcold[- ]call\w*\b|\bmarketing calls?\b|\bdiall?ers?\b|\bcollections? calls?\b/i;
const RECORDING = /\brecord(?:s|ed|ing)?\s+(?:all\s+|the\s+|any\s+|each\s+)?(?:telephone\s+|inbound\s+|outbound\s+)?(?:calls?|contacts?|conversations?)\b|\bcall recordings?\b|\b(?:calls?|contacts?|conversations?) (?:may|will|shall) be recorded\b/i;
const LAWS = /\bTCPA\b|\bTelephone Consumer Protection Act\b|\bTelemarketing Sales Rule\b|\bTSR\b|\bFCC\b|\bPECR\b|\bPrivacy and Electronic Communications\b|\bOfcom\b|\b(?:C?TPS|Telephone Preference Service)\b|\bdo[- ]not[- ]call\b|\bDNC\b|\bcalling hours?\b|\bFDCPA\b|\bConsumer Protection from Unfair Trading\b|\bConsumer Duty\b/i;
const CONSENT = /\bconsent\w*\b[^.;]{0,60}\b(?:to (?:the |being )?record\w*|recording)\b|\b(?:notif\w*|inform\w*|announc\w*|tell\w*|advis\w*)\b[^.;]{0,60}\brecord(?:ed|ing)\b|\brecording (?:notice|announcement|message)\b/i;
const GENERAL_LAW = /\b(?:all )?applicable laws?\b|\bApplicable Law\b|\brelevant (?:laws|legislation)\b/i;

export const telemarketingCompliance: ClauseDetector = {
  id: 'telemarketing-compliance',
  title: 'Telemarketing compliance',
  detect(a: AnalysedDocument) {
    const sents = a.sentences.filter((s) => !isDefinition(s));
    const outbound = sents.find((s) => OUTBOUND.test(textOf(s)) && !modality(textOf(s)).negated);
    const recordings = sents.filter((s) => RECORDING.test(textOf(s)) && !modality(textOf(s)).negated);
    // The duty to record ("shall record all telephone Contacts") decides better than a passing "Call Recordings".
    const recording: Sentence | undefined = recordings.find((s) => /\brecord(?:s|ed|ing)?\s+(?:all|the|any|each|telephone|inbound|outbound)\b/i.test(textOf(s))) ?? recordings[0];
    const values = { outbound: outbound !== undefined, recording: recording !== undefined, laws: null as string | null, recordingConsent: false };
    if (!outbound && !recording) return result('telemarketing-compliance', 'not-applicable', null, values, ['no-outbound-calls-or-recording']);
    const named = sents.find((s) => LAWS.test(textOf(s)) && (modality(textOf(s)).binding || modality(textOf(leadIn(a, s) ?? s)).binding));
    values.laws = named ? LAWS.exec(textOf(named))![0] : null;
    values.recordingConsent = sents.some((s) => CONSENT.test(textOf(s)));
    const reasons: string[] = [];
    if (!named) reasons.push(sents.some((s) => GENERAL_LAW.test(textOf(s))) ? 'applicable-laws-only' : 'no-laws-named');
    if (recording && !values.recordingConsent) reasons.push('no-recording-consent');
    if (!named && !recording && !outbound) return missing('telemarketing-compliance', values);
    return result('telemarketing-compliance', reasons.length ? 'weak' : 'present', reasons.length ? (recording && !values.recordingConsent ? recording : outbound ?? recording!) : named!, values, reasons);
  },
};
