import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { type Duration, findDurations, formatDuration } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { headingMatches, missing, result, textOf } from '../util.js';

/**
 * Audit rights: one party may audit, inspect or examine the other's books, records, premises or operations to
 * check compliance — including a duty to make records available for inspection or to give access to them.
 */
const OBJECTS = String.raw`(?:books|records|accounts|premises|facilit(?:y|ies)|systems|controls|operations|procedures|locations|sites|plants?|documentation|data|compliance|invoices|calculations|royalt\w*|processes|manufactur\w*)`;
const AUDIT = [
  new RegExp(String.raw`\b(?:audit|inspect|examin)\w*\b[^.;]{0,140}?\b${OBJECTS}\b`, 'i'),
  /\b(?:books|records|accounts)\b[^.;]{0,160}?\b(?:audit|inspect|examin|copying)\w*/i,
  /\bright to (?:request |conduct |carry out |perform |have |cause |make )?(?:an? )?(?:independent |annual |periodic )?(?:audit|inspect|examin)/i,
  /\b(?:may|shall be entitled to|is entitled to|will be entitled to)\s+(?:\w+\s+){0,3}(?:audit|inspect)\b/i,
  // Records made available or copied on request; access to books and records.
  /\b(?:books|records|accounts)\b[^.;]{0,160}?\b(?:available|provided?|furnish\w*|copies)\b[^.;]{0,80}?\b(?:upon (?:reasonable )?(?:request|notice|demand)|on (?:reasonable )?(?:request|notice)|during (?:normal |regular |ordinary )?business hours|for (?:inspection|examination|audit|review|copying))\b/i,
  /\b(?:upon|on) (?:reasonable )?(?:written )?(?:request|notice|demand)\b[^.;]{0,60}?\b(?:books|records)\b[^.;]{0,60}?\b(?:provided|available|furnished|delivered)\b/i,
  /\b(?:make|made|provide|furnish)\w*\b[^.;]{0,60}?\b(?:books|records)\b[^.;]{0,80}?\b(?:upon (?:reasonable )?(?:request|notice)|on (?:reasonable )?request|during (?:normal |regular )?business hours)\b/i,
  /\b(?:provide|give|grant|allow|permit)\w*\b[^.;]{0,60}?\b(?:reasonable |full )?access\s+(?:to|during)\b[^.;]{0,120}?\b(?:books|records|premises|facilit(?:y|ies)|sites?)\b/i,
  /\b(?:allow|permit|right|entitled|may)\b[^.;]{0,80}?\bto enter\s+(?:up)?(?:on|into|onto)?\s*(?:the |its |any )?(?:premises|facilit(?:y|ies)|sites?|plants?|offices)\b/i,
  /\b(?:shall|will) be audited by\b|\bindependent (?:certified )?(?:public )?(?:accountant|auditor)s?\b[^.;]{0,120}?\b(?:audit|examin|inspect|review)\w*/i,
];
// Not an audit right: audited accounts, audit committees, marketing approvals, waivers, regulators' own inspections.
const NOT_AUDIT = /\baudited (?:financial|balance|consolidated|annual)|\baudit\w*\b[^.;]{0,60}\bfinancial statements\b|\b(?:not|no)\b[^.;]{0,30}\b(?:allow|permit|provide)\w*\b[^.;]{0,20}\baccess\b|\bfinancial statements\b[^.]{0,60}\baudit|\baudit committee\b|\bauditors?'? (?:report|opinion)\b|\bwaives?\b[^.;]{0,40}\b(?:right to )?(?:inspect|audit)|\b(?:inspect|review|approv)\w*\b[^.;]{0,150}\b(?:advertis\w*|promotional|marketing materials?|artwork|copy|press releases?)\b|\bgovernment(?:al)? (?:authorit\w+|agenc\w+|inspections?)\b|\b(?:upon|on) receipt\b|\bmeans\b[^.;]{0,20}\b(?:any|all)\b[^.;]{0,40}\binformation\b/i;
// Reports or certificates instead of an audit, including an audit right that may "only" be exercised by asking for
// them ("will only exercise its audit rights … by instructing Provider to comply with the reporting … requirements").
const IN_LIEU = /\b(?:SOC ?[123]|SSAE ?1[68]|ISAE ?3402|ISO(?:\/IEC)? ?27001)\b[^.]{0,120}\b(?:in lieu|instead|satisf|sufficient)|\bin lieu of (?:an? )?(?:on-?site )?audit\b|\bonly (?:exercise|use|invoke)\b[^.;]{0,20}\baudit rights?\b[^.;]{0,160}\b(?:by|through)\b[^.;]{0,80}\b(?:report\w*|questionnaires?|certificat\w*|due diligence)\b/i;
// Records made available under an audit heading ("Audit of Books and Records": "Provider will make its books, records,
// and internal policies … available to Company"), however long the list between them.
const RECORDS_AVAILABLE = /\b(?:books|records)\b[^.;]{0,200}?\b(?:available|provided|furnished)\b/i;
const AUDIT_HEADING = /\baudit|\binspection|\bbooks and records\b/i;
// An audit or inspection proper, as against records made available on request.
const INSPECTS = /\b(?:audit|inspect|examin)\w*|\benter\b|\baccess to\b[^.;]{0,60}\b(?:premises|facilit(?:y|ies)|sites?|systems)\b/i;
const ONCE_A_YEAR = /\b(?:not more than|no more than|not more frequently than|at most|limited to)\s+once\s+(?:in any|per|a|each|every)\s+(?:calendar\s+|contract\s+)?(?:year|twelve|12)\b|\bonce (?:per|a|each|every|in any|during any) (?:calendar |contract )?(?:year|(?:twelve|12)(?: \(12\))?[- ]months?(?: period)?)\b/i;
const ONE_A_YEAR = /\b(?:limited to|not more than|no more than|at most|a maximum of)\s+one\s+(?:audit|inspection)s?\s+(?:per|a|each|every|in any)\s+(?:calendar\s+|contract\s+)?(?:year|twelve|12)\b/i;
// An exception to the yearly cap: for cause, a regulator, a breach, signs of non-compliance, "the foregoing limit shall
// not apply where an audit discovered an overcharge".
const FOR_CAUSE = /\b(?:for cause|reasonable suspicion|regulator|regulatory|material breach|fraud|security (?:breach|incident)|non-?compliance|supervisory authority)\b|\blimit\w*\b[^.;]{0,40}\b(?:shall|will|does) not apply\b/i;

// An audit allowed only when the supplier's reports fall short: "in case Provider has not provided sufficient evidence",
// "should the documents … not sufficiently demonstrate compliance", "if the Report is insufficient".
const REPORTS_FIRST = /\b(?:only )?(?:if|where|in case|in the event(?: that)?|should|to the extent)\b[^.;]{0,160}?\b(?:(?:has|have) not (?:been )?provided (?:sufficient|adequate)|(?:do|does|did) not sufficiently|not sufficient(?:ly)?|insufficient|(?:is|are) not (?:sufficient|adequate|enough))\b/i;
// The customer bears the audit's cost, or the supplier may charge for it, with no shift when the audit finds a failing.
const CUSTOMER_COST = /\b(?:customer|client|controller|licensee|buyer)\b[^.;]{0,40}\b(?:shall|will|must)\s+(?:\w+\s+)?(?:bear|pay|reimburse)\b[^.;]{0,60}\b(?:costs?|expenses?|fees?)\b|\bat (?:the )?(?:customer|client|controller|licensee|buyer)['’]?s? (?:own |sole )?(?:cost|expense)s?\b|\bmay charge (?:a |an )?(?:reasonable )?fee\b/i;
// ("… costs of an Audit that is not (a) required by law or (b) in response to a Security Breach": the supplier pays those.)
const COST_SHIFT = /\b(?:material|significant)\b[^.;]{0,30}\b(?:non-?compliance|breach|discrepanc\w*|deficienc\w*|under-?payment|finding)|\b(?:unless|if|in the event(?: that)?|where|should)\b[^.;]{0,80}\b(?:reveals?|shows?|discloses?|identif\w+|finds?|determines?)\b|\b(?:not|unless)\b[^.;]{0,30}\brequired by\b|\bin response to\b[^.;]{0,30}\b(?:breach|incident)\b/i;

/**
 * The whole audit clause around a hit: the highest enclosing section headed for audits ("7 Audits", whose 7.2 grants
 * the right and 7.3 and 7.5 limit it), else the hit's own section.
 */
function clauseSentences(s: Sentence, all: readonly Sentence[]): Sentence[] {
  const part = s.path.find((x) => x.heading !== null && AUDIT_HEADING.test(x.heading)) ?? s.section;
  return all.filter((x) => (part === null ? x.section === null : x.path.includes(part)));
}

const COST = /\bcosts?\b|\bexpenses?\b|\bfees?\b|\bpay\b|\bbear\b|\breimburse/i;

function weakReasons(s: Sentence, all: readonly Sentence[]): string[] {
  const clause = clauseSentences(s, all);
  const near = clause.map((x) => x.text).join(' ');
  const reasons: string[] = [];
  if (IN_LIEU.test(near) || REPORTS_FIRST.test(near)) reasons.push('report-in-lieu');
  if ((ONCE_A_YEAR.test(near) || ONE_A_YEAR.test(near)) && !FOR_CAUSE.test(near)) reasons.push('once-a-year');
  // The customer's cost of an audit is said of the audit ("The Client shall bear all costs incurred by the audit"), and
  // a shift of it is said of the cost: "… the disclosure of which constitutes a material breach" is not one.
  const audits = clause.filter((x) => AUDIT_HEADING.test(x.text) || /\binspect/i.test(x.text));
  if (audits.some((x) => CUSTOMER_COST.test(x.text)) && !clause.some((x) => COST.test(x.text) && COST_SHIFT.test(x.text))) reasons.push('customer-cost');
  return reasons;
}

/** The notice before an audit ("on 45 days' written notice"): the playbook's `maxNoticeDays` judges it. */
function noticeOf(s: Sentence, all: readonly Sentence[]): Duration | null {
  const near = all.filter((x) => x.section === s.section).map((x) => x.text).join(' ');
  const notice = /(\d+|[a-z-]+(?:\s*\(\d+\))?)\s+(?:business\s+|working\s+|calendar\s+)?days['’]?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice/i.exec(near);
  return notice ? (findDurations(notice[0])[0] ?? null) : null;
}

export const auditRights: ClauseDetector = {
  id: 'audit-rights',
  title: 'Audit rights',
  detect(a: AnalysedDocument) {
    const hits = a.sentences.filter((s) => {
      if (!/audit|inspect|examin|review|records|books|access|enter/i.test(s.text)) return false;
      const t = textOf(s);
      return (AUDIT.some((re) => re.test(t)) || (RECORDS_AVAILABLE.test(t) && headingMatches(s.path, AUDIT_HEADING))) && !NOT_AUDIT.test(t);
    });
    // An audit clause first ("Audit of Books and Records"), before records kept for a regulator ("Books and Records to HHS").
    const headed = hits.find((s) => headingMatches(s.path, /\baudit/i)) ?? hits.find((s) => headingMatches(s.path, /\binspection|records\b/i)) ?? hits[0];
    if (!headed) return missing('audit-rights', { noticeDays: null });
    const reasons = weakReasons(headed, a.sentences);
    const notice = noticeOf(headed, a.sentences);
    const values = { noticeDays: notice ? Math.round(notice.hours / 24) : null, notice: notice ? formatDuration(notice) : null };
    // Only books and records made available, nowhere an audit or inspection of premises or systems.
    if (!hits.some((s) => INSPECTS.test(textOf(s).replace(/\b(?:audit|inspection) of books and records\b/gi, '')) && !/^\s*$/.test(s.text))) reasons.push('records-only');
    return result('audit-rights', reasons.length > 0 ? 'weak' : 'present', headed, values, reasons);
  },
};
