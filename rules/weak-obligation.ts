import { defineRule } from '../src/lint/types.js';
import { weakObligations } from '../src/lint/weak-language.js';

export default defineRule({
  meta: {
    id: 'weak-obligation',
    description: 'Flag supplier duties worded as permission or effort ("may", "should", "reasonable endeavours", "where practicable").',
    defaultSeverity: 'warn',
    category: 'language',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { weak: 'Supplier duty worded as {kind} ("{phrase}"): "{duty}".' },
    ask: 'Ask for a binding duty ("the Supplier shall") with a measurable standard in place of the permission or effort wording.',
    url: 'rules/weak-obligation.md',
  },
  check(ctx) {
    for (const h of weakObligations(ctx.analysed)) ctx.report({ messageId: 'weak', at: h.sentence, data: { kind: h.kind ?? 'effort only', phrase: h.phrase, duty: h.duty } });
  },
});
