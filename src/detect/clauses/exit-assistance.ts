import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { normaliseNumbers } from '../../analyse/numbers.js';
import { findDurations, formatDuration } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { isDefinition } from '../operational.js';
import { headingMatches, isDelegated, leadIn, missing, modality, result, textOf } from '../util.js';

/**
 * Exit assistance, and the wider family CUAD calls "Post-Termination Services": duties that outlive the
 * contract. A transition / exit / termination-assistance duty is the clause proper (present with a stated
 * period, weak without one or when only "reasonable"); any other post-termination commitment — sell-off and
 * last-buy rights, buy-back of stock, orders still to be filled, continued supply or support, records and
 * insurance kept for years after the end, post-term payments, transfer of licences, filings or property — is
 * reported weak with reason `post-termination-duties-only`.
 *
 * Not counted: covenants that only restrain (non-compete, non-solicitation, confidentiality), survival
 * boilerplate, returning or destroying confidential information, ceasing to use marks, paying sums already due.
 */

// The end of the agreement as a point in time: "upon termination", "following the expiration of the Term", "two (2)
// years thereafter" (not "each year thereafter"). An exit plan or a request can come before the end ("at least 100
// days prior to expiration"); a post-termination duty comes after it (AFTER_END).
const END_EVENT = String.raw`\s+(?:the\s+)?(?:date of\s+|effective date of\s+|time of\s+)?(?:any\s+|such\s+|its\s+)?(?:early\s+)?(?:expiration|termination|expiry|cancellation|non-?renewal|end of the term)\b`;
const END_FORMS = String.raw`\b(?:should|if|when|where|in case)\s+(?:this|the)\s+(?:Agreement|Contract)\s+(?:expire|terminate|end)s?\b|\b(?:after|following|beyond)\s+(?:the\s+)?(?:term|termination|expiration|expiry)\b|\bpost-?termination\b|\b(?:agreement|contract|it)\s+(?:is|are|has been|shall be|expires or is)\s+(?:terminated|cancell?ed)\b|\bnotwithstanding (?:the |any )?(?:expiration or )?termination\b|(?<!\b(?:each|every|per|any|a|the)\s+)\b(?:months?|years?|days?)\s+thereafter\b|\b(?:dissolution|dissolved|wound up|winding[- ]up|liquidation) of (?:the )?(?:joint venture|partnership|company|venture)\b|\b(?:joint venture|partnership|venture) (?:has been |is )?(?:dissolved|wound up|terminated)\b`;
// Not a term that runs to the end: "for a term ending on the expiration date of this Agreement".
// (Bounded: a lookbehind with "\s+" is tried at every position and would scan back over every run of spaces.)
const RUNS_TO = String.raw`(?<!\b(?:ending|expiring|terminating|until|through|continuing|coterminous)\s{1,3})`;
const AT_OR_AFTER = String.raw`upon|after|following|on|at|in the event of|in connection with|from|as of|subsequent to|effective (?:up)?on`;
const endAt = (words: string): RegExp => new RegExp(String.raw`${RUNS_TO}\b(?:${words})${END_EVENT}|${END_FORMS}`, 'i');
const AT_END = endAt(String.raw`${AT_OR_AFTER}|prior to|before`);
const AFTER_END = endAt(AT_OR_AFTER);
// The end of a period inside the contract ("after expiry of the said 6-month period") is not the end of the contract.
const PERIOD_END = /\b(?:expiry|expiration|end|lapse) of (?:the |such |said |that |any |this |each )?(?:[\w-]+ ){0,3}(?:period|notice period|cure period|notice)\b/gi;
// The end of something else: an insurance policy, a contract year, an obligation ("upon termination of MacroGenics'
// obligation to pay royalties"), employment.
const OTHER_END = /\b(?:(?:the\s+)?(?:expir\w*|termination|end|lapse|renewal)(?:\s+or\s+(?:earlier\s+|early\s+)?(?:expir\w*|termination|end))?)\s+of\s+(?:(?:each|such|the|any|that|its|said|every)\s+)*(?:term of (?:(?:each|such|the|any|its)\s+)?)?(?:applicable\s+|relevant\s+|current\s+)?(?:(?:insurance\s+)?polic(?:y|ies)|coverage|certificates?|(?:contract|calendar|fiscal|lease|license|royalty)\s+(?:years?|quarters?|months?|terms?|periods?)|years?|quarters?|months?|employment|[\w'’]+\s+obligations?|obligations?)\b/gi;
const END_HEADING = /\b(?:effects? of|upon|on|after|following|consequences of|rights (?:and obligations )?(?:up)?on|obligations (?:up)?on|procedure on) (?:expiration or )?(?:termination|expiration|expiry)\b|\bpost-?termination\b|\b(?:termination|transition|exit) (?:assistance|plan|management)\b|\btransition[- ]out\b|\bwind[- ]?down\b|\bsell[- ]?off\b|\bdisengagement\b/i;

// A real exit / transition assistance duty.
// ("any post-termination period for which indemnification obligations continue" is a time, not an exit duty.)
const EXIT = /\b(?<!post-)(?<!post )(?:transition|exit|termination|disengagement|migration|handover|hand-over|wind[- ]?down|run[- ]?off|phase[- ]?out|deconversion)\s+(?:assistance|services|plan|support|management|period|activities|obligations)\b|\bassist\w*\b[^.;]{0,80}\b(?:successor|replacement (?:supplier|provider|vendor|operator)|transition)\b|\borderly (?:transition|transfer|assumption|wind)|\bco-?operat\w*\b[^.;]{0,80}\btransition\b|\b(?:successor|replacement) (?:operator|provider|supplier|vendor|contractor)\b|\bphase[- ]?out of\b/i;
// The words that make something a duty (or a right another party can rely on).
const DUTY = /\b(?:shall|will|must|may|agrees? to|undertakes? to|is required to|are required to|at (?:the )?option of|has the right|have the right|is entitled|are entitled|option to)\b/i;

// Post-termination commitments other than exit assistance.
const POST_DUTIES: readonly RegExp[] = [
  /\b(?:sell[- ]?off|last[- ]?time buy|run[- ]?off)\b|\b(?:dispose|sell|exhaust|liquidate|deplete|distribute)\w*\b[^.;]{0,120}?\b(?:inventor(?:y|ies)|stocks?|products? (?:then )?on hand|remaining products?)\b|\binventory returns?\b/i,
  /\b(?:orders?|purchase orders?|statements? of work|work orders?|projects?)\b[^.;]{0,120}?\b(?:fill|fulfil|honou?r|complete|deliver|perform)\w*/i,
  /\b(?:right|option|may|shall|agrees? to|elect)\b[^.;]{0,60}?\b(?:purchase|buy|repurchase|re-?purchase|acquire|buy back)\b/i,
  /\bcontinue\w*\b[^.;]{0,40}?\b(?:provid|supply|sell|support|servic|maintain|perform|to have|to use|use|pay|make available|host|manufactur|distribut|exploit|advertis)\w*/i,
  /\b(?:shall|will|must|agrees? to)\b[^.;]{0,40}?\b(?:provide|supply|furnish|make available|render|assist|co-?operate)\w*/i,
  /\b(?:books|records|accounts)\b[^.;]{0,100}?\b(?:maintain|keep|retain|preserve|available|audit|inspect)\w*|\b(?:maintain|keep|retain|preserve)\w*\b[^.;]{0,60}?\b(?:books|records|accounts)\b/i,
  /\b(?:maintain|keep|carry)\w*\b[^.;]{0,80}?\binsurance\b|\binsurance\b[^.;]{0,80}?\b(?:maintain|in force|in effect)\b/i,
  /\btermination (?:fee|payment)s?\b|\b(?:royalt\w*|commissions?)\b[^.;]{0,120}\b(?:sales?|sold|pay\w*)\b|\b(?:shall|will|must|agrees? to)\s+(?:\w+\s+){0,3}(?:pay|reimburse|refund)\w*\b[^.;]{0,80}?\b(?:for|all|any|the)\b[^.;]{0,40}\b(?:inventory|products?|services rendered|costs|expenses|work|materials|commitments)\b/i,
  /\b(?:assign|transfer|convey|deliver)\w*\b[^.;]{0,100}?\b(?:title|rights?|interests?|licen[cs]es?|filings?|approvals?|authori[sz]ations?|registrations?|data|work product|materials?|property|equipment|inventory|documents?|know-how|polic(?:y|ies)|contracts?|agreements?|portfolio|accounts|customers?)\b/i,
  /\bcancel\w*\b[^.;]{0,60}?\b(?:assumed names?|registrations?|listings?|directory)\b|\btelephone (?:company|numbers?|listings?)\b/i,
  /\blicen[cs]es?\b[^.;]{0,80}?\b(?:shall |will )?(?:continue|perpetual|surviv)\w*|\bright to (?:continue|use|exploit)\b|\b(?:options?|warrants?|rights?)\b[^.;]{0,80}?\b(?:shall|will) (?:remain |be |continue to be )?exercisable\b/i,
  // The other party's goods or materials go back to it: "the remaining stock shall be immediately returned to Acme".
  /\b(?:shall|will|must) be (?:immediately |promptly |forthwith )?returned to\b/i,
  /\b(?:enter|access)\b[^.;]{0,60}?\b(?:premises|site|facilit\w+|theatres?|locations?)\b[^.;]{0,80}?\b(?:remove|retrieve|recover|repossess)\w*|\b(?:remove|retrieve|recover|repossess)\w*\b[^.;]{0,40}?\b(?:its |their |the )?(?:equipment|property|signage|materials)\b/i,
];
// For a stated period after the end ("for twenty-four (24) months following termination, Licensee shall …").
const PERIOD_AFTER = /\b(?:for|during)\s+(?:a period of\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:\(\s*\d+\s*\)\s*)?(?:days?|months?|years?)\b[^.;]{0,30}?\b(?:after|following|from)\s+(?:the\s+)?(?:date of\s+|effective date of\s+)?(?:any\s+|such\s+)?(?:termination|expiration|expiry)|\b(?:and|or) for (?:a period of )?[^.;]{0,30}?\b(?:months?|years?)\b\s+(?:thereafter|after)\b/i;

// What does not count as a post-termination service.
const RESTRAINT = /\b(?:compet\w*|solicit\w*|confidential\w*|disclos\w*|non-?disclosure|hire|employees?|disparag\w*|non-?circumvent|proprietary information|trade secrets?|publicity|press releases?|(?:public )?announcements?)\b/i;
const BOILERPLATE = new RegExp(String.raw`\bshall survive\b|\bsurviv\w+ (?:the |any )?(?:expiration|termination)\b|\b(?:all|any) (?:sums|monies|moneys|amounts|payments|fees|charges)\b[^.;]{0,30}\b(?:then |previously )?(?:due|owed|owing|accrued)\b|\bcease\w*\b[^.;]{0,30}\b(?:use|using|display)\b|\b(?:use|right|licen[cs]es?)\b[^.;]{0,80}\b(?:shall|will) (?:immediately |automatically )?(?:cease|terminate|end|revert)\b|\bshall not relieve\b|\baccrued\b|\bno further (?:force|obligation)\b|\bshall not (?:be required|have any obligation)\b|\b(?:paid|payments?|compensat\w*|fees?|expenses|rendered)\b[^.;]{0,80}\b(?:prior|up) to (?:and including )?the (?:effective )?date of (?:such )?termination\b|\brendered (?:up )?(?:to|through|prior)\b|\b(?:incurred|accrued|earned|performed)\b[^.;]{0,40}\b(?:prior|up) to (?:the (?:effective )?date of )?(?:such )?termination\b`
  // The term itself ("will continue until the Agreement expires or is terminated") and rights that end ("Customer will no
  // longer have any right to use the Product") are not duties after the end.
  + String.raw`|\buntil\s+(?:the\s+)?(?:this\s+)?(?:Agreement|DPA|BAA|contract|Term|Order Form)\b[^.;]{0,20}?\b(?:expires|is terminated|terminates|ends)\b|\buntil (?:the )?(?:expiration|termination|expiry) of (?:this|the) (?:Agreement|DPA|BAA|contract|Term)\b|\bno longer (?:have|has|be entitled)\b`, 'i');
const RESTRAINT_HEADING = /\bconfidential\w*|\bnon-?compet\w*|\bnon-?solicit\w*|\bnon-?disclosure\b|\bcovenants? not to compete\b/i;
const NEGATIVE_DUTY = /\b(?:shall|will|may|must)\s+not\b|\bagrees? not to\b|\bneither party\b|\bno party\b|\bat no time\b/i;

interface Candidate { s: Sentence; text: string; exit: boolean }

function endContext(a: AnalysedDocument, s: Sentence, after = false): string | null {
  const own = textOf(s);
  const atEnd = (t: string): boolean => (after ? AFTER_END : AT_END).test(t.replace(PERIOD_END, '').replace(OTHER_END, ''));
  if (atEnd(own) || headingMatches(s.path, END_HEADING)) return own;
  const lead = leadIn(a, s);
  if (lead && atEnd(textOf(lead))) return `${textOf(lead)} ${own}`;
  return null;
}

// Work still to be finished after the end: "to complete any transactions which are pending at termination".
const PENDING = /\b(?:complet|fulfil|fill|honou?r|perform|finish)\w*\b[^.;]{0,40}?\b(?:pending|outstanding|open|existing|accepted|unfinished|in-?progress)\b[^.;]{0,30}?\b(?:orders?|transactions?|projects?|work|statements? of work)\b|\b(?:complet|fulfil|fill|honou?r|finish)\w*\b[^.;]{0,40}?\b(?:orders?|transactions?|projects?|statements? of work)\b[^.;]{0,30}?\b(?:pending|outstanding|open|unfinished|in progress)\b/i;

function candidate(a: AnalysedDocument, s: Sentence): Candidate | null {
  const own = textOf(s);
  if (isDefinition(s) || RESTRAINT.test(own) || (BOILERPLATE.test(own) && !PENDING.test(own))) return null;
  const explicitExit = /\b(?:transition|exit|termination|disengagement)\s+assistance\b|\bassist\w*\b[^.;]{0,80}\b(?:successor|replacement (?:supplier|provider|vendor|operator))\b/i.test(own);
  const context = endContext(a, s);
  if (EXIT.test(own) && DUTY.test(own) && (explicitExit || context !== null) && !/\bnot\b[^.]{0,20}\bprovide\b/i.test(own)) {
    return { s, text: own, exit: true };
  }
  // Other duties only after the end, and not in a confidentiality or non-compete clause ("remain bound by the
  // provisions of this Paragraph 31 … for five (5) years following termination" under "Confidentiality").
  if (context === null || NEGATIVE_DUTY.test(own) || headingMatches(s.path.slice(-2), RESTRAINT_HEADING)) return null;
  const after = endContext(a, s, true);
  if (after === null) return null;
  if (!DUTY.test(after) && !PERIOD_AFTER.test(after)) return null;
  if (POST_DUTIES.some((re) => re.test(own)) || PERIOD_AFTER.test(own) || PENDING.test(own)) return { s, text: own, exit: false };
  return null;
}

export const exitAssistance: ClauseDetector = {
  id: 'exit-assistance',
  title: 'Exit assistance',
  detect(a: AnalysedDocument) {
    let post: Candidate | null = null;
    for (const s of a.sentences) {
      const listItem = /[:—–-]\s*$/.test(a.sentences[s.index - 1]?.text ?? '');
      if (!listItem && !/terminat|expir|transition|exit|successor|thereafter|wind|sell|inventor|phase|after the term|end of the term/i.test(s.text) && !headingMatches(s.path, END_HEADING)) continue;
      const c = candidate(a, s);
      if (!c) continue;
      if (c.exit) {
        const exit = c.s;
        if (isDelegated(exit.text) && !findDurations(exit.text).length) return result('exit-assistance', 'referenced', exit, { months: null });
        const section = a.sentences.filter((x) => x.section === exit.section).map((x) => x.text).join(' ');
        // The period of assistance ("for up to six (6) months", "a period of 12 months"), before any other duration
        // of the section (a notice "within 30 days").
        const spans = findDurations(section).filter((d) => d.unit === 'month' || d.unit === 'day' || d.unit === 'week' || d.unit === 'year');
        const norm = normaliseNumbers(section);
        const period = spans.find((d) => /\b(?:for|period of|up to|during|lasting|not less than|at least|minimum of)\s+(?:a\s+)?(?:period\s+of\s+)?(?:up\s+to\s+|at\s+least\s+|not\s+less\s+than\s+)?$/i.test(norm.slice(Math.max(0, d.index - 40), d.index))) ?? spans[0];
        // 180 days read as 6 months, not 5.9.
        const months = period ? Math.round((period.unit === 'month' ? period.value : period.unit === 'year' ? period.value * 12 : period.hours / 720) * 10) / 10 : null;
        const reasons: string[] = [];
        if (months === null) reasons.push('no-period');
        const m = modality(exit.text);
        if (m.effort || (!m.binding && m.permissive)) reasons.push('weak-obligation');
        return result('exit-assistance', reasons.length ? 'weak' : 'present', exit, { months, period: period ? formatDuration(period) : null }, reasons);
      }
      post ??= c;
    }
    if (post) return result('exit-assistance', 'weak', post.s, { months: null }, ['post-termination-duties-only']);
    return missing('exit-assistance', { months: null });
  },
};
