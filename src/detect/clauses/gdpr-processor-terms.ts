import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { headingMatches, missing, result } from '../util.js';
import { delegation, DPA_DOCUMENT, type Element, PERSONAL_DATA, scanElements, triggered } from './regulatory.js';

const ID = 'gdpr-processor-terms';
const DATA = String.raw`(?:personal data|personal information|customer data|client data|data)`;
const GAP = 160;

/** The eight elements of GDPR Art. 28(3), each tested on one sentence. */
export const ART_28_3: readonly Element[] = [
  {
    code: 'a', cite: 'Art. 28(3)(a) GDPR', label: 'processing only on documented instructions',
    test: (t) => /\binstruct(?:ion|ions|s|ed)?\b/i.test(t) && /\bprocess\w*\b/i.test(t),
  },
  {
    code: 'b', cite: 'Art. 28(3)(b) GDPR', label: 'personnel bound to confidentiality',
    test: (t) => /\b(?:persons?|personnel|staff|employees|individuals|workforce|agents|representatives)\b[^.;]{0,160}?\b(?:confidential\w*|secrecy)\b|\b(?:confidential\w*|secrecy)\b[^.;]{0,120}?\b(?:persons?|personnel|staff|employees|individuals|workforce)\b/i.test(t)
      && /\b(?:process\w*|personal data|access)\b/i.test(t),
  },
  {
    code: 'c', cite: 'Art. 28(3)(c) GDPR', label: 'security measures under Art. 32',
    test: (t) => /\bArt(?:icle)?\.?\s*32\b|\btechnical and organi[sz]ation(?:al)? (?:security )?measures\b|\b(?:administrative, )?(?:physical|technical)(?:,| and) (?:administrative|technical|physical|organi[sz]ational)\b[^.;]{0,40}?\b(?:safeguards|measures|controls)\b|\bsecurity (?:measures|safeguards|controls|program(?:me)?)\b/i.test(t),
  },
  {
    code: 'd', cite: 'Art. 28(3)(d) GDPR', label: 'sub-processors only with prior authorisation and on the same terms',
    test: (t) => /\bsub-?(?:processors?|processing|contractors?)\b|\bthird part(?:y|ies)\b[^.;]{0,60}?\bprocess/i.test(t)
      && /\b(?:authori[sz]\w*|approv\w*|consent\w*|object\w*|prior written agreement)\b/i.test(t),
  },
  {
    code: 'e', cite: 'Art. 28(3)(e) GDPR', label: 'help with data-subject requests',
    test: (t) => /\bdata subjects?\b|\bindividuals?(?:['’]s?)? (?:rights|requests)\b|\bconsumer requests?\b/i.test(t)
      && /\b(?:requests?|rights|inquiries|enquiries)\b/i.test(t)
      && /\b(?:assist\w*|help|cooperat\w*|co-operat\w*|respond\w*|refer\w*|forward\w*|notify|inform|support)\b/i.test(t),
  },
  {
    code: 'f', cite: 'Art. 28(3)(f) GDPR', label: 'help with security, breach notification and impact assessments (Art. 32–36)',
    test: (t) => /\bArt(?:icles?|s)?\.?\s*32\s*(?:-|–|to)\s*36\b|\b(?:data protection|privacy) impact assessments?\b|\bDPIAs?\b|\bprior consultations?\b/i.test(t),
  },
  {
    code: 'g', cite: 'Art. 28(3)(g) GDPR', label: 'deletion or return of the data at the end',
    test: (t) => new RegExp(String.raw`\b(?:return|delet|destr|eras)\w*\b[^.;]{0,160}?\b${DATA}\b|\b${DATA}\b[^.;]{0,${GAP}}?\b(?:returned|deleted|destroyed|erased)\b`, 'i').test(t)
      && /\b(?:terminat\w*|expir\w*|end of|ends?|after|cessation|completion|then|once|no longer (?:needed|necessary|required)|as long as (?:is )?necessary)\b/i.test(t),
  },
  {
    code: 'h', cite: 'Art. 28(3)(h) GDPR', label: 'information to demonstrate compliance, and audits and inspections',
    test: (t) => /\b(?:audits?|inspections?|inspect)\b/i.test(t)
      && /\b(?:allow|permit|contribute|submit|make available|right|may|entitled|will|shall)\b/i.test(t)
      && !/\baudited (?:financial|accounts)\b/i.test(t),
  },
];

const HEADING = /\b(?:data protection|processing|personal data|privacy|processor)\b/i;
// The supplier processes personal data for the customer: one sentence names both (or the parties' roles are
// controller and processor). A definition ("Personal Data" means …) or a sentence forbidding the data does not.
const PROCESSED = new RegExp(String.raw`^(?=.*${PERSONAL_DATA.source}).*(?:\bprocess(?:es|ing|ed)?\b|\bon behalf of\b|\bhandl\w*\b|\bhost\w*\b|\bstor(?:e|es|ed|ing)\b)`, 'i');
const DEFINITION = /["”]\s*(?:means|has the meaning|will have the meaning|shall have the meaning|includes)\b/i;

/**
 * GDPR processor terms: when the supplier processes personal data for the customer, the contract must bind it
 * to each element of Art. 28(3). Each missing element is reported on its own (values.missingElements: "c,f").
 */
export const gdprProcessorTerms: ClauseDetector = {
  id: ID,
  title: 'GDPR processor terms',
  detect(a: AnalysedDocument) {
    if (!triggered(a, PROCESSED, DEFINITION) && !/\b(?:sub-?)?processors?\b/i.test(a.lowerText)) return result(ID, 'not-applicable', null, {}, ['no-processing-of-personal-data']);
    const scan = scanElements(a, ART_28_3);
    const values = { elementsFound: scan.found.size, missingElements: scan.missing.map((e) => e.code).join(',') };
    const anchor = scan.found.get('a') ?? [...scan.found.values()].sort((x, y) => x.index - y.index).find((s) => headingMatches(s.path, HEADING)) ?? scan.anchor;
    if (scan.missing.length === 0) return result(ID, 'present', anchor, values);
    const delegated = delegation(a, /\b(?:personal data|data protection|process\w*)\b/i, DPA_DOCUMENT);
    if (delegated) return result(ID, 'referenced', delegated, values);
    if (scan.found.size <= 1) return missing(ID, values);
    return result(ID, 'weak', anchor, values, scan.missing.map((e) => `missing-${e.code}`));
  },
};
