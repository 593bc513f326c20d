import type { PackContext } from './pack-context.js';
import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import type { ClauseMap, ClauseResult, ClauseStatus, ClauseValue, SectionRef } from '../detect/types.js';
import type { ContractDocument, SourcePosition } from '../model.js';

export type Severity = 'error' | 'warn' | 'info';
export type SeveritySetting = 'off' | 'warn' | 'error';

/** A JSON Schema for a rule's options (validated with ajv when a config sets them). */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta {
  /** The clause id of the catalogue ("breach-notification"). */
  id: string;
  /** One line: what the rule requires. */
  description: string;
  defaultSeverity: 'warn' | 'error';
  /** Catalogue section: A regulatory, B operational, C weak language, D draft hygiene. */
  category: 'regulatory' | 'operational' | 'language' | 'hygiene';
  /** True when the rule reports on a catalogue clause (listed under `clauses` in reports). */
  clause: boolean;
  /** JSON Schema of the options object, and its defaults. */
  schema: OptionsSchema;
  defaultOptions: Record<string, unknown>;
  /** Message templates by message id; `{name}` is replaced from the report's data. */
  messages: Record<string, string>;
  /** What a reviewer should ask for when the clause is missing or weak: one sentence. */
  ask?: string;
  /** Documentation (rules/<id>.md in the package). */
  url: string;
  /** The clause's name for reports ("ISO 27001 certification"); built-in clauses take it from their detector. */
  title?: string;
  /** Where the rule comes from when it is not built in: a custom clause file or a plugin module. */
  origin?: 'custom' | 'plugin';
}

export interface FindingLocation {
  section: SectionRef | null;
  position: SourcePosition | null;
  excerpt: string | null;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where: a clause result, a sentence, or an explicit location. Omitted: the document (1:1). */
  at?: ClauseResult | Sentence | FindingLocation;
  /** Findings that inform rather than warn (a clause supplied by another document). */
  info?: boolean;
}

export interface RuleContext {
  doc: ContractDocument;
  analysed: AnalysedDocument;
  clauses: ClauseMap;
  options: Record<string, unknown>;
  /** Linting a contract pack (`--pack`, config `packs`): the other documents, shared definitions, document references. */
  pack?: PackContext;
  report(d: ReportDescriptor): void;
  /**
   * Record the playbook's verdict on the rule's clause when it differs from
   * detection (a notice period beyond the threshold makes a present clause weak).
   */
  setStatus(status: ClauseStatus, reason: string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * For clause rules without a built-in detector (custom clauses, plugins): find
   * the clause. Its result is the rule's entry in `clauses` and in `ctx.clauses`.
   */
  detect?(a: AnalysedDocument): ClauseResult;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  /** Markdown/text: source line. DOCX: 1-based paragraph index. PDF: the paragraph's place in reading order (see `page`). */
  line: number;
  column: number;
  /** PDF only: the page, and the line on it, where the finding is printed (`column` is on that line). */
  page?: number;
  pageLine?: number;
  section: SectionRef | null;
  excerpt: string | null;
  /** What to ask for instead (missing and weak clauses). */
  ask: string | null;
  url: string;
  /** Set when an inline comment, a waiver or the baseline suppresses the finding: it then counts towards nothing. */
  suppressed?: Suppression;
}

export interface Suppression {
  kind: 'inline' | 'waiver' | 'baseline';
  reason: string;
  approver?: string;
  /** YYYY-MM-DD */
  expires?: string;
}

export interface ClauseReport {
  id: string;
  status: ClauseStatus;
  section: SectionRef | null;
  evidence: string | null;
  values: Record<string, ClauseValue>;
}

export interface FileReport {
  path: string;
  format: ContractDocument['format'];
  clauses: ClauseReport[];
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Findings suppressed (not counted above). */
  suppressedCount?: number;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
