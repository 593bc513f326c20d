import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { binds, delegatedElsewhere, isDefinition } from '../operational.js';
import { missing, modality, result, textOf } from '../util.js';

/**
 * Staffing and training: staffing levels, agent qualifications and language skills, training (onboarding and
 * ongoing), background checks, key personnel and supervisor ratios. Present with training and at least two of
 * the other elements as binding duties; weak when staffing is at the supplier's discretion or effort-only, or
 * training is missing.
 */

const ELEMENTS: ReadonlyArray<[string, RegExp]> = [
  ['staffing-levels', /\bstaff(?:ing)? (?:levels?|numbers)\b|\bstaff\b[^.;]{0,40}\b(?:services|channels?)\b|\bsufficient (?:number of )?(?:staff|agents|personnel)\b|\bheadcount\b|\bFTEs?\b|\b(?:supervisor|team leader)[- ]to[- ]agent\b|\bratio\b/i],
  ['qualifications', /\bqualifi\w*\b|\bskill\w*\b|\bfluen\w*\b|\blanguages?\b|\bexperience[d]?\b|\bcompeten\w*\b|\bcertified agents\b/i],
  ['training', /\btrain(?:ed|ing)?\b(?! materials)|\bonboarding\b|\binduction\b|\bcoaching\b/i],
  ['background-checks', /\bbackground (?:checks?|screening)\b|\bvetting\b|\bvetted\b|\bcriminal record\b|\bright-to-work\b|\bidentity\b[^.;]{0,20}\bchecks?\b/i],
  ['key-personnel', /\bkey personnel\b|\baccount (?:director|manager)\b|\bservice delivery manager\b|\bcontract manager\b|\bkey (?:staff|roles)\b/i],
];
const PEOPLE = /\b(?:staff\w*|agents?|personnel|employees|team members?|supervisors?|managers?|workforce)\b/i;
const DISCRETION = /\b(?:as|such (?:number|staff|personnel)[^.;]{0,20}as) (?:the supplier|it) (?:considers?|deems?|sees fit|determines?)\b|\bsole discretion\b|\bat its discretion\b/i;

export const staffingTraining: ClauseDetector = {
  id: 'staffing-training',
  title: 'Staffing and training',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && PEOPLE.test(textOf(s)) && ELEMENTS.some(([, re]) => re.test(textOf(s))));
    const found = new Set<string>();
    const firm = about.filter((s) => binds(textOf(s)) && !modality(textOf(s)).effort && !/\bfor (?:quality and )?training purposes\b/i.test(textOf(s)));
    for (const s of firm) for (const [name, re] of ELEMENTS) if (re.test(textOf(s))) found.add(name);
    const values = { elements: [...found].join(', ') || null };
    if (about.length === 0) return missing('staffing-training', values);
    if (found.size === 0 && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('staffing-training', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    const discretion = about.find((s) => DISCRETION.test(textOf(s)));
    const effort = about.find((s) => modality(textOf(s)).effort && /\bstaff|\bagents?\b|\bpersonnel\b/i.test(textOf(s)));
    if (discretion) reasons.push('supplier-discretion');
    if (effort) reasons.push('effort-only');
    if (!found.has('training')) reasons.push('no-training');
    if (found.size - (found.has('training') ? 1 : 0) < 2) reasons.push('few-staffing-terms');
    const at = discretion ?? effort ?? firm[0] ?? about[0]!;
    return result('staffing-training', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
