import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition, NEGATION, weakWording } from '../operational.js';
import { headingMatches, missing, result, textOf } from '../util.js';

/**
 * Pricing and payment: a pricing model (per minute, per call, per FTE, fixed fee, tiers), invoicing frequency,
 * payment terms, a disputed-invoice procedure, and limits on price increases. Weak on unilateral price changes
 * or increases without a cap, or when the pricing model, payment terms or invoicing are missing. A clause complete
 * but for a disputed-invoice procedure is present, with that reason for an info finding.
 * Elements left to an Order Form or a schedule that is not attached count as referenced.
 */

const MONEY = /\b(?:charges?|fees?|prices?|pricing|rates?|invoic\w*|pa(?:y|id|yable|yment)|commissions?|compensation)\b/i;
const MODEL_RE = /\bper (?:minute|call|contact|hour|FTE|full[- ]time equivalent|seat|agent|user|month|transaction|interaction)\b|\bfixed (?:monthly )?(?:fee|price|charge)s?\b|\bhourly rates?\b|\brate card\b|\bprice list\b|\b(?:pricing|volume) (?:tiers?|bands?)\b|\btiered\b|\btime and materials\b|\b(?:£|\$|€)\s?\d/i;
// A unit price, an amount in a named currency, a price list in an attached exhibit: "per unit", "100,000 Euros",
// "a base compensation of [***] dollars", "Pricing for the Product … is set forth in Exhibit A".
const MODEL_UNIT = /\bper (?:unit|piece|item|kit|device|product)\b|\bunit prices?\b|(?:\d[\d,.]*|\[\*\*\*\])\s*(?:euros?|dollars|pounds(?: sterling)?|USD|EUR|GBP|CHF)\b|\b(?:USD|EUR|GBP|CHF)\s?\d|\b(?:prices?|pricing)\b[^.;]{0,60}\b(?:set forth|set out|specified|listed|stated|detailed)\s+(?:in|on)\s+(?:the\s+)?(?:attached\s+)?(?:Exhibit|Schedule|Appendix|Annex|Attachment)\b/i;
// Cost plus a margin, a percentage of a base, a rate: "actual cost … plus a 10% service fee", "0.20% of … net assets",
// "12% of the annual premium", "at the annual rate of".
const MODEL_MORE = /\bcosts?\b[^.;]{0,60}\bplus\b[^.;]{0,20}\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?%\s+of\s+(?:the\s+)?[^.;]{0,60}\b(?:net assets|premiums?|revenues?|sales|receipts|value|price|fees|billings)\b|\bat the (?:annual |monthly |hourly )?rate of\b|\bcommissions?\b[^.;]{0,40}\d+(?:\.\d+)?\s?%|\bcost[- ]plus\b/i;
const MODEL = { test: (t: string): boolean => MODEL_RE.test(t) || MODEL_MORE.test(t) || MODEL_UNIT.test(t) };
// Invoicing or payment frequency: "invoice monthly", "monthly invoices", "on a monthly basis … an invoice", "paid monthly in arrears",
// invoices on an event ("invoice … at the time of shipment"), instalments on a schedule ("on each one-month anniversary").
const INVOICING = /\b(?:monthly|quarterly|annual|weekly) invoices?\b|\bon an? (?:monthly|quarterly|weekly|annual) basis\b[^.;]{0,80}\binvoice\b|\b(?:paid|payable) (?:monthly|quarterly|annually|weekly)\b|\binvoice\w*\b[^.;]{0,80}\b(?:monthly|quarterly|annually|weekly|each (?:calendar )?month|in arrears|in advance)\b|\b(?:monthly|quarterly) (?:in arrears|in advance)\b|\binvoic\w*\b[^.;]{0,80}?\b(?:at the time of|upon|on|after|following|with)\s+(?:each\s+|the\s+)?(?:shipment|delivery|dispatch|acceptance|completion)\b|\binstal+ments?\b[^.;]{0,80}?\b(?:each|every)\b[^.;]{0,30}?\b(?:month|quarter|year|anniversary)\b/i;
// Payment due by a stated time, or paid periodically in arrears ("accrued daily and paid monthly in arrears").
const TERMS = /\b(?:paid|payable) (?:monthly|quarterly|annually|weekly) in (?:arrears|advance)\b|\bpa(?:y|id)\w*\b[^.;]{0,80}\bwithin\b|\bnet \d+\b|\bdue (?:and payable )?within\b|\bwithin\b[^.;]{0,30}\b(?:of|after|following|from) (?:the )?(?:date of )?(?:receipt|receiving|invoice)/i;
// "pay … a valid and undisputed invoice" withholds the disputed part: a rule for disputed invoices too.
const DISPUTE = /\b(?:un)?disput\w*\b[^.;]{0,80}\b(?:invoices?|fees?|charges?|amounts?)\b|\b(?:invoices?|fees?|charges?|amounts?)\b[^.;]{0,80}\bdisput\w*\b|\bdisagreement about the fees\b/i;
const INCREASE = /\b(?:increase|revis|adjust|index|change|vary|raise|amend|update)\w*\b[^.;]{0,60}\b(?:charges?|fees?|prices?|rates?)\b|\b(?:charges?|fees?|prices?|rates?)\b[^.;]{0,40}\b(?:increase|revis|adjust|index|vary|raise)\w*\b/i;
const CAP = /\b(?:CPI|RPI|consumer price index|retail price index|index(?:ation|ed)?)\b|\b(?:not|no more than|shall not) exceed\b|\bcapped\b|\bmaximum\b|\d\s?%|\bper cent\b|\bonce (?:in|per|a|each) (?:any )?(?:\w+ )?year\b|\bwith the (?:customer'?s? )?(?:prior )?(?:written )?(?:consent|agreement)\b|\bagreed in writing\b|\bchange control\b/i;
const CREDIT = /\bservice credits?\b|\b(?:uptime|response time) credits?\b|\brefund\w*\b|\bliquidated damages\b/i;
// A sentence that sets the price or the payment: "The Customer shall pay the Charges", "The Supplier shall invoice monthly".
const SETS = /\b(?:shall|will|must|agrees? to)\s+(?:\w+\s+){0,3}?pay\b|\binvoic\w*\b|\b(?:charges|fees|prices?)\s+(?:are|shall be|will be)\b|\bpayment terms?\b|\bpayable\b|\b(?:fees?|commissions?|compensation|charges|royalt(?:y|ies)|remuneration)\b[^.;]{0,60}\b(?:shall|will) be paid\b/i;
// A price computed from a base and paid without invoices: a share of assets or premiums, a commission, a royalty.
const COMPUTED = /\d(?:\.\d+)?\s?%\s+of\b|\bcommissions?\b|\broyalt(?:y|ies)\b/i;
// Paying the undisputed part is a disputed-invoice rule, not a dispute about when to pay.
const UNDISPUTED = /\b(?:not (?:reasonably |otherwise |in good faith )?disputed|undisputed)\b/gi;
// Reimbursement of expenses is not the price of the services.
const EXPENSES = /\b(?:expenses?|reimburs\w*|out-of-pocket)\b/i;
const FEE_HEADING = /\b(?:fees?|charges|pricing|prices?|compensation|commissions?|payment|remuneration|consideration)\b/i;
// A party pays the price: "Anixa will pay OntoChem an annual fee of …", "ADAMS GOLF shall pay CONSULTANT a base
// compensation of …", "The Fees shall be payable …", "Pricing for the Product … is set forth in Exhibit A".
const FEE_STATEMENT = /\b(?:shall|will|must|agrees? to)\s+(?:\w+\s+){0,3}?pay\b[^.;]{0,80}?\b(?:fees?|prices?|compensation|remuneration|consideration|royalt(?:y|ies)|commissions?|(?:£|\$|€)|dollars|euros?)|\b(?:fees?|prices?|pricing|compensation|remuneration|charges)\b[^.;]{0,60}?\b(?:shall|will) be (?:paid|payable|invoiced|set forth|as set forth)\b|\b(?:prices?|pricing)\b[^.;]{0,60}?\b(?:is|are) (?:set forth|set out|specified|listed)\b/i;
// Fees that are not the price: taxes and duties, legal costs, a fee not payable.
const NOT_THE_PRICE = /\btax\w*|\bVAT\b|\bduties\b|\battorneys?['’]?s?['’]? fees\b|\bcourt costs\b|\bfiling fees\b|\bnot (?:be )?(?:pay|paid|payable)\b/i;
// Money flowing back: a refund, a repayment, a pro-rated return of fees.
const REPAYMENT = /\brefund\w*|\brepa(?:y|id|yment)\b|\breimburs\w*|\bpro-?rat\w*|\breturn\w*\b[^.;]{0,30}\b(?:fees?|amounts?|payments?)\b/i;
// The provider by name or as "we" changing its prices: "Google may change the Fees at any time", "Anthropic may update
// the published rates" — any party but the customer's side.
const MAY_CHANGE = /\b([A-Z][\w&.-]+|we)\s+(?:may|can|reserves? the right to|(?:shall|will) be entitled to)\s+(?:\w+\s+){0,2}?(?:update|change|modify|revise|increase|adjust|vary|amend)\w*\b/;
const CUSTOMER_SIDE = /^(?:you|customer|client|buyer|purchaser|licensee|subscriber|either|neither|each|both|parties|party|the)$/i;
function providerMayChange(t: string): boolean {
  const m = MAY_CHANGE.exec(t);
  return m !== null && !CUSTOMER_SIDE.test(m[1]!);
}
const UNILATERAL = /\bsole discretion\b|\bfrom time to time\b|\bat any time\b|\bunilateral\w*\b|\bas it (?:sees fit|determines|considers)\b/i;

export const pricingPayment: ClauseDetector = {
  id: 'pricing-payment',
  title: 'Pricing and payment',
  detect(a: AnalysedDocument) {
    // Credits, refunds and interest mention fees without setting them.
    const about: Sentence[] = a.sentences.filter((s) => MONEY.test(textOf(s)) && !CREDIT.test(textOf(s)));
    const values = { model: false, invoicing: false, paymentDays: null as number | null, disputes: false, increaseCap: null as boolean | null };
    if (!about.some((s) => SETS.test(textOf(s)))) return missing('pricing-payment', values);
    const delegated = about.some((s) => delegatedElsewhere(a, textOf(s)) || /\b(?:described|set out|specified|stated) in (?:an?|the) (?:applicable )?(?:Order Form|Cover Page|Statement of Work|SOW)\b|\baccording to the Payment (?:Process|Terms)\b/i.test(textOf(s)));
    const priced = a.sentences.filter((s) => !CREDIT.test(textOf(s)) && (MONEY.test(textOf(s)) || headingMatches(s.path, FEE_HEADING)));
    values.model = priced.some((s) => MODEL.test(textOf(s)));
    values.invoicing = about.some((s) => INVOICING.test(textOf(s)));
    const terms = about.find((s) => {
      const t = textOf(s).replace(UNDISPUTED, 'accepted');
      return TERMS.test(t) && /\bpa(?:y|id)|\bdue\b/i.test(t) && !/\binterest\b|\bterminat|\bdisput|\bdisagree|\bcured?\b|\bdefault/i.test(t) && (findDurations(t).length > 0 || /\bin (?:arrears|advance)\b/i.test(t));
    });
    const termDays = terms ? findDurations(textOf(terms))[0] : undefined;
    values.paymentDays = termDays ? Math.round(termDays.hours / 24) : null;
    const termsStated = terms !== undefined;
    values.disputes = about.some((s) => DISPUTE.test(textOf(s)));
    // A fee or commission computed from a base and paid without invoices (a share of assets or premiums, paid monthly)
    // has no invoice to dispute and no invoicing frequency beyond its payment terms.
    const invoiced = about.some((s) => /\binvoic/i.test(textOf(s))) || !priced.some((s) => COMPUTED.test(textOf(s)))
      || !values.model || !terms;
    // Price increases by the supplier: "The Supplier may revise the Charges in its sole discretion".
    const increases = about.filter((s) => INCREASE.test(textOf(s)) && !/\bdisput|\bVAT\b|\btax/i.test(textOf(s)) && !NEGATION.test(textOf(s)));
    const unilateral = increases.find((s) => {
      const t = textOf(s);
      return (/\b(?:supplier|provider|vendor|contractor|company)\b[^.;]{0,30}\b(?:may|shall be entitled to|reserves the right to|can)\b/i.test(t) || providerMayChange(t))
        && (UNILATERAL.test(t) || !CAP.test(t));
    });
    if (increases.length) values.increaseCap = !unilateral && increases.some((s) => CAP.test(textOf(s)));
    const reasons: string[] = [];
    if (unilateral) reasons.push(UNILATERAL.test(textOf(unilateral)) ? 'unilateral-price-change' : 'increase-without-cap');
    if (!values.model && !delegated) reasons.push('no-pricing-model');
    if (!values.invoicing && !delegated && (invoiced || !termsStated)) reasons.push('no-invoicing-frequency');
    if (!termsStated && !delegated) reasons.push('no-payment-terms');
    // No procedure for disputed invoices is worth asking for, but does not make a clause weak that sets the price and
    // the payment (the catalogue's weak pricing is one-sided changes): a present clause with an info finding.
    const advice = !values.disputes && invoiced ? ['no-disputed-invoice-procedure'] : [];
    const effort = unilateral ? undefined : about.find((s) => /\bpay\b/i.test(textOf(s)) && /\b(?:customer|client)\b/i.test(textOf(s)) && weakWording(textOf(s)));
    // The words that set the price, before a clause on expenses that merely mentions payment.
    const pricing = about.find((s) => MODEL.test(textOf(s)) && SETS.test(textOf(s)) && !EXPENSES.test(textOf(s)))
      ?? about.find((s) => SETS.test(textOf(s)) && !EXPENSES.test(textOf(s))) ?? about[0]!;
    // The clause that states the fee, price or compensation, paid by one party to the other: not a definition (of a
    // contract year), not a refund or repayment on termination, not expenses.
    const fee = about.find((s) => FEE_STATEMENT.test(textOf(s)) && SETS.test(textOf(s)) && !isDefinition(s) && !EXPENSES.test(textOf(s))
      && !REPAYMENT.test(textOf(s)) && !NOT_THE_PRICE.test(textOf(s)) && !headingMatches(s.path, /\bterminat|\bexpir/i));
    // Payment terms decide the evidence when they sit with the fee, not under "Potential Repayment of Base Compensation".
    const termsAt = terms && (fee === undefined || (headingMatches(terms.path, FEE_HEADING) && !headingMatches(terms.path, REPAYMENT)) || terms.section === fee.section) ? terms : undefined;
    if (reasons.length) return result('pricing-payment', 'weak', unilateral ?? effort ?? termsAt ?? fee ?? terms ?? pricing, values, [...reasons, ...advice]);
    const incomplete = !values.model || (!values.invoicing && invoiced) || !termsStated;
    if (incomplete && delegated) {
      // The clause that hands payment over ("Customer will pay … according to the Payment Process"), before a definition.
      const hands = (s: Sentence): boolean => delegatedElsewhere(a, textOf(s)) || /\b(?:described|set out|specified|stated) in (?:an?|the) (?:applicable )?(?:Order Form|Cover Page|Statement of Work|SOW)\b/i.test(textOf(s));
      const mentions = (s: Sentence): boolean => /Order Form|Payment Process|Cover Page|Statement of Work|SOW/.test(textOf(s));
      const at = about.find((s) => !isDefinition(s) && SETS.test(textOf(s)) && (hands(s) || mentions(s))) ?? about.find(hands) ?? about.find(mentions);
      return result('pricing-payment', 'referenced', at!, values);
    }
    return result('pricing-payment', 'present', termsAt ?? fee ?? terms ?? pricing, values, advice);
  },
};
