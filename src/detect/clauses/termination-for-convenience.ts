import type { AnalysedDocument } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { missing, result } from '../util.js';

const CONVENIENCE = [
  /\bterminat\w*\b[^.;]{0,160}?\b(?:for (?:its |their )?convenience|without cause|for any reason|for no reason|with or without cause|without (?:any )?(?:reason|liability|penalty)|at (?:its|their) (?:sole )?(?:discretion|option|election))\b/i,
  /\b(?:for convenience|without cause|for any reason(?: or no reason)?|with or without cause)\b[^.;]{0,100}?\bterminat\w*/i,
  /\bmay\s+(?:\w+\s+){0,2}terminat\w*\b[^.;]{0,100}?\b(?:at any time|any time)\b[^.;]{0,120}?\bnotice\b/i,
  /\bmay\s+(?:\w+\s+){0,2}terminat\w*\b[^.;]{0,60}?\b(?:upon|on|by giving|with|after|by providing|by)\s+(?:at least\s+)?(?:\w+\s+)?(?:\(\d+\)\s+)?\d*\s*(?:days|months)['’]?\s*(?:prior\s+|advance\s+)?(?:written\s+)?notice\b/i,
];
const CONDITIONAL = /\b(?:if|in the event|where|should)\b[^.;]{0,80}?\b(?:breach|default|fail|insolven|bankrupt|cease|violat|change of control|force majeure)|\bmaterial breach\b|\bfor cause\b(?! or)/i;

export const terminationForConvenience: ClauseDetector = {
  id: 'termination-for-convenience',
  title: 'Termination for convenience',
  detect(a: AnalysedDocument) {
    const hit = a.sentences.find((s) => CONVENIENCE.some((re) => re.test(s.text)) && (!CONDITIONAL.test(s.text) || /\bwithout cause|for convenience|for any reason|with or without cause\b/i.test(s.text)) && !/\bnot\s+(?:be\s+)?(?:entitled|permitted)\s+to\s+terminate\b/i.test(s.text));
    if (!hit) return missing('termination-for-convenience', { noticeDays: null });
    const notice = findDurations(hit.text)[0];
    const noticeDays = notice ? Math.round(notice.hours / 24) : null;
    const party = /\b(Customer|Client|Buyer|Purchaser|Licensee|Company|Authority)\b[^.;]{0,40}\bmay\b/.exec(hit.text)?.[1] ?? (/\beither party\b/i.test(hit.text) ? 'either party' : null);
    return result('termination-for-convenience', 'present', hit, { noticeDays, party });
  },
};
