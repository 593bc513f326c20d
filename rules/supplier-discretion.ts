import { defineRule } from '../src/lint/types.js';
import { supplierDiscretion } from '../src/lint/weak-language.js';

export default defineRule({
  meta: {
    id: 'supplier-discretion',
    description: 'Flag discretion given to the supplier ("in its sole discretion", "as it sees fit") over service scope, price or security.',
    defaultSeverity: 'warn',
    category: 'language',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { discretion: 'Supplier given discretion over {topic} ("{phrase}"): "{duty}".' },
    ask: 'Ask that changes to scope, price or security need the Customer\'s prior written agreement through change control, or at least that the Supplier act reasonably and in good faith.',
    url: 'rules/supplier-discretion.md',
  },
  check(ctx) {
    for (const h of supplierDiscretion(ctx.analysed)) ctx.report({ messageId: 'discretion', at: h.sentence, data: { topic: h.kind ?? 'the services', phrase: h.phrase, duty: h.duty } });
  },
});
