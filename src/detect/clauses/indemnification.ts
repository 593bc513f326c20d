import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition, NEGATION, partyNames, type Parties } from '../operational.js';
import { missing, result, textOf } from '../util.js';

/**
 * Indemnification: the supplier indemnifies (defends, holds harmless) the customer against third-party claims
 * — IP infringement, data breach or data-protection failures, breach of law. Weak when only the customer gives
 * an indemnity, or when the supplier's indemnity covers IP infringement only while personal data is handled.
 * The scope is read from the indemnity and from the definitions of the claim terms it uses ("Provider Covered
 * Claims").
 */

// The act of indemnifying, not the noun in "Section 9 (Indemnification) will survive".
const INDEMNIFY = /\bindemnif(?:y|ies|ied|ying)\b|\bhold\w*\s+(?:[\w,]+\s+){0,6}?harmless\b|\bkeep\w* (?:\w+ )?indemnified\b/i;
const SUPPLIER = /\b(?:supplier|provider|vendor|contractor|service provider|licensor|seller|consultant|agency|processor|data importer|business associate)\b/i;
const CUSTOMER = /\b(?:customer|client|buyer|purchaser|licensee|recipient of the services|controller|data exporter|covered entity)\b/i;
const IP = /\bintellectual property\b|\binfring\w*\b|\bmisappropriat\w*\b|\bpatents?\b|\bcopyrights?\b|\btrade ?marks?\b/i;
const DATA = /\bdata protection\b|\bpersonal data\b|\bdata breach\b|\bsecurity (?:incident|breach)\b|\bprivacy\b|\bconfidential\w*\b|\bbreach of (?:clause|section) \d/i;
const LAW = /\bbreach of (?:any )?(?:applicable )?(?:laws?|statutes?|regulations?)\b|\bviolat\w* of (?:any )?(?:applicable )?(?:laws?|regulations?)\b|\bnegligen\w*\b|\bwil(?:l)?ful misconduct\b|\bfraud\b|\bbodily injury\b|\bdeath\b|\bpersonal injury\b|\bemploy\w*\b/i;
// The indemnity provisions of another document: "the insurance and indemnity provisions of the Lease".
const INDEMNITY_ELSEWHERE = /\b(?:[Ii]ndemnit(?:y|ies)|[Ii]ndemnification)\s+(?:provisions?|obligations?|terms|clauses?|sections?)\s+(?:of|in|under|contained in|set (?:out|forth) in)\s+(?:the\s+|any\s+|each\s+)?(?:applicable\s+)?(?!Agreement\b)[A-Z][\w-]*/;
const PERSONAL = /\bpersonal data\b|\bpersonal information\b|\bdata subjects?\b|\bcall recordings?\b|\bcustomer records\b/i;

// "Provider will indemnify", "The Supplier shall defend and indemnify", "Each party shall indemnify".
// A party named by name ("Detto agrees to indemnify PivX") may be the supplier: only a clear customer role is
// read as the customer.
function indemnitor(text: string, parties: Parties = NO_PARTIES): 'supplier' | 'customer' | 'mutual' | 'other' | null {
  const m = /\b((?:the\s+)?[A-Z]?\w+(?:\s+[A-Z]\w+)?)\s+(?:shall|will|must|agrees? to|undertakes? to|hereby)\s+(?:\w+\s+){0,3}?(?:indemnif|defend|hold|save)/i.exec(text);
  if (!m) {
    if (/\beach of\b|\beach party\b|\bboth parties\b|\bmutual\w*\b/i.test(text)) return 'mutual';
    // No "X shall indemnify": the sentence's subject, the first party named before the indemnity ("The Customer
    // represents …, indemnifying the Provider"; "The Controller is liable … and indemnifies the Processor").
    const at = INDEMNIFY.exec(text)?.index ?? text.length;
    const first = ANY_PARTY.exec(text.slice(0, at));
    if (!first) return null;
    return CUSTOMER.test(first[0]) || /^you$/i.test(first[0]) ? 'customer' : 'supplier';
  }
  let who = m[1]!.replace(/^the\s+/i, '');
  // Terms of service speak as "we" and "you"; a pronoun stands for the party named before it.
  if (/^(?:you|users?|subscribers?)$/i.test(who)) return 'customer';
  if (/^(?:we|us)$/i.test(who)) return 'supplier';
  if (/^(?:it|they|he|she)$/i.test(who)) {
    const before = text.slice(0, m.index);
    const named = [...before.matchAll(new RegExp(`${SUPPLIER.source}|${CUSTOMER.source}`, 'gi'))].at(-1);
    if (!named) return 'other';
    who = named[0];
  }
  if (/\b(?:each|either|both)\b/i.test(who) || /\bparty\b/i.test(who) && !/\bindemnifying party\b/i.test(who)) return 'mutual';
  if (SUPPLIER.test(who)) return 'supplier';
  if (CUSTOMER.test(who)) return 'customer';
  // A party named by its own name: the one that pays the supplier is the customer ("the Fund shall pay the Blockchain
  // Administrator" … "the Fund shall indemnify … the Blockchain Administrator").
  const name = who.split(/\s+/).at(-1)!;
  if (parties.customers.has(name)) return 'customer';
  if (parties.suppliers.has(name)) return 'supplier';
  return 'other';
}

const ANY_PARTY = new RegExp(`${CUSTOMER.source}|${SUPPLIER.source}|\\b(?:you|we)\\b`, 'i');

const NO_PARTIES: Parties = { customers: new Set(), suppliers: new Set() };

/** Negation that governs the indemnity itself, not "X shall not be liable …, and Y shall indemnify X". */
function negatedIndemnity(t: string): boolean {
  const m = INDEMNIFY.exec(t);
  if (!m) return false;
  const before = t.slice(0, m.index);
  const clause = before.slice(Math.max(before.search(/[^,;:]*$/), 0));
  return NEGATION.test(`${clause}${m[0]}`) || /\b(?:not|no)\s+(?:be\s+)?(?:required|obliged|obligated)\s+to\s+$/i.test(before);
}

const rank = (w: ReturnType<typeof indemnitor>): number => (w === 'supplier' ? 0 : w === 'mutual' ? 1 : 2);

export const indemnification: ClauseDetector = {
  id: 'indemnification',
  title: 'Indemnification',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && INDEMNIFY.test(textOf(s)) && !negatedIndemnity(textOf(s)));
    const parties = partyNames(a);
    const who = (s: Sentence) => indemnitor(textOf(s), parties);
    const values = { supplierIndemnifies: false, ip: false, data: false, law: false };
    if (about.length === 0) {
      // "subject to … the insurance and indemnity provisions of the Lease": the indemnity is in that document.
      const ref = a.sentences.find((s) => !isDefinition(s) && INDEMNITY_ELSEWHERE.test(textOf(s)));
      return ref ? result('indemnification', 'referenced', ref, values) : missing('indemnification', values);
    }
    const bySupplier: Sentence[] = about.filter((s) => who(s) !== 'customer')
      .sort((x, y) => rank(who(x)) - rank(who(y)) || x.index - y.index);
    if (bySupplier.length === 0) {
      const ref = about.find((s) => delegatedElsewhere(a, textOf(s)));
      if (ref) return result('indemnification', 'referenced', ref, values);
      if (about.some((s) => who(s) === 'customer')) return result('indemnification', 'weak', about.find((s) => who(s) === 'customer')!, values, ['customer-only']);
      return result('indemnification', 'weak', about[0]!, values, ['no-supplier-indemnity']);
    }
    // Scope: the indemnity sentences with their list items, and the definitions of the claim terms they use.
    const terms = new Set<string>();
    for (const s of bySupplier) for (const m of textOf(s).matchAll(/\b([A-Z]\w+(?: [A-Z]\w+){0,2} Claims?)\b/g)) terms.add(m[1]!.replace(/s$/, ''));
    const scope = [...bySupplier.map((s) => textOf(s)),
      ...a.sentences.filter((s) => s.index > bySupplier[0]!.index && s.index <= bySupplier[0]!.index + 6 && s.section === bySupplier[0]!.section).map((s) => textOf(s)),
      ...a.sentences.filter((s) => [...terms].some((t) => new RegExp(`^\\W*${t}s?\\W*\\s+means\\b`, 'i').test(textOf(s)))).map((s) => textOf(s))].join(' ');
    values.supplierIndemnifies = true;
    values.ip = IP.test(scope);
    values.data = DATA.test(scope);
    values.law = LAW.test(scope);
    const personal = a.sentences.some((s) => PERSONAL.test(textOf(s)));
    if (values.ip && !values.data && !values.law && personal) return result('indemnification', 'weak', bySupplier[0]!, values, ['ip-only']);
    return result('indemnification', 'present', bySupplier[0]!, values);
  },
};
