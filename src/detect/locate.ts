import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import type { Section } from '../model.js';
import { CARRIERS, HEADINGS, REFERENCE_TOPICS, VARIANTS, type Carrier } from './catalogue.js';
import type { ClauseResult } from './types.js';
import { excerpt, headingMatches, inDefinitionsSection, memo, result, textOf } from './util.js';

/**
 * The reviewer's second look, shared by every detector: before a clause is reported missing, is there a provision
 * on the topic after all, or is it handed to another document? In order (a provision in the text beats a
 * reference to another document):
 *
 * 1. a one-sided vendor wording of the clause (catalogue VARIANTS) → weak (or present where the catalogue says so);
 * 2. a section headed for the clause (catalogue HEADINGS) → weak: the topic is there without the terms expected;
 * 3. the clause handed by topic to the agreement the document belongs to ("subject to the limitations of liability
 *    of the Agreement") → referenced;
 * 4. a document that carries the clause, incorporated or named as governing it (catalogue CARRIERS) → referenced,
 *    with the document in `values.document`.
 *
 * The GDPR reference and processor terms, when the detector saw no personal data, are also taken up when the
 * document hands its data to a DPA: the hand-over shows there is personal data to protect.
 */
export function completeResult(a: AnalysedDocument, r: ClauseResult): ClauseResult {
  switch (r.status) {
    case 'missing':
      return variantOf(a, r) ?? headedSection(a, r) ?? topicReference(a, r) ?? carried(a, r) ?? r;
    case 'not-applicable':
      return (TRIGGERED_BY_HAND_OVER.has(r.id) ? carried(a, r) : null) ?? r;
    case 'weak':
      // The only words the detector found are the hand-over itself ("shall follow Schedule 10 (Exit
      // Management)"): the clause is in that document, not weak here — unless those words are one-sided terms of
      // their own ("Google may change the Fees at any time unless otherwise agreed in an Order Form").
      if (r.reasons.some((x) => ONE_SIDED.has(x))) return r;
      return topicReference(a, r, r) ?? carried(a, r, r) ?? r;
    case 'referenced':
      // Name the document the detector's own reference hands the clause to.
      if (r.values.document !== undefined) return r;
      return carried(a, r, r) ?? { ...r, values: { ...r.values, document: references(a).find((x) => x.carrier.clauses.includes(r.id))?.carrier.name ?? null } };
    default:
      return r;
  }
}

/** The sentence is the one a result quotes. */
function quotes(r: ClauseResult, s: Sentence): boolean {
  return r.position !== null && s.position.line === r.position.line && s.position.column === r.position.column && excerpt(s.text) === r.evidence;
}

// Weak reasons that are terms in the text, not a gap another document may fill.
const ONE_SIDED: ReadonlySet<string> = new Set(['unilateral-price-change', 'increase-without-cap', 'unilateral-change', 'free-to-subcontract', 'freely-assignable']);

// Transfers stay not applicable: a DPA is no sign that the data leaves the EEA or the UK.
const TRIGGERED_BY_HAND_OVER: ReadonlySet<string> = new Set(['gdpr-reference', 'gdpr-processor-terms']);

// ── 1. vendor variants ────────────────────────────────────────────────────────────────────────────────────────

interface CompiledVariant { pattern: RegExp; unless: RegExp | null; status: 'weak' | 'present'; reason: string }
/** A clause's variants, and all their patterns in one (a prefilter for the sentences none of them can match). */
interface CompiledVariants { list: CompiledVariant[]; any: RegExp }
/** A catalogue table compiled per clause, when a run first asks for that clause (most clauses of a run never are). */
function perClause<S, T>(table: Readonly<Record<string, S>>, build: (entry: S) => T): (id: string) => T | null {
  const compiled = new Map<string, T | null>();
  return (id) => {
    let v = compiled.get(id);
    if (v === undefined) {
      v = Object.hasOwn(table, id) ? build(table[id]!) : null;
      compiled.set(id, v);
    }
    return v;
  };
}

const compiledVariants = perClause(VARIANTS, (list): CompiledVariants => ({
  list: list.map((x) => ({ pattern: new RegExp(x.pattern, 'i'), unless: x.unless ? new RegExp(x.unless, 'i') : null, status: x.status, reason: x.reason })),
  any: new RegExp(list.map((x) => `(?:${x.pattern})`).join('|'), 'i'),
}));

function variantOf(a: AnalysedDocument, r: ClauseResult): ClauseResult | null {
  const compiled = compiledVariants(r.id);
  if (!compiled) return null;
  const { list, any } = compiled;
  for (const s of outsideDefinitions(a)) {
    const t = textOf(s);
    if (!any.test(t)) continue;
    const v = list.find((x) => x.pattern.test(t) && !(x.unless && x.unless.test(t)));
    if (v) return result(r.id, v.status, s, { ...r.values, vendorWording: true }, v.status === 'weak' ? [v.reason] : []);
  }
  return null;
}

// ── 2. headings ───────────────────────────────────────────────────────────────────────────────────────────────

interface CompiledHeading { heading: RegExp; content: RegExp | null }
const compiledHeading = perClause(HEADINGS, (h): CompiledHeading => ({
  heading: new RegExp(String.raw`^(?:the\s+|our\s+|your\s+)?(?:${h.heading})\b`, 'i'),
  content: h.content ? new RegExp(h.content, 'i') : null,
}));

/** The sentences outside any definitions section (a definition names a topic without binding anyone). */
const outsideDefinitions = memo((a: AnalysedDocument): Sentence[] => a.sentences.filter((s) => !inDefinitionsSection(s.path)));

/** Each section's sentences and those of the sections below it (the document's sentences gone through once). */
const sentencesBySection = memo((a: AnalysedDocument): Map<Section, Sentence[]> => {
  const m = new Map<Section, Sentence[]>();
  for (const s of a.sentences) {
    for (const x of s.path) {
      const list = m.get(x);
      if (list) list.push(s);
      else m.set(x, [s]);
    }
  }
  return m;
});

function sentencesIn(a: AnalysedDocument, section: Section): Sentence[] {
  return sentencesBySection(a).get(section) ?? [];
}

function headedSection(a: AnalysedDocument, r: ClauseResult): ClauseResult | null {
  const h = compiledHeading(r.id);
  if (!h) return null;
  for (const { section, path } of a.sections) {
    if (section.heading === null || !h.heading.test(section.heading.trim())) continue;
    if (inDefinitionsSection(path)) continue;
    const own = sentencesIn(a, section).filter((s) => textOf(s).split(/\s+/).length >= 4);
    const at = h.content ? own.find((s) => h.content!.test(textOf(s))) : own[0];
    if (at) return result(r.id, 'weak', at, { ...r.values, locatedByHeading: true }, ['located-by-heading']);
  }
  return null;
}

// ── 3. a clause handed to the agreement by its topic ─────────────────────────────────────────────────────────

const AGREEMENT = String.raw`(?:the\s+)?(?:Agreement|Principal Agreement|Main Agreement|Master Agreement|Underlying Agreement|Customer Agreement|Terms(?: of Service)?|GTCs?|General Terms(?: and Conditions)?|Core Terms|Contract)`;
/** A clause's topic words, and its topic reference, built when a sentence with the topic words first needs it. */
interface TopicReference { topic: RegExp; source: string; reference: RegExp | null }
// The full patterns are large (some 50–70 KB of V8 regexp bytecode each, one per clause) and costly to compile:
// testing the topic words first keeps most of them from being compiled in a run.
const compiledTopicReference = perClause(REFERENCE_TOPICS, (topic): TopicReference => ({
  topic: new RegExp(String.raw`\b(?:${topic})`, 'i'),
  source: String.raw`\b(?:subject to|in accordance with|as (?:set out|set forth|provided|stated) in|governed by|pursuant to|under)\s+(?:the\s+)?(?:[\w,-]{1,40}\s+(?:and|or)\s+)?(?:${topic})(?:\s+(?:and\s+)?[\w-]+)?(?:\s+(?:clauses?|provisions?|sections?|terms|limitations?|exclusions?|caps?))?\s+(?:of|in|under|set out in)\s+${AGREEMENT}\b`
    + String.raw`|\b(?:${topic})\b[^.;]{0,60}\b(?:is|are|shall be|will be)\s+(?:capped|limited|governed|determined|set out|stated|specified)\s+(?:under|in|by)\s+${AGREEMENT}\b`
    // A clause of the contract this document does not hold: "subject to the disputes clause".
    + String.raw`|\b(?:subject to|under|pursuant to|in accordance with) the (?:${topic}) clause\b`,
  reference: null,
}));

/** The sentence hands the clause's topic over to the agreement. */
function handsTopicOver(t: TopicReference, text: string): boolean {
  if (!t.topic.test(text)) return false;
  t.reference ??= new RegExp(t.source, 'i');
  return t.reference.test(text);
}

// Each of the three forms of a topic reference above has one of these words: a sentence without any hands no
// topic over. Tested once per sentence, rather than every clause's pattern on every sentence.
const HANDS_TOPIC_OVER = /\b(?:subject to|in accordance with|as (?:set out|set forth|provided|stated) in|governed|pursuant to|under|capped|limited|determined|set out|stated|specified)\b/i;
const mayHandTopicOver = memo((a: AnalysedDocument): Sentence[] => a.sentences.filter((s) => HANDS_TOPIC_OVER.test(textOf(s))));

function topicReference(a: AnalysedDocument, r: ClauseResult, quoted?: ClauseResult): ClauseResult | null {
  const re = compiledTopicReference(r.id);
  if (!re) return null;
  const s = mayHandTopicOver(a).find((x) => (!quoted || quotes(quoted, x)) && handsTopicOver(re, textOf(x)));
  return s ? result(r.id, 'referenced', s, { ...r.values, document: 'the agreement' }) : null;
}

// ── 4. documents that carry clauses ──────────────────────────────────────────────────────────────────────────

interface CompiledCarrier {
  carrier: Carrier;
  /** The document's own names, anywhere in a sentence. */
  document: RegExp;
  /** Its titles after a schedule or annex label. */
  title: RegExp | null;
}

export interface Reference {
  carrier: Carrier;
  sentence: Sentence;
}

let carriers: CompiledCarrier[] | null = null;

function compiledCarriers(): CompiledCarrier[] {
  carriers ??= CARRIERS.map((carrier) => ({
    carrier,
    document: new RegExp(String.raw`\b(?:${carrier.documents})(?![\w-])`, 'gi'),
    title: carrier.titles ? new RegExp(String.raw`\b(?:Schedule|Annex|Appendix|Exhibit|Attachment|Part)\s+[\w.-]{1,6}\s*(?:\(\s*|[-–—:]\s*|\s)(?:${carrier.titles})\b`, 'gi') : null,
  }));
  return carriers;
}

let anyCarrierRe: RegExp | null = null;

/** Every carrier's names and titles in one pattern (a prefilter: a sentence it does not match hands nothing over). */
function anyCarrier(): RegExp {
  anyCarrierRe ??= new RegExp(compiledCarriers().flatMap((c) => [c.document, c.title]).filter((re): re is RegExp => re !== null).map((re) => `(?:${re.source})`).join('|'), 'i');
  return anyCarrierRe;
}

/** The words before a document's name that hand a clause to it: "subject to the", "incorporated by reference in the". */
const HANDED_TO = /\b(?:governed by|subject to|in accordance with|pursuant to|under|as (?:set out|set forth|described|specified|defined|detailed|provided|stated|contained)(?: in| under| within)?|incorporat\w*(?: herein| hereby)?(?: by reference)?(?! into)|(?:enter|entered|sign|signed|execute|executed|conclude|concluded)\s+into|(?:need|needs|request|requests|offer|offers|accept|accepts|sign|execute)s?|see|refer(?:red)? to|processed (?:in accordance with|under)|set out in|per|comply with|listed in|detailed in|defined in|described in|covered by|addressed in|contained in|within)\s+(?:(?:the|a|an|any|its|our|their|your|separate|applicable|relevant|such|each|that)\s+)?(?:[\w-]+\s+){0,3}$/i;
/** The words after a document's name that make it part of the contract: "forms part of these Terms", "shall apply". */
const APPLIES = /^[^.;]{0,100}?\b(?:forms? (?:an? )?(?:integral )?part of (?:this|these|the)|(?:is|are) (?:hereby |also )?(?:expressly )?incorporated|(?:shall|will|does|do) (?:also )?apply|appl(?:y|ies) to (?:this|these|the|your|our)|(?:shall|will) (?:control|govern|prevail)|governs?|(?:is|are) (?:available|contained|published|located) (?:at|in|with|on)|can be found|(?:is|are) attached|(?:is|are) part of|(?:will|shall) be (?:entered into|executed|signed|concluded))\b/i;
/** For the master terms only the strongest hand-overs count (a DPA speaks of "the Agreement" in every clause). */
const MASTER_HANDED_TO = /\b(?:governed by|subject to the terms(?: and conditions)? (?:of|at|in)|incorporat\w*(?: herein| hereby)?(?: by reference)?|(?:contract )?terms and conditions,? including)\s+(?:(?:the|its|our|their|applicable)\s+)?(?:[\w-]+\s+){0,2}$/i;
const MASTER_APPLIES = /^[^.;]{0,80}?\b(?:(?:is|are) (?:hereby )?(?:expressly )?incorporated(?! into)|(?:shall|will) apply|appl(?:y|ies) to (?:this|these|the) (?:order|call-off|contract|task order|statement of work|purchase)|(?:is|are) incorporated by reference)\b/i;
/** A list of the documents a contract is made of: "The following documents are incorporated into this Contract:". */
const INCORPORATION_LIST = /\b(?:following|these|below)\b[^.;]{0,40}\b(?:documents|schedules|terms|clauses|attachments)\b[^.;]{0,80}\b(?:incorporated|form(?:s)? part|apply|are part|by reference)\b|\bincorporated (?:terms|documents|by reference)\s*:?\s*$|\b(?:clauses|provisions) incorporated by reference\b|\bincorporates? (?:one or more |the following |these )?(?:clauses|provisions|documents|terms)\b[^.;]{0,40}\bby reference\b/i;
const SELF = /\b(?:this|these|the present|hereby)\s+(?:[\w-]+\s+)?$/i;

/** Every hand-over of clauses to another document, in document order. */
export const references = memo((a: AnalysedDocument): Reference[] => {
  const refs: Reference[] = [];
  const compiled = compiledCarriers().filter((c) => !isItself(a, c));
  const any = anyCarrier();
  for (const s of a.sentences) {
    const t = textOf(s);
    // Most sentences name no document at all: one test of every carrier's names at once rules them out.
    if (!any.test(t)) continue;
    const listed = inIncorporationList(a, s);
    for (const c of compiled) {
      if (handsOver(t, c, listed)) refs.push({ carrier: c.carrier, sentence: s });
    }
  }
  return refs;
});

function handsOver(t: string, c: CompiledCarrier, listed: boolean): boolean {
  for (const re of [c.document, c.title]) {
    if (!re) continue;
    // exec on the global pattern itself: matchAll would copy the pattern for every sentence and carrier.
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      if (m[0] === '') re.lastIndex++;
      const before = t.slice(Math.max(0, m.index - 80), m.index);
      const after = t.slice(m.index + m[0].length);
      if (SELF.test(before)) continue;
      if (listed) return true;
      if (c.carrier.master ? MASTER_HANDED_TO.test(before) || MASTER_APPLIES.test(after) : HANDED_TO.test(before) || APPLIES.test(after) || re === c.title) return true;
    }
  }
  return false;
}

/**
 * The sentence is an entry of a list of incorporated documents: a short line under such a lead-in, in its own
 * section or in one that encloses it ("16.0 Clauses: This contract incorporates one or more clauses by reference",
 * then a clause title per line).
 */
function inIncorporationList(a: AnalysedDocument, s: Sentence): boolean {
  if (textOf(s).length > 160) return false;
  if (headingMatches(s.path, /\bincorporated\b|\bcontract documents\b|\bdocuments forming\b/i)) return true;
  for (let i = s.index - 1; i >= Math.max(0, s.index - 12); i--) {
    const p = a.sentences[i]!;
    if (p.section !== s.section) break;
    if (INCORPORATION_LIST.test(textOf(p))) return true;
  }
  const leadIns = incorporatingSections(a);
  return s.path.slice(0, -1).some((enclosing) => leadIns.has(enclosing));
}

/** The sections whose own text introduces a list of incorporated documents. */
const incorporatingSections = memo((a: AnalysedDocument): Set<Section> =>
  new Set(a.sentences.filter((x) => x.section !== null && INCORPORATION_LIST.test(textOf(x))).map((x) => x.section!)));

/** The document is itself the carrier (a DPA hands nothing to "the DPA"; Terms of Service nothing to "the Terms"). */
function isItself(a: AnalysedDocument, c: CompiledCarrier): boolean {
  const title = a.doc.title ?? '';
  c.document.lastIndex = 0;
  return title !== '' && c.document.test(title);
}

function carried(a: AnalysedDocument, r: ClauseResult, quoted?: ClauseResult): ClauseResult | null {
  const ref = references(a).find((x) => x.carrier.clauses.includes(r.id) && (!quoted || quotes(quoted, x.sentence)));
  if (!ref) return null;
  const status = ref.carrier.present?.includes(r.id) ? 'present' : 'referenced';
  return result(r.id, status, ref.sentence, { ...r.values, document: ref.carrier.name });
}
