import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { isDelegated, missing, result } from '../util.js';

const TRIGGER = /\b(?:personal (?:data|information)|confidential information|customer data|protected health information|phi|cardholder data|data subjects?)\b/i;
const NOTIFY = /\b(?:notify|notifies|notified|notification|notice|inform|report|alert)\w*\b/i;
const INCIDENT = /\b(?:personal data breach|security (?:incident|breach)|data (?:breach|incident)|breach of security|unauthori[sz]ed (?:access|disclosure|use|acquisition|processing)|incident|compromise|breach of (?:unsecured )?(?:phi|protected health information|personal data))\b/i;
const VAGUE = /\b(?:promptly|without (?:undue )?delay|as soon as (?:reasonably )?(?:practicable|possible)|immediately|in a timely manner|timely|forthwith|within a reasonable (?:time|period)|expeditiously)\b/i;

function candidates(a: AnalysedDocument): Sentence[] {
  return a.sentences.filter((s) => NOTIFY.test(s.text) && INCIDENT.test(s.text) && !/\bforce majeure\b/i.test(s.text));
}

export const breachNotification: ClauseDetector = {
  id: 'breach-notification',
  title: 'Breach notification',
  detect(a: AnalysedDocument) {
    if (!TRIGGER.test(a.lowerText)) return result('breach-notification', 'not-applicable', null, { noticeHours: null }, ['no-personal-or-confidential-data']);
    const hits = candidates(a);
    if (hits.length === 0) return missing('breach-notification', { noticeHours: null });
    // The sentence with a time bound wins; then one with a vague bound; then any.
    let best: { s: Sentence; hours: number | null; vague: boolean } | null = null;
    for (const s of hits) {
      const d = findDurations(s.text).filter((x) => x.unit !== 'year' && x.unit !== 'month');
      const hours = d.length ? Math.min(...d.map((x) => x.hours)) : null;
      const vague = VAGUE.test(s.text);
      const rank = hours !== null ? 2 : vague ? 1 : 0;
      const bestRank = best ? (best.hours !== null ? 2 : best.vague ? 1 : 0) : -1;
      if (rank > bestRank) best = { s, hours, vague };
    }
    const b = best!;
    if (b.hours !== null) return result('breach-notification', 'present', b.s, { noticeHours: Math.round(b.hours * 10) / 10 });
    if (isDelegated(b.s.text)) return result('breach-notification', 'referenced', b.s, { noticeHours: null });
    return result('breach-notification', 'weak', b.s, { noticeHours: null }, [b.vague ? 'vague-deadline' : 'no-deadline']);
  },
};
