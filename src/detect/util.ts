import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import type { Section } from '../model.js';
import { isDefinitionsHeading } from '../read/definitions.js';
import type { ClauseResult, ClauseStatus, ClauseValue, SectionRef } from './types.js';

/** The section as a finding names it: its number and its heading (or the nearest enclosing heading). */
export function sectionRef(path: readonly Section[]): SectionRef | null {
  const s = path.at(-1);
  if (!s) return null;
  let heading = s.heading;
  for (let i = path.length - 1; heading === null && i >= 0; i--) heading = path[i]!.heading;
  return { number: s.number, heading };
}

export function excerpt(text: string, max = 240): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A question about one object (a document, a sentence, a section path) answered once and kept while the object
 * lives: many detectors ask the same of the same sentence or document. Further arguments only help to work it out.
 */
export function memo<K extends object, V, A extends unknown[] = []>(compute: (key: K, ...rest: A) => V): (key: K, ...rest: A) => V {
  const known = new WeakMap<K, V>();
  return (key, ...rest) => {
    const seen = known.get(key);
    if (seen !== undefined || known.has(key)) return seen as V;
    const v = compute(key, ...rest);
    known.set(key, v);
    return v;
  };
}

/** Repeated service failure named as a term of its own: "Multiple Failures", "Repeated Failures". */
export const NAMED_REPEATED_FAILURE = /\b(?:multiple|repeated|persistent|chronic) (?:service )?failures\b/i;

/**
 * The path runs through a definitions section ("Definitions", "Interpretation"): a definition names a topic without
 * binding anyone. Answered once per section path (the sentences of a section share its path), not once per
 * sentence and clause.
 */
export const inDefinitionsSection = memo((path: readonly Section[]): boolean => path.some((x) => x.heading !== null && isDefinitionsHeading(x.heading)));

/** The item that ranks highest, the first of those that rank equal (undefined for none). */
export function highest<T>(items: readonly T[], rank: (item: T) => number): T | undefined {
  let best: T | undefined;
  let top = -Infinity;
  for (const x of items) {
    const r = rank(x);
    if (r > top) {
      best = x;
      top = r;
    }
  }
  return best;
}

export function headingMatches(path: readonly Section[], re: RegExp): boolean {
  return path.some((s) => s.heading !== null && re.test(s.heading));
}

export function result(
  id: string,
  status: ClauseStatus,
  at: Sentence | null,
  values: Record<string, ClauseValue> = {},
  reasons: string[] = [],
): ClauseResult {
  return {
    id, status,
    section: at ? sectionRef(at.path) : null,
    position: at ? at.position : null,
    evidence: at ? excerpt(at.text) : null,
    values, reasons,
  };
}

export function missing(id: string, values: Record<string, ClauseValue> = {}): ClauseResult {
  return result(id, 'missing', null, values);
}

// A clause handed to another document: "as set out in the Data Processing Addendum".
const DELEGATION = /\b(?:as (?:set out|set forth|described|specified|provided|defined|detailed)|in accordance with|pursuant to|subject to|governed by|under)\s+(?:in\s+)?(?:the\s+|a\s+|any\s+|each\s+|its\s+)?(?:applicable\s+|separate\s+)?(?:Data Processing (?:Agreement|Addendum)|Data Protection (?:Agreement|Addendum)|DPA|Business Associate Agreement|BAA|Order Form|Statement of Work|SOW|Service Level Agreement|SLA|Exit Plan|Security Policy|Cover Page|Master (?:Services )?Agreement|Framework Agreement)\b/i;
const INCORPORATED = /\bincorporated (?:herein |into this Agreement )?by reference\b/i;

export function isDelegated(text: string): boolean {
  return DELEGATION.test(text) || INCORPORATED.test(text);
}

export interface Modality {
  /** shall / must / will / agrees to / is required to */
  binding: boolean;
  /** may / can / is entitled to / has the right to */
  permissive: boolean;
  /** should / endeavour / reasonable efforts / where practicable / to the extent possible */
  effort: boolean;
  /** the duty is negated: "shall not", "No party shall", "Neither party may", "is not required to" */
  negated: boolean;
}

const EFFORT = /\b(?:should|endeavou?r(?:s|ed)?|(?:commercially |all )?reasonable (?:commercial )?(?:efforts?|endeavou?rs?)|best efforts?|where (?:reasonably )?practicable|to the extent (?:reasonably )?(?:possible|practicable|feasible)|if (?:reasonably )?practicable|aim to|seek to|try to|attempt to)\b/i;
// "should" of a condition, not of an effort: "should Starlink fail to meet the target", "Should the Customer wish".
const CONDITIONAL_SHOULD = /\b[Ss]hould\s+(?=(?:the|this|that|any|such|a|an|it|they|you|we|either|each|[A-Z][\w&.-]*)(?:\s+[\w&.'’-]+){0,3}?\s+(?:fail|fails|not|be|become|have|exceed|occur|cease|breach|require|wish|elect|desire|decide|need|want|terminate)\b)/g;
const NEGATED_SUBJECT = /\b(?:no party|neither party|neither|none of|no\s+[A-Z][a-z]+)\s+(?:shall|will|may|must|can)\b/i;
const NOT_REQUIRED = /\b(?:not|no longer) (?:be )?(?:required|obliged|obligated|responsible)\b|\bunder no obligation\b|\bhas no obligation\b/i;

const BINDING_WORDS = /\b(?:agrees? to|undertakes? to|is required to|are required to|is obliged to|covenants? to)\b/i;
const PERMISSIVE_WORDS = /\b(?:is entitled to|are entitled to|has the right to|have the right to|reserves the right)\b/i;
const MODAL = /\b(shall|must|will|may|can|might)\b/gi;
// A modal, at most one adverb, then "not"/"never" ("shall not", "may [not]", "will then not"), or a negative contraction.
const NEGATED_MODAL = /\b(?:shall|must|will|may|can|might|should|would|could)\s+(?:[a-z]+ly\s+|also\s+|then\s+|still\s+|thereafter\s+|therefore\s+)?\[?(?:not|never)\b|\b(?:cannot|can[’']t|won[’']t|shan[’']t|mustn[’']t|shouldn[’']t|wouldn[’']t|couldn[’']t|mightn[’']t)\b/i;

/** Whether the modal word at `index` is not a modal: the month May, the noun will ("at will", "goodwill"), "as may be". */
function notAModal(text: string, word: string, index: number): boolean {
  const w = word.toLowerCase();
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + word.length, index + word.length + 6);
  if (w === 'may') {
    if (/\bas\s+$/i.test(before)) return true; // "such acts as may be required": no one is permitted anything
    if (word !== 'may' && (/(?:\b(?:of|in|by|on|until|since)|\d|\b[A-Z]\.)\s*$/i.test(before) || /^\s*,?\s*\d/.test(after) || /^\s*(?:[.;)]|$)/.test(after))) return true;
  }
  if (w === 'will' && /\b(?:at|good|the|free|own)[-\s]+$/i.test(before)) return true;
  if (w === 'can' && /^[’']t\b/.test(after)) return true;
  return false;
}

/**
 * Modality of a sentence from its modal verbs and the legal forms of duty and permission. Read with patterns rather
 * than a tagger: the modals are a closed class. Over 24,081 corpus sentences these patterns and compromise's
 * #Modal/#Negative tags differ in 53 of the 96,324 readings (mostly where compromise misses "Customer may
 * terminate" or "shall not apply"), at a hundredth of the cost (1 s against 102 s).
 */
export function modality(text: string): Modality {
  let binding = false;
  let permissive = false;
  for (const m of text.matchAll(MODAL)) {
    if (notAModal(text, m[1]!, m.index)) continue;
    const w = m[1]!.toLowerCase();
    if (w === 'shall' || w === 'must' || w === 'will') binding = true;
    else permissive = true;
  }
  binding ||= BINDING_WORDS.test(text);
  permissive ||= PERMISSIVE_WORDS.test(text);
  const negated = NEGATED_MODAL.test(text) || NEGATED_SUBJECT.test(text) || NOT_REQUIRED.test(text);
  return { binding, permissive, effort: EFFORT.test(text.replace(CONDITIONAL_SHOULD, '')), negated };
}

/** The sentence text as the clause patterns read it (src/analyse/sentences.ts, patternText). */
export function textOf(s: Sentence): string {
  return s.patternText;
}

/** The last sentence of each section's own text (a section's own blocks come before its children's). */
const lastSentences = memo((a: AnalysedDocument): Map<Section, Sentence> => {
  const m = new Map<Section, Sentence>();
  for (const s of a.sentences) if (s.section) m.set(s.section, s);
  return m;
});

// An item of a list that goes on: "…; and", "…; or", "…;", "…,".
const LIST_ITEM_END = /(?:[;,]|;?\s*\b(?:and|or|and\/or))\s*$/i;

/**
 * The words that introduce a list item, when the sentence is one: "This Agreement may be terminated:" before
 * "(d) by either party upon sixty (60) days' notice". It is the sentence before that ends with a colon or a
 * dash — just before, or before the earlier items of the same list ("(a) return the data; and" ⏎ "(b) delete
 * it": the lead-in of (b) is that of (a)) — else the last sentence of the nearest enclosing section that has text
 * of its own.
 */
export function leadIn(a: AnalysedDocument, s: Sentence): Sentence | null {
  return leadInOf(s, a);
}

// Asked for the same sentence by many detectors: worked out once.
const leadInOf = memo((s: Sentence, a: AnalysedDocument): Sentence | null => findLeadIn(a, s));

function findLeadIn(a: AnalysedDocument, s: Sentence): Sentence | null {
  for (let i = s.index - 1; i >= 0 && i >= s.index - 12; i--) {
    const prev = a.sentences[i]!;
    if (/[:—–-]\s*$/.test(prev.text)) return prev;
    // An item of the same list: ending "…;", "…; and", "…," — or a short item with no closing punctuation at all
    // (bullets naming things: "ISO/IEC 27001").
    const item = LIST_ITEM_END.test(prev.text.slice(-12)) || (prev.text.length < 160 && !/[.!?:]["”')\]]*\s*$/.test(prev.text));
    if (!item || prev.section !== s.section) break;
  }
  const last = lastSentences(a);
  for (let i = s.path.length - 2; i >= 0; i--) {
    const x = last.get(s.path[i]!);
    if (x && x.index < s.index) return x;
  }
  return null;
}
