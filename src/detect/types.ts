import type { AnalysedDocument } from '../analyse/index.js';
import type { SourcePosition } from '../model.js';

export type ClauseStatus = 'present' | 'weak' | 'missing' | 'referenced' | 'not-applicable';

export interface SectionRef {
  number: string | null;
  heading: string | null;
}

export type ClauseValue = number | string | boolean | null;

/** Where a catalogue clause lives in a document and how strong it is. */
export interface ClauseResult {
  id: string;
  status: ClauseStatus;
  section: SectionRef | null;
  position: SourcePosition | null;
  /** The words that decided the status (a sentence, trimmed). */
  evidence: string | null;
  /** Extracted values, e.g. { noticeHours: 72 } or { rtoHours: 4, rpoHours: null }. */
  values: Record<string, ClauseValue>;
  /** Why the clause is weak or not applicable, as short codes (e.g. "vague-deadline", "no-period"). */
  reasons: string[];
}

export interface ClauseDetector {
  id: string;
  /** A short title: "Audit rights". */
  title: string;
  detect(doc: AnalysedDocument): ClauseResult;
}

export type ClauseMap = ReadonlyMap<string, ClauseResult>;
