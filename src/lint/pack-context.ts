import type { ContractDocument, DefinedTerm } from '../model.js';
import { isDefinitionsDocument } from './terms.js';

/**
 * A contract pack: core terms and their schedules linted as one contract. What a rule may ask of the pack: the
 * other documents, the definitions every document may use, and which document a reference names.
 */
export interface PackContext {
  name: string;
  docs: readonly ContractDocument[];
  /** The document the others hang from: the one they refer to, else the core terms or agreement, else the first. */
  main: ContractDocument;
  /** Definitions for the whole pack: every document's, except those of a document that defines for itself only ("In this Schedule, … shall have the following meanings"). */
  shared: readonly DefinedTerm[];
  /** The document a reference names ("Joint Schedule 1 (Definitions)", "Call-Off Schedule 10", "Schedule 3"), null when none does, 'ambiguous' when several might. */
  resolve(reference: string): ContractDocument | null | 'ambiguous';
  /** The definitions a document of the pack may use: the shared ones and its own. */
  definitionsFor(doc: ContractDocument): DefinedTerm[];
}

/** A document reference: a family ("Call-Off", "Joint", "Framework", "Order"), a kind and a number or letter. */
export interface DocumentLabel {
  family: string | null;
  kind: string;
  id: string;
}

const KIND = String.raw`(schedule|annex(?:ure)?|appendix|exhibit|attachment|addendum)`;
const FAMILY = String.raw`(?:(joint|call[- ]off|framework|order|master|core)\s+)?`;
/** "Call-Off Schedule 10", "Joint Schedule 1", "Schedule 3", "Annex 2", "Exhibit B", "Appendix IV". */
export const DOCUMENT_LABEL = new RegExp(String.raw`\b${FAMILY}${KIND}\s+(\d{1,3}[A-Z]?|[A-Z]{1,2}|[IVX]{1,5})(?![\w.])`, 'gi');

export function labelsIn(text: string): DocumentLabel[] {
  const out: DocumentLabel[] = [];
  for (const m of text.matchAll(DOCUMENT_LABEL)) {
    out.push({ family: m[1] ? m[1].toLowerCase().replace(/\s+/, '-') : null, kind: m[2]!.toLowerCase().replace(/ure$/, ''), id: m[3]!.toUpperCase() });
  }
  return out;
}

/** The labels a document answers to: from its title, else the first lines of its text, and its file name. */
export function documentLabels(doc: ContractDocument): DocumentLabel[] {
  const name = (doc.path.split(/[\\/]/).pop() ?? '').replace(/\.[a-z]+$/i, '').replace(/\s*\([A-Z]\)\s*/g, ' ');
  const head = [doc.title ?? '', ...doc.preamble.slice(0, 6).map((b) => b.text), ...doc.sections.slice(0, 1).map((s) => s.heading ?? '')].join(' \n ');
  const seen = new Set<string>();
  return [...labelsIn(name), ...labelsIn(head).slice(0, 2)].filter((l) => {
    const k = `${l.family}|${l.kind}|${l.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const CORE = /\b(?:core terms|terms and conditions|master (?:services |subscription )?agreement|general terms|agreement|terms of service)\b/i;

/**
 * The pack's main document, where a clause missing from the whole pack is reported: the one the others hang from
 * (the core terms), else the one titled like an agreement and labelled no schedule, else the one labelled no
 * schedule, else the first.
 */
export function mainDocument(docs: readonly ContractDocument[], labels: ReadonlyMap<ContractDocument, DocumentLabel[]>): ContractDocument {
  const unlabelled = docs.filter((d) => (labels.get(d) ?? []).length === 0);
  // A schedule that mentions the core terms in its title is not them: documents labelled as schedules come last.
  const core = (d: ContractDocument): boolean => /\bcore terms\b/i.test(`${d.title ?? ''} ${d.path.split(/[\\/]/).pop()}`);
  return unlabelled.find(core)
    ?? docs.find(core)
    ?? unlabelled.find((d) => CORE.test(d.title ?? ''))
    ?? unlabelled[0]
    ?? docs[0]!;
}

/** "In this Schedule, the following words shall have the following meanings": the schedule's terms are its own. */
const OWN_DEFINITIONS = /\b(?:in|for the purposes of) this (?:Schedule|Annex|Appendix|Exhibit|Attachment|Part|Deed(?: of \w+)?|Guarantee|Warranty)\b[^.]{0,120}\b(?:ha(?:ve|s)|bear) the (?:following )?meanings?\b|\bfor the purposes of this (?:Schedule|Annex|Appendix|Exhibit)\b/i;

/** A document whose definitions are for itself only, as it says; the definitions of the others serve the whole pack. */
export function definesForItselfOnly(doc: ContractDocument): boolean {
  const early = [...doc.preamble, ...doc.sections.slice(0, 3).flatMap((s) => [...s.blocks, ...s.children.slice(0, 3).flatMap((c) => c.blocks)])];
  return early.some((b) => OWN_DEFINITIONS.test(b.text));
}

/** The pack context for documents read together. */
export function packContext(name: string, docs: readonly ContractDocument[]): PackContext {
  const labelled = docs.map((doc) => ({ doc, labels: documentLabels(doc) }));
  const resolve: PackContext['resolve'] = (reference) => {
    const wanted = labelsIn(reference)[0];
    if (!wanted) return null;
    const hits = labelled.filter((x) => x.labels.some((l) => l.kind === wanted.kind && l.id === wanted.id && (wanted.family === null || l.family === null || l.family === wanted.family)));
    const exact = hits.filter((x) => x.labels.some((l) => l.kind === wanted.kind && l.id === wanted.id && l.family === wanted.family));
    if (exact.length === 1) return exact[0]!.doc;
    if (hits.length === 1) return hits[0]!.doc;
    return hits.length > 1 ? 'ambiguous' : null;
  };
  const main = mainDocument(docs, new Map(labelled.map((x) => [x.doc, x.labels])));
  const local = new Set(docs.filter((d) => d !== main && !isDefinitionsDocument(d) && definesForItselfOnly(d)));
  // A self-contained part set into a document (a deed, an annex) defines for itself, whatever the document does.
  const shared = docs.filter((d) => !local.has(d)).flatMap((d) => d.definitions.filter((x) => !x.scope));
  return {
    name, docs, main, shared, resolve,
    definitionsFor: (doc) => [...shared, ...doc.definitions.filter((x) => local.has(doc) || x.scope)],
  };
}
