import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { lintDocument } from '../src/lint/engine.js';
import { readDocx } from '../src/read/docx.js';
import { BASE_STYLES, abstractNum, docx, num, p, pStyle, rev } from './ooxml-fixture.js';

// Hygiene rules on a DOCX whose clause numbers exist only in Word's automatic numbering.
const LEVELS = abstractNum(30, [
  { fmt: 'decimal', text: '%1.', pStyle: 'H1' },
  { fmt: 'decimal', text: '%1.%2', pStyle: 'H2' },
]);
const STYLES = BASE_STYLES +
  pStyle('H1', 'Clause Heading', { basedOn: 'Normal', numId: 1 }) +
  pStyle('H2', 'Numbered Clause', { basedOn: 'Normal', numId: 1 });

async function lint(body: string, rules: string[], numbering = LEVELS + num(1, 30)) {
  const doc = await readDocx('draft.docx', docx({ styles: STYLES, numbering, body }));
  return lintDocument(doc, { rules: new Map(rules.map((id) => [id, { severity: 'error' as const, options: {} }])) }, RULES);
}

describe('hygiene rules on Word-numbered DOCX', () => {
  it('resolves references against the numbers Word renders, and reports the ones it does not', async () => {
    const r = await lint([
      p('SERVICES', { style: 'H1' }),
      p('The Supplier shall provide the Services.', { style: 'H2' }),
      p('The Supplier shall meet the Service Levels in clause 1.1 and report under clause 2.3.', { style: 'H2' }),
      p('CHARGES', { style: 'H1' }),
      p('The Customer shall pay the Charges.', { style: 'H2' }),
    ].join(''), ['broken-cross-reference']);
    expect(r.findings.map((f) => [f.ruleId, f.message, f.section?.number, f.line])).toEqual([
      ['broken-cross-reference', 'Clause 2.3 does not exist in this document.', '1.2', 3],
    ]);
  });

  it('reports a gap in Word numbering (a list restarted at 4) and not a continued list', async () => {
    const r = await lint([
      p('SERVICES', { style: 'H1' }),
      p('The Supplier shall provide the Services.', { style: 'H2' }),
      p('CHARGES', { style: 'H1' }),
      p('LIABILITY', { style: 'H1', numId: 2 }),
    ].join(''), ['numbering-gap'], LEVELS + num(1, 30) + num(2, 30, [[0, 4]]));
    expect(r.findings.map((f) => [f.messageId, f.section?.number, f.line])).toEqual([['skip', '4', 4]]);
    expect(r.findings[0]!.message).toBe('Numbering skips from 2 to 4.');
  });

  it('reports tracked changes clause by clause with their authors', async () => {
    const r = await lint([
      p('CHARGES', { style: 'H1' }),
      p('', { style: 'H2', runs: `<w:r><w:t xml:space="preserve">The Customer shall pay within </w:t></w:r>${rev('del', 'Vendor Legal', '2025-03-01T10:00:00Z', 1, '30')}${rev('ins', 'Vendor Legal', '2025-03-01T10:00:00Z', 2, '60')}<w:r><w:t xml:space="preserve"> days.</w:t></w:r>` }),
    ].join(''), ['unresolved-revisions']);
    expect(r.findings.map((f) => [f.ruleId, f.section?.number, f.line, f.message])).toEqual([
      ['unresolved-revisions', '1.1', 2, '2 unresolved tracked changes (1 insertion, 1 deletion) by Vendor Legal.'],
    ]);
  });
});
