import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, missing, modality, result, textOf } from '../util.js';

/**
 * Change control: a written procedure — change requests, an impact assessment (price, timeline, service levels)
 * and written approval before a change takes effect. Weak when changes may be made by email or at the
 * supplier's discretion, when there is no impact assessment, or when only a general "variations in writing"
 * clause exists.
 */

const TOPIC = /\bchange (?:control|requests?|procedure|notes?|orders?|management)\b|\bchanges? to (?:the )?(?:services|scope|statement of work|sow|specification)\b|\brequest (?:a |any )?changes?\b/i;
const HEADING = /\bchange (?:control|management|requests?)\b|\bchanges? to (?:the )?services\b/i;
const IMPACT = /\bimpact\b|\bassess\w*\b|\beffect on\b|\bquot\w*\b|\bestimat\w*\b|\b(?:charges|price|fees|costs?|timetable|timeline|service levels)\b/i;
const WRITTEN = /\b(?:agreed|approved|signed|accepted|authori[sz]ed) in writing\b|\bsigned by (?:both|each of the|the) parties\b|\bsigned by (?:an )?authori[sz]ed\b|\bwritten (?:approval|agreement|consent|change note|authori[sz]ation)\b|\bno change\b[^.;]{0,60}\b(?:until|unless)\b/i;
const VARIATION = /\b(?:no )?(?:variation|amendment|modification)s?\b[^.;]{0,80}\b(?:in writing|signed)\b/i;
const DISCRETION = /\b(?:supplier|provider|vendor)\b[^.;]{0,30}\bmay\b[^.;]{0,40}\b(?:change|modify|vary|alter|amend|update)\w*\b[^.;]{0,40}\b(?:services|scope|specification|features?|product)\b|\bsole discretion\b|\bby e-?mail\b/i;

export const changeControl: ClauseDetector = {
  id: 'change-control',
  title: 'Change control',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && (TOPIC.test(textOf(s)) || headingMatches(s.path, HEADING)));
    const variation = a.sentences.find((s) => VARIATION.test(textOf(s)));
    const discretion = a.sentences.find((s) => DISCRETION.test(textOf(s)) && /\bchang|modif|vary|alter|amend|updat/i.test(textOf(s)) && !modality(textOf(s)).negated && !/\bcharges?\b|\bprices?\b|\bfees\b/i.test(textOf(s)));
    const values = { request: about.length > 0, impactAssessment: false, writtenApproval: false };
    if (about.length === 0) {
      if (discretion) return result('change-control', 'weak', discretion, values, ['supplier-discretion']);
      if (variation) return result('change-control', 'weak', variation, values, ['no-change-procedure']);
      return missing('change-control', values);
    }
    values.impactAssessment = about.some((s) => IMPACT.test(textOf(s)) && /\bassess|impact|effect on|quot|estimat/i.test(textOf(s)));
    values.writtenApproval = about.some((s) => WRITTEN.test(textOf(s))) || variation !== undefined;
    // "in accordance with the Change Control Procedure" when the procedure is not written out here.
    const procedureRef = about.find((s) => /\b(?:in accordance with|under|pursuant to|subject to|through)\s+(?:the\s+)?change control (?:procedure|process)\b/i.test(textOf(s)));
    if (!values.impactAssessment && procedureRef && !about.some((s) => headingMatches(s.path, HEADING))) return result('change-control', 'referenced', procedureRef, values);
    if (!values.impactAssessment && about.some((s) => delegatedElsewhere(a, textOf(s)))) return result('change-control', 'referenced', about.find((s) => delegatedElsewhere(a, textOf(s)))!, values);
    const reasons: string[] = [];
    if (discretion) reasons.push('supplier-discretion');
    if (!values.impactAssessment) reasons.push('no-impact-assessment');
    if (!values.writtenApproval) reasons.push('no-written-approval');
    const at = discretion ?? about.find((s) => WRITTEN.test(textOf(s))) ?? about[0]!;
    return result('change-control', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
