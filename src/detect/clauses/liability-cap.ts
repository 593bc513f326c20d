import type { AnalysedDocument } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { missing, result } from '../util.js';

const CAP = [
  /\b(?:aggregate|total|cumulative|maximum|entire|collective)\s+(?:\w+\s+){0,4}liabilit(?:y|ies)\b[^.]{0,250}?\b(?:exceed|limited to|in excess of|greater than|more than|not to exceed|capped)\b/i,
  /\bliabilit(?:y|ies)\b[^.]{0,200}?\b(?:shall|will|is|are)\s+(?:be\s+)?(?:limited|capped|restricted)\s+to\b/i,
  /\bin no event\b[^.]{0,250}?\bliab\w*\b[^.]{0,250}?\b(?:exceed|in excess of|greater than|more than)\b/i,
  /\bliab\w*\b[^.]{0,200}?\b(?:shall|will|may)\s+not\s+(?:in the aggregate\s+)?exceed\b/i,
  /\b(?:limitation|limit) (?:of|on) liability\b[^.]{0,40}?\b(?:shall|will)\b/i,
  /\b(?:no|any)\s+(?:action|claim|suit|proceeding)s?\b[^.]{0,160}?\b(?:may|shall|must|can)\s+(?:be\s+)?(?:brought|commenced|instituted|filed|asserted)\b[^.]{0,120}?\b(?:more than|after|later than|within)\b/i,
];
const CARVE_OUT = /\b(?:except|exclud|exception|shall not apply|does not apply|will not apply|not limit)\w*\b[^.]{0,250}\b(?:confidential|indemnif|gross negligence|wil?ful|fraud|data protection|personal data|death|personal injury|infringement)\b/i;

export const liabilityCap: ClauseDetector = {
  id: 'liability-cap',
  title: 'Limitation of liability',
  detect(a: AnalysedDocument) {
    const hit = a.sentences.find((s) => CAP.some((re) => re.test(s.text)));
    if (!hit) return missing('liability-cap');
    const sectionText = a.sentences.filter((s) => s.path[0] === hit.path[0] && hit.path[0] !== undefined).map((s) => s.text).join(' ') || hit.text;
    const months = findDurations(hit.text).find((d) => d.unit === 'month' || d.unit === 'year');
    const amount = /(?:[$£€]\s?\d[\d,.]*(?:\s?(?:million|m|k))?|\b\d[\d,.]*\s?(?:USD|GBP|EUR|dollars|pounds))/i.exec(hit.text);
    const values = {
      cap: amount ? amount[0] : /\bfees?\b|\bcharges\b|\bamounts? (?:paid|payable)\b/i.test(hit.text) ? 'fees' : null,
      capMonths: months ? (months.unit === 'year' ? months.value * 12 : months.value) : null,
    };
    const reasons = CARVE_OUT.test(sectionText) ? [] : ['no-carve-outs'];
    return result('liability-cap', reasons.length > 0 ? 'weak' : 'present', hit, values, reasons);
  },
};
