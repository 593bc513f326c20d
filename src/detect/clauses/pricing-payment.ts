import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, NEGATION, weakWording } from '../operational.js';
import { missing, result, textOf } from '../util.js';

/**
 * Pricing and payment: a pricing model (per minute, per call, per FTE, fixed fee, tiers), invoicing frequency,
 * payment terms, a disputed-invoice procedure, and limits on price increases. Weak on unilateral price changes
 * or increases without a cap, or when payment terms, invoicing or the disputed-invoice procedure are missing.
 * Elements left to an Order Form or a schedule that is not attached count as referenced.
 */

const MONEY = /\b(?:charges?|fees?|prices?|pricing|rates?|invoic\w*|pay(?:able|ment)?)\b/i;
const MODEL = /\bper (?:minute|call|contact|hour|FTE|full[- ]time equivalent|seat|agent|user|month|transaction|interaction)\b|\bfixed (?:monthly )?(?:fee|price|charge)s?\b|\bhourly rates?\b|\brate card\b|\bprice list\b|\b(?:pricing|volume) (?:tiers?|bands?)\b|\btiered\b|\btime and materials\b|\b(?:£|\$|€)\s?\d/i;
const INVOICING = /\binvoice\w*\b[^.;]{0,80}\b(?:monthly|quarterly|annually|weekly|each (?:calendar )?month|in arrears|in advance)\b|\b(?:monthly|quarterly) (?:in arrears|in advance)\b/i;
const TERMS = /\bpay\w*\b[^.;]{0,80}\bwithin\b|\bnet \d+\b|\bdue (?:and payable )?within\b|\bwithin\b[^.;]{0,30}\b(?:of|after|following) (?:the )?(?:date of )?(?:receipt|invoice)/i;
const DISPUTE = /\bdisput\w*\b[^.;]{0,80}\b(?:invoices?|fees?|charges?|amounts?)\b|\b(?:invoices?|fees?|charges?)\b[^.;]{0,80}\bdisput\w*\b|\bdisagreement about the fees\b/i;
const INCREASE = /\b(?:increase|revis|adjust|index|change|vary|raise|amend)\w*\b[^.;]{0,60}\b(?:charges?|fees?|prices?|rates?)\b|\b(?:charges?|fees?|prices?|rates?)\b[^.;]{0,40}\b(?:increase|revis|adjust|index|vary|raise)\w*\b/i;
const CAP = /\b(?:CPI|RPI|consumer price index|retail price index|index(?:ation|ed)?)\b|\b(?:not|no more than|shall not) exceed\b|\bcapped\b|\bmaximum\b|\d\s?%|\bper cent\b|\bonce (?:in|per|a|each) (?:any )?(?:\w+ )?year\b|\bwith the (?:customer'?s? )?(?:prior )?(?:written )?(?:consent|agreement)\b|\bagreed in writing\b|\bchange control\b/i;
const CREDIT = /\bservice credits?\b|\b(?:uptime|response time) credits?\b|\brefund\w*\b|\bliquidated damages\b/i;
// A sentence that sets the price or the payment: "The Customer shall pay the Charges", "The Supplier shall invoice monthly".
const SETS = /\b(?:shall|will|must|agrees? to)\s+(?:\w+\s+){0,3}?pay\b|\binvoic\w*\b|\b(?:charges|fees|prices?)\s+(?:are|shall be|will be)\b|\bpayment terms?\b|\bpayable\b/i;
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
    values.model = about.some((s) => MODEL.test(textOf(s)));
    values.invoicing = about.some((s) => INVOICING.test(textOf(s)));
    const terms = about.find((s) => TERMS.test(textOf(s)) && /\bpay|\bdue\b/i.test(textOf(s)) && findDurations(textOf(s)).length && !/\binterest\b|\bterminat|\bdisput|\bdisagree/i.test(textOf(s)));
    values.paymentDays = terms ? Math.round(findDurations(textOf(terms))[0]!.hours / 24) : null;
    values.disputes = about.some((s) => DISPUTE.test(textOf(s)));
    // Price increases by the supplier: "The Supplier may revise the Charges in its sole discretion".
    const increases = about.filter((s) => INCREASE.test(textOf(s)) && !/\bdisput|\bVAT\b|\btax/i.test(textOf(s)) && !NEGATION.test(textOf(s)));
    const unilateral = increases.find((s) => {
      const t = textOf(s);
      return /\b(?:supplier|provider|vendor|contractor|company)\b[^.;]{0,30}\b(?:may|shall be entitled to|reserves the right to|can)\b/i.test(t) && (UNILATERAL.test(t) || !CAP.test(t));
    });
    if (increases.length) values.increaseCap = !unilateral && increases.some((s) => CAP.test(textOf(s)));
    const reasons: string[] = [];
    if (unilateral) reasons.push(UNILATERAL.test(textOf(unilateral)) ? 'unilateral-price-change' : 'increase-without-cap');
    if (!values.model && !delegated) reasons.push('no-pricing-model');
    if (!values.invoicing && !delegated) reasons.push('no-invoicing-frequency');
    if (values.paymentDays === null && !delegated) reasons.push('no-payment-terms');
    if (!values.disputes) reasons.push('no-disputed-invoice-procedure');
    const effort = unilateral ? undefined : about.find((s) => /\bpay\b/i.test(textOf(s)) && /\b(?:customer|client)\b/i.test(textOf(s)) && weakWording(textOf(s)));
    if (reasons.length) return result('pricing-payment', 'weak', unilateral ?? effort ?? terms ?? about[0]!, values, reasons);
    const incomplete = !values.model || !values.invoicing || values.paymentDays === null;
    if (incomplete && delegated) return result('pricing-payment', 'referenced', (about.find((s) => delegatedElsewhere(a, textOf(s)) || /\b(?:described|set out|specified|stated) in (?:an?|the) (?:applicable )?(?:Order Form|Cover Page|Statement of Work|SOW)\b/i.test(textOf(s))) ?? about.find((s) => /Order Form|Payment Process|Cover Page|Statement of Work|SOW/.test(textOf(s))))!, values);
    return result('pricing-payment', 'present', terms ?? about[0]!, values);
  },
};
