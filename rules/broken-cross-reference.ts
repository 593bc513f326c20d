import { placedBlocks, spanLocation, type PlacedBlock } from '../src/lint/blocks.js';
import { DOCUMENT_LABEL, documentLabels, labelsIn, type PackContext } from '../src/lint/pack-context.js';
import { isAttachmentDocument } from '../src/lint/terms.js';
import { defineRule } from '../src/lint/types.js';
import { parseEnumerator, romanValue, toRoman } from '../src/read/enumerators.js';
import type { ContractDocument, Section } from '../src/model.js';
import { walkSections } from '../src/model.js';

type Kind = 'section' | 'article' | 'attachment';

const KEYWORDS: Record<string, Kind> = {
  // keys are lower-case
  section: 'section', sections: 'section', clause: 'section', clauses: 'section', paragraph: 'section', paragraphs: 'section',
  para: 'section', 'para.': 'section', '§': 'section', '§§': 'section', article: 'article', articles: 'article',
  schedule: 'attachment', schedules: 'attachment', annex: 'attachment', annexes: 'attachment', annexure: 'attachment',
  exhibit: 'attachment', exhibits: 'attachment', appendix: 'attachment', appendices: 'attachment', attachment: 'attachment', attachments: 'attachment',
};

const ID = String.raw`(?:\d{1,3}(?!\d)(?:\.\d{1,3}(?!\d)){0,5}(?:[A-Z](?![A-Za-z]))?|[IVXLC]{1,6}(?![A-Za-z])|[A-Z]{1,2}(?![A-Za-z]))(?![\w.]\w)(?:\s?\((?:[a-z]{1,3}|[ivxlc]{1,6}|\d{1,3}|[A-Z])\))*`;
const WORDS = ['Sections?', 'Clauses?', 'Articles?', 'Paragraphs?', 'Para\\.', 'Schedules?', 'Annex(?:es|ure)?', 'Exhibits?', 'Appendix', 'Appendices', 'Attachments?']
  .map((w) => `[${w[0]}${w[0]!.toLowerCase()}]${w.slice(1)}`).join('|');
// A list of references names the word once or each time: "Sections 2 and 3", "§164.504(e) and §164.528".
const REF = new RegExp(String.raw`(?<![\w./-])(${WORDS}|§§?)\s*(${ID}(?:\s*(?:,|and|or|to|through|-|–)\s*(?:§§?\s*)?${ID})*)`, 'g');
const SPLIT_IDS = new RegExp(ID, 'g');
// "of the DPA", "of the GDPR", "of Regulation (EU) 2016/679", "of the Core Terms": another document.
const OTHER_DOC_AFTER = /^\s*(?:\([^)]{0,40}\)\s*|\[[^\]]{0,60}\]\s*)?(?:,\s*as amended,\s*)?(?:of|to|in|under)\s+(?!this\b|these\b|the\s+Agreement\b|the\s+Contract\b|hereof\b)(?:the\s+)?(?:[A-Z][\w.&'-]*|\d)/;
const STATUTE_AFTER = /^\s*(?:\([^)]{0,40}\)\s*)?(?:of\s+)?(?:the\s+)?(?:UK\s+)?(?:GDPR|HIPAA|CCPA|CPRA|FCRA|TCPA|PECR|DPA\s+\d|U\.?S\.?C|C\.?F\.?R|Act\b|Code\b|Regulation|Directive)/;
const SCC = /\bstandard contractual clauses\b|\bSCCs?\b|\bUK Addendum\b|\bIDTA\b/i;
const COMMON_BEFORE = /^(?:This|The|Each|Any|All|No|Such|That|See|In|Under|Of|To|And|Or|With|By|Per|From|Subject|Pursuant|Notwithstanding|Save|Except|Including|Under|Within|As|At|On|For)$/;
/**
 * An outside instrument named just before the reference: "Title 5 of the U.S. Code, Section 552a", "the
 * Rehabilitation Act … Section 508", "Article 28 GDPR" is after it (STATUTE_AFTER). Its parts are not this
 * document's.
 */
const INSTRUMENT_BEFORE = /\b(?:Act|Code|U\.?S\.?C\.?|C\.?F\.?R\.?|I\.?R\.?C\.?|Title \d+|Regulations?|Directive|Treaty|Convention|Agreement on|Constitution|GDPR|Statute|Rules of|Protocol)\b[^.;()]{0,40}$/;
/** "… shall apply as Annex B", "is deemed to be Appendix 1": what a part of this document stands as in another instrument. */
const SERVES_AS_BEFORE = /\b(?:apply|applies|serve|serves|act|acts|stand|stands|deemed(?: to be)?|constitute|constitutes|incorporated) as\s+$/i;
/** "this Appendix 3B", "these Schedules": the part the words stand in, whatever it is called in the outline. */
const SELF_BEFORE = /\b(?:this|these|the present)\s+$/i;
/** "paragraph 6.2 of this Appendix 3A", "paragraph 2 of Joint Schedule 11": numbered within that part. */
const OF_PART_AFTER = /^\s*(?:\([^)]{0,60}\)\s*)?(?:of|in|under)\s+(?:this|that|the|such)?\s*(?:Schedule|Annex|Appendix|Exhibit|Attachment|Addendum|Part)\b/i;
/** A heading that says its text belongs to another document: "Template Annex 1 of Joint Schedule 11". */
const FOREIGN_HEADING = /\b(?:of|from|to)\s+(?:the\s+)?(?:(?:Joint|Call-Off|Framework)\s+)?(?:Schedule|Annex|Appendix|Exhibit)\s+[\w.-]+|\bstandard contractual clauses\b|\bSCCs?\b|\b(?:FAR|DFARS|GSAR|HSAR|AGAR)\s+\d{2,3}\.\d/i;

interface Index {
  decimals: Set<string>;
  articles: Set<number>;
  attachments: Set<string>;
  hasDecimal: boolean;
  hasArticles: boolean;
  attachmentKinds: Set<string>;
  byNumber: Map<string, Section>;
  /** The highest top-level clause number. */
  maxTop: number;
}

/** "08.1" → "8.1"; a trailing ".0" ("section 8.0") names the clause itself ("8"). */
function norm(n: string): string {
  const parts = n.split('.').map((p) => String(Number(p)));
  while (parts.length > 1 && parts.at(-1) === '0') parts.pop();
  return parts.join('.');
}

function buildIndex(doc: ContractDocument): Index {
  const idx: Index = { decimals: new Set(), articles: new Set(), attachments: new Set(), hasDecimal: false, hasArticles: false, attachmentKinds: new Set(), byNumber: new Map(), maxTop: 0 };
  for (const s of walkSections(doc.sections)) {
    if (s.number === null) continue;
    const e = parseEnumerator(`${s.number} X`);
    if (!e) {
      // Sub-clause numbers such as "12.3(b)(ii)".
      const m = /^(?:(?:Section|Clause|§)\s*)?(\d{1,3}(?:\.\d{1,3})*)((?:\([a-zA-Z0-9]+\))+)$/.exec(s.number);
      if (m) {
        const key = `${norm(m[1]!)}${m[2]!.toLowerCase()}`;
        idx.decimals.add(key);
        idx.byNumber.set(key, s);
      }
      continue;
    }
    if (e.style === 'decimal' && e.components) {
      const key = norm(e.components.join('.'));
      idx.maxTop = Math.max(idx.maxTop, e.components[0]!);
      idx.decimals.add(key);
      idx.byNumber.set(key, s);
      idx.hasDecimal = true;
    } else if (e.style === 'article') {
      idx.articles.add(e.value);
      idx.hasArticles = true;
    } else if (e.style === 'attachment') {
      const [kind, id] = e.display.split(' ');
      idx.attachments.add(`${kind!.toLowerCase()} ${id!.toUpperCase()}`);
      idx.attachmentKinds.add(kind!.toLowerCase());
    }
  }
  // A numbered top-level heading that names an attachment: "11. ANNEX C - CLEANING STANDARDS"
  // (deeper ones are entries of a contents list, not the attachments).
  for (const s of walkSections(doc.sections)) {
    const h = s.heading === null || s.level > 2 ? null : parseEnumerator(s.heading);
    if (h && h.style === 'attachment') {
      const [kind, id] = h.display.split(' ');
      idx.attachments.add(`${kind!.toLowerCase()} ${id!.toUpperCase()}`);
      idx.attachmentKinds.add(kind!.toLowerCase());
    }
  }
  return idx;
}

function attachmentKind(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('sched')) return 'schedule';
  if (w.startsWith('annex')) return 'annex';
  if (w.startsWith('exhib')) return 'exhibit';
  if (w.startsWith('append')) return 'appendix';
  return 'attachment';
}

// A section's text with its sub-sections, joined once per section (asked for every
// sub-clause reference into it, a long section was joined thousands of times).
const sectionTexts = new WeakMap<Section, string>();
function sectionText(s: Section): string {
  let text = sectionTexts.get(s);
  if (text === undefined) {
    text = [...walkSections([s])].flatMap((x) => x.blocks.map((b) => b.text)).join(' ');
    sectionTexts.set(s, text);
  }
  return text;
}

/** True when a reference to section `id` ("12.3(b)(ii)") resolves in the document. */
function resolvesSection(id: string, idx: Index): boolean {
  const m = /^(\d{1,3}(?:\.\d{1,3})*)((?:\s?\([a-zA-Z0-9]+\))*)$/.exec(id);
  if (!m) return true; // not a numeric reference we can judge
  const base = norm(m[1]!);
  if (!idx.decimals.has(base)) return false;
  const parts = [...m[2]!.matchAll(/\(([a-zA-Z0-9]+)\)/g)].map((x) => x[1]!.toLowerCase());
  let key = base;
  for (const part of parts) {
    const next = `${key}(${part})`;
    if (idx.decimals.has(next)) {
      key = next;
      continue;
    }
    // The sub-clause may be written inline: "(a) … (b) …" inside the clause's own text.
    const s = idx.byNumber.get(key);
    if (!s) return false;
    const text = sectionText(s);
    return text.includes(`(${part})`) || text.includes(`(${part.toUpperCase()})`);
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'broken-cross-reference',
    description: 'Report references to sections, clauses, schedules, annexes, exhibits and appendices that resolve to nothing in the document.',
    defaultSeverity: 'error',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      broken: '{ref} does not exist in this document.',
      missingDocument: '{ref} is referred to but is not in the pack ({count} references).',
      brokenIn: '{ref} does not exist in {document}.',
    },
    ask: 'Correct the cross-reference, or add the clause or attachment it points to.',
    url: 'rules/broken-cross-reference.md',
  },
  check(ctx) {
    const idx = buildIndex(ctx.doc);
    // A schedule or annex issued as its own document numbers its parts "Paragraph N" and
    // cites the main terms as "Clause N": only its own paragraphs can be checked here.
    const isAttachmentDoc = isAttachmentDocument(ctx.doc);
    const candidates: Array<{ ref: string; family: string; ok: boolean; at: ReturnType<typeof spanLocation> }> = [];
    // Whether a section's own text mentions the SCCs, once per section (asked for every
    // "Clause N" in it, a section of thousands of references was quadratic).
    const sccSections = new Map<(typeof ctx.doc.sections)[number], boolean>();
    const mentionsScc = (sec: (typeof ctx.doc.sections)[number]): boolean => {
      let v = sccSections.get(sec);
      if (v === undefined) {
        v = sec.blocks.some((b) => SCC.test(b.text));
        sccSections.set(sec, v);
      }
      return v;
    };
    for (const p of placedBlocks(ctx.doc)) {
      if (p.heading) continue;
      const text = p.block.text;
      let blockScc: boolean | undefined;
      for (const m of text.matchAll(REF)) {
        const keyword = m[1]!;
        const kind = KEYWORDS[keyword.toLowerCase()] ?? 'section';
        const start = m.index ?? 0;
        const after = text.slice(start + m[0].length);
        const before = text.slice(Math.max(0, start - 30), start);
        // In a pack, "paragraph 5.2 of Call-Off Schedule 10" is checked against that document's own numbering.
        const target = ctx.pack && kind === 'section' ? packTarget(ctx.pack, ctx.doc, after) : null;
        if (target) {
          for (const id of [...m[2]!.matchAll(SPLIT_IDS)].map((x) => x[0].replace(/\s+/g, ''))) {
            if (!/^\d/.test(id) || resolvesSection(id, indexOf(target.doc))) continue;
            ctx.report({ messageId: 'brokenIn', data: { ref: `${keyword.replace(/s$/, '').replace(/^(\w)/, (c) => c.toUpperCase())} ${id}`, document: target.label }, at: spanLocation(p, start, m[0].length) });
          }
          continue;
        }
        if (OTHER_DOC_AFTER.test(after) || STATUTE_AFTER.test(after)) continue;
        const wider = text.slice(Math.max(0, start - 80), start);
        if (INSTRUMENT_BEFORE.test(wider.replace(/([A-Z])\./g, '$1')) || SELF_BEFORE.test(before) || (kind === 'section' && OF_PART_AFTER.test(after))) continue;
        // "Appendix 1 - Section 1.6": a section numbered within that part.
        if (kind === 'section' && /\b(?:Schedule|Annex|Appendix|Exhibit|Attachment)\s+[\w.]{1,6}\s*[-–—,:]\s*$/i.test(before)) continue;
        // Text of another document set into this one (a template annex of another schedule, the SCCs' own parts).
        if (p.path.some((x) => (x.heading !== null && FOREIGN_HEADING.test(x.heading)) || FOREIGN_HEADING.test((x.blocks[0]?.text ?? '').slice(0, 160)))) continue;
        // The SCCs' annexes (Annex I.A, Annex II, Annex III) in the words that complete them.
        if (kind === 'attachment' && /^[IVX]+[A-C]?$/.test(m[2]!.trim().split(/\s/)[0]!) && ((blockScc ??= SCC.test(text)) || p.path.some(mentionsScc))) continue;
        // "Directive 2012/27/EU (Article 6 + Annex III)": the instrument's own parts.
        if (/\b(?:Directive|Regulation|Act|Convention|Code)\b[^()]{0,40}\([^)]*$/.test(text.slice(Math.max(0, start - 80), start))) continue;
        // "Appendix 3 – New Works and Approval Process" opening a short block is a contents entry.
        if (start === 0 && text.split(/\s+/).length <= 15) continue;
        const prevWord = /([\w.&-]+)\s*$/.exec(before)?.[1] ?? '';
        // "45 CFR § 164.504", "FAR section 12.212": a regulation's own numbering.
        if (/^(?:C\.F\.R\.?|U\.S\.C\.?|[A-Z]{2,6})$/.test(prevWord)) continue;
        // "Schedule A shall apply as Annex B": the annex of another instrument that this part serves as.
        if (kind === 'attachment' && SERVES_AS_BEFORE.test(before)) continue;
        // "Call-Off Schedule 5", "Joint Schedule 1": an attachment that is a document of its own.
        if (kind === 'attachment' && /^[A-Z]/.test(prevWord) && !COMMON_BEFORE.test(prevWord)) continue;
        // "Clause 13" in a list about the Standard Contractual Clauses is the SCCs' clause 13.
        if (kind === 'section' && /^clause/i.test(keyword) && ((blockScc ??= SCC.test(text)) || p.path.some(mentionsScc))) continue;
        const ids = [...m[2]!.matchAll(SPLIT_IDS)].map((x) => x[0].replace(/\s+/g, ''));
        for (const id of ids) {
          let ok = true;
          if (kind === 'attachment') {
            const k = attachmentKind(keyword);
            if (!idx.attachmentKinds.has(k)) continue; // attachments kept in other files
            // "Appendix 3A" for Part A of Appendix 3.
            const base = /^(\d+)[A-Z]$/i.exec(id)?.[1];
            // "Annex 2" and "Annex II" are one annex.
            const other = /^\d+$/.test(id) ? toRoman(Number(id)) : /^[IVXLC]+$/i.test(id) ? String(romanValue(id.toUpperCase()) ?? '') : '';
            ok = idx.attachments.has(`${k} ${id.toUpperCase()}`) || (base !== undefined && idx.attachments.has(`${k} ${base}`)) || (other !== '' && idx.attachments.has(`${k} ${other.toUpperCase()}`));
          } else if (kind === 'article') {
            const v = /^\d+$/.test(id) ? Number(id) : romanValue(id);
            // "Article 93(2)" in a document whose own articles stop at 18, or whose clauses stop at 15: a regulation's.
            const lead = Number(/^\d+/.exec(id)?.[0] ?? Number.NaN);
            if (idx.hasArticles && lead >= 20 && lead > 3 * Math.max(...idx.articles)) continue;
            if (!idx.hasArticles && idx.hasDecimal && lead >= 20 && lead > 3 * idx.maxTop) continue;
            if (v !== null && idx.hasArticles) ok = idx.articles.has(v);
            else if (/^\d/.test(id) && idx.hasDecimal) ok = resolvesSection(id, idx);
            // "Article IV" in a contract with no articles: statutes number their articles in figures.
            else if (/^[IVXLC]+$/.test(id) && v !== null) ok = false;
            else continue;
          } else {
            if (!/^\d/.test(id) || !idx.hasDecimal) continue;
            if (isAttachmentDoc && !/^para/i.test(keyword)) continue;
            // "Section 508" in a contract whose clauses stop at 16 is a statute's section, not a lost clause.
            if (/^\d{3,}$/.test(id) && Number(id) > 10 * idx.maxTop) continue;
            ok = resolvesSection(id, idx);
          }
          const ref = `${keyword.replace(/s$/, '').replace(/^(\w)/, (c) => c.toUpperCase())} ${id}`;
          candidates.push({ ref, family: kind === 'section' ? keyword.toLowerCase().replace(/s$|\.$/g, '').replace(/^§+$/, '§') : kind, ok, at: spanLocation(p, start, m[0].length) });
        }
      }
    }
    // A keyword none of whose references resolve, while another keyword's do, names
    // another document's parts: the Common Paper DPA cites "Clause 13" of the SCCs and
    // its own "Section 3".
    const share = new Map<string, { ok: number; all: number }>();
    for (const c of candidates) {
      const x = share.get(c.family) ?? { ok: 0, all: 0 };
      x.all += 1;
      if (c.ok) x.ok += 1;
      share.set(c.family, x);
    }
    const selfFamily = [...share.values()].some((x) => x.all >= 3 && x.ok / x.all >= 0.9);
    const foreign = (family: string): boolean => {
      const x = share.get(family)!;
      return family !== 'attachment' && selfFamily && x.ok / x.all < 0.5;
    };
    for (const c of candidates) {
      if (c.ok || foreign(c.family)) continue;
      ctx.report({ messageId: 'broken', data: { ref: c.ref }, at: c.at });
    }
    if (ctx.pack) {
      for (const m of missingDocuments(ctx.pack)) {
        if (m.doc === ctx.doc) ctx.report({ messageId: 'missingDocument', data: { ref: m.ref, count: m.count }, at: spanLocation(m.block, m.index, m.ref.length) });
      }
    }
  },
});

const indexes = new WeakMap<ContractDocument, Index>();
const indexOf = (doc: ContractDocument): Index => {
  let idx = indexes.get(doc);
  if (!idx) {
    idx = buildIndex(doc);
    indexes.set(doc, idx);
  }
  return idx;
};

const OF_DOCUMENT = new RegExp(String.raw`^\s*(?:\([^)]{0,40}\)\s*)?(?:of|in|under)\s+(?:the\s+)?(${DOCUMENT_LABEL.source})`, 'i');

/** The pack document a reference's following words name ("… of Call-Off Schedule 10"), when it is another one that numbers its parts. */
function packTarget(pack: PackContext, doc: ContractDocument, after: string): { doc: ContractDocument; label: string } | null {
  const m = OF_DOCUMENT.exec(after);
  if (!m) return null;
  const target = pack.resolve(m[1]!);
  if (target === null || target === 'ambiguous' || target === doc || !indexOf(target).hasDecimal) return null;
  return { doc: target, label: m[1]!.replace(/\s+/g, ' ') };
}

interface MissingDocument { ref: string; count: number; doc: ContractDocument; block: PlacedBlock; index: number }

const missingCache = new WeakMap<PackContext, MissingDocument[]>();

/**
 * References to documents of a pack's own families ("Call-Off Schedule 22" in a pack of call-off schedules) that
 * no document of the pack answers to: each once per pack, at its first reference in the pack's order.
 */
function missingDocuments(pack: PackContext): MissingDocument[] {
  const cached = missingCache.get(pack);
  if (cached) return cached;
  const families = new Set(pack.docs.flatMap((d) => documentLabels(d)).map((l) => `${l.family ?? ''}|${l.kind}`));
  const found = new Map<string, MissingDocument>();
  for (const doc of pack.docs) {
    const own = new Set(documentLabels(doc).map((l) => `${l.family ?? ''}|${l.kind}|${l.id}`));
    for (const p of placedBlocks(doc)) {
      for (const m of p.block.text.matchAll(DOCUMENT_LABEL)) {
        const [label] = labelsIn(m[0]);
        if (!label || label.family === null || /^X{1,3}$/.test(label.id) || !families.has(`${label.family}|${label.kind}`) || own.has(`${label.family}|${label.kind}|${label.id}`)) continue;
        if (pack.resolve(m[0]) !== null) continue;
        const key = `${label.family}|${label.kind}|${label.id}`;
        const seen = found.get(key);
        if (seen) seen.count += 1;
        else found.set(key, { ref: m[0].replace(/\s+/g, ' '), count: 1, doc, block: p, index: m.index ?? 0 });
      }
    }
  }
  const out = [...found.values()];
  missingCache.set(pack, out);
  return out;
}
