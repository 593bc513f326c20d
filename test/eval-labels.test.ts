import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabelsError, evaluateLabels, formatLabelsReport, loadLabels, parseLabels, sectionMatches } from '../scripts/eval-labels.js';
import { CORPUS, HAS_CORPUS, ROOT, SKIP_CORPUS_REASON } from './helpers.js';

/** The problems a labels text is rejected with. */
function problems(text: string, base?: string): string[] {
  try {
    parseLabels(text, 'labels.yaml', base);
  } catch (e) {
    if (e instanceof LabelsError) return e.problems;
    throw e;
  }
  return [];
}

const GOOD = `
documents:
  - file: markdown/a.md
    labels:
      breach-notification:
        status: present
        section: "4.1"
        reason: 'notify "no later than 72 hours"'
      hipaa-baa: { status: not-applicable, reason: no health data }
  - file: b.txt
    labels:
      liability-cap: { status: referenced, reason: 'limitations "stated in the Agreement"' }
`;

describe('labels file parser', () => {
  it('reads documents, statuses, sections and reasons', () => {
    const f = parseLabels(GOOD);
    expect(f.documents.map((d) => d.file)).toEqual(['markdown/a.md', 'b.txt']);
    expect(f.documents[0]!.labels['breach-notification']).toEqual({ status: 'present', section: '4.1', reason: 'notify "no later than 72 hours"' });
    expect(f.documents[0]!.labels['hipaa-baa']!.status).toBe('not-applicable');
    expect(f.documents[1]!.labels['liability-cap']!.status).toBe('referenced');
  });

  it('accepts JSON too', () => {
    const f = parseLabels(JSON.stringify({ documents: [{ file: 'x.md', labels: { insurance: { status: 'missing', reason: 'none' } } }] }));
    expect(f.documents[0]!.labels.insurance!.status).toBe('missing');
  });

  it('rejects an unknown clause id, suggesting the nearest', () => {
    expect(problems('documents:\n  - file: a.md\n    labels:\n      gdpr-refrence: { status: present, reason: x }\n')).toEqual([
      'labels.yaml: documents[0].labels.gdpr-refrence: unknown clause id (did you mean "gdpr-reference"?)',
    ]);
    expect(problems('documents:\n  - file: a.md\n    labels:\n      weak-obligation: { status: present, reason: x }\n')[0]).toMatch(/weak-obligation: unknown clause id/);
  });

  it('rejects an unknown status', () => {
    expect(problems('documents:\n  - file: a.md\n    labels:\n      audit-rights: { status: strong, reason: x }\n')).toEqual([
      'labels.yaml: documents[0].labels.audit-rights.status: unknown status (expected present | weak | missing | referenced | not-applicable)',
    ]);
  });

  it('rejects bad YAML with the position', () => {
    const p = problems('documents: [\n  - file: a.md\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^labels\.yaml: invalid YAML: .*line \d+/);
  });

  it('rejects duplicate keys, missing reasons, unquoted sections, unknown keys and empty files', () => {
    expect(problems('documents:\n  - file: a.md\n    labels:\n      insurance: { status: missing, reason: x }\n      insurance: { status: weak, reason: y }\n')[0]).toMatch(/invalid YAML: Map keys must be unique/);
    expect(problems('documents:\n  - file: a.md\n    labels:\n      insurance: { status: missing }\n')).toEqual(['labels.yaml: documents[0].labels.insurance.reason: required']);
    expect(problems('documents:\n  - file: a.md\n    labels:\n      insurance: { status: missing, section: 3.10, reason: x }\n')[0]).toMatch(/insurance\.section: must be a quoted string/);
    expect(problems('documents:\n  - file: a.md\n    label:\n      insurance: { status: missing, reason: x }\n')).toEqual([
      'labels.yaml: documents[0].labels: required',
      'labels.yaml: documents[0].label: unknown key',
    ]);
    expect(problems('documents: []\n')).toEqual(['labels.yaml: documents: must not be empty']);
    expect(problems('')).toEqual(['labels.yaml: (top level): must be object']);
  });

  it('lists every problem at once, and a document that is not in the base dir', () => {
    const p = problems('documents:\n  - file: a.md\n    labels:\n      auditrights: { status: maybe, reason: x }\n  - file: a.md\n    labels:\n      insurance: { status: missing, reason: x }\n', join(ROOT, 'eval'));
    expect(p).toEqual([
      'labels.yaml: documents[0].labels.auditrights.status: unknown status (expected present | weak | missing | referenced | not-applicable)',
      `labels.yaml: documents[0].file: "a.md" not found in ${join(ROOT, 'eval')}`,
      'labels.yaml: documents[0].labels.auditrights: unknown clause id (did you mean "audit-rights"?)',
      'labels.yaml: documents[1].file: "a.md" is labelled twice',
      `labels.yaml: documents[1].file: "a.md" not found in ${join(ROOT, 'eval')}`,
    ]);
  });

  it('reports a missing labels file', () => {
    expect(() => loadLabels(join(ROOT, 'eval', 'no-such.yaml'))).toThrow(/no-such\.yaml: no such labels file/);
  });

  it('the repository labels files are valid', () => {
    for (const f of ['corpus-markdown.yaml', 'holdout-cuad.yaml']) expect(loadLabels(join(ROOT, 'eval', f)).documents.length).toBeGreaterThan(0);
  });
});

describe('section matching', () => {
  it('agrees on the labelled clause or one below it', () => {
    expect(sectionMatches('4', '4.1')).toBe(true);
    expect(sectionMatches('2.6', '2.6(a)')).toBe(true);
    expect(sectionMatches('3.01', 'Section 3.01(a)')).toBe(true);
    expect(sectionMatches('12.3', '12.3')).toBe(true);
    expect(sectionMatches('1', '11.9')).toBe(false);
    expect(sectionMatches('3.1', '3.10')).toBe(false);
    expect(sectionMatches('4', null)).toBe(false);
  });
});

describe.skipIf(!HAS_CORPUS)(`eval over eval/corpus-markdown.yaml${SKIP_CORPUS_REASON}`, () => {
  it('reaches the measured agreement', async () => {
    const ev = await evaluateLabels(loadLabels(join(ROOT, 'eval', 'corpus-markdown.yaml'), CORPUS), CORPUS);
    expect(ev.documents.map((d) => d.file)).toEqual([
      'markdown/commonpaper-DPA.md', 'markdown/commonpaper-BAA.md', 'markdown/commonpaper-SLA.md', 'markdown/commonpaper-CSA.md',
    ]);
    expect(ev.total).toBe(143);
    // Measured 2026-11-28: 126 of 143 labels agree (DPA 29/36, BAA 30/35, SLA 34/36, CSA 33/36).
    // Then 143 of 143, after the detector fixes for the labelled disagreements: ip-ownership (the customer's content in
    // a subscription), subcontracting (Subprocessor/Subcontractor wording, consent in a sibling sub-clause),
    // confidentiality, breach-notification, performance-reporting, security-standards and exit-assistance no longer
    // taking unrelated sentences, Cover Page variables (Governing Member State, Breach Notification Period) and a DPA's
    // "limitations of liability stated in the Agreement" read as referenced, termination-for-cause for repeated
    // uptime failure and without an insolvency ground, audit rights limited to reports or to books and records.
    // A detector change that moves this number must update it here, with the disagreement it fixed or made.
    expect(ev.agree).toBe(143);
    const confusionTotal = Object.values(ev.confusion).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0);
    expect(confusionTotal).toBe(ev.total);
    const report = formatLabelsReport(ev);
    expect(report).toContain('labels agreeing: **143 / 143**');
    expect(report).toMatch(/\| clause \| expected \| got \| section \(expected → got\) \| \|/);
  });
});

describe.skipIf(!HAS_CORPUS)(`eval over the vendor-paper labels${SKIP_CORPUS_REASON}`, () => {
  // Development data (both files have been seen: the "blind" third since the third session). Measured at the end of the
  // fourth session of 2026-12-06; a detector change that moves a number must update it here, saying why.
  const cases: Array<[string, { agree: number; tp: number; fp: number; fn: number; strengthAgree: number; strengthTotal: number }]> = [
    ['vendor-paper.yaml', { agree: 600, tp: 293, fp: 14, fn: 32, strengthAgree: 198, strengthTotal: 226 }],
    ['vendor-paper-blind.yaml', { agree: 279, tp: 130, fp: 6, fn: 27, strengthAgree: 97, strengthTotal: 107 }],
  ];
  for (const [file, want] of cases) {
    it(`${file}: ${want.agree} labels agree, detection F1 and present-vs-weak as measured`, async () => {
      const ev = await evaluateLabels(loadLabels(join(ROOT, 'eval', file), CORPUS), CORPUS);
      const { tp, fp, fn, strengthAgree, strengthTotal } = ev.detection;
      expect({ agree: ev.agree, tp, fp, fn, strengthAgree, strengthTotal }).toEqual(want);
    }, 120_000);
  }
});
