import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import { headingMatches, inDefinitionsSection, isDelegated, memo, modality, textOf } from './util.js';

/**
 * Helpers shared by the operational (catalogue section B) clause detectors.
 */

/**
 * Does the sentence sit in the definitions section ("X means …")? Definitions name a topic without binding anyone.
 * Asked by most detectors of every sentence: answered once.
 */
export const isDefinition = memo((s: Sentence): boolean =>
  /^\s*(?:\(?[a-z0-9]{1,3}[).]\s*)?["“”']?[A-Z][\w -]{0,60}["“”']?\s+(?:means|shall mean|has the meaning|includes)\b/.test(s.text)
  || inDefinitionsSection(s.path));

/**
 * Weak wording of a duty: effort-only ("reasonable endeavours", "should") or permission
 * without a binding verb ("may"). A negated duty ("shall not") is not weak wording.
 */
export function weakWording(text: string): boolean {
  const m = modality(text);
  return m.effort || (m.permissive && !m.binding && !m.negated);
}

/** A binding duty or right ("shall", "must", "will", "agrees to", "may" for a right of the other party). */
export function binds(text: string): boolean {
  const m = modality(text);
  return m.binding || m.permissive;
}

// Another document supplies the clause: "as set out in the Order Form", "in accordance with Schedule 3".
const ATTACHMENT_REF = /\b(?:set out|set forth|specified|described|defined|detailed|contained|listed|provided|agreed)\s+(?:in|on|under)\s+(?:the\s+|an?\s+|any\s+|each\s+)?(?:applicable\s+|relevant\s+|separate\s+)?(?:(?:Information |Data )?Security\s+|Privacy\s+|Acceptable Use\s+|Exit\s+|Business Continuity\s+|Disaster Recovery\s+)?(Order Form|Cover Page|Statement of Work|SOW|Service Level Agreement|SLA|Schedule|Annex|Appendix|Exhibit|Attachment|Policy|Plan)\b(?:\s+([A-Z0-9]{1,4})\b)?|\bin accordance with (?:the\s+)?(?:applicable\s+)?(Order Form|Cover Page|Statement of Work|SOW|Service Level Agreement|SLA|Schedule|Annex|Appendix|Exhibit|Attachment)\b(?:\s+([A-Z0-9]{1,4})\b)?/i;

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

/** A cheap test for a negated duty, for pre-filtering many sentences before `modality` decides. */
export const NEGATION = /\b(?:shall|will|may|must|does|do|is|are|can)\s+not\b|\b(?:shall|will|may|must|can)n['’]?t\b|\bneither\b|\bno (?:party|person)\b|\bnothing\b/i;

/** The parties by name: customers (who pay the supplier, or to whom it assigns its rights) and suppliers. */
export interface Parties { customers: ReadonlySet<string>; suppliers: ReadonlySet<string> }

const CUSTOMER_ROLE = /^(?:customer|client|buyer|company|recipient|purchaser)s?$/i;
const NOT_A_NAME = /^(?:The|This|Each|Either|Such|Any|Party|Parties)$/;

/**
 * Who the parties are when the contract calls them by name: "Aduro shall pay Consultant" makes Aduro the customer
 * and Consultant the supplier; "Consultant hereby assigns to Aduro" likewise. Names are the last capitalised word
 * ("the Blockchain Administrator" → "Administrator"). A name seen on both sides is neither.
 */
export const partyNames = memo((a: AnalysedDocument): Parties => {
  // Payment decides before assignment: in a collaboration each party may assign some inventions to the other
  // ("OntoChem will own, and Anixa hereby assigns to OntoChem, … Inventions directed to …"), but only one pays.
  // Counted per sentence: the party that pays the price pays more often than one that refunds an audit discrepancy.
  const payers = new Map<string, number>();
  const payees = new Map<string, number>();
  const count = (m: Map<string, number>, n: string): void => { m.set(n, (m.get(n) ?? 0) + 1); };
  const assignees = new Set<string>();
  const assignors = new Set<string>();
  const NAME = String.raw`([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)`;
  const pays = new RegExp(String.raw`\b(?:the\s+)?${NAME}\s+(?:shall|will|agrees to|must)\s+(?:\w+\s+)?pay\s+(?:to\s+)?(?:the\s+)?${NAME}`, 'g');
  const assigns = new RegExp(String.raw`\b(?:the\s+)?${NAME}\s+(?:shall\s+|will\s+|hereby\s+|irrevocably\s+|agrees to\s+)+assigns?\b[^.;]{0,200}?\bto\s+(?:the\s+)?${NAME}`, 'g');
  const last = (name: string): string => name.split(/\s+/).at(-1)!;
  for (const s of a.sentences) {
    const t = textOf(s);
    if (!/\bpay\b|\bassigns?\b/.test(t)) continue;
    // A refund or reimbursement flows the other way from the price.
    if (!/\brefund|\boverpa|\bdiscrepanc|\breimburs|\bshortfall\b/i.test(t)) for (const m of t.matchAll(pays)) { count(payers, last(m[1]!)); count(payees, last(m[2]!)); }
    for (const m of t.matchAll(assigns)) { assignors.add(last(m[1]!)); assignees.add(last(m[2]!)); }
  }
  const paysOnly = (n: string): boolean => (payers.get(n) ?? 0) > (payees.get(n) ?? 0);
  const paidOnly = (n: string): boolean => (payees.get(n) ?? 0) > (payers.get(n) ?? 0);
  const customers = new Set<string>([...payers.keys(), ...[...assignees].filter((n) => !assignors.has(n) || paysOnly(n))].filter((n) => !paidOnly(n)));
  const suppliers = new Set<string>([...payees.keys(), ...[...assignors].filter((n) => !assignees.has(n) || paidOnly(n))].filter((n) => !paysOnly(n)));
  const both = [...customers].filter((n) => suppliers.has(n));
  for (const n of [...customers]) if (both.includes(n) || NOT_A_NAME.test(n)) customers.delete(n);
  for (const n of [...suppliers]) if (both.includes(n) || CUSTOMER_ROLE.test(n) || NOT_A_NAME.test(n)) suppliers.delete(n);
  return { customers, suppliers };
});
