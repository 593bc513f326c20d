import type { Block, DefinedTerm, Section } from '../model.js';
import { isStandardTextHeading } from './standard-texts.js';

// Quotes of every kind around a term: "Term", “Term”, ”Term” (a closing quote typed twice), ‘Term’, «Term».
const OPEN = `["“”„«‘]`;
const CLOSE = `["”“»’]`;
const INNER = `[^"“”„«»‘’]`;

// "Personal Data" means … / “Services” shall mean … / "Term" has the meaning …
// (A list label may come first: "(c) “RDP Services” means …"; a definitions list may say "is" or "are".)
const MEANS = new RegExp(String.raw`^[\s(]*(?:[a-z0-9ivx]{1,4}[.)]\s*)?${OPEN}(${INNER}{1,80})${CLOSE}(?:\s+or\s+${OPEN}(${INNER}{1,80})${CLOSE})?\s*(?:\([^)]{0,40}\)\s*)?[,:]?\s*(?:means|shall mean|will mean|has the meaning|shall have the meaning|will have the meaning|refers to|is defined|includes|shall include|is|are)\b`, 'i');
// Business Day⇥means … (definitions laid out as a table or with a tab)
const TAB_MEANS = /^([\p{Lu}][\p{L}\d'’\- ]{0,60}?)[\t ]+(?:means|shall mean)\b/u;
// (the "Services"), (each, a "Party"), (hereinafter "Supplier"), (collectively, the "Parties"), (our “Services”)
const OPEN_DOUBLE = `["“”„«]`;
const INLINE = new RegExp(String.raw`\((?:hereinafter(?: collectively| together| jointly)?(?: referred to as| called)?|each(?:,)? (?:a|an)|collectively(?:,)? (?:the)?|together(?:,)? (?:the)?|the|a|an|this|our|your|its|their|such)?\s*${OPEN_DOUBLE}(${INNER}{1,60})${CLOSE}(?:,?\s*(?:or|and)\s*(?:together|collectively)?,?\s*(?:the\s+)?${OPEN_DOUBLE}(${INNER}{1,60})${CLOSE})?\s*\)`, 'gi');
// …, together the "Parties". / …, collectively "Licensors".
const TOGETHER = new RegExp(String.raw`,\s*(?:together|collectively|jointly)(?: referred to as)?,?\s+(?:the\s+)?${OPEN}(${INNER}{1,60})${CLOSE}`, 'gi');
// Protected Health Information ("PHI"), Contracting Officer (CO): an alias defines the short form and the long one.
const ALIAS = /([\p{Lu}][\p{L}-]{0,30}(?:\s+(?:(?:and|of|for|the|to|in|on|&)\s+)?[\p{Lu}][\p{L}-]{0,30}){0,7})\s+\(\s*["“”]?([\p{Lu}][\p{Lu}\d&-]{1,9}s?)["”]?\s*\)/gu;
// What every alias ends with: a space and a short form in brackets ("… Information (“PHI”)"). Scanning a block
// for ALIAS, which tries up to eight capitalised words at every capital letter, is most of the cost of finding
// definitions; a block without this has no alias.
const ALIAS_BRACKET = /\s\(\s*["“”]?[\p{Lu}][\p{Lu}\d&-]{1,9}s?["”]?\s*\)/u;
// A whole table cell that is a quoted term: "Call-Off Start Date" | the date on which …
const QUOTED_CELL = new RegExp(String.raw`^${OPEN}(${INNER}{1,80})${CLOSE}$`);
const TERM_CELL = /^[\p{Lu}][\p{L}\d'’&\-/ ]{0,60}$/u;
const DEFINITIONS_WORDS = String.raw`(?:definitions?|interpretation|defined terms|glossary)`;
const DEFINITIONS_HEADING = new RegExp(String.raw`\b${DEFINITIONS_WORDS}\b`, 'i');
const DEFINITIONS_FIRST = new RegExp(String.raw`^${DEFINITIONS_WORDS}\b`, 'i');

/**
 * The heading names a part where terms are defined ("Definitions", "Schedule 1 – Defined Terms", "Background and
 * Definitions"): the readers take definitions from it.
 */
export function namesDefinitions(heading: string): boolean {
  return DEFINITIONS_HEADING.test(heading);
}

/**
 * The heading is that of a definitions part and nothing else ("Definitions", "Interpretation", "Glossary"): the
 * clause detectors pass over it, since a definition names a topic without binding anyone. "Background and
 * Definitions" or "Personal Information: Definitions, Interpretation" may also hold duties, so they are read.
 */
export function isDefinitionsHeading(heading: string): boolean {
  return DEFINITIONS_FIRST.test(heading);
}

function capitalisedTerm(term: string): boolean {
  return /^[\p{Lu}\d]/u.test(term.trim());
}

/** The alias's short form must be the long form's initials ("PHI" for Protected Health Information). */
function initialsMatch(long: string, short: string): boolean {
  const initials = long.split(/[\s-]+/).filter((w) => /^[\p{Lu}]/u.test(w)).map((w) => w[0]).join('');
  const s = short.replace(/s$/, '').replace(/[^\p{Lu}]/gu, '');
  return s.length >= 2 && (initials.endsWith(s) || initials.includes(s) || s.split('').every((c) => initials.includes(c)));
}

/** A term as quoted: "Inverted domestic corporation," and "… concern, consistent with 13 CFR 124.1002," lose the tail. */
export function cleanTerm(raw: string): string {
  return raw.replace(/,\s+(?:as|consistent|within|under|pursuant|for the purposes)\b.*$/i, '').replace(/\(s\)$/i, '').replace(/[\s,;:.]+$/, '').trim();
}

/** A row of a definitions table: the term in one cell, its meaning in the next. */
interface Place { sectionNumber: string | null; inDefinitions: boolean; scope: string | null }

function scanRow(block: Block, { sectionNumber, inDefinitions, scope }: Place, out: DefinedTerm[]): void {
  const cells = block.cells?.map((c) => c.trim()).filter((c) => c !== '') ?? [];
  // "Insolvency Event", quoted, alone in its table row: a definition whose meaning is the lettered list that follows.
  if (cells.length === 1) {
    const alone = QUOTED_CELL.exec(cells[0]!);
    if (alone && capitalisedTerm(cleanTerm(alone[1]!))) out.push({ term: cleanTerm(alone[1]!), definition: cells[0]!, position: block.position, sectionNumber, kind: 'table', scope });
    return;
  }
  if (cells.length < 2) return;
  const quoted = QUOTED_CELL.exec(cells[0]!);
  const term = quoted ? cleanTerm(quoted[1]!) : inDefinitions && TERM_CELL.test(cells[0]!) && cells[0]!.split(/\s+/).length <= 8 ? cells[0]! : null;
  // A short meaning is one only when a list follows it ("where:", "means:").
  if (term === null || !capitalisedTerm(term) || (cells[1]!.split(/\s+/).length < 3 && !(quoted && /:$/.test(cells[1]!))) || /^(?:term|definition|meaning|expression|word)s?$/i.test(term)) return;
  // The meaning reads as one: "the date on which …", "means …", "any information …" — not another label or a header.
  if (!quoted && !/^(?:means\b|shall mean\b|[\p{Ll}(])/u.test(cells[1]!)) return;
  const definition = `${cells[0]} ${cells[1]}`.slice(0, 300);
  out.push({ term: term.trim(), definition, position: block.position, sectionNumber, kind: 'table', scope });
  // "Tests and Testing": one row defining two words.
  const pair = /^(\p{Lu}[\p{L}-]+) and (\p{Lu}[\p{L}-]+)$/u.exec(term.trim());
  if (pair) for (const t of [pair[1]!, pair[2]!]) out.push({ term: t, definition, position: block.position, sectionNumber, kind: 'table', scope });
}

function scanBlock(block: Block, place: Place, out: DefinedTerm[]): void {
  const { sectionNumber, scope } = place;
  if (block.kind === 'table-row') scanRow(block, place, out);
  const text = block.text;
  const m = MEANS.exec(text) ?? TAB_MEANS.exec(text);
  if (m) {
    out.push({ term: cleanTerm(m[1]!), definition: text.slice(0, 300), position: block.position, sectionNumber, kind: 'means', scope });
    // '"Protected Health Information" or "PHI" means …': the second name is the first's other name.
    if (m[2]) out.push({ term: cleanTerm(m[2]), definition: text.slice(0, 300), position: block.position, sectionNumber, kind: 'alias', scope });
  }
  // Further definitions in the same paragraph, one per sentence: 'The "Services" means hosting. The "Fees" means …'.
  const sentences = text.split(/(?<=[.;])\s+/);
  sentences.forEach((sentence, i) => {
    if (i === 0 && m) return;
    const d = MEANS.exec(sentence.replace(/^(?:The|A|An)\s+(?=["“”„«‘])/, ''));
    if (d) out.push({ term: cleanTerm(d[1]!), definition: sentence.slice(0, 300), position: block.position, sectionNumber, kind: 'means', scope });
    if (d?.[2]) out.push({ term: cleanTerm(d[2]), definition: sentence.slice(0, 300), position: block.position, sectionNumber, kind: 'alias', scope });
  });
  for (const tm of text.matchAll(TOGETHER)) {
    if (capitalisedTerm(tm[1]!)) {
      out.push({ term: cleanTerm(tm[1]!), definition: text.slice(Math.max(0, (tm.index ?? 0) - 120), (tm.index ?? 0) + tm[0].length).trim(), position: block.position, sectionNumber, kind: 'inline', scope });
    }
  }
  for (const im of text.matchAll(INLINE)) {
    for (const term of [im[1], im[2]]) {
      if (term && capitalisedTerm(term)) {
        const start = Math.max(0, (im.index ?? 0) - 120);
        out.push({ term: cleanTerm(term), definition: text.slice(start, (im.index ?? 0) + im[0].length).trim(), position: block.position, sectionNumber, kind: 'inline', scope });
      }
    }
  }
  if (!ALIAS_BRACKET.test(text)) return;
  for (const am of text.matchAll(ALIAS)) {
    const long = am[1]!.replace(/^(?:The|A|An|This|Our|Your)\s+/, '');
    const short = am[2]!;
    if (!initialsMatch(long, short)) continue;
    const definition = text.slice(am.index ?? 0, (am.index ?? 0) + am[0].length);
    out.push({ term: short, definition, position: block.position, sectionNumber, kind: 'alias', scope });
    out.push({ term: long, definition, position: block.position, sectionNumber, kind: 'alias', scope });
  }
}

// A part that carries its own definitions: a schedule, annex … by number, or a deed or addendum by its heading.
const SCOPE_NUMBER = /^(?:Schedule|Annex|Annexure|Appendix|Exhibit|Attachment|Addendum|Part)\b/i;
const SCOPE_HEADING = /\b(?:addendum|deed|form of|guarantee|warranty|bond|agreement)\b/i;
/** A standard text set into the document at any depth: a FAR clause, the Standard Contractual Clauses. */
const OPENS_WITH_QUOTE = new RegExp(`^${OPEN}`);

/** Defined terms with where each is defined, in document order. */
export function collectDefinitions(preamble: readonly Block[], sections: readonly Section[]): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  for (const b of preamble) scanBlock(b, { sectionNumber: null, inDefinitions: false, scope: null }, out);
  const visit = (s: Section, inDefinitions: boolean, scope: string | null): void => {
    const here = inDefinitions || (s.heading !== null && namesDefinitions(s.heading));
    const own = scope ?? (s.number !== null && SCOPE_NUMBER.test(s.number) ? s.number
      : s.level === 1 && s.heading !== null && SCOPE_HEADING.test(s.heading) && !namesDefinitions(s.heading) ? s.heading
        : isStandardTextHeading(s.heading) ? s.heading : null);
    const place = { sectionNumber: s.number, inDefinitions: here, scope: own };
    // In a definitions clause, an entry whose heading is the term ("Customer Data: refers to …", a bold term on its
    // own line, a sub-heading per term) defines it.
    // (Not when the entry defines the term in words of its own, '"Monthly Uptime Percentage" means …', under a table
    // header that repeats it.)
    if (inDefinitions && s.heading !== null && s.blocks.length > 0 && TERM_CELL.test(s.heading.replace(/[“”"]/g, '')) && s.heading.split(/\s+/).length <= 8 &&
      !s.blocks.some((b) => cleanTerm(MEANS.exec(b.text)?.[1] ?? '') === s.heading!.replace(/[“”"]/g, '').trim())) {
      out.push({ term: s.heading.replace(/[“”"]/g, '').trim(), definition: `${s.heading} ${s.blocks[0]!.text}`.slice(0, 300), position: s.blocks[0]!.position, sectionNumber: s.number, kind: 'means', scope: own });
    }
    // A clause whose heading is the term ("1.2 "Affiliate" means…" read as heading) is scanned with it.
    if (s.heading && OPENS_WITH_QUOTE.test(s.heading) && s.blocks.length > 0) {
      scanBlock({ ...s.blocks[0]!, text: `${s.heading} ${s.blocks[0]!.text}` }, place, out);
      for (const b of s.blocks.slice(1)) scanBlock(b, place, out);
    } else {
      for (const b of s.blocks) scanBlock(b, place, out);
    }
    for (const c of s.children) visit(c, here, own);
  };
  for (const s of sections) visit(s, false, null);
  return out;
}
