import { blockAtLine, sectionLocation } from '../src/lint/blocks.js';
import { sectionRef } from '../src/detect/util.js';
import { defineRule, type FindingLocation } from '../src/lint/types.js';
import type { Revision } from '../src/model.js';

export default defineRule({
  meta: {
    id: 'unresolved-revisions',
    description: 'Report a DOCX still carrying tracked insertions or deletions, clause by clause, with their authors.',
    defaultSeverity: 'error',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { open: '{count} unresolved tracked change{s} ({kinds}) by {authors}.' },
    ask: 'Accept or reject every tracked change before the draft is signed.',
    url: 'rules/unresolved-revisions.md',
  },
  check(ctx) {
    const revisions = ctx.doc.revisions ?? [];
    if (revisions.length === 0) return;
    // One finding per clause: where the change is, how many, of what kind, by whom.
    const groups = new Map<string, { at: FindingLocation; revs: Revision[] }>();
    for (const r of revisions) {
      const p = blockAtLine(ctx.doc, r.paragraph);
      const key = p ? p.path.map((s) => s.number ?? s.heading ?? '').join('/') || '(preamble)' : '(document)';
      let g = groups.get(key);
      if (!g) {
        const at: FindingLocation = p && p.path.length > 0
          ? { ...sectionLocation(p.path), position: { line: r.paragraph, column: 1 }, section: sectionRef(p.path) }
          : { section: null, position: { line: Math.max(1, r.paragraph), column: 1 }, excerpt: null };
        g = { at, revs: [] };
        groups.set(key, g);
      }
      g.revs.push(r);
    }
    for (const { at, revs } of groups.values()) {
      const ins = revs.filter((r) => r.kind === 'insertion').length;
      const del = revs.length - ins;
      const kinds = [ins ? `${ins} insertion${ins === 1 ? '' : 's'}` : '', del ? `${del} deletion${del === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
      const authors = [...new Set(revs.map((r) => r.author ?? 'unknown author'))].sort().join(', ');
      const sample = revs.find((r) => r.text.trim() !== '')?.text.trim();
      ctx.report({
        messageId: 'open',
        data: { count: revs.length, s: revs.length === 1 ? '' : 's', kinds, authors },
        at: { ...at, excerpt: sample ? `${revs.find((r) => r.text.trim() !== '')!.kind === 'insertion' ? 'inserted' : 'deleted'}: ${sample.slice(0, 200)}` : at.excerpt },
      });
    }
  },
});
