import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { missing, modality, result, textOf } from '../util.js';

/**
 * Technology and integration: who provides, maintains and upgrades each system (telephony, CRM, workforce
 * management, quality monitoring, reporting), the integration and data-exchange specifications (APIs, formats,
 * secure connections), and who pays. Weak when systems are "as the supplier deems appropriate", integration is
 * left to later agreement, or no integration terms are given.
 */

const SYSTEM = /\btelephony\b|\bCRM\b|\bcustomer relationship management\b|\bworkforce management\b|\bWFM\b|\bACD\b|\bIVR\b|\bdiall?ers?\b|\bcontact centre (?:platform|software|technology)\b|\b(?:quality monitoring|call recording|reporting|ticketing|order management) (?:systems?|software|tools?|platforms?)\b|\b(?:IT|computer|telephone|telephony|contact centre|call centre) (?:systems?|platforms?|equipment|infrastructure)\b/i;
const PROVIDE = /\b(?:provide|supply|host|maintain|upgrade|support|procure|operate|license|make available|give\b[^.;]{0,20}\baccess)\w*\b/i;
const INTEGRATE = /\bintegrat\w*\b|\binterfaces?\b|\bAPIs?\b|\bdata (?:exchange|feeds?|transfer)\b|\bconnect\w*\b|\bVPN\b|\bSFTP\b|\bfile formats?\b|\bspecifications?\b/i;
const DISCRETION = /\bas (?:the supplier|it) (?:deems|considers) (?:appropriate|fit|necessary)\b|\bsole discretion\b|\bsees fit\b/i;
const LATER = /\bto be agreed\b|\bagreed (?:between the parties )?(?:later|in due course|from time to time)\b|\bto be determined\b/i;

export const technologyIntegration: ClauseDetector = {
  id: 'technology-integration',
  title: 'Technology and integration',
  detect(a: AnalysedDocument) {
    const about: Sentence[] = a.sentences.filter((s) => {
      const t = textOf(s);
      return !isDefinition(s) && SYSTEM.test(t) && (PROVIDE.test(t) || INTEGRATE.test(t)) && !/\bintellectual property\b|\bsecurity\b|\bbackup\b/i.test(t);
    });
    const values = { provision: false, integration: false };
    if (about.length === 0) return missing('technology-integration', values);
    const provision = about.find((s) => PROVIDE.test(textOf(s)) && modality(textOf(s)).binding && !modality(textOf(s)).negated);
    const integration = about.find((s) => INTEGRATE.test(textOf(s)) && !LATER.test(textOf(s)) && modality(textOf(s)).binding);
    values.provision = provision !== undefined;
    values.integration = integration !== undefined;
    if (!provision && !integration && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('technology-integration', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    const discretion = about.find((s) => DISCRETION.test(textOf(s)));
    const later = about.find((s) => LATER.test(textOf(s)) && INTEGRATE.test(textOf(s)));
    if (discretion) reasons.push('supplier-discretion');
    if (later) reasons.push('integration-to-be-agreed');
    else if (!integration) reasons.push('no-integration-terms');
    if (!provision) reasons.push('no-system-responsibilities');
    const at = discretion ?? later ?? provision ?? about[0]!;
    return result('technology-integration', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
