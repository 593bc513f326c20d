import { blockAtLine } from '../src/lint/blocks.js';
import { excerpt, sectionRef } from '../src/detect/util.js';
import { defineRule } from '../src/lint/types.js';

export default defineRule({
  meta: {
    id: 'open-comments',
    description: 'Report reviewer comments still in a DOCX, each at its clause with author and date.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { open: 'Open comment by {author}{date}: "{text}"' },
    ask: 'Resolve and delete every comment before the draft is sent or signed.',
    url: 'rules/open-comments.md',
  },
  check(ctx) {
    for (const c of ctx.doc.comments ?? []) {
      const p = c.paragraph > 0 ? blockAtLine(ctx.doc, c.paragraph) : null;
      ctx.report({
        messageId: 'open',
        data: { author: c.author ?? 'unknown author', date: c.date ? ` (${c.date.slice(0, 10)})` : '', text: excerpt(c.text, 160) },
        at: { section: p ? sectionRef(p.path) : null, position: { line: Math.max(1, c.paragraph), column: 1 }, excerpt: c.anchorText ? excerpt(c.anchorText, 200) : p ? excerpt(p.block.text, 200) : null },
      });
    }
  },
});
