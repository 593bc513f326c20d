import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { CARRIERS, HEADINGS, VARIANTS } from '../src/detect/catalogue.js';
import { lintDocument } from '../src/lint/engine.js';
import type { ContractDocument } from '../src/model.js';
import { readMarkdown } from '../src/read/markdown.js';
import { ROOT } from './helpers.js';

// Every rule's documentation carries executed examples: each ```md bad block
// must make the rule report, each ```md good block must not.
const EXAMPLE = /```(md|json) (bad|good)\n([\s\S]*?)```/g;

describe('rule documentation', () => {
  const docs = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.md'));

  it('every registered rule has a page with at least one bad and one good example, and no page is orphaned', () => {
    expect(docs.map((f) => f.replace(/\.md$/, '')).sort()).toEqual([...RULES.keys()].sort());
    for (const id of RULES.keys()) {
      const text = readFileSync(join(ROOT, 'rules', `${id}.md`), 'utf8');
      expect(text.startsWith(`# ${id}\n`)).toBe(true);
      const kinds = [...text.matchAll(EXAMPLE)].map((m) => m[2]);
      expect(kinds).toContain('bad');
      expect(kinds).toContain('good');
      expect(RULES.get(id)!.meta.url).toBe(`rules/${id}.md`);
    }
  });

  it('every clause rule documents the vendor-paper data it is judged by: its one-sided wordings, heading and carriers', () => {
    for (const id of new Set([...Object.keys(VARIANTS), ...Object.keys(HEADINGS), ...CARRIERS.flatMap((c) => c.clauses)])) {
      const text = readFileSync(join(ROOT, 'rules', `${id}.md`), 'utf8');
      const section = /\n## Vendor paper\n([\s\S]*?)(?=\n## |$)/.exec(text)?.[1];
      expect(section, `rules/${id}.md has no "## Vendor paper" section`).toBeDefined();
      for (const v of VARIANTS[id] ?? []) expect(section, `rules/${id}.md: ${v.reason}`).toContain(`\`${v.reason}\``);
      if (HEADINGS[id]) expect(section).toContain('`located-by-heading`');
      for (const c of CARRIERS.filter((x) => x.clauses.includes(id))) expect(section, `rules/${id}.md: ${c.name}`).toContain(c.name);
    }
  });

  for (const file of docs) {
    const id = file.replace(/\.md$/, '');
    const rule = RULES.get(id);
    if (!rule) continue;
    const text = readFileSync(join(ROOT, 'rules', file), 'utf8');
    [...text.matchAll(EXAMPLE)].forEach((m, i) => {
      const kind = m[2]!;
      it(`${id}: example ${i + 1} (${kind})`, () => {
        // A ```json example gives DOCX-only data (revisions, comments) next to the Markdown text.
        const example = m[1] === 'json' ? (JSON.parse(m[3]!) as { markdown: string } & Partial<ContractDocument>) : { markdown: m[3]! };
        const doc = { ...readMarkdown(`${id}-example-${i + 1}.md`, example.markdown), ...(example.revisions ? { revisions: example.revisions } : {}), ...(example.comments ? { comments: example.comments } : {}) };
        const report = lintDocument(doc, { rules: new Map([[id, { severity: 'error', options: {} }]]) }, RULES);
        const own = report.findings.filter((f) => f.ruleId === id && f.severity !== 'info');
        if (kind === 'bad') expect(own.length, `expected ${id} to report on:\n${m[3]}`).toBeGreaterThan(0);
        else expect(own, `expected no ${id} finding on:\n${m[3]}`).toEqual([]);
      });
    });
  }
});
