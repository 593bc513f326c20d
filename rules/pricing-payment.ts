import { clauseRule } from '../src/lint/clause-rule.js';

export default clauseRule({
  id: 'pricing-payment',
  title: 'pricing-payment',
  description: 'Require a pricing model, invoicing frequency, payment terms, a disputed-invoice procedure and limits on price increases.',
  category: 'operational',
  defaultSeverity: 'error',
  ask: 'Ask for the pricing model (per minute, per call, per FTE or fixed fee), monthly invoicing, payment within 30 days of a valid invoice, a procedure for disputed invoices, and price increases no more than once a year, capped at CPI and on 90 days\' notice.',
  reasons: {
    'unilateral-price-change': 'the Supplier may change prices unilaterally',
    'increase-without-cap': 'price increases have no cap',
    'no-pricing-model': 'no pricing model is stated',
    'no-invoicing-frequency': 'no invoicing frequency',
    'no-payment-terms': 'no payment terms',
    'no-disputed-invoice-procedure': 'no procedure for disputed invoices',
  },
});
