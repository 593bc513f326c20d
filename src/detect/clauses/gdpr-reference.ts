import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { missing, result } from '../util.js';
import { delegation, DPA_DOCUMENT, firstMatch, PERSONAL_DATA, triggered } from './regulatory.js';

const ID = 'gdpr-reference';
/** The regulation named: GDPR, UK GDPR, Regulation (EU) 2016/679, or the UK Data Protection Act 2018. */
const GDPR = /\b(?:UK |EU )?GDPR\b|\bGeneral Data Protection Regulation\b|\b(?:Regulation \(EU\) )?2016\/679\b|\bData Protection Act 2018\b/i;
/** Only a generic reference: "all applicable (data protection) laws", "will comply with all laws and regulations". */
const GENERIC = /\b(?:applicable|relevant)\s+(?:data protection|privacy|data privacy)\s+(?:laws?|legislation|regulations?)\b|\bdata protection (?:laws?|legislation)\b|\b(?:all )?applicable laws?\b[^.;]{0,60}?\b(?:data|privacy)\b|\bcompl(?:y|ies|iance) with (?:all )?(?:applicable )?laws?(?: and regulations)?\b/i;
// The sentence that defines the law: "GDPR" means …, "Data Protection Legislation" means ….
const DEFINES_LAW = /\b(?:GDPR|General Data Protection Regulation|Data Protection (?:Legislation|Laws?))["”]?\s+(?:means|has the meaning|includes)\b/i;
const DATA_TOPIC = /\b(?:personal data|personal information|data protection|processing|privacy)\b/i;
const HEADING = /\b(?:data protection|privacy|definitions?|interpretation|personal data)\b/i;

/**
 * GDPR reference: a contract that handles personal data names the GDPR / UK GDPR (directly, or in a defined
 * "Data Protection Legislation" that includes it). Only "applicable laws" is weak; a DPA that carries the data
 * protection terms is a reference to it.
 */
export const gdprReference: ClauseDetector = {
  id: ID,
  title: 'GDPR reference',
  detect(a: AnalysedDocument) {
    if (!triggered(a, PERSONAL_DATA)) return result(ID, 'not-applicable', null, {}, ['no-personal-data']);
    const named = firstMatch(a, (t) => GDPR.test(t) && DEFINES_LAW.test(t)) ?? firstMatch(a, (t) => GDPR.test(t), HEADING);
    if (named) return result(ID, 'present', named, { regulation: (GDPR.exec(named.text)?.[0] ?? 'GDPR').trim() });
    const delegated = delegation(a, DATA_TOPIC, DPA_DOCUMENT);
    if (delegated) return result(ID, 'referenced', delegated);
    const generic = firstMatch(a, (t) => GENERIC.test(t), HEADING);
    if (generic) return result(ID, 'weak', generic, {}, ['only-applicable-laws']);
    return missing(ID);
  },
};
