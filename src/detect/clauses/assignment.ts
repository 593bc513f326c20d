import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { partyNames } from '../operational.js';
import { headingMatches, highest, missing, result, textOf } from '../util.js';

/**
 * Anti-assignment: assigning or transferring the contract (or rights under it) needs the other party's consent
 * or notice, or is barred outright. Freely assignable by the supplier is weak.
 */
// What an assignment clause transfers: the contract, rights or duties under it, an interest in it.
const OBJECT = String.raw`(?:this|the)\s+(?:\w+\s+){0,2}(?:agreement|contract|license|licence)|(?:its|any|all|such|the|his|her|their)\s+(?:\w+\s+){0,3}(?:rights?|obligations?|duties|interests?|benefits?|licen[cs]es?)|hereunder|thereunder|it\b`;
const RESTRICTED = [
  new RegExp(String.raw`\b(?:shall|will|may|must|can)\s*(?:not|n't)\b[^.;]{0,120}?\b(?:assign|delegate|sub-?licen[cs]e|novate)\w*\b`, 'i'),
  new RegExp(String.raw`\b(?:shall|will|may|must|can)\s*(?:not|n't)\b[^.;]{0,80}?\btransfer\w*\b[^.;]{0,60}?(?:${OBJECT})`, 'i'),
  /\b(?:shall|will|may)\s+(?:\w+\s+){0,2}(?:assign|transfer)\w*\b[^.;]{0,200}?\b(?:without|with the|subject to|upon|after|only with)\b[^.;]{0,60}?\b(?:consent|approval|notice|notification|permission)\b/i,
  /\b(?:not|cannot|can't)\s+(?:be\s+)?(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,3}(?:assignable|transferable|assigned|transferred|delegated)\b/i,
  /\b(?:no|neither)\s+(?:party|assignment|transfer)\b[^.;]{0,120}?\b(?:assign|transfer)\w*\b/i,
  /\bneither\b[^.;]{0,80}?\bnor\b[^.;]{0,80}?\b(?:shall|will|may|can)\b[^.;]{0,120}?\b(?:assign|delegate)\w*\b/i,
  /\b(?:assign|transfer)\w*\b[^.;]{0,160}?\b(?:without|prior|advance)\s+(?:the\s+)?(?:\w+\s+){0,4}(?:written\s+)?(?:consent|approval|notice|permission)\b/i,
  /\bany (?:purported |attempted )?(?:assignment|transfer|delegation)\b[^.;]{0,150}?\b(?:void|null|invalid|of no (?:force|effect)|ineffective)\b/i,
  /\b(?:rights|agreement|license|licence)\b[^.;]{0,80}?\b(?:are|is)\s+personal to\b/i,
  /\bterminat\w*\b[^.;]{0,40}?\b(?:in the event of|upon)\s+(?:its|any|an)\s+["“']?assignment\b/i,
];
// Restrictions that are about something else: shares and securities, goods, an employee's services, data ("not …
// transfer the Personal Data to any third party", "shall not be transferred … to a country").
const OTHER_OBJECT = /\b(?:shares|stock|securities|warrants|goods|carriage|cargo|title to (?:the )?(?:products|goods)|(?:personal |customer |client )?data|information|countr(?:y|ies))\b/i;
const ASSIGNMENT_HEADING = /\bassign\w*|\btransfers?\b|\bsuccessors?\b|\bnovation\b|\bchange of control\b/i;
const THE_AGREEMENT = /\b(?:assign|transfer|delegat)\w*\b[^.;]{0,80}?\b(?:this|the)\s+(?:\w+\s+){0,2}(?:agreement|contract)\b|\brights (?:and|or|and\/or) (?:obligations|duties)\b|\b(?:rights|obligations) (?:hereunder|under this)\b|\bassignment of this\b/i;
// The party barred is the customer of terms of service: "You may not …", "Customer shall not …".
const CUSTOMER_SUBJECT = /^\s*(?:[^.;]{0,40},\s*)?(?:the\s+)?(?:you|customer|client|subscriber|user)s?\s+(?:may|shall|will|must|can|agrees?)\b/i;
const FREE = /\b(?:Supplier|Provider|Vendor|Contractor|Consultant|Licensor|Seller|Company)\b[^.;]{0,60}?\bmay\s+(?:freely\s+)?assign\b[^.;]{0,120}?\bwithout\b[^.;]{0,40}?\b(?:consent|approval)\b|\bfreely assignable\b|\bmay freely assign\b/i;
// The provider by name or as "we": "Automattic may assign its rights under the Agreement without condition".
const NAMED_FREE = /(?<!\b(?:neither|nor|not)\b[^.;]{0,30})\b(we|[A-Z][\w&.-]+)\s+may\s+assign\b[^.;]{0,80}?\bwithout\s+(?:(?:any|the|your|prior|written|further)\s+){0,3}(?:condition|restriction|consent|approval|notice)\b/;

export const assignment: ClauseDetector = {
  id: 'assignment',
  title: 'Assignment',
  detect(a: AnalysedDocument) {
    const parties = partyNames(a);
    const restrictions = a.sentences.filter((s) => {
      if (!/assign|transfer|delegat|personal to/i.test(s.text)) return false;
      const t = textOf(s);
      return RESTRICTED.some((re) => re.test(t)) && !(OTHER_OBJECT.test(t) && !/\bassign/i.test(t));
    });
    // Terms of service that bar only "you" ("You may not transfer … the service"): nothing limits the provider.
    const customerOnly = restrictions.length > 0 && restrictions.every((s) => CUSTOMER_SUBJECT.test(textOf(s)));
    // A party free to assign is the provider when it is "we", the party paid, or — where only "you" are barred — the
    // other party named ("Automattic may assign its rights under the Agreement without condition").
    const namedFree = (t: string): boolean => {
      const m = NAMED_FREE.exec(t);
      return m !== null && (/^we$/i.test(m[1]!) || parties.suppliers.has(m[1]!) || customerOnly);
    };
    const free = a.sentences.find((s) => /assign/i.test(s.text) && (FREE.test(textOf(s)) || namedFree(textOf(s))));
    // The clause a reviewer quotes: under an assignment heading, about the agreement itself, before a passing
    // restriction ("User Data may not be … assigned", "customers outside an assigned territory").
    const rank = (s: Sentence): number => (headingMatches(s.path, ASSIGNMENT_HEADING) ? 2 : 0) + (THE_AGREEMENT.test(textOf(s)) ? 1 : 0);
    const restricted = highest(restrictions, rank);
    if (restricted && !free && !customerOnly) return result('assignment', 'present', restricted, { changeOfControl: /\bchange (?:of|in) control\b/i.test(a.lowerText) });
    if (free) return result('assignment', 'weak', free, {}, ['freely-assignable']);
    if (restricted) return result('assignment', 'weak', restricted, {}, ['restricts-customer-only']);
    return missing('assignment');
  },
};
