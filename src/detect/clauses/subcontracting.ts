import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, missing, modality, result, textOf } from '../util.js';

/**
 * Subcontracting: the supplier may subcontract only with the customer's prior written consent, stays liable for
 * its subcontractors, and flows its obligations down. Weak when the supplier may subcontract freely, or when
 * it neither stays liable for its subcontractors nor binds them to its own terms (either keeps the customer protected).
 */

// Subcontracting as an act ("shall not subcontract", "engage a subcontractor"), not a list of who is bound
// ("its employees, contractors and subcontractors"); delegation only outside an assignment clause.
// Subprocessors (a DPA), subagents and subagencies (an agency) and other service providers engaged to perform are
// subcontracting too: "Provider may disclose PHI to a Subcontractor", "may solicit subagencies … subject to [X]'s
// prior written approval", "authorized to enter into agreements with other service providers".
// "sub-contractors", "subcontractors", and "sub- contractors" where a filed text broke the word at its hyphen.
const SUB = String.raw`sub(?:-\s?)?(?:contractors?|processors?|agents?|agency|agencies)`;
// A third party engaged to do part of the work: "may use a third party web host", "engage a third-party manufacturer".
const THIRD_PARTY = String.raw`(?:engag|us|retain|employ|hir)\w*\s+(?:an?|one or more)\s+third[- ]part(?:y|ies)\s+(?:[a-z-]+\s+){0,2}?(?:hosts?|providers?|vendors?|contractors?|processors?|manufacturers?|suppliers?|carriers?)\b`;
// Retained liability stated as a list of whom the party answers for: "responsible for its employees', agents' and
// sub-contractors' compliance", "liable for the acts and omissions of its subcontractors".
const ANSWERS_FOR = String.raw`\b(?:responsible|liable|accountable)\b[^.;]{0,80}?\b${SUB}['’]?`;
const TOPIC = new RegExp(String.raw`\bsub(?:-\s?)?contract(?:s|ed|ing)?\b|\b(?:engag|appoint|us|retain|employ|solicit)\w*\s+(?:of\s+)?(?:any\s+|a\s+|new\s+|third[- ]party\s+)?${SUB}\b|\b(?:disclos|provid|transfer|hand)\w*\b[^.;]{0,60}\bto (?:a|any|the) ${SUB}\b|\bdelegat\w*\b[^.;]{0,40}\b(?:obligations|duties|performance|services)\b|\benter into (?:agreements|contracts|arrangements) with (?:other|third[- ]party) (?:service providers|contractors|vendors|suppliers)\b|\b${THIRD_PARTY}|${ANSWERS_FOR}`, 'i');
const SUB_WORD = new RegExp(String.raw`\b${SUB}\b|\bsub(?:-\s?)?contract\w*\b|\bservice providers\b|\b${THIRD_PARTY}`, 'i');
const HEADING = /\bsub-?(?:contract\w*|processors?|processing|agen\w+)\b/i;
// Consent or approval; "agreement" only as "prior (written) agreement", not the subcontract itself.
const CONSENT = /\b(?:prior |written |express )*(?:consent\w*|approv\w*|authori[sz]ation)\b|\b(?:prior (?:written )?|express )agreement\b/i;
// Consent asked for first: "only with", "only permitted if the client has consented", "subject to", "requires",
// "with the prior", "will obtain the Customer's written approval before subcontracting".
const ASKS_FIRST = /\bonly (?:with|after|upon)\b|\bonly (?:be )?(?:permitted|allowed|possible)\s+(?:if|where|when|with|after|once)\b|\bsubject to\b|\brequires?\b|\bwith the (?:\w+['’]s )?prior\b|\b(?:obtain|seek|secure)\w*\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:prior\s+)?(?:written\s+)?(?:consent|approval|authori[sz]ation)\b/i;
const LIABLE = /\b(?:remain|be|stay)s?\s+(?:at all times\s+)?(?:fully\s+|primarily\s+|solely\s+)?(?:responsible|liable|accountable)\b|\bnot (?:relieve|release)\b|\bas if (?:they|it) were (?:its|the supplier'?s) own\b|\b(?:acts?|actions|omissions|failures?)\b[^.;]{0,80}?\b(?:deemed|considered|treated as)\b[^.;]{0,20}?\b(?:(?:a |its own |the )?breach\w*|(?:the )?acts? (?:or omissions )?of)\b/i;
const FLOW = /\b(?:flow(?:ed)?[- ]down|back[- ]to[- ]back)\b|\b(?:impose|bind|require)\w*\b[^.;]{0,80}\b(?:same|equivalent|no less (?:protective|onerous|stringent)|substantially similar|consistent)\b|\b(?:terms|obligations)\b[^.;]{0,40}\b(?:no less (?:protective|onerous|stringent)|equivalent to|same as)\b|\b(?:subject to|bound by)\s+(?:the\s+)?(?:same|equivalent|substantially similar)\b|\bbound by (?:terms|obligations|provisions)\s+(?:at least\s+)?as (?:restrictive|protective|stringent|onerous)\b|\bwritten (?:contract|agreement)\b[^.;]{0,60}\bsub-?(?:contractor|processor)s?\b|\bsub-?(?:contractors?|processors?|agents?|agency|agencies)\b[^.;]{0,20}\b(?:shall|must|will) comply with (?:all|the)\b/i;

export const subcontracting: ClauseDetector = {
  id: 'subcontracting',
  title: 'Subcontracting',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => {
      const t = textOf(s);
      if (isDefinition(s)) return false;
      const topic = TOPIC.test(t) || (headingMatches(s.path, HEADING) && SUB_WORD.test(t));
      return topic && (SUB_WORD.test(t) || !/\bassign/i.test(t));
    });
    const values = { consent: false, liable: false, flowDown: false };
    if (about.length === 0) return missing('subcontracting', values);
    const restricts = (t: string): boolean => {
      const m = modality(t);
      return CONSENT.test(t) && (m.negated || ASKS_FIRST.test(t));
    };
    // Where the contract speaks of subcontractors, an assignment clause barring delegation of the supplier's
    // obligations without consent ("may not assign, delegate or otherwise transfer … obligations … without the prior
    // written approval") is that consent.
    const restricted = about.find((s) => restricts(textOf(s)))
      ?? a.sentences.find((s) => /\bdelegat\w*\b[^.;]{0,100}\b(?:obligations|duties|performance|services)\b/i.test(textOf(s)) && restricts(textOf(s)));
    const free = about.find((s) => {
      const t = textOf(s);
      const m = modality(t);
      const may = (m.permissive && !m.negated) || /\b(?:is|are) (?:hereby )?authori[sz]ed to\b/i.test(t);
      return may && !CONSENT.test(t) && (SUB_WORD.test(t) || /\bdelegat\w*\b/i.test(t)) && !/\bcustomer may\b/i.test(t);
    });
    values.consent = restricted !== undefined;
    values.liable = about.some((s) => LIABLE.test(textOf(s))) || a.sentences.some((s) => SUB_WORD.test(textOf(s)) && LIABLE.test(textOf(s)));
    values.flowDown = about.some((s) => FLOW.test(textOf(s))) || a.sentences.some((s) => SUB_WORD.test(textOf(s)) && FLOW.test(textOf(s)));
    if (!restricted && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('subcontracting', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    if (!restricted) reasons.push(free ? 'free-to-subcontract' : 'no-consent');
    // Staying liable for the subcontractor's work, or binding it to the same terms, each keeps the customer protected.
    if (!values.liable && !values.flowDown) reasons.push('no-liability-retained', 'no-flow-down');
    const at = restricted ?? free ?? about[0]!;
    return result('subcontracting', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
