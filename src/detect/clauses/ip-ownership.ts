import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition, NEGATION, partyNames, type Parties } from '../operational.js';
import { headingMatches, missing, result, textOf } from '../util.js';

/**
 * IP ownership: the customer owns its data, the deliverables, training materials and custom developments; the
 * supplier's pre-existing IP is licensed as needed. Weak when ownership of work product is unaddressed (only the
 * customer's own data or materials are covered while the supplier develops or produces work for it), or the
 * supplier keeps work product or materials without a licence to the customer.
 *
 * The customer is named by its role ("the Customer", "the Recipient" of the services) or by its own name
 * ("Aduro shall be the sole and exclusive owner"): a party the supplier assigns its rights to, or that pays the
 * supplier, is the customer.
 */

const IP = /\bintellectual property\b|\bIP(?:R|Rs)?\b|\bcopyrights?\b|\bright,? title,? (?:and|or) interest\b|\bownership\b|\bproprietary rights\b|\bworks? made for hire\b|\b(?:sole|exclusive) (?:and exclusive )?owner\b|\bexclusive property\b/i;
// "All records … shall remain the property of the Fund": ownership of the customer's data or records.
const PROPERTY_OF_DATA = /\b(?:data|records|content|documents|materials|information)\b[^.;]{0,80}\b(?:remain|be|are|is)\s+(?:at all times\s+)?(?:the\s+)?(?:sole\s+(?:and\s+exclusive\s+)?)?property of\b/i;
const IP_HEADING = /\bintellectual property\b|\bownership\b|\bwork product\b|\binventions?\b|\bproprietary rights\b/i;
// "You" is the customer of terms of service ("you retain all rights", "belong to you").
const CUSTOMER = /^(?:customer|client|buyer|company|recipient|purchaser|government|you)s?$/i;
// The supplier disclaims what is the customer's: "Acme claims no ownership or control over any of your Content".
const DISCLAIMS = /\b(?:claims?|asserts?|takes?|acquires?|obtains?|has|have) no (?:ownership|right,? title|rights?|intellectual property)\b[^.;]{0,60}\b(?:your|customer['’]?s?|client['’]?s?)\b/i;
const SUPPLIER = /^(?:supplier|provider|vendor|contractor|consultant|agency|agent|manufacturer|administrator|developer|licensor)s?$/i;
const OWNS = /\b(?:own\w*|retain\w*|belong\w*|vest\w*|property of|assign\w*)\b/i;
const WORK = /\bdeliverables?\b|\bwork product\b|\boutputs?\b|\bdevelopments?\b|\bbespoke\b|\bcustom(?!er)\w*\b[^.;]{0,20}\b(?:software|materials|developments?|works?)\b|\bforeground\b|\bcreated (?:by the supplier )?(?:for|under|in the course)\b|\btraining materials\b|\bscripts?\b|\bknowledge base\b|\bmaterials (?:created|developed|produced|prepared)\b|\bworks? made for hire\b|\bworks? of authorship\b|\binventions?\b/i;
const DATA = /\b(?:data|records|content|information)\b/i;
// The supplier makes something for the customer: development services, code, deliverables.
const WORK_IN_SCOPE = new RegExp(`${WORK.source}|\\bdevelopment (?:and \\w+ )?services\\b|\\bservices (?:related to|relating to|for) the development\\b|\\bdevelop\\w*\\b(?<!\\b(?:you|customers?|users?|licensees?)\\b[^.;]{0,60}\\bdevelop\\w*)[^.;]{0,40}\\b(?:software|code|smart contracts?|applications?)\\b`, 'i');
const LICENCE = /\blicen[cs]e\w*\b|\bright to use\b/i;

function owner(t: string, parties: Parties): 'customer' | 'supplier' | null {
  const who = (w: string): 'customer' | 'supplier' | null => {
    if (CUSTOMER.test(w) || (parties.customers.has(w) && !SUPPLIER.test(w))) return 'customer';
    if (SUPPLIER.test(w) || parties.suppliers.has(w)) return 'supplier';
    return null;
  };
  if (DISCLAIMS.test(t)) return 'customer';
  // "… belong to the Customer", "vest in the Supplier", "the exclusive property of the Recipient", "assigns to Aduro",
  // "shall reside with the Government".
  for (const m of t.matchAll(/\b(?:belong\w*|vest\w*|assign\w*|property of|resides? with)\s+(?:\w+\s+){0,2}?(?:to|in|of)?\s*(?:the\s+)?(\w+)/gi)) {
    const w = who(m[1]!);
    if (w) return w;
  }
  // "Supplier hereby assigns all rights (including …) in relation to the Deliverables to Canonical".
  for (const m of t.matchAll(/\bassigns?\b[^.;]{0,160}?\bto\s+(?:the\s+)?(\w+)/gi)) {
    const w = who(m[1]!);
    if (w) return w;
  }
  // "The Customer shall own …", "Provider retains all right …", "Aduro shall be the sole and exclusive owner of …".
  for (const m of t.matchAll(/\b(\w+)\s+(?:shall |will |does |hereby |is |shall be |will be )?(?:own\w*|retain\w*|the (?:sole (?:and exclusive )?|exclusive )?owner)\b/gi)) {
    const w = who(m[1]!);
    if (w) return w;
  }
  return null;
}

export const ipOwnership: ClauseDetector = {
  id: 'ip-ownership',
  title: 'Intellectual property ownership',
  detect(a: AnalysedDocument) {
    const about: Sentence[] = a.sentences.filter((s) => {
      const t = textOf(s);
      if (isDefinition(s) || !OWNS.test(t) || NEGATION.test(t)) return false;
      return IP.test(t) || PROPERTY_OF_DATA.test(t) || (headingMatches(s.path, IP_HEADING) && (WORK.test(t) || DATA.test(t)));
    });
    const values = { customerOwnsWork: false, customerOwnsData: false, supplierKeepsWork: false, licence: false };
    if (about.length === 0) return missing('ip-ownership', values);
    const parties = partyNames(a);
    const customerOwns = about.filter((s) => owner(textOf(s), parties) === 'customer');
    const supplierOwns = about.filter((s) => owner(textOf(s), parties) === 'supplier');
    values.customerOwnsWork = customerOwns.some((s) => WORK.test(textOf(s)));
    values.customerOwnsData = customerOwns.some((s) => DATA.test(textOf(s)));
    values.supplierKeepsWork = supplierOwns.some((s) => WORK.test(textOf(s)));
    // A licence to the customer, named by its role or by its name ("a license under OntoChem Patents … to Anixa").
    const namesCustomer = (t: string): boolean => /\b(?:customer|client|buyer|company|recipient)\b/i.test(t) || [...parties.customers].some((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(t));
    values.licence = a.sentences.some((s) => LICENCE.test(textOf(s)) && namesCustomer(textOf(s)) && /\bgrant\w*\b|\bhereby\b|\blicen[cs]e to\b|\bright to use\b/i.test(textOf(s)));
    if (customerOwns.length === 0 && supplierOwns.length === 0 && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('ip-ownership', 'referenced', about[0]!, values);
    // A subscription with nothing made for the customer: owning its own data and content is the whole clause.
    const workInScope = a.sentences.some((s) => !isDefinition(s) && WORK_IN_SCOPE.test(textOf(s)));
    const reasons: string[] = [];
    if (values.supplierKeepsWork && !values.licence) reasons.push('supplier-keeps-work-without-licence');
    if (!values.customerOwnsWork && !values.supplierKeepsWork && (workInScope || !values.customerOwnsData)) reasons.push('work-product-unaddressed');
    const supplierWork = supplierOwns.find((s) => WORK.test(textOf(s)));
    const at = reasons.includes('supplier-keeps-work-without-licence') ? supplierWork!
      : (customerOwns.find((s) => WORK.test(textOf(s))) ?? (values.customerOwnsWork ? undefined : supplierWork) ?? customerOwns[0] ?? about[0]!);
    return result('ip-ownership', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
