/**
 * Labels-file evaluation: expected clause statuses, written by a person who read each contract,
 * against what clauselint detects. Used by `npm run eval -- --labels FILE` (scripts/eval.ts) and
 * in-process by test/eval-labels.test.ts. The format is described in eval/README.md.
 *
 * A labels file (YAML or JSON):
 *
 *   documents:
 *     - file: markdown/commonpaper-DPA.md          # relative to the base dir
 *       labels:
 *         breach-notification:
 *           status: present                        # present | weak | missing | referenced | not-applicable
 *           section: "4"                           # optional: the clause number where it is (or a parent of it)
 *           reason: 'notify "no later than 72 hours after becoming aware" (4.1)'
 *
 * Paths are relative to a base dir: `--base DIR`, else ../shared/corpus beside the repo. The repo
 * holds only labels, never the contracts themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { analyse } from '../src/analyse/index.js';
import { DETECTORS, detectClauses } from '../src/detect/index.js';
import type { ClauseResult, ClauseStatus } from '../src/detect/types.js';
import { readDocument } from '../src/read/index.js';

export const STATUSES: readonly ClauseStatus[] = ['present', 'weak', 'missing', 'referenced', 'not-applicable'];

/** ../shared/corpus beside the repository. */
export const DEFAULT_BASE = resolve(import.meta.dirname, '..', '..', 'shared', 'corpus');

export interface ClauseLabel {
  status: ClauseStatus;
  /** A clause number ("4.1", "2.6(a)"); a detection in it or below it agrees. */
  section?: string;
  reason: string;
}

export interface DocumentLabels {
  file: string;
  labels: Record<string, ClauseLabel>;
}

export interface LabelsFile {
  documents: DocumentLabels[];
}

/** A labels file that cannot be used: a message per problem, `FILE: path: problem`. */
export class LabelsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'LabelsError';
  }
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['documents'],
  properties: {
    documents: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'labels'],
        properties: {
          file: { type: 'string', minLength: 1 },
          labels: {
            type: 'object',
            minProperties: 1,
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              required: ['status', 'reason'],
              properties: {
                status: { enum: STATUSES },
                section: { type: 'string', minLength: 1 },
                reason: { type: 'string', minLength: 1 },
              },
            },
          },
        },
      },
    },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | null = null;

/** `documents[0].labels.audit-rights.status` from ajv's `/documents/0/labels/audit-rights/status`. */
function keyPath(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) parts.push(extra);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(top level)';
}

function describe(e: ErrorObject): string {
  const at = keyPath(e.instancePath, e.keyword === 'required' ? String(e.params.missingProperty) : e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined);
  switch (e.keyword) {
    case 'required': return `${at}: required`;
    case 'additionalProperties': return `${at}: unknown key`;
    case 'enum': return `${at}: unknown status (expected ${STATUSES.join(' | ')})`;
    case 'minItems': case 'minProperties': return `${at}: must not be empty`;
    case 'minLength': return `${at}: must not be empty`;
    case 'type': return at.endsWith('.section') ? `${at}: must be a quoted string ("3.10", not 3.10, which YAML reads as 3.1)` : `${at}: must be ${String(e.params.type)}`;
    default: return `${at}: ${e.message ?? e.keyword}`;
  }
}

/** The nearest known clause id, for "did you mean". */
function suggest(id: string, known: readonly string[]): string | null {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0]!;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = d[j]!;
        d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return d[b.length]!;
  };
  let best: string | null = null;
  let bestD = 4;
  for (const k of known) {
    const dd = dist(id, k);
    if (dd < bestD) { best = k; bestD = dd; }
  }
  return best;
}

/**
 * Parse and validate a labels file's text (YAML, of which JSON is a subset). `name` prefixes the
 * messages; `base`, when given, is where each document must exist. Throws LabelsError.
 */
export function parseLabels(text: string, name = 'labels', base?: string): LabelsFile {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message.split('\n')[0]! : String(e);
    throw new LabelsError([`${name}: invalid YAML: ${msg}`]);
  }
  validator ??= new Ajv({ allErrors: true }).compile(SCHEMA);
  const problems: string[] = [];
  if (!validator(data)) {
    const seen = new Set<string>();
    for (const e of validator.errors ?? []) {
      const m = `${name}: ${describe(e)}`;
      if (!seen.has(m)) { seen.add(m); problems.push(m); }
    }
  }
  // Clause ids, duplicates and files, checked wherever the shape allows (so that one run lists every problem).
  const docs = (data as { documents?: unknown } | null)?.documents;
  const known = [...DETECTORS.keys()];
  const files = new Set<string>();
  if (Array.isArray(docs)) {
    docs.forEach((doc: unknown, i) => {
      if (!doc || typeof doc !== 'object') return;
      const { file, labels } = doc as { file?: unknown; labels?: unknown };
      if (typeof file === 'string' && file) {
        if (files.has(file)) problems.push(`${name}: documents[${i}].file: "${file}" is labelled twice`);
        files.add(file);
        if (base !== undefined && !existsSync(join(base, file))) problems.push(`${name}: documents[${i}].file: "${file}" not found in ${base}`);
      }
      if (labels && typeof labels === 'object') {
        for (const [id, label] of Object.entries(labels)) {
          if (!DETECTORS.has(id)) {
            const s = suggest(id, known);
            problems.push(`${name}: documents[${i}].labels.${id}: unknown clause id${s ? ` (did you mean "${s}"?)` : ''}`);
          }
        }
      }
    });
  }
  if (problems.length) throw new LabelsError(problems);
  return data as LabelsFile;
}

/** Read and validate a labels file. Throws LabelsError (a missing file too). */
export function loadLabels(path: string, base?: string): LabelsFile {
  if (!existsSync(path)) throw new LabelsError([`${path}: no such labels file`]);
  if (base !== undefined && !existsSync(base)) throw new LabelsError([`${path}: base dir ${base} does not exist`]);
  return parseLabels(readFileSync(path, 'utf8'), path, base);
}

export interface LabelRow {
  clause: string;
  expected: ClauseStatus;
  got: ClauseStatus;
  agree: boolean;
  expectedSection: string | null;
  /** "number heading" of the detection, or null. */
  gotSection: string | null;
  /** null when no section was labelled. */
  sectionAgree: boolean | null;
  reason: string;
  gotReasons: string[];
  evidence: string | null;
}

export interface DocumentResult {
  file: string;
  rows: LabelRow[];
  agree: number;
  total: number;
}

export interface ClauseAgreement { agree: number; total: number }

/**
 * Detection as the issue tracker and CUAD measure it: a clause is detected when it is present, weak or
 * referenced, not detected when missing or not applicable. `strength` is present-vs-weak agreement on the
 * clauses that the label and the detector both judge present or weak.
 */
export interface DetectionCounts { tp: number; fp: number; fn: number; tn: number; strengthAgree: number; strengthTotal: number }

const DETECTED: ReadonlySet<ClauseStatus> = new Set(['present', 'weak', 'referenced']);
const STRENGTH: ReadonlySet<ClauseStatus> = new Set(['present', 'weak']);

export function emptyCounts(): DetectionCounts {
  return { tp: 0, fp: 0, fn: 0, tn: 0, strengthAgree: 0, strengthTotal: 0 };
}

export function countRow(c: DetectionCounts, expected: ClauseStatus, got: ClauseStatus): void {
  const e = DETECTED.has(expected);
  const g = DETECTED.has(got);
  if (e && g) c.tp++;
  else if (g) c.fp++;
  else if (e) c.fn++;
  else c.tn++;
  if (STRENGTH.has(expected) && STRENGTH.has(got)) {
    c.strengthTotal++;
    if (expected === got) c.strengthAgree++;
  }
}

/** Precision, recall and F1 of detection (null where undefined: nothing detected or nothing to detect). */
export function detectionScores(c: DetectionCounts): { precision: number | null; recall: number | null; f1: number | null; strength: number | null } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { precision, recall, f1, strength: c.strengthTotal ? c.strengthAgree / c.strengthTotal : null };
}

export interface LabelsEvaluation {
  base: string;
  documents: DocumentResult[];
  agree: number;
  total: number;
  sectionAgree: number;
  sectionTotal: number;
  /** expected status → got status → count. */
  confusion: Record<ClauseStatus, Record<ClauseStatus, number>>;
  perClause: Record<string, ClauseAgreement>;
  detection: DetectionCounts;
  perClauseDetection: Record<string, DetectionCounts>;
}

/** A detection in section `got` agrees with a label `expected` when it is that clause or one below it. */
export function sectionMatches(expected: string, got: string | null): boolean {
  if (got === null) return false;
  // "Section 3.01(a)", "Article 4", "§ 2": the number without the word a reader may keep.
  const norm = (s: string): string => s.trim().replace(/^(?:section|article|clause|§)\s*/i, '').replace(/\.$/, '');
  const e = norm(expected);
  const g = norm(got);
  return g === e || g.startsWith(`${e}.`) || g.startsWith(`${e}(`);
}

function compareRow(clause: string, label: ClauseLabel, r: ClauseResult): LabelRow {
  const number = r.section?.number ?? null;
  const gotSection = r.section ? [r.section.number, r.section.heading].filter(Boolean).join(' ') || null : null;
  return {
    clause,
    expected: label.status,
    got: r.status,
    agree: label.status === r.status,
    expectedSection: label.section ?? null,
    gotSection,
    sectionAgree: label.section === undefined ? null : sectionMatches(label.section, number),
    reason: label.reason,
    gotReasons: r.reasons,
    evidence: r.evidence,
  };
}

/** Run detection on every labelled document and compare. */
export async function evaluateLabels(labels: LabelsFile, base: string = DEFAULT_BASE): Promise<LabelsEvaluation> {
  const confusion = Object.fromEntries(STATUSES.map((e) => [e, Object.fromEntries(STATUSES.map((g) => [g, 0]))])) as LabelsEvaluation['confusion'];
  const perClause: Record<string, ClauseAgreement> = {};
  const detection = emptyCounts();
  const perClauseDetection: Record<string, DetectionCounts> = {};
  const documents: DocumentResult[] = [];
  let sectionAgree = 0;
  let sectionTotal = 0;
  for (const doc of labels.documents) {
    const path = join(base, doc.file);
    const parsed = await readDocument(path, new Uint8Array(readFileSync(path)));
    const ids = Object.keys(doc.labels);
    const clauses = detectClauses(analyse(parsed), ids);
    const rows = ids.map((id) => compareRow(id, doc.labels[id]!, clauses.get(id)!));
    for (const row of rows) {
      confusion[row.expected][row.got]++;
      countRow(detection, row.expected, row.got);
      countRow((perClauseDetection[row.clause] ??= emptyCounts()), row.expected, row.got);
      const c = (perClause[row.clause] ??= { agree: 0, total: 0 });
      c.total++;
      if (row.agree) c.agree++;
      if (row.sectionAgree !== null) {
        sectionTotal++;
        if (row.sectionAgree) sectionAgree++;
      }
    }
    documents.push({ file: doc.file, rows, agree: rows.filter((r) => r.agree).length, total: rows.length });
  }
  return {
    base,
    documents,
    agree: documents.reduce((n, d) => n + d.agree, 0),
    total: documents.reduce((n, d) => n + d.total, 0),
    sectionAgree,
    sectionTotal,
    confusion,
    perClause,
    detection,
    perClauseDetection,
  };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The Markdown report: a table per document, then totals, the confusion table and per-clause agreement. */
export function formatLabelsReport(ev: LabelsEvaluation, opts: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  for (const d of ev.documents) {
    out.push(`### ${d.file} — ${d.agree}/${d.total} agree`, '');
    out.push('| clause | expected | got | section (expected → got) | |', '|---|---|---|---|---|');
    for (const r of d.rows) {
      const sec = `${r.expectedSection ?? '·'} → ${r.gotSection ?? '·'}${r.sectionAgree === false ? ' ✗' : ''}`;
      const got = r.gotReasons.length && r.got !== r.expected ? `${r.got} (${r.gotReasons.join(', ')})` : r.got;
      out.push(`| ${r.clause} | ${r.expected} | ${cell(got)} | ${cell(sec)} | ${r.agree ? '✓' : '✗'} |`);
    }
    const off = d.rows.filter((r) => !r.agree || opts.verbose);
    if (off.length) {
      out.push('');
      for (const r of off) {
        out.push(`- ${r.agree ? '✓' : '✗'} **${r.clause}** expected ${r.expected}: ${r.reason}`);
        if (r.evidence) out.push(`  got ${r.got}${r.gotSection ? ` in ${r.gotSection}` : ''}: “${r.evidence.length > 220 ? `${r.evidence.slice(0, 220)}…` : r.evidence}”`);
      }
    }
    out.push('');
  }
  const pct = (a: number, t: number): string => (t ? `${((100 * a) / t).toFixed(1)}%` : '-');
  out.push('## Totals', '');
  out.push(`labels agreeing: **${ev.agree} / ${ev.total}** (${pct(ev.agree, ev.total)})`);
  out.push(`sections agreeing (where labelled): ${ev.sectionAgree} / ${ev.sectionTotal}`, '');
  out.push('Confusion (rows: expected, columns: got):', '');
  out.push(`| expected \\ got | ${STATUSES.join(' | ')} | total |`, `|---|${STATUSES.map(() => '---:').join('|')}|---:|`);
  for (const e of STATUSES) {
    const row = STATUSES.map((g) => ev.confusion[e][g]);
    const total = row.reduce((a, b) => a + b, 0);
    if (total) out.push(`| ${e} | ${row.map((n, i) => (STATUSES[i] === e ? `**${n}**` : String(n))).join(' | ')} | ${total} |`);
  }
  const f = (x: number | null): string => (x === null ? '-' : x.toFixed(2));
  const all = detectionScores(ev.detection);
  out.push('', `Detection (present, weak or referenced against missing or not applicable): precision **${f(all.precision)}**, recall **${f(all.recall)}**, F1 **${f(all.f1)}** (TP ${ev.detection.tp}, FP ${ev.detection.fp}, FN ${ev.detection.fn}, TN ${ev.detection.tn})`);
  out.push(`Present-vs-weak agreement where both say present or weak: **${f(all.strength)}** (${ev.detection.strengthAgree} / ${ev.detection.strengthTotal})`);
  out.push('', 'Per clause:', '', '| clause | agree | total | TP | FP | FN | F1 | present-vs-weak |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [id, c] of Object.entries(ev.perClause).sort(([a], [b]) => a.localeCompare(b))) {
    const d = ev.perClauseDetection[id] ?? emptyCounts();
    const s = detectionScores(d);
    out.push(`| ${id} | ${c.agree} | ${c.total} | ${d.tp} | ${d.fp} | ${d.fn} | ${f(s.f1)} | ${d.strengthTotal ? `${d.strengthAgree}/${d.strengthTotal}` : '-'} |`);
  }
  return out.join('\n');
}
