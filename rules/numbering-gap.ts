import { type Enumerator, parseEnumerator } from '../src/read/enumerators.js';
import { sectionLocation } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';
import type { Section } from '../src/model.js';

interface Reading {
  style: string;
  value: number;
  components?: number[];
}

function readingsOf(label: string): Reading[] {
  const e: Enumerator | null = parseEnumerator(`${label} X`);
  if (!e) return [];
  const out: Reading[] = [{ style: e.style, value: e.value, ...(e.components ? { components: e.components } : {}) }];
  if (e.alternative) out.push({ style: e.alternative.style, value: e.alternative.value });
  return out;
}

function decimalParent(path: readonly Section[]): number[] | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i]!.label;
    if (n === null) continue;
    const r = readingsOf(n)[0];
    return r && r.style === 'decimal' && r.components ? r.components : null;
  }
  return null;
}

function show(s: Section): string {
  return s.number ?? s.label ?? '?';
}

export default defineRule({
  meta: {
    id: 'numbering-gap',
    description: 'Report clause numbers that skip, repeat, or start a list past its first number.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      skip: 'Numbering skips from {prev} to {next}.',
      repeat: 'Clause number {number} is repeated.',
      start: 'Numbering starts at {number}; {expected} is missing.',
      parent: 'Clause {number} sits under clause {parent}.',
    },
    ask: 'Renumber the clauses (and their cross-references) so that no number is skipped or repeated.',
    url: 'rules/numbering-gap.md',
  },
  check(ctx) {
    const visitList = (children: readonly Section[], path: readonly Section[]): void => {
      let prev: { s: Section; r: Reading } | null = null;
      const parentComps = decimalParent(path);
      for (const s of children) {
        if (s.label === null) continue;
        const readings = readingsOf(s.label);
        if (readings.length === 0) continue;
        const r: Reading = (prev && readings.find((x) => x.style === prev!.r.style)) || readings[0]!;
        if (r.style === 'attachment') {
          prev = null;
          continue;
        }
        const loc = sectionLocation([...path, s]);
        const sameKind = prev !== null && prev.r.style === r.style && (r.components?.length ?? 0) === (prev.r.components?.length ?? 0);
        if (prev !== null && sameKind) {
          const samePrefix = !r.components || r.components.slice(0, -1).join('.') === prev.r.components!.slice(0, -1).join('.');
          if (samePrefix) {
            if (r.value === prev.r.value) ctx.report({ messageId: 'repeat', data: { number: show(s) }, at: loc });
            else if (r.value > prev.r.value + 1) ctx.report({ messageId: 'skip', data: { prev: show(prev.s), next: show(s) }, at: loc });
          }
        } else if (prev === null || !sameKind) {
          // The first clause of a list: (a), i., 1 — or, for decimals, parent.1.
          if (r.components && parentComps && r.components.length === parentComps.length + 1) {
            if (r.components.slice(0, -1).join('.') !== parentComps.join('.')) {
              ctx.report({ messageId: 'parent', data: { number: show(s), parent: parentComps.join('.') }, at: loc });
            } else if (r.value > 1 && prev === null) {
              ctx.report({ messageId: 'start', data: { number: show(s), expected: [...parentComps, 1].join('.') }, at: loc });
            }
          } else if (r.components && !parentComps && r.components.length === 1 && r.value > 1 && prev === null) {
            ctx.report({ messageId: 'start', data: { number: show(s), expected: '1' }, at: loc });
          } else if (!r.components && r.value > 1 && prev === null) {
            const expected = s.label.replace(/[A-Za-z0-9]+/, (m) => (/^\d+$/.test(m) ? '1' : /^[ivxlc]+$/.test(m) ? 'i' : /^[IVXLC]+$/.test(m) ? 'I' : /[a-z]/.test(m) ? 'a' : 'A'));
            ctx.report({ messageId: 'start', data: { number: show(s), expected }, at: loc });
          }
        }
        prev = { s, r };
      }
      for (const s of children) visitList(s.children, [...path, s]);
    };
    visitList(ctx.doc.sections, []);
  },
});
