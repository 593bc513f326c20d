import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { headingMatches, highest, missing, result, textOf } from '../util.js';

const INSURANCE = [
  /\b(?:maintain|carr(?:y|ies|ied)|obtain|procure|keep|purchase|secure|effect|provide|acquire|take out)\w*\b[^.;]{0,160}?\binsur(?:ance|ed)\b/i,
  /\b(?:is|are|be|remain)\s+(?:covered|insured)\s+by\b[^.;]{0,40}\binsurance\b|\bself[- ]insur/i,
  /\binsurance\b[^.;]{0,160}?\b(?:shall|will|must)\s+(?:at all times\s+)?(?:be\s+)?(?:maintain|carr|obtain|provid|nam|includ|cover|remain)/i,
  /\badditional(?:ly)? insureds?\b/i,
  /\bcertificates? of insurance\b/i,
  /\b(?:general|product|products|professional|public|employer'?s?|cyber|errors and omissions|workers'? compensation|commercial)\s+(?:\w+\s+)?(?:liability\s+)?insurance\b/i,
  /\binsurance (?:policy|policies|coverage|cover)\b[^.;]{0,120}?\b(?:in an amount|of not less than|minimum|limits?)\b/i,
];
// Not a requirement: a party that "shall not be required" to insure, shipping "without insurance".
const NOT_REQUIRED = /\b(?:not|no)\b[^.;]{0,20}\b(?:required|obligat\w+)\b[^.;]{0,40}\binsur|\bwithout insurance\b/i;
const TYPES = /\b(?:general|product|professional|public|employer'?s?|cyber|errors and omissions|workers'? compensation|indemnity|property|automobile|umbrella|fidelity|crime)\b/i;
const AMOUNT = /[$£€]\s?\d|\b\d[\d,.]*\s?(?:million|USD|GBP|EUR|dollars)\b|\bmillion\b/i;

export const insurance: ClauseDetector = {
  id: 'insurance',
  title: 'Insurance',
  detect(a: AnalysedDocument) {
    const hits = a.sentences.filter((s) => {
      if (!/insur/i.test(s.text)) return false;
      // "an insurance company", "insurance premiums", "unemployment insurance" name insurance without requiring it.
      const t = textOf(s).replace(/\binsurance (?:compan(?:y|ies)|agenc(?:y|ies)|agents?|brokers?|business|carriers?|premiums?|proceeds|laws?|regulators?|commissioners?|departments?)\b|\b(?:unemployment|social security|national|health|deposit|extra) insurance\b|\bwith no (?:extra )?insurance\b/gi, ' ');
      return INSURANCE.some((re) => re.test(t)) && !NOT_REQUIRED.test(t);
    });
    if (hits.length === 0) return missing('insurance');
    const sectionText = a.sentences.filter((s) => hits.some((h) => h.section === s.section)).map((s) => s.text).join(' ');
    const reasons: string[] = [];
    if (!TYPES.test(sectionText)) reasons.push('no-types');
    if (!AMOUNT.test(sectionText)) reasons.push('no-amounts');
    // The clause a reviewer quotes: a duty to carry insurance under an insurance heading, before a passing mention
    // ("… insured against loss under the Contractor's existing policies", a cap that names insurance proceeds).
    const rank = (s: Sentence): number => (headingMatches(s.path, /\binsur/i) ? 2 : 0) + (INSURANCE[0]!.test(textOf(s)) || INSURANCE[2]!.test(textOf(s)) ? 1 : 0);
    const at = highest(hits, rank)!;
    return result('insurance', reasons.length > 0 ? 'weak' : 'present', at, {}, reasons);
  },
};
