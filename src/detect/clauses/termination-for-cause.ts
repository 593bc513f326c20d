import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { isDefinition } from '../operational.js';
import { leadIn, missing, NAMED_REPEATED_FAILURE, result, textOf } from '../util.js';

/**
 * Termination for cause: termination for material breach with a cure period, insolvency, and repeated service-level
 * failure. Weak when the cure period is unstated, when only the supplier can terminate, or when the only ground is
 * not a breach (repeated service-level failure alone). Whether insolvency and repeated service-level failure are
 * grounds is reported in `values.insolvency` and `values.serviceLevelFailure` (the service-credits rule asks for the
 * latter). A right to terminate without cause is not termination for cause (termination-for-convenience).
 */

const TERMINATE = /\bterminat\w*\b|\bcancel\w*\b/i;
const BREACH = /\b(?:material(?:ly)?|substantial|fundamental|persistent|repeated)\b[^.;]{0,20}\b(?:breach\w*|default\w*)\b|\bbreach\w*\b[^.;]{0,40}\b(?:material|any (?:of its |its )?obligations|this agreement)\b|\bfails? to (?:perform|comply)\b|\bdefault\w*\b|\b(?:wil(?:l)?ful|gross) misconduct\b|\bfraud\w*\b|\bmaterial misrepresentation\b/i;
// "So long as no default exists … either party may terminate at any time": the absence of a breach is no ground.
const NO_BREACH = /\b(?:so long as|provided(?: that)?|if)\s+no (?:event of )?(?:default|breach)\w*\b[^.;,]{0,40}/gi;
// An administrator or receiver only when appointed over a party: "the Blockchain Administrator" is a role, not insolvency.
const INSOLVENCY = /\binsolven\w*\b|\bbankrupt\w*\b|\bappoint\w*\b[^.;]{0,40}\b(?:administrator|administrative receiver|receiver|liquidator|custodian)\b|\b(?:administrator|receiver|liquidator)\b[^.;]{0,20}\b(?:is|be|being|has been) appointed\b|\btrustee in bankruptcy\b|\bwinding[- ]up\b|\bwound up\b|\bliquidation\b|\bunable to pay its debts\b|\barrangement with (?:its )?creditors\b|\bassignment for the benefit of creditors\b|\bceases? (?:or threatens to cease )?to (?:carry on|do) business\b/i;
const CURE = /\b(?:remed\w*|cure\w*|rectif\w*|correct\w*)\b|\birremediable\b/i;
const SL_FAIL_WORDS = /\bservice levels?\b|\bSLAs?\b|\btarget (?:uptime|availability)\b|\b(?:availability|uptime|response time|resolution time) (?:targets?|commitments?|guarantees?)\b|\bKPIs?\b/i;
const SL_FAIL = new RegExp(`${SL_FAIL_WORDS.source}|${NAMED_REPEATED_FAILURE.source}`, 'i');
// Failing a service level: "fails to meet the Target Uptime for two (2) out of any three (3) consecutive months".
const SL_MISSED = /\bfail\w*\b|\b(?:not|never) (?:meet|achieve)\b|\bbelow\b|\bbreach\w*|\bmiss\w*\b/i;
const OTHER_PARTY = /\b(?:either|each|any|a|the non-breaching|the non-defaulting) party\b|\b(?:customer|client|buyer|purchaser|company|licensee)\b/i;
const SUPPLIER = /\b(?:supplier|provider|vendor|contractor|service provider|licensor|seller)\b/i;

// A right to end the contract, not the noun in "termination of this Agreement shall be without prejudice".
const RIGHT = /\b(?:may|can|shall be entitled to|(?:has|have|having) the right to|(?:is|are) entitled to|right to|option to)\s+(?:\w+\s+){0,4}?terminat\w*|\bterminat\w*\s+(?:this|the)\s+(?:agreement|contract|services|order)\b|\b(?:agreement|contract)\s+(?:may|shall|will)\s+(?:\w+\s+){0,2}?be\s+terminat\w*|\bgrounds? for termination\b|\bterminable\b|\b(?:agreement|contract)\s+(?:shall|will)\s+(?:\w+\s+)?terminate\s*(?::|\b(?:if|upon|on|immediately|automatically|in the event)\b)/i;

// The sentence with the lead-in of its list ("Either Party may terminate … if:" before "(a) … material breach").
function context(a: AnalysedDocument, s: Sentence): string {
  const lead = leadIn(a, s);
  return lead && /[:—–-]\s*$|\b(?:if|where|when|upon|in the event)\s*$/i.test(lead.text) ? `${textOf(lead)} ${textOf(s)}` : textOf(s);
}

// The party given the right: "Either Party may terminate", "The Supplier may terminate".
function terminator(text: string): string | null {
  const m = /\b((?:either|each|any|the non-breaching|the non-defaulting) party|the\s+\w+|\w+)\s+(?:shall (?:have the right to|be entitled to)|may(?: at its option)?|has the right to|is entitled to|can)\s+(?:\w+\s+){0,3}?terminat/i.exec(text);
  return m ? m[1]! : null;
}

export const terminationForCause: ClauseDetector = {
  id: 'termination-for-cause',
  title: 'Termination for cause',
  detect(a: AnalysedDocument) {
    const grounds: Sentence[] = [];
    for (const s of a.sentences) {
      if (isDefinition(s)) continue;
      const t = textOf(s).replace(NO_BREACH, '');
      if (!(BREACH.test(t) || INSOLVENCY.test(t) || (SL_FAIL.test(t) && SL_MISSED.test(t)))) continue;
      if (!RIGHT.test(context(a, s))) continue;
      if (/\bconvenience\b|\bwithout cause\b|\bwaiver\b|\bconstrued as\b/i.test(t)) continue;
      grounds.push(s);
    }
    if (grounds.length === 0) return missing('termination-for-cause', { cureDays: null, insolvency: false, serviceLevelFailure: false });
    const breach = grounds.filter((s) => BREACH.test(textOf(s)) && !(SL_FAIL.test(textOf(s)) && !/\bmaterial(?:ly)? breach/i.test(textOf(s))));
    const insolvency = grounds.some((s) => INSOLVENCY.test(textOf(s)));
    const cureAt = breach.find((s) => CURE.test(textOf(s)) && findDurations(textOf(s)).length);
    const cure = cureAt ? findDurations(textOf(cureAt))[0]! : null;
    const slFailure = a.sentences.some((s) => TERMINATE.test(context(a, s)) && SL_FAIL.test(textOf(s)) && SL_MISSED.test(textOf(s)));
    const parties = grounds.map((s) => terminator(context(a, s))).filter((p): p is string => p !== null);
    const supplierOnly = parties.length > 0 && parties.every((p) => SUPPLIER.test(p) && !OTHER_PARTY.test(p));
    const values = { cureDays: cure ? Math.round(cure.hours / 24 * 10) / 10 : null, insolvency, serviceLevelFailure: slFailure };
    const reasons: string[] = [];
    if (breach.length === 0) reasons.push('no-breach-ground');
    else if (!cure) reasons.push('no-cure-period');
    // Insolvency is recorded in `values.insolvency`; the catalogue's weak clause is one without a breach ground, without
    // a cure period, or for the supplier only.
    if (supplierOnly) reasons.push('supplier-only');
    const at = cureAt ?? breach[0] ?? grounds[0]!;
    return result('termination-for-cause', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
