import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { missing, result, textOf } from '../util.js';
import { delegation, DPA_DOCUMENT, firstMatch, OUTSIDE_EEA, PERSONAL_DATA, triggered } from './regulatory.js';

const ID = 'international-transfers';
/** A named transfer mechanism of GDPR Chapter V. */
const MECHANISM = /\bstandard contractual clauses\b|\bSCCs?\b|\b(?:EEA|EU|UK) SCCs\b|\bmodel clauses\b|\badequacy (?:decisions?|regulations?|determinations?|findings?)\b|\bdecision on adequacy\b|\bIDTA\b|\binternational data transfer (?:agreement|addendum)\b|\bUK Addendum\b|\bbinding corporate rules\b|\bBCRs?\b|\bData Privacy Framework\b|\bArt(?:icle)?\.?\s*4[56]\b|\b2021\/914\b/i;
const SAFEGUARDS = /\bappropriate (?:safeguards|transfer mechanisms?|measures)\b|\blawful (?:transfer )?mechanisms?\b|\bas required by (?:applicable )?(?:data protection )?laws?\b/i;
const TRANSFER = /\btransfer\w*\b/i;
const BANNED = /\b(?:shall|will|must|may) not\b|\bis not permitted to\b|\bis prohibited from\b/i;
const EXCEPTION = /\b(?:except|unless|without|other than|save)\b/i;
const ADEQUACY_ONLY = /^(?!.*\b(?:standard contractual clauses|SCCs?|IDTA|UK Addendum|binding corporate rules|BCRs?)\b).*\badequacy\b/i;

const NAMES: ReadonlyArray<[string, RegExp]> = [
  ['Standard Contractual Clauses', /\bstandard contractual clauses\b|\bSCCs?\b|\bmodel clauses\b|\b2021\/914\b/i],
  ['UK Addendum / IDTA', /\bIDTA\b|\binternational data transfer (?:agreement|addendum)\b|\bUK Addendum\b/i],
  ['binding corporate rules', /\bbinding corporate rules\b|\bBCRs?\b/i],
  ['Data Privacy Framework', /\bData Privacy Framework\b/i],
  ['adequacy', /\badequacy\b|\bdecision on adequacy\b/i],
];

/** The strongest mechanism a sentence names. */
function mechanismOf(t: string): string | null {
  return NAMES.find(([, re]) => re.test(t))?.[0] ?? (MECHANISM.exec(t)?.[0] ?? null);
}

/**
 * International transfers: when personal data may leave the EEA/UK, a transfer mechanism must be named (SCCs,
 * adequacy, IDTA/UK Addendum, BCRs). "Appropriate safeguards" with none named is weak.
 */
export const internationalTransfers: ClauseDetector = {
  id: ID,
  title: 'International transfers',
  detect(a: AnalysedDocument) {
    if (!triggered(a, PERSONAL_DATA)) return result(ID, 'not-applicable', null, {}, ['no-personal-data']);
    // A flat ban ("shall not transfer Personal Data outside the UK", no exception) keeps the data at home.
    // A transfer mechanism that applies ("the Standard Contractual Clauses shall apply") shows the data may leave.
    const abroad = firstMatch(a, (t) => OUTSIDE_EEA.test(t) && !(BANNED.test(t) && !EXCEPTION.test(t)))
      ?? firstMatch(a, (t) => MECHANISM.test(t) && !ADEQUACY_ONLY.test(t) && /\b(?:appl(?:y|ies)|incorporated|enter(?:ed)? into|in accordance with|governed by|entered into)\b/i.test(t));
    if (!abroad) return result(ID, 'not-applicable', null, {}, ['no-transfer-outside-eea-uk']);
    // A mechanism the parties adopt (SCCs, IDTA, BCRs) is better evidence than a mention of adequacy.
    const named = firstMatch(a, (t) => MECHANISM.test(t) && !ADEQUACY_ONLY.test(t) && (TRANSFER.test(t) || /\bclauses\b|\baddendum\b/i.test(t)), /\btransfers?\b/i)
      ?? firstMatch(a, (t) => MECHANISM.test(t) && (TRANSFER.test(t) || /\bclauses\b|\baddendum\b/i.test(t)), /\btransfers?\b/i)
      ?? firstMatch(a, (t) => MECHANISM.test(t));
    if (named) return result(ID, 'present', named, { mechanism: mechanismOf(textOf(named)) });
    const delegated = delegation(a, TRANSFER, DPA_DOCUMENT);
    if (delegated) return result(ID, 'referenced', delegated, { mechanism: null });
    const vague = firstMatch(a, (t) => TRANSFER.test(t) && SAFEGUARDS.test(t));
    if (vague) return result(ID, 'weak', vague, { mechanism: null }, ['no-mechanism-named']);
    return { ...missing(ID, { mechanism: null }), ...locate(abroad) };
  },
};

/** A missing mechanism is expected where the transfer is allowed: report it there. */
function locate(s: ReturnType<typeof firstMatch>): Pick<ReturnType<typeof missing>, 'section' | 'position' | 'evidence'> {
  const r = result(ID, 'missing', s);
  return { section: r.section, position: r.position, evidence: r.evidence };
}
