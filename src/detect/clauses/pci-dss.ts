import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { leadIn, missing, modality, result, textOf } from '../util.js';
import { CARD_DATA, delegation, firstMatch, PAN, RELEASES_DUTY, triggered } from './regulatory.js';

const ID = 'pci-dss';
const PCI = /\bPCI(?:[ -]?DSS)?\b|\bPayment Card Industry(?: Data Security Standards?)?\b/i;
const COMPLY = /\b(?:comply|complies|complying|compliant|compliance|conform\w*|in accordance with|certified|meet)\b/i;
const HAVE_REGARD = /\bhave regard to\b|\b(?:take|taking) (?:into )?account of\b|\bwhere (?:appropriate|applicable|relevant)\b|\bguided by\b/i;
const INDUSTRY = /\bindustry[ -]standard (?:security|measures|practices?)\b|\bgood industry practice\b|\breasonable security\b/i;
// A card that pays the supplier's own fees ("charge the credit card on file for Fees") is not card data it handles.
const OWN_FEES = /^(?!.*\bcardholder\b).*\b(?:fees|invoic\w*|payment methods?|on file|billing|subscription)\b/i;
// PCI DSS named among certifications, the supplier's own or the acceptable ones ("ISO 27001 & ISO 27018 and PCI DSS
// for its payment systems", "Results of one of the following audits/certifications:" ⏎ "PCI DSS"): no sign that the
// supplier handles the customer's card data.
const CERTIFICATIONS = /\bISO(?:\/IEC)? ?\d{4,5}\b|\bSOC ?[123]\b|\bSSAE\b|\bFedRAMP\b|\bHITRUST\b|\bcertifications?\b|\battestations?\b/i;
const CARDS = /\b(?:cardholder data|card data|payment card|account data|PAN)\b/i;

interface Part { code: string; label: string; test: (t: string, s: Sentence) => boolean }

/** The PCI DSS duties a reviewer expects of a supplier that handles card data (PCI DSS v4.0 req. 12.8 / 12.9). */
const PARTS: readonly Part[] = [
  {
    code: 'no-compliance-duty', label: 'no binding duty to comply with PCI DSS',
    test: (t) => {
      if (!PCI.test(t) || !COMPLY.test(t) || HAVE_REGARD.test(t) || RELEASES_DUTY.test(t)) return false;
      const m = modality(t);
      return (m.binding || /\b(?:warrants?|represents?|is and will remain|remains?)\b/i.test(t)) && !m.effort && !m.negated;
    },
  },
  {
    code: 'no-responsibility', label: 'no acknowledgement of responsibility for the security of cardholder data',
    test: (t) => /\bresponsib\w*\b/i.test(t) && CARDS.test(t) && /\bsecurity\b|\bprotect\w*\b|\bsafeguard\w*\b/i.test(t) && !RELEASES_DUTY.test(t),
  },
  {
    code: 'no-evidence', label: 'no yearly evidence of compliance (Attestation of Compliance)',
    test: (t) => /\bAttestation of Compliance\b|\bAOC\b|\bReport on Compliance\b|\bROC\b|\bQSA\b|\bQualified Security Assessor\b/.test(t)
      || (/\b(?:evidence|proof|certificat\w*|confirmation|attest\w*)\b/i.test(t) && PCI.test(t)),
  },
  {
    code: 'no-loss-notice', label: 'no duty to notify loss of PCI DSS compliance',
    test: (t) => /\b(?:notify|inform|notice|tell|advise)\w*\b/i.test(t) && /\b(?:no longer|ceases?|cease to|fails? to|failure|los[se]s?|lapse|non-?complian\w*)\b/i.test(t) && (PCI.test(t) || /\bcomplian\w*\b/i.test(t) && CARDS.test(t)),
  },
];

/**
 * PCI DSS: a supplier that handles card data must be bound to comply with PCI DSS, acknowledge responsibility for
 * the cardholder data it handles, give yearly evidence of compliance, and notify a loss of compliance.
 */
export const pciDss: ClauseDetector = {
  id: ID,
  title: 'PCI DSS',
  detect(a: AnalysedDocument) {
    const notCardData = (t: string, s: Sentence): boolean => OWN_FEES.test(t)
      || (!/\bcardholder\b/i.test(t) && (CERTIFICATIONS.test(t) || CERTIFICATIONS.test(textOf(leadIn(a, s) ?? s))));
    if (!triggered(a, CARD_DATA, notCardData) && !a.sentences.some((s) => PAN.test(s.text))) return result(ID, 'not-applicable', null, {}, ['no-card-data']);
    const found = new Map<string, Sentence>();
    for (const s of a.sentences) {
      const t = textOf(s);
      if (!PCI.test(t) && !CARDS.test(t) && !/\bAOC\b|\bcomplian/i.test(t)) continue;
      for (const p of PARTS) if (!found.has(p.code) && p.test(t, s)) found.set(p.code, s);
    }
    const lacking = PARTS.filter((p) => !found.has(p.code)).map((p) => p.code);
    const values = { pciCompliance: found.has('no-compliance-duty'), missingElements: lacking.join(',') };
    const duty = found.get('no-compliance-duty');
    if (lacking.length === 0) return result(ID, 'present', duty!, values);
    const delegated = delegation(a, /\b(?:PCI|cardholder|card data|payment card)\b/i);
    if (delegated && !duty) return result(ID, 'referenced', delegated, values);
    const named = duty ?? firstMatch(a, (t) => PCI.test(t)) ?? firstMatch(a, (t) => INDUSTRY.test(t) && CARDS.test(t)) ?? [...found.values()][0];
    if (!named) return missing(ID, values);
    const reasons = [...(!duty && INDUSTRY.test(textOf(named)) ? ['industry-standard-only'] : []), ...lacking];
    return result(ID, 'weak', named, values, reasons);
  },
};
