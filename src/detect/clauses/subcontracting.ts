import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition, modalityOf } from '../operational.js';
import { missing, result, textOf } from '../util.js';

/**
 * Subcontracting: the supplier may subcontract only with the customer's prior written consent, stays liable for
 * its subcontractors, and flows its obligations down. Weak when the supplier may subcontract freely, or when
 * liability or flow-down is left out.
 */

// Subcontracting as an act ("shall not subcontract", "engage a subcontractor"), not a list of who is bound
// ("its employees, contractors and subcontractors"); delegation only outside an assignment clause.
const TOPIC = /\bsub-?contract(?:s|ed|ing)?\b|\b(?:engag|appoint|us|retain|employ)\w*\s+(?:of\s+)?(?:any\s+|a\s+|third[- ]party\s+)?sub-?contractors?\b|\bdelegat\w*\b[^.;]{0,40}\b(?:obligations|duties|performance|services)\b/i;
const CONSENT = /\b(?:prior |written |express )*(?:consent|approval|authori[sz]ation|agreement)\b/i;
const LIABLE = /\b(?:remain|be|stay)s?\s+(?:fully\s+|primarily\s+|solely\s+)?(?:responsible|liable|accountable)\b|\bnot (?:relieve|release)\b|\bas if (?:they|it) were (?:its|the supplier'?s) own\b/i;
const FLOW = /\b(?:flow(?:ed)?[- ]down|back[- ]to[- ]back)\b|\b(?:impose|bind|require)\w*\b[^.;]{0,80}\b(?:same|equivalent|no less (?:protective|onerous|stringent)|substantially similar|consistent)\b|\b(?:terms|obligations)\b[^.;]{0,40}\b(?:no less (?:protective|onerous|stringent)|equivalent to|same as)\b|\bwritten (?:contract|agreement)\b[^.;]{0,60}\b(?:sub-?contractor)\b/i;

export const subcontracting: ClauseDetector = {
  id: 'subcontracting',
  title: 'Subcontracting',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && TOPIC.test(textOf(s)) && (/\bsub-?contract/i.test(textOf(s)) || !/\bassign/i.test(textOf(s))));
    const values = { consent: false, liable: false, flowDown: false };
    if (about.length === 0) return missing('subcontracting', values);
    const restricted = about.find((s) => {
      const t = textOf(s);
      const m = modalityOf(t);
      return CONSENT.test(t) && (m.negated || /\bonly (?:with|after|upon)\b|\bsubject to\b|\brequires?\b/i.test(t));
    });
    const free = about.find((s) => {
      const t = textOf(s);
      const m = modalityOf(t);
      return m.permissive && !m.negated && !CONSENT.test(t) && /\bsub-?contract\w*\b|\bdelegat\w*\b/i.test(t) && !/\bcustomer may\b/i.test(t);
    });
    values.consent = restricted !== undefined;
    values.liable = about.some((s) => LIABLE.test(textOf(s))) || a.sentences.some((s) => /\bsub-?contractors?\b/i.test(textOf(s)) && LIABLE.test(textOf(s)));
    values.flowDown = about.some((s) => FLOW.test(textOf(s))) || a.sentences.some((s) => /\bsub-?contractors?\b/i.test(textOf(s)) && FLOW.test(textOf(s)));
    if (!restricted && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('subcontracting', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    if (!restricted) reasons.push(free ? 'free-to-subcontract' : 'no-consent');
    if (!values.liable) reasons.push('no-liability-retained');
    if (!values.flowDown) reasons.push('no-flow-down');
    const at = restricted ?? free ?? about[0]!;
    return result('subcontracting', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
