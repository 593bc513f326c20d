import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector, ClauseValue } from '../types.js';
import { missing, result, textOf } from '../util.js';

/**
 * Limitation of liability, read as CUAD's "Cap on Liability": a cap on the amount recoverable, a time bar for
 * bringing claims, or an exclusion of whole heads of damage (consequential, indirect, punitive…). Only a stated
 * cap makes the clause present; the other forms limit liability without capping it and are reported weak.
 */

// A cap on the amount: "aggregate liability … shall not exceed", "liability … limited to the fees paid".
const AMOUNT_CAP = [
  /\b(?:aggregate|total|cumulative|maximum|entire|collective|sole)\s+(?:\w+\s+){0,4}liabilit(?:y|ies)\b[^.;]{0,250}?\b(?:exceed|limited to|in excess of|greater than|more than|not to exceed|capped)\b/i,
  /\bliabilit(?:y|ies)\b[^.;]{0,200}?\b(?:shall|will|is|are)\s+(?:be\s+)?(?:strictly\s+|expressly\s+|further\s+)?(?:limited|capped|restricted)\s+(?:in (?:the )?aggregate\s+)?to\b/i,
  /\b(?:in no event|under no circumstances)\b[^.;]{0,250}?\bliab\w*\b[^.;]{0,250}?\b(?:exceed|in excess of|greater than|more than)\s+(?:the\s+|an?\s+|its\s+|\$|US\$|[£€]|\d|(?:total|aggregate|amount|sum|fees?|price|purchase|value)\b)/i,
  /\bliab\w*\b[^.;]{0,200}?\b(?:shall|will|may|does|do)\s+not\s+(?:in the aggregate\s+|in any event\s+)?exceed\b/i,
  // A cap as one limb of an enumerated clause, after a long first limb: "the liability of each party … (i) excludes
  // consequential damages … and (ii) is limited to Fees paid by Customer in the previous 12 months".
  /\bliabilit(?:y|ies)\b[^.;]{0,500}?\((?:i{1,3}|iv|v|[a-e]|\d)\)\s+(?:shall\s+be|will\s+be|is|are)\s+(?:strictly\s+)?(?:limited|capped)\s+(?:in (?:the )?aggregate\s+)?to\b/i,
  /\b(?:maximum|total|aggregate)\s+(?:amount\s+)?(?:recoverable|recovery)\b|\bamount recoverable\b[^.;]{0,250}?\b(?:limited|exceed|not exceed)\b/i,
  /\b(?:damages|recovery)\b[^.;]{0,120}?\b(?:shall|will)\s+(?:in no event\s+)?not\s+exceed\b/i,
  /\b(?:reimbursements?|compensation|payments?)\b[^.;]{0,80}?\b(?:indemnif\w*|claim\w*|breach\w*|liabilit\w*)\b[^.;]{0,80}?\b(?:shall|will)\s+(?:in no event\s+)?not\s+exceed\b/i,
  // "subject to the limitations …", not "subject to the limitations of liability stated in the Agreement" (referenced).
  /\bliabilit(?:y|ies)\b[^.;]{0,100}?\bsubject to the (?:following )?limitations?\b(?!\s+(?:of|on) liability\s+(?:stated|set (?:out|forth)|contained|described|specified|provided)\s+in\s+(?:the\s+)?(?!this\b|these\b|Sections?\b|Articles?\b|Clauses?\b|paragraphs?\b)\w)/i,
  /\blimited recourse\b/i,
  // "responsibility" for liability, as translated terms say it: "SCALINGO's responsibility will be capped … at".
  /\bresponsibilit(?:y|ies)\b[^.;]{0,100}?\b(?:shall|will|is|are)\s+(?:be\s+)?(?:strictly\s+)?(?:limited|capped|restricted)\b[^.;]{0,60}?\b(?:to|at)\b/i,
];

// A time bar: "no action … may be brought more than one (1) year after the cause of action accrues".
const PERIOD = String.raw`(?:[\w-]+\s+){0,3}(?:\(\s*\d+\s*\)\s*)?(?:calendar\s+)?(?:days?|months?|years?)['’]?`;
const TIME_BAR = [
  new RegExp(String.raw`\b(?:no|any|all)\s+(?:and\s+all\s+)?(?:\w+\s+){0,2}(?:actions?|claims?|suits?|proceedings?|causes? of action)\b[^.;]{0,200}?\b(?:may|shall|must|can|will)\s+(?:only\s+)?(?:be\s+)?(?:brought|commenced|instituted|filed|asserted|made)\b[^.;]{0,120}?\b(?:more than|after|later than|within)\s+${PERIOD}`, 'i'),
  new RegExp(String.raw`\b(?:may|shall|can|will)\s+(?:not\s+)?(?:bring|commence|institute|file|assert)\b[^.;]{0,160}?\b(?:more than|later than)\s+${PERIOD}`, 'i'),
  /\b(?:statute|period) of limitations?\b[^.;]{0,100}?\b(?:shortened|reduced|limited)\b/i,
];

// Excluded heads of damage: "neither party shall be liable for any indirect, special or consequential damages".
const HEADS = String.raw`(?:special|incidental|indirect|consequential|punitive|exemplary|multiple|treble|speculative|remote)`;
const EXCLUSION = [
  new RegExp(String.raw`\b(?:neither|no|not|nor|never)\b[^.;]{0,120}?\b(?:liable|liability|liabilities|responsible|obligated)\b[^.;]{0,250}?\b${HEADS}\b[^.;]{0,80}?\b(?:damages?|loss(?:es)?)\b`, 'i'),
  new RegExp(String.raw`\bwaive[sd]?\b[^.;]{0,250}?\b${HEADS}\b[^.;]{0,60}?\b(?:damages?|loss(?:es)?)\b`, 'i'),
  new RegExp(String.raw`\b${HEADS}\b[^.;]{0,120}?\b(?:damages|loss(?:es)?)\b[^.;]{0,80}?\b(?:are|is|shall be|will be)\s+(?:hereby\s+)?(?:expressly\s+)?(?:excluded|disclaimed|waived)\b`, 'i'),
  new RegExp(String.raw`\bexclud\w*\b[^.;]{0,40}?\bliabilit\w*\s+for\b[^.;]{0,60}?\b${HEADS}\b`, 'i'),
  /\b(?:only|solely)\s+(?:be\s+)?(?:liable|responsible)\s+for\s+(?:actual\s+|direct\s+)/i,
  /\blimited to (?:the )?recovery of (?:its |their )?(?:actual|direct)\s+damages\b/i,
];

// An exclusive remedy that limits what can be recovered (not a right to terminate).
const EXCLUSIVE_REMEDY = /\b(?:sole|exclusive)\s+(?:and\s+exclusive\s+)?(?:remedy|remedies|liability)\b(?![^.;]{0,30}\bto terminate\b)/i;

// Handed to another document: "the limitation of liability set forth in the Declaration of Trust".
// A DPA's "subject to the waivers, exclusions, and limitations of liability stated in the Agreement".
const REFERENCED = /\blimitations? (?:of|on) liability\b[^.;]{0,60}?\b(?:set forth|set out|stated|contained|provided|described|specified)\s+in\s+(?:the\s+)?(?:[A-Z][\w-]*\b\s*){1,5}/;

const CARVE_OUT = /\b(?:except|exclud|exception|shall not apply|does not apply|do not apply|will not apply|not limit|notwithstanding)\w*\b[^.]{0,250}\b(?:confidential\w*|indemnif\w*|gross negligence|wil?ful|fraud\w*|data protection|personal data|death|personal injury|bodily injury|infring\w*)/i;

// An SLA's "… are Customer's exclusive remedies, and Provider's sole liability, for Provider's failure to meet Target
// Availability": the named remedies are the full limit of liability for a missed service level (the catalogue's
// "that is the full limit of our liability under this SLA"), a stated cap.
const SOLE_LIABILITY = /\b(?:our|its|their|[A-Z][\w&.-]{0,40}['’]s?)\s+(?:entire|total|sole|full|only)\s+(?:and\s+exclusive\s+)?liability\b/;
const SERVICE_LEVEL = /\bservice levels?\b|\bSLAs?\b|\bservice credits?\b|\b(?:target|committed)\s+(?:availability|uptime)\b|\b(?:availability|uptime) (?:target|commitment|guarantee)s?\b/i;

type Kind = 'cap' | 'sla-sole-liability' | 'time-bar' | 'exclusion' | 'exclusive-remedy' | 'referenced';

// Cheap word tests that gate each family of patterns (most sentences have none of these words).
const CAP_WORDS = /exceed|excess|greater than|more than|maximum|limited|capped|restricted|recover|recourse|subject to the/i;
const BAR_WORDS = /brought|commenced|instituted|filed|asserted|made|bring|commence|limitations?\b/i;
const HEAD_WORDS = new RegExp(String.raw`\b${HEADS}\b|\b(?:only|solely)\s+(?:be\s+)?(?:liable|responsible)\b|\bactual\s+damages\b`, 'i');

function kindOf(text: string): Kind | null {
  if (CAP_WORDS.test(text) && AMOUNT_CAP.some((re) => re.test(text))) return 'cap';
  if (BAR_WORDS.test(text) && TIME_BAR.some((re) => re.test(text))) return 'time-bar';
  if (HEAD_WORDS.test(text) && EXCLUSION.some((re) => re.test(text))) return 'exclusion';
  if (SOLE_LIABILITY.test(text) && SERVICE_LEVEL.test(text)) return 'sla-sole-liability';
  if (EXCLUSIVE_REMEDY.test(text) && /\b(?:shall|will|is|are|be)\b/i.test(text)) return 'exclusive-remedy';
  if (REFERENCED.test(text)) return 'referenced';
  return null;
}

const RANK: Record<Kind, number> = { cap: 5, 'sla-sole-liability': 4, 'time-bar': 3, exclusion: 2, 'exclusive-remedy': 1, referenced: 0 };

function capValues(hit: Sentence): Record<string, ClauseValue> {
  const text = textOf(hit);
  const months = findDurations(text).find((d) => d.unit === 'month' || d.unit === 'year');
  const amount = /(?:(?:US)?[$£€]\s?\d(?:[\d,.]*\d)?(?:\s?(?:million|m|k)\b)?|\b\d(?:[\d,.]*\d)?\s?(?:USD|GBP|EUR|dollars|pounds)\b)/i.exec(text);
  return {
    cap: amount ? amount[0] : /\bfees?\b|\bcharges\b|\bamounts? (?:paid|payable|received)\b|\bpurchase price\b/i.test(text) ? 'fees' : null,
    capMonths: months ? (months.unit === 'year' ? months.value * 12 : months.value) : null,
  };
}

export const liabilityCap: ClauseDetector = {
  id: 'liability-cap',
  title: 'Limitation of liability',
  detect(a: AnalysedDocument) {
    let best: { s: Sentence; kind: Kind } | null = null;
    for (const s of a.sentences) {
      if (!/liab|damage|claim|action|remed|recourse|recover|loss|reimburs|compensat|exceed|responsib/i.test(s.text)) continue;
      const kind = kindOf(textOf(s));
      if (kind && (!best || RANK[kind] > RANK[best.kind])) best = { s, kind };
      if (best?.kind === 'cap') break;
    }
    if (!best) return missing('liability-cap', { cap: null, capMonths: null, claimsMonths: null });
    const { s, kind } = best;
    if (kind === 'referenced') return result('liability-cap', 'referenced', s, { cap: null, capMonths: null, claimsMonths: null });
    if (kind === 'cap') {
      const top = s.path[0];
      const sectionText = top ? a.sentences.filter((x) => x.path[0] === top).map((x) => x.text).join(' ') : s.text;
      const reasons = CARVE_OUT.test(sectionText) ? [] : ['no-carve-outs'];
      return result('liability-cap', reasons.length > 0 ? 'weak' : 'present', s, { ...capValues(s), claimsMonths: null }, reasons);
    }
    if (kind === 'sla-sole-liability') return result('liability-cap', 'present', s, { cap: 'the service-level remedies', capMonths: null, claimsMonths: null });
    if (kind === 'time-bar') {
      const d = findDurations(textOf(s)).find((x) => x.unit === 'month' || x.unit === 'year' || x.unit === 'day');
      const claimsMonths = d ? Math.round((d.hours / 730) * 10) / 10 : null;
      return result('liability-cap', 'weak', s, { cap: null, capMonths: null, claimsMonths }, ['time-bar-only']);
    }
    return result('liability-cap', 'weak', s, { cap: null, capMonths: null, claimsMonths: null },
      [kind === 'exclusion' ? 'exclusions-only' : 'exclusive-remedy-only']);
  },
};
