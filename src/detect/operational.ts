import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import { headingMatches, isDelegated, modality, textOf, type Modality } from './util.js';

/**
 * Helpers shared by the operational (catalogue section B) clause detectors.
 */

/** Sentences about a topic: the text matches one of `text`, or the sentence sits under a heading matching `heading`. */
export function topicSentences(a: AnalysedDocument, text: RegExp, heading?: RegExp, exclude?: RegExp): Sentence[] {
  return a.sentences.filter((s) => {
    const t = textOf(s);
    if (exclude && exclude.test(t)) return false;
    return text.test(t) || (heading !== undefined && headingMatches(s.path, heading) && t.length > 20);
  });
}

/** Does the sentence sit in the definitions section ("X means …")? Definitions name a topic without binding anyone. */
export function isDefinition(s: Sentence): boolean {
  return /^\s*(?:\(?[a-z0-9]{1,3}[).]\s*)?["“”']?[A-Z][\w -]{0,60}["“”']?\s+(?:means|shall mean|has the meaning|includes)\b/.test(s.text)
    || headingMatches(s.path, /^(?:definitions?|interpretation|defined terms)\b/i);
}

/**
 * Weak wording of a duty: effort-only ("reasonable endeavours", "should") or permission
 * without a binding verb ("may"). A negated duty ("shall not") is not weak wording.
 */
export function weakWording(text: string): boolean {
  const m = modalityOf(text);
  return m.effort || (m.permissive && !m.binding && !m.negated);
}

/** A binding duty or right ("shall", "must", "will", "agrees to", "may" for a right of the other party). */
export function binds(text: string): boolean {
  const m = modalityOf(text);
  return m.binding || m.permissive;
}

// Another document supplies the clause: "as set out in the Order Form", "in accordance with Schedule 3".
const ATTACHMENT_REF = /\b(?:set out|set forth|specified|described|defined|detailed|contained|listed|provided|agreed)\s+(?:in|on|under)\s+(?:the\s+|an?\s+|any\s+|each\s+)?(?:applicable\s+|relevant\s+|separate\s+)?(Order Form|Cover Page|Statement of Work|SOW|Service Level Agreement|SLA|Schedule|Annex|Appendix|Exhibit|Attachment|Policy|Plan)\b(?:\s+([A-Z0-9]{1,4})\b)?|\bin accordance with (?:the\s+)?(?:applicable\s+)?(Order Form|Cover Page|Statement of Work|SOW|Service Level Agreement|SLA|Schedule|Annex|Appendix|Exhibit|Attachment)\b(?:\s+([A-Z0-9]{1,4})\b)?/i;

function attachmentInDocument(a: AnalysedDocument, kind: string, id: string | undefined): boolean {
  if (/order form|cover page|statement of work|sow|service level agreement|sla|policy|plan/i.test(kind)) return false;
  const re = new RegExp(`^${kind}\\b${id ? `\\s*${id.replace(/[^A-Z0-9]/gi, '')}\\b` : ''}`, 'i');
  return a.sections.some(({ section }) => (section.number !== null && re.test(section.number)) || (section.heading !== null && re.test(section.heading)));
}

/** The sentence hands the clause to a document that is not part of this one. */
export function delegatedElsewhere(a: AnalysedDocument, text: string): boolean {
  if (isDelegated(text)) return true;
  const m = ATTACHMENT_REF.exec(text);
  if (!m) return false;
  const kind = m[1] ?? m[3]!;
  const id = m[2] ?? m[4];
  return !attachmentInDocument(a, kind, id);
}

/** The whole text of the sentence's own section (for values stated in a neighbouring sentence). */
export function sectionText(a: AnalysedDocument, s: Sentence): string {
  return a.sentences.filter((x) => x.section === s.section).map((x) => textOf(x)).join(' ');
}

/** A cheap test for a negated duty, for pre-filtering many sentences before `modalityOf` decides. */
export const NEGATION = /\b(?:shall|will|may|must|does|do|is|are|can)\s+not\b|\b(?:shall|will|may|must|can)n['’]?t\b|\bneither\b|\bno (?:party|person)\b|\bnothing\b/i;

const modalityCache = new Map<string, Modality>();

/** `modality()` memoised by text: several detectors ask about the same sentences. */
export function modalityOf(text: string): Modality {
  let m = modalityCache.get(text);
  if (!m) {
    m = modality(text);
    if (modalityCache.size > 20000) modalityCache.clear();
    modalityCache.set(text, m);
  }
  return m;
}
