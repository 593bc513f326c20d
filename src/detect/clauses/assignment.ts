import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { missing, result } from '../util.js';

const RESTRICTED = [
  /\b(?:shall|will|may|must|can)\s+not\b[^.;]{0,80}?\b(?:assign|transfer|delegate|sub-?license)\w*\b/i,
  /\b(?:shall|will|may)\s+(?:\w+\s+){0,2}(?:assign|transfer)\w*\b[^.;]{0,200}?\b(?:without|with the|subject to|upon|after)\b[^.;]{0,60}?\b(?:consent|approval|notice|notification)\b/i,
  /\bnot\s+(?:be\s+)?(?:assignable|transferable|assigned|transferred)\b/i,
  /\b(?:no|neither)\s+(?:party|assignment|transfer)\b[^.;]{0,120}?\b(?:assign|transfer)\w*\b/i,
  /\b(?:assign|transfer)\w*\b[^.;]{0,160}?\b(?:without|prior|advance)\s+(?:the\s+)?(?:\w+\s+){0,4}(?:written\s+)?(?:consent|approval|notice)\b/i,
  /\bany (?:purported |attempted )?(?:assignment|transfer)\b[^.;]{0,150}?\b(?:void|null|invalid|of no (?:force|effect))\b/i,
];
const FREE = /\b(?:Supplier|Provider|Vendor|Contractor|Consultant|Licensor|Seller|Company)\b[^.;]{0,60}?\bmay\s+(?:freely\s+)?assign\b[^.;]{0,120}?\bwithout\b[^.;]{0,40}?\b(?:consent|approval)\b|\bfreely assignable\b|\bmay freely assign\b/i;

export const assignment: ClauseDetector = {
  id: 'assignment',
  title: 'Assignment',
  detect(a: AnalysedDocument) {
    const free = a.sentences.find((s) => FREE.test(s.text));
    const restricted = a.sentences.find((s) => RESTRICTED.some((re) => re.test(s.text)) && /\bassign|\btransfer/i.test(s.text));
    if (restricted && !free) return result('assignment', 'present', restricted, { changeOfControl: /\bchange (?:of|in) control\b/i.test(a.lowerText) });
    if (free) return result('assignment', 'weak', free, {}, ['freely-assignable']);
    return missing('assignment');
  },
};
