import { defineRule } from '../src/lint/types.js';
import { vagueDeadlines } from '../src/lint/weak-language.js';

export default defineRule({
  meta: {
    id: 'vague-deadline',
    description: 'Flag supplier duties bounded only by "promptly", "without undue delay", "as soon as practicable" or similar, with no number.',
    defaultSeverity: 'warn',
    category: 'language',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { vague: 'Supplier duty with a vague deadline ("{phrase}") and no stated time: "{duty}".' },
    ask: 'Ask for a stated outer time limit ("and in any event within 24 hours" or "within 5 Business Days") alongside the vague deadline.',
    url: 'rules/vague-deadline.md',
  },
  check(ctx) {
    for (const h of vagueDeadlines(ctx.analysed)) ctx.report({ messageId: 'vague', at: h.sentence, data: { phrase: h.phrase, duty: h.duty } });
  },
});
