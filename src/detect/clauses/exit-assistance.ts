import type { AnalysedDocument } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { isDelegated, missing, modality, result } from '../util.js';

const EXIT = /\b(?:transition|exit|termination|disengagement|migration|handover|hand-over)\s+(?:assistance|services|plan|support|management|period)\b|\bassist\w*\b[^.;]{0,80}\b(?:successor|replacement (?:supplier|provider|vendor)|transition)\b|\borderly (?:transition|transfer|wind)/i;
const POST_TERM = [
  /\b(?:upon|after|following|on|in the event of|at|prior to|before)\s+(?:the\s+)?(?:any\s+)?(?:expiration|termination|expiry|end|cancellation|non-renewal)\b[^.;]{0,250}?\b(?:shall|will|must|agrees? to|may continue to|is entitled to|are entitled to)\b[^.;]{0,120}?\b(?:continue|provide|deliver|sell|purchase|buy|return|transfer|assign|assist|cooperate|co-operate|pay|fulfil|fill|complete|support|perform|supply|honou?r|wind|service|manufacture)\w*/i,
  /\b(?:sell[- ]off|wind[- ]down|last[- ]time buy|run[- ]off|tail) (?:period|rights?|services)\b/i,
  /\b(?:for a period of|during the)\b[^.;]{0,60}?\b(?:after|following)\s+(?:the\s+)?(?:effective date of\s+)?(?:termination|expiration)\b/i,
];

export const exitAssistance: ClauseDetector = {
  id: 'exit-assistance',
  title: 'Exit assistance',
  detect(a: AnalysedDocument) {
    const exit = a.sentences.find((s) => EXIT.test(s.text) && !/\bnot\b[^.]{0,20}\bprovide\b/i.test(s.text));
    if (exit) {
      if (isDelegated(exit.text) && !findDurations(exit.text).length) return result('exit-assistance', 'referenced', exit, { months: null });
      const section = a.sentences.filter((s) => s.section === exit.section).map((s) => s.text).join(' ');
      const period = findDurations(section).find((d) => d.unit === 'month' || d.unit === 'day' || d.unit === 'week' || d.unit === 'year');
      const months = period ? Math.round((period.hours / 730) * 10) / 10 : null;
      const reasons: string[] = [];
      if (months === null) reasons.push('no-period');
      const m = modality(exit.text);
      if (m.effort || (!m.binding && m.permissive)) reasons.push('weak-obligation');
      return result('exit-assistance', reasons.length ? 'weak' : 'present', exit, { months }, reasons);
    }
    const post = a.sentences.find((s) => POST_TERM.some((re) => re.test(s.text)));
    if (post) return result('exit-assistance', 'weak', post, { months: null }, ['post-termination-duties-only']);
    return missing('exit-assistance', { months: null });
  },
};
