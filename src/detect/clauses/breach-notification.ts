import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { isDelegated, leadIn, missing, result } from '../util.js';

const TRIGGER = /\b(?:personal (?:data|information)|confidential information|customer data|protected health information|phi|cardholder data|data subjects?)\b/i;
// A contract that defines a security incident or data breach has data to protect, whatever it calls that data
// ("Dropbox Data"): the clause applies.
const DEFINED_INCIDENT = /^(?:(?:information |data |cyber )?security|data|personal data|privacy) (?:incident|breach)(?:es|s)?$/i;
// "inform", not "information".
const NOTIFY = /\b(?:notify|notifies|notified|notification|notice|inform(?!ation)|report|alert)\w*\b/i;
const INCIDENT = /\b(?:personal data breach|security (?:incident|breach)|data (?:breach|incident)|breach of security|unauthori[sz]ed (?:access|disclosure|use|acquisition|processing)|incident|compromise|breach(?:es)? of (?:unsecured )?(?:phi|protected health information|personal data))\b/i;
const VAGUE = /\b(?:promptly|without (?:undue )?delay|as soon as (?:reasonably )?(?:practicable|possible)|immediately|in a timely manner|timely|forthwith|within a reasonable (?:time|period)|expeditiously)\b/i;

// The notice and the incident in the same breath: "notify … of any Security Incident", "report … unauthorized use".
// Not "remove any proprietary notices" in a list that later forbids "unauthorized access".
const NEAR = new RegExp(`(?:${NOTIFY.source})[^.;]{0,200}?(?:${INCIDENT.source})|(?:${INCIDENT.source})[^.;]{0,200}?(?:${NOTIFY.source})`, 'i');
const NOT_A_NOTICE = /\b(?:proprietary|copyright|trademark|legal) notices?\b/gi;
// The customer's own duties and restrictions ("Customer will not …", "Customer will promptly notify Provider").
const CUSTOMER_DUTY = /^(?:\W*\(?[a-z0-9]{1,4}[.)]\s*)?(?:except [^,]{0,60},\s*)?(?:the\s+)?(?:customer|client)\b[^.;]{0,40}?\b(?:will|shall|must|agrees to)\b/i;
// A Cover Page variable as the deadline: "within the Breach Notification Period".
const VARIABLE_DEADLINE = /\bwithin the ((?:[A-Z][\w-]*\s+){0,4}(?:Period|Deadline|Timeframe|Window))\b/;

function candidates(a: AnalysedDocument): Sentence[] {
  const clean = (x: string): string => x.replace(NOT_A_NOTICE, 'labels');
  return a.sentences.filter((s) => {
    const t = clean(s.text);
    if (/\bforce majeure\b/i.test(t) || CUSTOMER_DUTY.test(t)) return false;
    if (NEAR.test(t)) return true;
    // A list item under its lead-in: "PETER shall notify DAN if it" … "(b) learns of any unauthorized disclosure".
    if (!INCIDENT.test(t)) return false;
    const lead = leadIn(a, s);
    return lead !== null && /\b(?:if|when|where|upon|of|that)(?:\s+it)?\s*$|[:—–-]\s*$/i.test(lead.text.trim()) && NOTIFY.test(lead.text) && !CUSTOMER_DUTY.test(clean(lead.text))
      && NEAR.test(`${clean(lead.text)} ${t}`);
  });
}

export const breachNotification: ClauseDetector = {
  id: 'breach-notification',
  title: 'Breach notification',
  detect(a: AnalysedDocument) {
    if (!TRIGGER.test(a.lowerText) && !a.doc.definitions.some((d) => DEFINED_INCIDENT.test(d.term.trim()))) {
      return result('breach-notification', 'not-applicable', null, { noticeHours: null }, ['no-personal-or-confidential-data']);
    }
    const hits = candidates(a);
    if (hits.length === 0) return missing('breach-notification', { noticeHours: null });
    // The sentence with a time bound wins (a number, or a variable period such as "within the Breach Notification
    // Period"); then one with a vague bound; then any.
    let best: { s: Sentence; hours: number | null; vague: boolean; variable: string | null } | null = null;
    const rankOf = (x: { hours: number | null; vague: boolean; variable: string | null }): number => (x.hours !== null ? 3 : x.variable ? 2 : x.vague ? 1 : 0);
    for (const s of hits) {
      const d = findDurations(s.text).filter((x) => x.unit !== 'year' && x.unit !== 'month');
      const hours = d.length ? Math.min(...d.map((x) => x.hours)) : null;
      const vague = VAGUE.test(s.text);
      const variable = VARIABLE_DEADLINE.exec(s.text)?.[1]?.trim() ?? null;
      const c = { s, hours, vague, variable };
      if (rankOf(c) > (best ? rankOf(best) : -1)) best = c;
    }
    const b = best!;
    // The number of a variable period is where the term is defined, else on a Cover Page that is not this document.
    if (b.hours === null && b.variable) {
      const term = b.variable;
      const def = a.sentences.find((s) => s !== b.s && s.text.includes(term) && /\bmeans\b|\bis\b|:/.test(s.text) && findDurations(s.text).some((x) => x.unit !== 'year' && x.unit !== 'month'));
      if (def) return result('breach-notification', 'present', b.s, { noticeHours: Math.min(...findDurations(def.text).map((x) => x.hours)) });
      return result('breach-notification', 'referenced', b.s, { noticeHours: null }, ['defined-elsewhere']);
    }
    if (b.hours !== null) return result('breach-notification', 'present', b.s, { noticeHours: Math.round(b.hours * 10) / 10 });
    if (isDelegated(b.s.text)) return result('breach-notification', 'referenced', b.s, { noticeHours: null });
    return result('breach-notification', 'weak', b.s, { noticeHours: null }, [b.vague ? 'vague-deadline' : 'no-deadline']);
  },
};
