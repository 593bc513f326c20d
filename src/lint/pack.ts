import type { AnalysedDocument } from '../analyse/index.js';
import type { ClauseResult, ClauseStatus, ClauseValue, SectionRef } from '../detect/types.js';
import type { ContractDocument } from '../model.js';
import { analyseAndDetect, byPlace, type Detected, enabledRules, fileReport, type Playbook, runRules } from './engine.js';
import { packContext } from './pack-context.js';
import type { FileReport, Finding, ReportDescriptor, Rule } from './types.js';

/**
 * A contract pack linted as one contract (issue 16): core terms, a definitions schedule and the other schedules.
 *
 * - Clause coverage is the pack's: each clause's status is the best any document gives it (present > weak >
 *   referenced > missing, not applicable), with the document it came from; the clause rules run once, on that
 *   merged view, and their findings go to the document that holds the clause (a clause missing from the whole pack:
 *   the main document).
 * - The other rules run on each document with the pack in their context: definitions shared by the pack,
 *   references to the other documents (see the rules undefined-term, unused-definition, duplicate-definition and
 *   broken-cross-reference).
 * Pure: the documents come read; nothing here touches the file system.
 */

export interface PackMember {
  doc: ContractDocument;
  playbook: Playbook;
  registry: ReadonlyMap<string, Rule>;
  /** The document already analysed, with its own playbook's clauses detected (the CLI does it as each file arrives). */
  prepared?: Detected;
}

/** Analyse a member and detect its playbook's clauses: the part of a pack's work that needs no other document. */
export function prepareMember(doc: ContractDocument, playbook: Playbook, registry: ReadonlyMap<string, Rule>, checkpoint?: () => void): Detected {
  return analyseAndDetect(doc, enabledRules(playbook, registry).clauseIds, registry, checkpoint);
}

export interface PackClause {
  id: string;
  status: ClauseStatus;
  /** The document the status comes from (its path), or null for a clause no document has. */
  file: string | null;
  section: SectionRef | null;
  evidence: string | null;
  values: Record<string, ClauseValue>;
}

export interface PackReport {
  name: string;
  /** Every document's path, in the pack's order. */
  files: string[];
  /** The main document's path. */
  main: string;
  clauses: PackClause[];
}

const RANK: Record<ClauseStatus, number> = { present: 4, weak: 3, referenced: 2, missing: 1, 'not-applicable': 1 };

/** The words of a clause's title that would name a document about it ("business", "continuity"). */
function titleWords(title: string): string[] {
  return title.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3 && !['clause', 'terms', 'rights', 'with', 'from'].includes(w));
}

/** How many of those words a document's title and file name carry. */
function nameScore(doc: ContractDocument, words: readonly string[]): number {
  const name = `${doc.title ?? ''} ${doc.path.split(/[\\/]/).pop() ?? ''}`.toLowerCase();
  return words.filter((w) => name.includes(w)).length;
}

export interface PackOptions {
  checkpoint?: () => void;
}

/** Lint the members as one contract: a report per document (pack-aware findings) and the pack's own report. */
export function lintPack(name: string, members: readonly PackMember[], options: PackOptions = {}): { reports: FileReport[]; pack: PackReport } {
  const checkpoint = options.checkpoint ?? ((): void => {});
  const ctx = packContext(name, members.map((m) => m.doc));
  const mainIndex = members.findIndex((m) => m.doc === ctx.main);
  const main = members[mainIndex]!;
  const { clauseIds } = enabledRules(main.playbook, main.registry);

  // Each document: analysed, its clauses detected, its other rules run with the pack in view.
  const perDoc = members.map((m) => {
    const own = enabledRules(m.playbook, m.registry);
    const ids = clauseIds.filter((id) => m.registry.has(id));
    const { analysed, detected } = m.prepared && ids.every((id) => m.prepared!.detected.has(id)) ? m.prepared : analyseAndDetect(m.doc, ids, m.registry, checkpoint);
    const hygiene = own.enabled.filter((id) => !m.registry.get(id)!.meta.clause);
    const run = runRules({ doc: m.doc, analysed, clauses: detected, ruleIds: hygiene, playbook: m.playbook, registry: m.registry, checkpoint, pack: ctx });
    return { analysed, detected, findings: run.findings };
  });

  // The pack's view of each clause: the best status any document gives it.
  const holder = new WeakMap<ClauseResult, number>();
  const merged = new Map<string, ClauseResult>();
  for (const id of clauseIds) {
    // Between equals, the document named for the clause ("Business Continuity and Disaster Recovery" for business
    // continuity), then the main document, then the first.
    const named = titleWords(main.registry.get(id)?.meta.title ?? id);
    const score = (i: number): number => nameScore(members[i]!.doc, named) * 2 + (i === mainIndex ? 1 : 0);
    let best: { r: ClauseResult; i: number } | null = null;
    perDoc.forEach((d, i) => {
      const r = d.detected.get(id);
      if (!r) return;
      if (!best || RANK[r.status] > RANK[best.r.status] || (RANK[r.status] === RANK[best.r.status] && score(i) > score(best.i))) best = { r, i };
    });
    const chosen = (best as { r: ClauseResult; i: number } | null) ?? { r: { id, status: 'missing' as const, section: null, position: null, evidence: null, values: {}, reasons: [] }, i: mainIndex };
    holder.set(chosen.r, chosen.i);
    merged.set(id, chosen.r);
  }

  // The clause rules, once for the pack; each finding to the document that holds what it is about.
  const sentenceDoc = new WeakMap<object, number>();
  perDoc.forEach((d, i) => d.analysed.sentences.forEach((s) => sentenceDoc.set(s, i)));
  const routed: Finding[][] = members.map(() => []);
  const route = (f: Finding, at: ReportDescriptor['at']): void => {
    const i = at && 'status' in at ? holder.get(at as ClauseResult) : at && 'block' in at ? sentenceDoc.get(at) : undefined;
    routed[i ?? mainIndex]!.push(f);
  };
  const clauseRun = runRules({
    doc: main.doc, analysed: perDoc[mainIndex]!.analysed as AnalysedDocument, clauses: merged, ruleIds: clauseIds,
    playbook: main.playbook, registry: main.registry, checkpoint, pack: ctx, onFinding: route,
  });

  const reports = members.map((m, i) => {
    const d = perDoc[i]!;
    const ids = clauseIds.filter((id) => m.registry.has(id));
    return fileReport(m.doc, [...d.findings, ...routed[i]!].sort(byPlace), ids, d.detected);
  });
  const pack: PackReport = {
    name,
    files: members.map((m) => m.doc.path),
    main: main.doc.path,
    clauses: clauseIds.map((id) => {
      const r = merged.get(id)!;
      const i = holder.get(r)!;
      const found = r.status !== 'missing' && r.status !== 'not-applicable';
      return { id, status: clauseRun.statusOverride.get(id) ?? r.status, file: found ? members[i]!.doc.path : null, section: r.section, evidence: r.evidence, values: r.values };
    }),
  };
  return { reports, pack };
}
