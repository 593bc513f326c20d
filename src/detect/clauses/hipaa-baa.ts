import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { headingMatches, missing, result } from '../util.js';
import { BAA_DOCUMENT, delegation, type Element, HEALTH_DATA, PATIENT_DATA, scanElements, triggered } from './regulatory.js';

const ID = 'hipaa-baa';
const PHI = String.raw`(?:PHI|ePHI|protected health information|health information|designated record sets?|records?)`;

/** HIPAA named, and the business associate terms of 45 CFR 164.504(e)(2), each tested on one sentence. */
export const BAA_ELEMENTS: readonly Element[] = [
  {
    code: 'hipaa', cite: '45 CFR Parts 160 and 164', label: 'HIPAA named as the law the terms implement',
    test: (t) => /\bHIPAA\b|\bHealth Insurance Portability and Accountability Act\b|\b45 C ?F ?R\b|\bHITECH\b/i.test(t),
  },
  {
    code: 'uses', cite: '45 CFR 164.504(e)(2)(i)–(ii)(A)', label: 'permitted uses and disclosures, and no others',
    test: (t) => /\b(?:permitted|required|authori[sz]ed) uses? (?:and|or) disclosures?\b/i.test(t)
      || (new RegExp(String.raw`\b(?:use|disclose)s?(?: (?:and|or) (?:use|disclose)s?)?\b[^.;]{0,40}?\b${PHI}\b`, 'i').test(t) && /\b(?:only|solely|other than|except)\b/i.test(t)),
  },
  {
    code: 'safeguards', cite: '45 CFR 164.504(e)(2)(ii)(B)', label: 'safeguards under the Security Rule',
    test: (t) => /\bsafeguards?\b|\bSecurity Rule\b|\bSubpart C of (?:45 CFR )?Part 164\b|\b164\.3\d\d\b/i.test(t) && /\b(?:implement|use|maintain|comply|appropriate)\w*\b/i.test(t),
  },
  {
    code: 'reporting', cite: '45 CFR 164.504(e)(2)(ii)(C)', label: 'reporting of uses or disclosures not permitted, security incidents and breaches of unsecured PHI',
    test: (t) => /\b(?:report|notify|notice)\w*\b/i.test(t) && /\b(?:use or disclosure|disclosures?|breach\w*|security incidents?)\b/i.test(t) && new RegExp(String.raw`\b${PHI}\b|\bnot (?:permitted|provided for)\b|\bunsecured\b`, 'i').test(t),
  },
  {
    code: 'subcontractors', cite: '45 CFR 164.504(e)(2)(ii)(D)', label: 'subcontractors bound by the same restrictions and conditions',
    test: (t) => /\bsub-?contractors?\b|\bagents?\b/i.test(t) && /\b(?:same|equivalent|no less|substantially similar|agree\w*|written agreement|restrictions)\b/i.test(t) && new RegExp(String.raw`\b${PHI}\b`, 'i').test(t),
  },
  {
    code: 'access', cite: '45 CFR 164.504(e)(2)(ii)(E)', label: 'access for individuals under 164.524',
    test: (t) => /\b164\.524\b/.test(t) || new RegExp(String.raw`\baccess\b[^.;]{0,80}?\b${PHI}\b|\b${PHI}\b[^.;]{0,80}?\baccess\b|\bindividuals?['’]?s? (?:rights|requests)\b`, 'i').test(t) && /\b(?:individual|designated record set|164\.524|request|rights)\w*\b/i.test(t),
  },
  {
    code: 'amendment', cite: '45 CFR 164.504(e)(2)(ii)(F)', label: 'amendment of PHI under 164.526',
    test: (t) => /\b164\.526\b/.test(t) || new RegExp(String.raw`\bamend\w*\b[^.;]{0,80}?\b${PHI}\b|\b${PHI}\b[^.;]{0,80}?\bamend\w*`, 'i').test(t) || /\bindividuals?['’]?s? (?:rights|requests)\b/i.test(t),
  },
  {
    code: 'accounting', cite: '45 CFR 164.504(e)(2)(ii)(G)', label: 'an accounting of disclosures under 164.528',
    test: (t) => /\b164\.528\b|\baccounting of (?:the )?disclosures?\b|\baccounting\b[^.;]{0,60}?\bdisclosures?\b|\bindividuals?['’]?s? (?:rights|requests)\b/i.test(t),
  },
  {
    code: 'hhs', cite: '45 CFR 164.504(e)(2)(ii)(I)', label: 'books and records available to the Secretary of HHS',
    test: (t) => /\b(?:books|records|internal practices|policies)\b/i.test(t) && /\bSecretary\b|\bHHS\b|\bHealth and Human Services\b/.test(t),
  },
  {
    code: 'return', cite: '45 CFR 164.504(e)(2)(ii)(J)', label: 'return or destruction of PHI at termination',
    test: (t) => new RegExp(String.raw`\b(?:return|destroy|destruction|delet)\w*\b[^.;]{0,160}?\b${PHI}\b|\b${PHI}\b[^.;]{0,120}?\b(?:returned|destroyed|deleted)\b`, 'i').test(t) && /\b(?:terminat\w*|expir\w*|end of|after)\b/i.test(t),
  },
  {
    code: 'termination', cite: '45 CFR 164.504(e)(2)(iii)', label: 'termination if the business associate violates a material term',
    test: (t) => /\bterminat\w*\b/i.test(t) && /\b(?:violat\w*|material breach|breach\w* (?:of )?(?:a )?material|fails? to cure|pattern of activity)\b/i.test(t),
  },
];

const HEADING = /\b(?:business associate|hipaa|phi|health|privacy)\b/i;

/**
 * HIPAA business associate terms: when the contract covers health data, HIPAA must be named and each element of
 * 45 CFR 164.504(e)(2) present. Each missing element is reported on its own (values.missingElements).
 */
export const hipaaBaa: ClauseDetector = {
  id: ID,
  title: 'HIPAA business associate terms',
  detect(a: AnalysedDocument) {
    if (!triggered(a, HEALTH_DATA) && !triggered(a, PATIENT_DATA)) return result(ID, 'not-applicable', null, {}, ['no-health-data']);
    const scan = scanElements(a, BAA_ELEMENTS);
    const values = { elementsFound: scan.found.size, missingElements: scan.missing.map((e) => e.code).join(',') };
    const anchor = scan.found.get('uses') ?? [...scan.found.values()].sort((x, y) => x.index - y.index).find((s) => headingMatches(s.path, HEADING)) ?? scan.anchor;
    if (scan.missing.length === 0) return result(ID, 'present', anchor, values);
    const delegated = delegation(a, /\b(?:PHI|protected health information|health information|HIPAA)\b/i, BAA_DOCUMENT);
    if (delegated) return result(ID, 'referenced', delegated, values);
    if (scan.found.size <= 1) return missing(ID, values);
    return result(ID, 'weak', anchor, values, scan.missing.map((e) => `missing-${e.code}`));
  },
};
