import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { missing, result } from '../util.js';

const INSURANCE = [
  /\b(?:maintain|carry|obtain|procure|keep|purchase|secure|effect)\w*\b[^.;]{0,160}?\binsurance\b/i,
  /\binsurance\b[^.;]{0,160}?\b(?:shall|will|must)\s+(?:at all times\s+)?(?:be\s+)?(?:maintain|carr|obtain|provid|nam|includ|cover|remain)/i,
  /\badditional(?:ly)? insureds?\b/i,
  /\bcertificates? of insurance\b/i,
  /\b(?:general|product|products|professional|public|employer'?s?|cyber|errors and omissions|workers'? compensation|commercial)\s+(?:\w+\s+)?(?:liability\s+)?insurance\b/i,
  /\binsurance (?:policy|policies|coverage|cover)\b[^.;]{0,120}?\b(?:in an amount|of not less than|minimum|limits?)\b/i,
];
const TYPES = /\b(?:general|product|professional|public|employer'?s?|cyber|errors and omissions|workers'? compensation|indemnity|property|automobile|umbrella|fidelity|crime)\b/i;
const AMOUNT = /[$£€]\s?\d|\b\d[\d,.]*\s?(?:million|USD|GBP|EUR|dollars)\b|\bmillion\b/i;

export const insurance: ClauseDetector = {
  id: 'insurance',
  title: 'Insurance',
  detect(a: AnalysedDocument) {
    const hits = a.sentences.filter((s) => INSURANCE.some((re) => re.test(s.text)) && !/\binsurance (?:company|companies|agency|agent|broker|business)\b(?![^.]*\bmaintain)/i.test(s.text));
    if (hits.length === 0) return missing('insurance');
    const sectionText = a.sentences.filter((s) => hits.some((h) => h.section === s.section)).map((s) => s.text).join(' ');
    const reasons: string[] = [];
    if (!TYPES.test(sectionText)) reasons.push('no-types');
    if (!AMOUNT.test(sectionText)) reasons.push('no-amounts');
    return result('insurance', reasons.length > 0 ? 'weak' : 'present', hits[0]!, {}, reasons);
  },
};
