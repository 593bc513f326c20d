import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition, NEGATION } from '../operational.js';
import { missing, result, textOf } from '../util.js';

/**
 * IP ownership: the customer owns its data, the deliverables, training materials and custom developments; the
 * supplier's pre-existing IP is licensed as needed. Weak when ownership of work product is unaddressed (only the
 * customer's own data or materials are covered), or the supplier keeps work product or materials without a
 * licence to the customer.
 */

const IP = /\bintellectual property\b|\bIP(?:R|Rs)?\b|\bcopyright\b|\bright,? title,? and interest\b|\bownership\b|\bproprietary rights\b|\bwork made for hire\b/i;
const CUSTOMER = /\b(?:customer|client|buyer|company)\b/i;
const SUPPLIER = /\b(?:supplier|provider|vendor|contractor|consultant|agency)\b/i;
const OWNS = /\b(?:own\w*|retain\w*|belong\w*|vest\w*|property of|assign\w*)\b/i;
const WORK = /\bdeliverables?\b|\bwork product\b|\bdevelopments?\b|\bbespoke\b|\bcustom\w*\b[^.;]{0,20}\b(?:software|materials|developments?|works?)\b|\bforeground\b|\bcreated (?:by the supplier )?(?:for|under|in the course)\b|\btraining materials\b|\bscripts?\b|\bknowledge base\b|\bmaterials (?:created|developed|produced|prepared)\b|\bwork made for hire\b/i;
const LICENCE = /\blicen[cs]e\w*\b|\bright to use\b/i;

function owner(t: string): 'customer' | 'supplier' | null {
  // "… belong to the Customer", "The Customer shall own …", "vest in the Supplier", "Provider retains all right …".
  const m = /\b(?:belong\w*|vest\w*|assign\w*|property of)\s+(?:\w+\s+){0,2}?(?:to|in|of)?\s*(?:the\s+)?(\w+)/i.exec(t);
  if (m && CUSTOMER.test(m[1]!)) return 'customer';
  if (m && SUPPLIER.test(m[1]!)) return 'supplier';
  const n = /\b(\w+)\s+(?:shall |will |does |hereby )?(?:own\w*|retain\w*)\b/i.exec(t);
  if (n && CUSTOMER.test(n[1]!)) return 'customer';
  if (n && SUPPLIER.test(n[1]!)) return 'supplier';
  return null;
}

export const ipOwnership: ClauseDetector = {
  id: 'ip-ownership',
  title: 'Intellectual property ownership',
  detect(a: AnalysedDocument) {
    const about: Sentence[] = a.sentences.filter((s) => !isDefinition(s) && IP.test(textOf(s)) && OWNS.test(textOf(s)) && !NEGATION.test(textOf(s)));
    const values = { customerOwnsWork: false, supplierKeepsWork: false, licence: false };
    if (about.length === 0) return missing('ip-ownership', values);
    const customerOwns = about.filter((s) => owner(textOf(s)) === 'customer');
    const supplierOwns = about.filter((s) => owner(textOf(s)) === 'supplier');
    values.customerOwnsWork = customerOwns.some((s) => WORK.test(textOf(s)));
    values.supplierKeepsWork = supplierOwns.some((s) => WORK.test(textOf(s)));
    values.licence = a.sentences.some((s) => LICENCE.test(textOf(s)) && CUSTOMER.test(textOf(s)) && /\bgrant\w*\b|\bhereby\b|\blicen[cs]e to\b|\bright to use\b/i.test(textOf(s)));
    if (customerOwns.length === 0 && supplierOwns.length === 0 && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('ip-ownership', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    if (values.supplierKeepsWork && !values.licence) reasons.push('supplier-keeps-work-without-licence');
    if (!values.customerOwnsWork && !values.supplierKeepsWork) reasons.push('work-product-unaddressed');
    const at = reasons.includes('supplier-keeps-work-without-licence') ? supplierOwns.find((s) => WORK.test(textOf(s)))! : (customerOwns[0] ?? about[0]!);
    return result('ip-ownership', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
