import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { leadIn, missing, result, textOf } from '../util.js';

/**
 * Termination for convenience: a party may end the contract without cause, by giving notice and letting the
 * notice period run. Read as a grant of a termination right ("may terminate", "shall have the right to
 * terminate", "may be terminated by", "terminable", "at the option of") that is either expressly free of cause
 * ("for convenience", "without cause", "for any reason", "in its sole discretion") or tied only to a notice
 * period, with no triggering event (breach, insolvency, change of control, force majeure…) in the same clause.
 */

const GRANT = /\b(?:may|can|could)\b[^.;:]{0,80}?\b(?:terminat|cancel)\w*|\b(?:entitled|right|option|free|elect\w*)\b[^.;]{0,50}?\bto\s+(?:\w+\s+){0,2}terminat\w*|\b(?:until|unless)\s+(?:sooner\s+|earlier\s+)?terminated by\b|\b(?:may|shall|will|can)\s+(?:also\s+|only\s+)?(?:be\s+)?(?:earlier\s+)?terminated\b|\bterminable\b|\bat the (?:sole\s+)?option of\b|\bat (?:its|their|his|her) option\b[^.;]{0,80}?\bterminat|\bterminat\w*\b[^.;]{0,120}?\bat the option of\b|\b(?:right to|may)\s+(?:voluntarily\s+)?withdraw (?:from|any of)\b|\breserves? the right\b[^.;]{0,60}?\bterminat/i;

// Words that make the right expressly free of cause…
const FREE_OF_CAUSE = /\bfor (?:its|their|his|her|any party's|either party's)?\s*(?:own\s+)?convenience\b|\bwithout (?:any\s+)?(?:cause|reason)\b|\bwith or without (?:cause|reason)\b|\bfor (?:any|no) reason(?: (?:or|and) (?:for )?(?:any|no) reason)?(?: whatsoever)?\b|\bfor any or no reason\b|\bfor whatever reason\b|\bat will\b/i;
// …and words that leave it to a party's discretion (still read with the clause's conditions).
const DISCRETION = /\bin (?:its|their|his|her) (?:sole\s+|absolute\s+|unfettered\s+|complete\s+)*(?:and (?:absolute|sole)\s+)?discretion\b|\bat (?:its|their) (?:sole\s+)?(?:discretion|election)\b/i;

const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|seventy|seventy-five|eighty|ninety|hundred|hundred and eighty|one hundred (?:and )?(?:twenty|eighty))';
const NOTICE_PERIOD = new RegExp(String.raw`(?:\b\d+\s*\)?|\b${NUMBER_WORD}|\[\*+\])\s*(?:\(\s*\d+\s*\)\s*)?(?:business\s+|calendar\s+|working\s+)?(?:days?|months?|weeks?|years?)['’]?s?['’]?[^.;]{0,60}?\b(?:notice|notification)\b|\b(?:notice|notification)\b[^.;]{0,40}?(?:\b\d+\s*\)?|\b${NUMBER_WORD}|\[\*+\])\s*(?:\(\s*\d+\s*\)\s*)?(?:business\s+|calendar\s+)?(?:days?|months?|years?)\b|\b(?:notice|notification) period\b|\[\*+\]\s*(?:prior\s+|advance\s+)?(?:written\s+)?notice\b`, 'i');
const ANY_TIME_NOTICE = /\b(?:at any time|any time)\b[^.;]{0,120}?\b(?:notice|notifying|notification)\b|\b(?:notice|notifying)\b[^.;]{0,80}?\bat any time\b/i;

// A triggering event: the right then is one for cause, not for convenience.
const CAUSE = /\b(?:breach\w*|default\w*|fail\w*|insolven\w*|bankrupt\w*|receiver\w*|liquidat\w*|wind(?:ing)?[- ]up|ceases?|violat\w*|change (?:of|in) control|force majeure|beyond (?:its|the|their) (?:reasonable )?control|cure[sd]?|not cured|misconduct|fraud\w*|convicted|unable to|inability|disput\w*|dissolution|acqui(?:red|sition)|merger|non-?payment|non-?compliance|terminat\w+ of (?:the|any|such) (?:\w+\s+){0,3}(?:agreement|license|lease|contract)|expir\w+ of (?:the|any|such) (?:\w+\s+){0,3}(?:agreement|license|lease|contract)|approval|regulatory|withdrawn|infring\w*|recall\w*|safety|adverse|underperform\w*|transaction|(?:is|are|be)\s+(?:not\s+)?(?:met|achieved|obtained|received|launched|provided))\b/i;
// Words that make what follows a condition of the right ("if", "in the event", "should", "in case").
const STRICT_CONDITION = /\b(?:if|in the event|in case|should|upon the occurrence|on the occurrence|where|whenever|unless(?!\s+(?:sooner\s+|earlier\s+)?terminated)|to the extent)\b(?![^.;]{0,60}?\b(?:wish|wishes|desire|desires|decide|decides|elect|elects|choose|chooses)\b)/i;
const SOFT_CONDITION = /\b(?:provided (?:that|however)|following (?:a|an|any|the)|as a result of|due to|because|based (?:up)?on|in connection with)\b/i;
// A fund's statutory termination by vote of its board or shareholders (Investment Company Act s. 15) is not a
// commercial right to walk away for convenience.
const STATUTORY_VOTE = /\bby (?:a |the )?vote of\b[^.;]{0,60}?\b(?:board|trustees|directors|voting securities|shareholders|stockholders)\b/i;
const MUTUAL = /\bby mutual (?:written )?(?:consent|agreement)\b|\bmutually agree/i;
// What a bare "at any time" right must end to count: the contract or the engagement under it.
const CONTRACT_OBJECT = /\b(?:agreement|contract|engagement|employment|relationship|participation|joint venture|alliance|arrangement|consultation period|services? term)\b/i;
const FOR_CAUSE = /\b(?:for|with) cause\b(?! or\b)/i;
const NEGATED = /\b(?:not|no)\s+(?:be\s+)?(?:entitled|permitted|allowed|right)\s+(?:\w+\s+){0,2}to\s+terminate\b|\b(?:may|shall|will|can)\s+not\s+(?:\w+\s+){0,2}terminat|\bcannot\s+(?:be\s+)?terminat|\b(?:non-?|not\s+(?:be\s+)?)terminable\b/i;
const RENEWAL = /\b(?:non-?renewal|renew\w*|not to (?:renew|extend)|not (?:be )?(?:renewed|extended))\b/i;
// What a right to cancel must cancel to be a termination: the contract itself.
const CANCEL_CONTRACT = /\bcancel\w*\s+(?:this|the)\s+(?:\w+\s+){0,2}(?:agreement|contract)\b/i;
// Clause boundaries inside a sentence: semicolons, and enumerators such as "(ii)" or "(b)".
const BOUNDARY = /;|\(\s*(?:[ivx]{1,4}|[a-z])\s*\)\s/gi;

/** The clause of `text` (between enumerators / semicolons) that holds position `at`. */
function clauseAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(BOUNDARY)) {
    const i = m.index ?? 0;
    if (i <= at) start = i;
    else { end = i; break; }
  }
  return { start, end };
}

/** Does a condition or cause govern the clause (or the enumerated conditions that follow it)? */
function conditional(text: string, start: number, end: number): boolean {
  const clause = text.slice(start, end).replace(/\b(?:so long as |provided )?no (?:event of )?default (?:exists|has occurred)[^.;,]{0,40}/gi, '');
  if (FOR_CAUSE.test(clause) || STRICT_CONDITION.test(clause) || MUTUAL.test(clause) || STATUTORY_VOTE.test(clause)) return true;
  if (/\b(?:receiv\w+|receipt of)\s+(?:written\s+)?notice of\b/i.test(clause)) return true;
  if (/\b(?:breach\w*|default\w*|insolven\w*|bankrupt\w*|fails? to|failure|force majeure)\b/i.test(clause)) return true;
  const soft = SOFT_CONDITION.exec(clause);
  if (soft && CAUSE.test(clause.slice(soft.index, soft.index + 260))) return true;
  // "… may terminate, by notice, at any time (i) if there has been …": the conditions are the next clauses.
  const next = text.slice(end, end + 80);
  return /^\s*(?:;|\(\s*(?:[ivx]{1,4}|[a-z]|\d{1,2})\s*\))\s*(?:if|in the event|upon the occurrence|should)\b/i.test(next) || /^\s*\(\s*(?:i|a|1)\s*\)/i.test(next) && /:\s*$/.test(clause);
}

interface Hit { s: Sentence; explicit: boolean; text: string }
const GRANT_G = new RegExp(GRANT.source, 'gi');

const MARKERS: ReadonlyArray<readonly [RegExp, 'explicit' | 'discretion' | 'notice']> = [
  [FREE_OF_CAUSE, 'explicit'], [DISCRETION, 'discretion'], [NOTICE_PERIOD, 'notice'], [ANY_TIME_NOTICE, 'notice'], [/\bat any time\b/i, 'notice'],
];

function judge(text: string): 'explicit' | 'notice' | null {
  let verdict: 'explicit' | 'notice' | null = null;
  for (const g of text.matchAll(GRANT_G)) {
    const v = judgeGrant(text, g);
    if (v === 'explicit') return v;
    verdict ??= v;
  }
  return verdict;
}

function judgeGrant(text: string, g: RegExpExecArray | RegExpMatchArray): 'explicit' | 'notice' | null {
  const gi = g.index ?? 0;
  const gEnd = gi + g[0].length;
  if (NEGATED.test(text.slice(Math.max(0, gi - 40), gEnd + 60))) return null;
  if (/cancel/i.test(g[0]) && !/terminat|withdraw/i.test(g[0]) && !CANCEL_CONTRACT.test(text)) return null;
  // "If …, then either party may terminate": a condition before the grant, in its clause, governs it.
  const own = clauseAround(text, gi);
  if (STRICT_CONDITION.test(text.slice(own.start, gi)) && !/\b(?:notwithstanding|subject to)\b[^.;]{0,80}$/i.test(text.slice(own.start, gi))) return null;
  const from = Math.max(0, gi - 140);
  const window = text.slice(from, gEnd + 400);
  for (const [re, kind] of MARKERS) {
    const global = new RegExp(re.source, 'gi');
    for (const m of window.matchAll(global)) {
      const at = from + (m.index ?? 0);
      // "upon termination of this Agreement for any reason" describes a termination, it grants none.
      if (kind === 'explicit' && /\b(?:upon|after|following|on|of|survive|in the event of)\s+(?:the\s+|any\s+|such\s+)?(?:expiration or\s+)?(?:early\s+)?termination\b[^.;]{0,60}$/i.test(text.slice(Math.max(0, at - 100), at))) continue;
      const { start, end } = clauseAround(text, at);
      if (start > gEnd + 240) continue; // the grant must govern this clause
      const clause = text.slice(start, end);
      if (kind === 'explicit') {
        const between = at > gi ? text.slice(gEnd, at) : '';
        if (!FOR_CAUSE.test(clause.replace(FREE_OF_CAUSE, '')) && !STRICT_CONDITION.test(between) && !MUTUAL.test(clause) && !STATUTORY_VOTE.test(clause)) return 'explicit';
        continue;
      }
      if (RENEWAL.test(clause)) continue;
      if (/at any time/i.test(m[0]) && !CONTRACT_OBJECT.test(text.slice(Math.max(0, gi - 60), gEnd + 80))) continue;
      if (conditional(text, start, end)) continue;
      return kind === 'discretion' ? 'explicit' : 'notice';
    }
  }
  return null;
}

export const terminationForConvenience: ClauseDetector = {
  id: 'termination-for-convenience',
  title: 'Termination for convenience',
  detect(a: AnalysedDocument) {
    let best: Hit | null = null;
    for (const s of a.sentences) {
      const own = textOf(s);
      if (!/termina|withdraw|cancel|\bnotice\b/i.test(own)) continue;
      let text = own;
      let verdict = /termina|withdraw|cancel/i.test(own) ? judge(own) : null;
      if (!verdict && s.section && /^\(|\)$/.test(s.section.label ?? s.section.number ?? '')) {
        // A list item ("(d) by either party upon sixty (60) days' notice") read with its lead-in.
        const lead = leadIn(a, s);
        const leadText = lead ? textOf(lead).replace(/\b(?:up)?on the occurrence of (?:any (?:one )?of )?the following\b/gi, 'as follows') : '';
        if (lead && /termina|withdraw/i.test(leadText) && !STRICT_CONDITION.test(leadText)) {
          text = `${leadText} ${own}`;
          verdict = judge(text);
          if (verdict && (!(NOTICE_PERIOD.test(own) || ANY_TIME_NOTICE.test(own) || FREE_OF_CAUSE.test(own)) || conditional(own, 0, own.length))) verdict = null;
        }
      }
      if (!verdict) continue;
      if (!best || (verdict === 'explicit' && !best.explicit)) best = { s, explicit: verdict === 'explicit', text };
      if (best.explicit) break;
    }
    if (!best) return missing('termination-for-convenience', { noticeDays: null, party: null });
    const notice = findDurations(best.text).find((d) => d.unit !== 'minute' && d.unit !== 'hour');
    const noticeDays = notice ? Math.round(notice.hours / 24) : null;
    const party = /\b(Customer|Client|Buyer|Purchaser|Licensee|Licensor|Company|Authority|Supplier|Provider|Vendor|Contractor|Consultant|Distributor|Seller)\b[^.;]{0,40}\b(?:may|shall have the right)\b/.exec(best.text)?.[1]
      ?? (/\b(?:either|each|any) party\b|\bby (?:either|any) of the parties\b/i.test(best.text) ? 'either party' : null);
    return result('termination-for-convenience', 'present', best.s, { noticeDays, party });
  },
};
