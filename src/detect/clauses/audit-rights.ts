import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { headingMatches, missing, result } from '../util.js';

const AUDIT = [
  /\b(?:audit|inspect|examine|inspection|examination)\w*\b[^.;]{0,140}?\b(?:books|records|accounts|premises|facilities|systems|controls|operations|procedures|locations|sites|plants?|documentation|data|compliance)\b/i,
  /\b(?:books|records|accounts)\b[^.;]{0,160}?\b(?:audit|inspect|examin)\w*/i,
  /\bright to (?:conduct |carry out |perform |have )?(?:an? )?(?:independent )?(?:audit|inspect)/i,
  /\b(?:may|shall be entitled to|is entitled to)\s+(?:\w+\s+){0,3}(?:audit|inspect)\b/i,
];
const NOT_AUDIT = /\baudited (?:financial|balance|consolidated|annual)|\bfinancial statements\b[^.]{0,60}\baudit|\baudit committee\b|\bauditors?'? (?:report|opinion)\b/i;
const IN_LIEU = /\b(?:SOC ?[123]|SSAE ?1[68]|ISAE ?3402|ISO(?:\/IEC)? ?27001)\b[^.]{0,120}\b(?:in lieu|instead|satisf|sufficient)|\bin lieu of (?:an? )?(?:on-?site )?audit\b/i;
const ONCE_A_YEAR = /\b(?:not more than|no more than|not more frequently than|at most|limited to)\s+once\s+(?:in any|per|a|each|every)\s+(?:calendar\s+|contract\s+)?(?:year|twelve|12)\b|\bonce (?:per|a|each|in any) (?:calendar )?year\b/i;
const FOR_CAUSE = /\b(?:for cause|reasonable suspicion|regulator|regulatory|material breach|fraud|security (?:breach|incident))\b/i;

function weakReasons(s: Sentence, all: readonly Sentence[]): string[] {
  const near = all.filter((x) => x.section === s.section).map((x) => x.text).join(' ');
  const reasons: string[] = [];
  if (IN_LIEU.test(near)) reasons.push('report-in-lieu');
  if (ONCE_A_YEAR.test(near) && !FOR_CAUSE.test(near)) reasons.push('once-a-year');
  const notice = /(\d+|[a-z-]+(?:\s*\(\d+\))?)\s+(?:business\s+|working\s+|calendar\s+)?days'?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice/i.exec(near);
  if (notice) {
    const d = findDurations(notice[0])[0];
    if (d && d.hours > 30 * 24) reasons.push('long-notice');
  }
  return reasons;
}

export const auditRights: ClauseDetector = {
  id: 'audit-rights',
  title: 'Audit rights',
  detect(a: AnalysedDocument) {
    const hits = a.sentences.filter((s) => AUDIT.some((re) => re.test(s.text)) && !NOT_AUDIT.test(s.text));
    const headed = hits.find((s) => headingMatches(s.path, /\baudit|inspection|records\b/i)) ?? hits[0];
    if (!headed) return missing('audit-rights');
    const reasons = weakReasons(headed, a.sentences);
    return result('audit-rights', reasons.length > 0 ? 'weak' : 'present', headed, {}, reasons);
  },
};
