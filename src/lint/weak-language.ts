import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import { findDurations } from '../analyse/values.js';
import { modality, textOf } from '../detect/util.js';

/**
 * Weak language of supplier duties (catalogue section C): which sentences bind the supplier, and the phrases that
 * make a duty permissive, effort-only, open in time, or left to the supplier's discretion.
 */

const SUPPLIER_SIDE = String.raw`(?:Service Provider|Supplier|Provider|Vendor|Contractor|Sub-?processor|Processor|Business Associate|Consultant|Outsourcer|each party|either party|both parties|the parties|each of the parties|neither party|no party)`;
const OTHER_SIDE = String.raw`(?:Customer|Client|Controller|Company|Covered Entity|Buyer|Purchaser|Licensee|Licensor|Authority|Agency|Bank|End Customers?|Subscriber|User)`;
const VERB = String.raw`(?:shall|will|must|may|should|can|agrees?|undertakes?|uses?|endeavou?rs?|is|are|has|have)`;
// The party that a modal follows within a few words: "The Supplier shall", "Provider will promptly", "the Supplier, at its cost, shall".
const SUBJECT = new RegExp(String.raw`\b(${SUPPLIER_SIDE}|${OTHER_SIDE})(?:['’]s)?,?\s+(?:[\w-]+,?\s+){0,4}?${VERB}\b`, 'gi');
const SUPPLIER_RE = new RegExp(String.raw`^${SUPPLIER_SIDE}$`, 'i');

/**
 * Where the supplier's duty starts when the first party that governs a verb in the sentence is the supplier (or
 * every party): the offset of that party's name; -1 when the sentence binds someone else.
 */
export function supplierDutyAt(text: string): number {
  SUBJECT.lastIndex = 0;
  const m = SUBJECT.exec(text);
  return m !== null && SUPPLIER_RE.test(m[1]!) ? m.index : -1;
}

const NEGATED_SUBJECT = /\b(?:neither party|no party|neither|none of)\b/i;

export interface LanguageHit {
  sentence: Sentence;
  phrase: string;
  /** The duty in the sentence's words, from its party to a few words past the phrase: what the finding quotes. */
  duty: string;
  kind?: string;
}

/** The words from `from` to a few words past `to`, at most about 110 characters (cut from the left). */
function quote(t: string, from: number, to: number): string {
  const tail = /^(?:\s*[^\s,;:.()]+){0,6}/.exec(t.slice(to))?.[0] ?? '';
  let q = `${t.slice(Math.max(0, from), to)}${tail}`.trim();
  if (q.length > 110) q = `…${q.slice(q.length - 109).replace(/^\S*\s/, '')}`;
  return q;
}

const EFFORT = /\b(?:(?:use|using|uses) (?:its |their )?(?:commercially |all )?reasonable (?:efforts?|endeavou?rs?)|(?:commercially |all )?reasonable (?:efforts?|endeavou?rs?)|best efforts?|endeavou?r(?:s|ed)? to|where (?:reasonably )?practicable|to the extent (?:reasonably )?(?:possible|practicable|feasible)|if (?:reasonably )?practicable|aim to|seek to|try to|attempt to)\b/i;
// "should" of the supplier ("The Supplier should encrypt"), not the conditional "Should the Supplier fail to …".
interface Phrase { 0: string; index: number }
const SHOULD = new RegExp(String.raw`\b${SUPPLIER_SIDE}(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(should)\b`, 'i');
// "may" before a duty a customer relies on ("may notify"); "may provide" or "may monitor" usually grants a right.
const MAY_DUTY = /\b(?:may|can)\s+(?:(?:at its option|in its discretion|if it wishes|elect to|choose to),?\s+)?(?:notify|inform|report|assist|cooperate|co-operate|comply|delete|destroy|test|remedy|rectify|restore|encrypt|back up|mitigate)\b/i;
const VAGUE = /\b(?:promptly|without (?:undue )?delay|as soon as (?:reasonably )?(?:practicable|possible|feasible)|in a timely (?:manner|fashion)|on a timely basis|forthwith|expeditiously|within a reasonable (?:time|period)(?: of time)?|in (?:good|due) time)\b/i;
const DISCRETION = /\b(?:in|at) (?:its|their|the (?:Supplier|Provider|Vendor|Contractor|Consultant)['’]s) (?:sole |absolute |sole and absolute |own |unfettered )?discretion\b|\bas (?:it|the (?:Supplier|Provider|Vendor|Contractor|Consultant)) (?:sees? fit|thinks? fit|considers? (?:appropriate|necessary|fit|reasonable)|deems? (?:appropriate|necessary|fit|reasonable)|determines?|may determine|may decide|decides?)\b/i;
// What the discretion bears on: service scope, price, or security (and the data the supplier keeps).
const TOPIC: ReadonlyArray<[string, RegExp]> = [
  ['price', /\b(?:charges?|fees?|prices?|pricing|rates?|tariffs?|costs?|invoic\w*)\b/i],
  ['security', /\b(?:security|secure|safeguards?|controls?|encrypt\w*|data|records?|recordings?|retain|retention|storage|access|backups?|sub-?processors?|sub-?contract\w*|locations?|incidents?)\b/i],
  ['service scope', /\b(?:services?|scope|specifications?|service levels?|deliverables?|functionality|features?|staff\w*|personnel|resources|hours)\b/i],
];

/**
 * Whether the duty that carries the phrase is negated ("No party shall", "Neither party may", "shall not be
 * required to"): read from the party to the end of the phrase, so that a later "shall not be liable" in the same
 * sentence does not cancel an earlier weak duty.
 */
function negated(t: string, from: number, phraseEnd: number): boolean {
  // At most the 400 characters before the phrase: the duty's own words, and a bound on the NLP work.
  const start = Math.max(0, Math.min(from, phraseEnd), phraseEnd - 400);
  const window = t.slice(start, Math.max(phraseEnd, start));
  if (NEGATED_SUBJECT.test(window)) return true;
  return modality(window).negated;
}

/** Supplier duties worded as permission or effort. */
export function weakObligations(a: AnalysedDocument): LanguageHit[] {
  const out: LanguageHit[] = [];
  for (const s of a.sentences) {
    const t = textOf(s);
    const should = SHOULD.exec(t);
    const e = EFFORT.exec(t);
    const effort: Phrase | null = e ? { 0: e[0], index: e.index } : should ? { 0: should[1]!, index: should.index + should[0].length - should[1]!.length } : null;
    const may = effort ? null : MAY_DUTY.exec(t);
    const m: Phrase | null = effort ?? (may ? { 0: may[0], index: may.index } : null);
    if (!m) continue;
    const at = supplierDutyAt(t);
    if (at < 0 || negated(t, at, m.index + m[0].length)) continue;
    // Mitigating harm is an effort duty by nature (HIPAA 164.530(f): "to the extent practicable").
    if (/\bmitigat\w*\b/i.test(t.slice(at, m.index + m[0].length))) continue;
    out.push({ sentence: s, phrase: m[0], duty: quote(t, Math.min(at, m.index), m.index + m[0].length), kind: effort ? 'effort only' : 'permission' });
  }
  return out;
}

/** Time-critical supplier duties bounded only by "promptly", "without undue delay" and the like. */
export function vagueDeadlines(a: AnalysedDocument): LanguageHit[] {
  const out: LanguageHit[] = [];
  for (const s of a.sentences) {
    const t = textOf(s);
    const m = VAGUE.exec(t);
    if (!m) continue;
    const at = supplierDutyAt(t);
    if (at < 0) continue;
    if (findDurations(t).some((d) => d.unit !== 'year')) continue;
    if (negated(t, at, m.index + m[0].length)) continue;
    out.push({ sentence: s, phrase: m[0], duty: quote(t, Math.min(at, m.index), m.index + m[0].length) });
  }
  return out;
}

/** Discretion over scope, price or security given to the supplier. */
export function supplierDiscretion(a: AnalysedDocument): LanguageHit[] {
  const out: LanguageHit[] = [];
  for (const s of a.sentences) {
    const t = textOf(s);
    const m = DISCRETION.exec(t);
    if (!m) continue;
    const namesSupplier = /\b(?:Supplier|Provider|Vendor|Contractor|Consultant)\b/i.test(m[0]);
    const at = supplierDutyAt(t);
    if (!namesSupplier && at < 0) continue;
    if (/\b(?:each|either|both) part(?:y|ies)\b/i.test(t) && !namesSupplier) continue;
    const topic = TOPIC.find(([, re]) => re.test(t));
    if (!topic || negated(t, at < 0 ? 0 : at, m.index + m[0].length)) continue;
    out.push({ sentence: s, phrase: m[0], duty: quote(t, Math.min(at < 0 ? m.index : at, m.index), m.index + m[0].length), kind: topic[0] });
  }
  return out;
}
