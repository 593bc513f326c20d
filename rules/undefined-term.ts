import { placedBlocks, spanLocation, type PlacedBlock } from '../src/lint/blocks.js';
import { isAttachmentDocument, isDefinitionsDocument } from '../src/lint/terms.js';
import type { PackContext } from '../src/lint/pack-context.js';
import { defineRule } from '../src/lint/types.js';
import { type ContractDocument, type DefinedTerm, walkSections } from '../src/model.js';
import { termKey } from './duplicate-definition.js';

const LEADING = /^(?:The|This|That|These|Those|Each|Any|All|Such|No|Neither|Either|Both|Our|Its|Their|A|An|If|In|On|For|Upon|Subject|Except|Notwithstanding|Where|When|With|Without|Within|Under|By|At|As|To|From|Nothing|Save|Unless|Following|During|After|Before|Prior|Until|Once|Whether|Other|Every|Per|And|Or|But|Then|Otherwise|Also|However)\s+/;
const NOT_TERMS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mr|Mrs|Ms|Dr|Sir|Section|Sections|Clause|Clauses|Article|Articles|Schedule|Schedules|Annex|Exhibit|Appendix|Paragraph|Part|Table|Figure|Note|Page|Chapter|I|II|III|IV|V)$/;
const NAMED_INSTRUMENT = /\b(?:Act|Regulations?|Directive|Convention|Code|Treaty|Rules|Order|Bill|Protocol|Framework|Standard|Inc|Ltd|Limited|LLC|plc|Corp|Corporation|Company|GmbH|LLP|Bank|University|Court|Courts|Office|Commission|Authority|Department|Agency|Council|Board|Ministry|Service|Association|Institute|Society|Federation|Foundation|Policy|Policies|Guidelines|Notice|Statement|Handbook|Manual|Guide|Portal|Knowledge Base|Website|Documentation|Program|Programme|Scheme|Initiative|Team|Form)$/;
const RUN = /\b(?:[\p{Lu}]{2,5}\s+)?[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}]?[\p{Ll}]+)*(?:['’]s?)?(?:\s+(?:(?:of|for|to|on|in)\s+)?[\p{Lu}][\p{Ll}]+(?:-[\p{Lu}]?[\p{Ll}]+)*(?:['’]s?)?){0,4}/gu;
/** Words before a term used as a defined term. */
const DETERMINER_BEFORE = /\b(?:the|a|an|any|each|such|all|this|that|these|those|no|its|their|our|your|every|relevant|applicable)\s+$/i;
/** How many definitions of its own a document needs before its capitalised words are judged as terms. */
const MIN_DEFINITIONS = 5;
/** A line citing a clause of a regulation by number: "FAR 52.212-4 Contract Terms and Conditions …". */
const CITATION_LINE = /^\W*(?:FAR|DFARS|GSAR|HSAR|AGAR|CFR|\d{2,3}\.\d{3}-\d)/;
// "Capitalised terms have the meanings given … on the Cover Page": the definitions live elsewhere.
const DEFINED_ELSEWHERE = /\bgoverned by the terms (?:at|of)\b|\b(?:terms|words|expressions)\b[^.]{0,60}\b(?:capital|upper[- ]case)\b[^.]{0,100}\bmeanings?\b|capitali[sz]ed (?:terms?|words?)[^.]{0,160}\b(?:meanings?|defined|given)\b|\bhighlighted and capitali[sz]ed\b|\bterms? (?:used|not defined) (?:but not defined )?(?:herein|in this \w+) (?:shall )?ha(?:ve|s) the meanings?\b|\bSchedule\s+[\w.-]{1,4}\s*[(–-]\s*(?:Definitions|Interpretation)\b|\bDefinitions Schedule\b|\b(?:words|terms|expressions)\b[^.]{0,80}\b(?:defined|meanings?)\b[^.]{0,40}\b(?:in|by) (?:the )?(?:Core Terms|Framework Agreement|Master Agreement|Principal Agreement|Agreement)\b/i;
// Words the GDPR defines, used with its meaning where a document names the GDPR.
const GDPR_NAMED = /\bGDPR\b|\b2016\/679\b|\bGeneral Data Protection Regulation\b/;
const GDPR_TERMS = new Set(['controller', 'data controller', 'processor', 'data processor', 'processing', 'personal data', 'data subject', 'personal data breach', 'supervisory authority', 'sub-processor', 'subprocessor', 'data protection officer', 'processing of personal data', 'third country', 'binding corporate rules', 'special categories of personal data', 'recipient', 'pseudonymisation']);
const FAR_TERMS = ['government', 'contractor', 'contracting officer', 'offeror', 'offer', 'subcontractor', 'solicitation', 'quoter', 'contract', 'task order', 'agency'];
/** A title cited after its code or number: "BS 7984-Key Holding and Response Services", "ISO 9001 Quality Management". */
const STANDARD_BEFORE = /\b(?:BS|EN|ISO|IEC|BS EN|BS ISO|PAS|HTM|HBN|SFG|TR)\s?[\d:.\-/ ]{2,20}[-–:]?\s*$|\b(?:E\.?O\.?|Executive Order|Public Law|Pub\. L\.)\s*[\d-]+[^()]{0,40}\(\s*$/;
/** "Call-Off Schedule 15 (Call-Off Contract Management)": a schedule's title in brackets after its number. */
const TITLE_AFTER_LABEL = /\b(?:Schedule|Annex|Appendix|Exhibit|Attachment|Part|Clause|Section|Paragraph)\s+[\w.-]{1,8}\s*[(–-]\s*$/i;
const SELF = /^(?:Agreement|Contract|Addendum|Deed|Schedules?|Annex|Exhibits?|Appendix|Order Form)$/;

function singular(k: string): string {
  return k.replace(/(?:'s|’s|s'|’)$/, '').replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
}

/** Whether `index` is inside square brackets ("[Insert …]") opened on the same text. */
function insideBrackets(text: string, index: number): boolean {
  const open = text.lastIndexOf('[', index);
  return open >= 0 && text.lastIndexOf(']', index) < open && index - open < 300;
}

function atSentenceStart(text: string, index: number): boolean {
  // Only the few characters before the run matter (a long block must not be copied for every run).
  let end = index;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === 0) return true;
  // Eight characters: a list label ("(iv)", "12.") and the space before it; the start of the text only when it is within them.
  const before = text.slice(Math.max(0, end - 8), end);
  return /[.!?:;(\]"“|]$/.test(before) || (end <= 8 ? /(?:^|\s)(?:\(?[a-z0-9ivx]{1,4}[.)])$/i : /\s(?:\(?[a-z0-9ivx]{1,4}[.)])$/i).test(before);
}

/** The words a text writes in lower case: ordinary words, where a word only ever capitalised is a name. Web addresses are no words of the text. */
function ordinaryWords(text: string): Set<string> {
  const prose = text.replace(/\b(?:https?:\/\/|www\.)\S{0,300}|\b[\w-]{1,60}(?:\.[\w-]{1,60}){0,4}\.(?:com|org|net|gov|io|co|uk|eu)\b\S{0,300}/gi, ' ');
  return new Set((prose.match(/(?<![\p{L}])[\p{Ll}][\p{Ll}-]+/gu) ?? []).map((w) => w.toLowerCase()));
}

const packWordCache = new WeakMap<PackContext, Set<string>>();

/** In a pack, the ordinary words of the whole contract. */
function packWords(pack: PackContext): Set<string> {
  let words = packWordCache.get(pack);
  if (!words) {
    words = ordinaryWords(pack.docs.map((d) => placedBlocks(d).filter((b) => !b.heading).map((b) => b.block.text).join('\n')).join('\n'));
    packWordCache.set(pack, words);
  }
  return words;
}

/**
 * The last word that two or more defined terms share ("Customer Claim", "Anthropic Claim"): "the relevant Claim"
 * is either of them, not a term left undefined.
 */
function sharedHeads(terms: readonly string[]): Set<string> {
  const count = new Map<string, number>();
  for (const t of new Set(terms.map((x) => singular(termKey(x))))) {
    const words = t.split(/\s+/);
    if (words.length > 1) count.set(words.at(-1)!, (count.get(words.at(-1)!) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= 2).map(([w]) => w));
}

/**
 * What the document defines, and what it explains otherwise: the defined terms (the pack's and a cited regulation's
 * included), the words two defined terms end in, and one-word clause headings.
 */
function knownTerms(doc: ContractDocument, visible: readonly DefinedTerm[], all: string): { defined: Set<string>; heads: Set<string>; headed: Set<string> } {
  const defined = new Set(visible.map((d) => singular(termKey(d.term))));
  if (GDPR_NAMED.test(all)) for (const t of GDPR_TERMS) defined.add(singular(t));
  // The FAR defines the words of a federal contract (FAR 2.101) for the clauses that cite it.
  if ((all.match(/\bFAR\s+52\./g) ?? []).length >= 3) for (const t of FAR_TERMS) defined.add(singular(t));
  // A one-word term that heads a clause of its own ("2.1 Purpose", "2.2 Objective") is explained there.
  const headed = new Set<string>();
  for (const section of walkSections(doc.sections)) {
    if (section.heading !== null && /^[\p{Lu}][\p{Ll}]+[.:]?$/u.test(section.heading.trim())) headed.add(singular(termKey(section.heading.trim().replace(/[.:]$/, ''))));
  }
  return { defined, heads: sharedHeads(visible.map((d) => d.term)), headed };
}

/**
 * A capitalised run at `index` that its place shows to be a name, a title or a citation, not a term of this
 * document. `before`: the 40 characters before it.
 */
function namedOrCited(text: string, index: number, run: string, words: number, before: string): boolean {
  const after = text.slice(index + run.length);
  // Part of a named act: "Income Tax (Earnings and Pensions) Act 2003".
  if (/^\s*(?:\([^)]{1,60}\)\s*)?(?:Act|Regulations|Order|Directive|Rules)\b/.test(after)) return true;
  // Inside a placeholder or drafting note ("[Insert Not applicable …]"), after a standard's or an order's number,
  // or as a schedule's title in brackets: not a term of this document.
  if (insideBrackets(text, index) || STANDARD_BEFORE.test(text.slice(Math.max(0, index - 60), index)) || TITLE_AFTER_LABEL.test(before)) return true;
  // A level or phase named by its number ("Severity 1", "Phase 2").
  if (words === 1 && /^\s+(?:\d|[IVX]+\b)/.test(after)) return true;
  // A clause's heading cited in brackets after its number: "Sections 5.3 (…), 6.1.1 (Processor Services …)".
  if (/\b\d+(?:\.\d+)+(?:\([a-z0-9]+\))*\s*\($/i.test(before)) return true;
  // Part of a word in camel case ("OpenStack"); the document itself ("these Standard Terms", "these Data
  // Processing Terms"); a word of a web address ("Cloud.gov"), and part of a name that ends in its acronym:
  // "Security Reviews for Low Impact Software as a Service (SaaS)".
  if (/^\p{Lu}/u.test(after)) return true;
  if (/\b(?:these|this)\s+$/i.test(before) && /\b(?:Terms|Agreement|Addendum|Conditions|Policy|Schedule|Order|Contract|Guidelines|Description)$/.test(run)) return true;
  if (/^\.(?:com|org|net|gov|io|co|uk|eu)\b/i.test(after)) return true;
  if (/^[^.;()]{0,40}\(\s*[\p{Lu}][\p{L}]{1,8}\s*\)/u.test(after)) return true;
  // Inside quotes (a value or a name) or a heading cited in brackets: "Section 8.1 (Liability Caps)".
  if (/["“'‘]$/.test(before) || /\b(?:Sections?|Clauses?|Paragraphs?|Articles?)\s+[\d.]+(?:\([a-z0-9]+\))*\s*\($/i.test(before)) return true;
  return words === 1 && /^\s+of\s+[\p{Lu}]/u.test(after);
}

export default defineRule({
  meta: {
    id: 'undefined-term',
    description: 'Report capitalised terms used as defined terms but never defined.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: {
      type: 'object',
      properties: { minUses: { type: 'integer', minimum: 1, description: 'How often a capitalised term must be used before it is reported.' } },
      additionalProperties: false,
    },
    defaultOptions: { minUses: 2 },
    messages: { undefined: '"{term}" is capitalised like a defined term ({count} uses) but is never defined.' },
    ask: 'Define the term, or write it in lower case if it has its ordinary meaning.',
    url: 'rules/undefined-term.md',
  },
  check(ctx) {
    // In a pack the definitions schedule and the core terms define for every document.
    const visible = ctx.pack ? ctx.pack.definitionsFor(ctx.doc) : ctx.doc.definitions;
    // A document that defines few terms of its own (terms of service, a form, a specification) capitalises names,
    // products and titles, not undefined terms: judged only where the document works with defined terms.
    // In a pack, the main document and the definitions schedule work with the pack's definitions; another document is
    // judged when it defines terms of its own.
    const judgedBy = ctx.pack && (ctx.doc === ctx.pack.main || isDefinitionsDocument(ctx.doc)) ? visible : ctx.doc.definitions;
    if (judgedBy.filter((d) => d.kind === 'means' || d.kind === 'table').length < MIN_DEFINITIONS) return;
    const blocks = placedBlocks(ctx.doc).filter((b) => !b.heading);
    const all = blocks.map((b) => b.block.text).join('\n');
    // A schedule linted on its own uses the main terms' definitions, which are in another file.
    if (!ctx.pack && (DEFINED_ELSEWHERE.test(all) || isAttachmentDocument(ctx.doc))) return;
    const { defined, heads, headed } = knownTerms(ctx.doc, visible, all);
    // Words only ever written with a capital are names (Northwind, England), not terms.
    // Web addresses are not words of the text ("canonical.com" does not make "Canonical" an ordinary word).
    const lowercaseSeen = ctx.pack ? packWords(ctx.pack) : ordinaryWords(all);
    // Capitalised words seen after a lower-case word, i.e. not capitalised for opening a sentence ("with Ubuntu").
    const midSentence = new Set((all.match(/(?<=[\p{Ll},;]\s+)[\p{Lu}][\p{Ll}]+/gu) ?? []));
    const uses = new Map<string, { first: PlacedBlock; index: number; count: number; determined: number }>();
    for (const b of blocks) {
      const text = b.block.text;
      // A table row of labels (a header, a list of service names) names things; it uses no terms.
      const cells = b.block.cells?.map((c) => c.trim()).filter((c) => c !== '') ?? [];
      if (cells.length > 1 && cells.every((c) => c.split(/\s+/).length <= 6)) continue;
      if (CITATION_LINE.test(text)) continue;
      for (const m of text.matchAll(RUN)) {
        let run = m[0];
        let index = m.index ?? 0;
        const lead = LEADING.exec(run);
        if (lead) {
          run = run.slice(lead[0].length);
          index += lead[0].length;
        }
        if (run === '') continue;
        const words = run.split(/\s+/);
        if (words.length === 1 && atSentenceStart(text, index)) continue;
        // A name ("Ubuntu Pro": "Ubuntu" is never written in lower case) or a defined term ("Customer Data" where
        // Customer is defined) opening a sentence is kept whole.
        const firstWord = words[0]!;
        const isName = !lowercaseSeen.has(firstWord.toLowerCase().replace(/-.*/, '')) && midSentence.has(firstWord);
        const ordinaryFirst = !isName && !defined.has(singular(termKey(firstWord)));
        if (words.length > 1 && atSentenceStart(text, index) && ordinaryFirst && !defined.has(singular(termKey(run)))) {
          // The first word of a sentence is capitalised anyway: "Missed Service Levels" uses "Service Levels".
          const first = /^\S+\s+(?:(?:of|for|to|on|in)\s+)?/.exec(run)![0];
          run = run.slice(first.length);
          index += first.length;
          words.splice(0, words.length, ...run.split(/\s+/));
          // What is left of "Termination for Convenience" is a fragment, not a term of its own.
          if (words.length === 1) continue;
        }
        if (NOT_TERMS.test(words[0]!) || NAMED_INSTRUMENT.test(run)) continue;
        const content = words.filter((w) => !/^(?:of|and|for|to|on|in|the)$/.test(w));
        if (!content.every((w) => /^[\p{Lu}]{2,5}$/u.test(w) || lowercaseSeen.has(w.toLowerCase().replace(/-.*/, '')))) continue;
        if (words.length === 1 && SELF.test(run)) continue;
        const before = text.slice(Math.max(0, index - 40), index);
        if (namedOrCited(text, index, run, words.length, before) || cells.some((c) => c === run || c === m[0])) continue;
        const k = singular(termKey(run));
        if (defined.has(k) || (words.length === 1 && (heads.has(k) || headed.has(k)))) continue;
        // The start of a defined term that goes on in capitals ("Licensed IP"), or the document's own name.
        const next = /^\s+([\p{Lu}][\p{Lu}\p{Ll}\d]*)/u.exec(text.slice(index + run.length))?.[1];
        if (next !== undefined && defined.has(singular(termKey(`${run} ${next}`)))) continue;
        if (ctx.doc.title !== null && ctx.doc.title.toLowerCase().includes(run.toLowerCase()) && words.length > 1) continue;
        // A run that contains a defined term plus a word ("Customer Data" when "Customer" is defined) is a compound of it,
        // and so is one made of defined terms ("Customer Brand Features": Customer, Brand Features).
        if (words.length > 1 && content.some((w) => defined.has(singular(termKey(w)))) && content.length === 2 && defined.has(singular(termKey(content[0]!)))) continue;
        if (content.length > 2 && content.some((_, i) => i > 0 && defined.has(singular(termKey(content.slice(0, i).join(' ')))) && defined.has(singular(termKey(content.slice(i).join(' ')))))) continue;
        // Used as a defined term is used: "the Service Credits", "any Deliverables", "such Charges".
        const determined = DETERMINER_BEFORE.test(before) ? 1 : 0;
        const u = uses.get(k);
        if (u) {
          u.count += 1;
          u.determined += determined;
        } else uses.set(k, { first: b, index, count: 1, determined });
      }
    }
    const minUses = ctx.options.minUses as number;
    for (const [, u] of [...uses].sort((a, b) => a[1].first.block.position.line - b[1].first.block.position.line)) {
      if (u.count < minUses || (!/\s/.test(u.first.block.text.slice(u.index).match(RUN)?.[0] ?? '') && u.count < minUses + 1)) continue;
      if (u.determined < 2) continue;
      const term = RUN.exec(u.first.block.text.slice(u.index))?.[0] ?? '';
      RUN.lastIndex = 0;
      ctx.report({ messageId: 'undefined', data: { term, count: u.count }, at: spanLocation(u.first, u.index, term.length) });
    }
  },
});
