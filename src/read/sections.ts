import type { Block, Section } from '../model.js';
import { isSubStyle, parseEnumerator, type EnumStyle, type Enumerator } from './enumerators.js';
import { cleanHeading, isHeadingLike, letterPartHeading, splitRunInHeading } from './headings.js';
import type { RawBlock } from './raw.js';

export interface BuildOptions {
  /** Treat a short standalone heading-like paragraph ("License.", "GENERAL PROVISIONS") as an unnumbered heading. */
  pseudoHeadings?: boolean;
  /** Treat an unnumbered paragraph with a run-in heading ("Notices. All notices…") as an unnumbered clause. */
  runInSections?: boolean;
}

export interface BuiltTree {
  title: string | null;
  preamble: Block[];
  sections: Section[];
}

interface Open {
  section: Section;
  rank: number;
  style?: EnumStyle;
  value?: number;
  components?: number[];
  /** The Word list its number counts in (RawBlock.listKey). */
  listKey?: string;
}

// Ranks: lower ranks enclose higher ones. A new section closes every open
// section whose rank is at least its own, then becomes a child of the rest.
const RANK_ATTACHMENT = 1;
const RANK_ARTICLE = 2;
const RANK_HEADING_BASE = 2; // + heading depth (1..6) → 3..8
const RANK_PSEUDO = 9;
const RANK_PART = 9.5; // a lettered part ("A. Services") over the clauses numbered under it ("A.1")
const RANK_DECIMAL_BASE = 10; // + number of components
const RANK_SUB_MIN = 20;
const RANK_RUN_IN = 40;

export function buildSections(raw: readonly RawBlock[], options: BuildOptions = {}): BuiltTree {
  const builder = new TreeBuilder(options);
  for (const b of raw) builder.add(b);
  return unwrapContentsEntries(builder.tree());
}

type Resolved = { style: EnumStyle; value: number; display: string };
type OpenedAs = { style: EnumStyle; value: number; components?: number[] };

/** The section tree as it grows, block by block: the sections still open (a stack by rank), the preamble, the title. */
class TreeBuilder {
  private readonly pseudoHeadings: boolean;
  private readonly runInSections: boolean;
  private readonly roots: Section[] = [];
  private readonly preamble: Block[] = [];
  private readonly stack: Open[] = [];
  private title: string | null = null;
  private frontMatter = false;
  /** The value of the last lettered part heading ("B." → 2), 0 before the first. */
  private lastLetterPart = 0;

  constructor(options: BuildOptions) {
    this.pseudoHeadings = options.pseudoHeadings ?? true;
    this.runInSections = options.runInSections ?? true;
  }

  tree(): BuiltTree {
    return { title: this.title, preamble: this.preamble, sections: this.roots };
  }

  add(b: RawBlock): void {
    const text = b.text.trim();
    if (b.title && this.title === null && this.roots.length === 0) {
      this.title = cleanHeading(text);
      return;
    }
    if (b.kind === 'table-row' || b.plain) {
      this.addBody(b, text);
      return;
    }
    const front = this.frontMatterText(b, text);
    if (front !== null) {
      this.addBody(b, front);
      return;
    }
    const { e, authoritative } = enumeratorOf(b, text);
    if (e && listedPart(b, e)) {
      this.addBody(b, text);
      return;
    }
    if (b.headingDepth !== undefined) this.openHeading(b, text, e);
    else if (!(e && this.openNumbered(b, e, authoritative))) this.addUnnumbered(b, text);
  }

  private top(): Open | undefined {
    return this.stack.at(-1);
  }

  private addBody(b: RawBlock, text: string): void {
    if (text.trim() === '') return;
    const block: Block = { kind: b.kind === 'heading' ? 'paragraph' : b.kind, text, position: b.position };
    if (b.cells) block.cells = b.cells;
    const t = this.top();
    if (t) t.section.blocks.push(block);
    else this.preamble.push(block);
  }

  /** Nothing numbered yet in the agreement, or in the part (a heading, schedule or article) just opened. */
  private atPartStart(): boolean {
    const t = this.top();
    return t === undefined ? this.roots.length === 0 : t.rank < RANK_DECIMAL_BASE && t.section.children.length === 0;
  }

  /**
   * At the start of the agreement or of a part ("Part 1 – Collateral Warranty"), a "PARTIES" / "BETWEEN" /
   * "BACKGROUND" / "AGREED TERMS" heading and the (1), (2), (A), (B) under it are the front matter (who signs,
   * the recitals): text of the preamble or of the part, not sections. The block's text as such, or null.
   */
  private frontMatterText(b: RawBlock, text: string): string | null {
    if (this.atPartStart() && FRONT_HEADING.test(text)) {
      this.frontMatter = true;
      return text;
    }
    if (!this.frontMatter) return null;
    const front = b.autoLabel ? autoEnumerator(b.autoLabel) : parseEnumerator(text);
    // A recital or a party has no heading of its own; "A. DEFINITIONS. The following…" starts the clauses.
    const rest = b.autoLabel ? text : front?.rest ?? '';
    if (!front || !isSubStyle(front.style) || b.headingDepth !== undefined || b.leadHeading || splitRunInHeading(rest) || (isHeadingLike(rest) && rest === rest.toUpperCase())) return null;
    return b.autoLabel && !text.startsWith(b.autoLabel.trim()) ? `${b.autoLabel.trim()} ${text}` : text;
  }

  private open(b: RawBlock, rank: number, number: string | null, label: string | null, heading: string | null, e?: OpenedAs): Section {
    this.frontMatter = false;
    while (this.stack.length > 0 && this.top()!.rank >= rank) this.stack.pop();
    const parent = this.top();
    const section: Section = {
      number, label, heading: heading === null || heading === '' ? null : heading,
      level: parent ? parent.section.level + 1 : 1,
      blocks: [], children: [], position: b.position,
    };
    if (parent) parent.section.children.push(section);
    else this.roots.push(section);
    const entry: Open = { section, rank };
    if (b.listKey !== undefined) entry.listKey = b.listKey;
    if (e) {
      entry.style = e.style;
      entry.value = e.value;
      if (e.components) entry.components = e.components;
    }
    this.stack.push(entry);
    return section;
  }

  /** A paragraph in a heading style: a heading, numbered or not, ranked by its depth (an attachment or article by its kind). */
  private openHeading(b: RawBlock, text: string, e: Enumerator | null): void {
    let rank = RANK_HEADING_BASE + Math.min(Math.max(b.headingDepth!, 1), 6);
    let number: string | null = null;
    let label: string | null = null;
    let heading = text;
    if (e) {
      if (e.style === 'attachment') rank = RANK_ATTACHMENT;
      else if (e.style === 'article') rank = RANK_ARTICLE;
      number = isSubStyle(e.style) ? e.label : e.display;
      label = e.label;
      heading = e.rest;
    }
    this.open(b, rank, number, label, cleanHeading(heading) || null, e ? openedAs(e, e) : undefined);
  }

  /** A numbered block opens its section; false when its number reads as text after all ("3 Business Days after…"). */
  private openNumbered(b: RawBlock, e: Enumerator, authoritative: boolean): boolean {
    const resolved = authoritative
      ? (b.listKey !== undefined ? nestedWordList(e, b, this.stack) : null) ?? resolveStyle(e, this.stack)
      : restartedList(e, this.stack) ?? resolveStyle(e, this.stack);
    if (!authoritative && this.openLetterPart(b, e)) return true;
    if (resolved.style === 'decimal' && e.part !== undefined) this.promotePart(e.part);
    let place: { rank: number; number: string | null } | null;
    if (resolved.style === 'attachment') place = { rank: RANK_ATTACHMENT, number: e.display };
    else if (resolved.style === 'article') place = { rank: RANK_ARTICLE, number: e.display };
    else if (resolved.style === 'decimal') place = this.decimalPlace(e, authoritative);
    else if (isSubStyle(resolved.style)) place = this.subPlace(e, resolved, authoritative);
    else place = null;
    if (place === null) return false;
    const [heading, body] = headingAndBody(b, e.rest, e.label);
    const s = this.open(b, place.rank, place.number, e.label, heading, openedAs(resolved, e));
    if (body !== '') s.blocks.push(toBlock(b, body));
    return true;
  }

  /**
   * "A.  AUTHORITY OF AGENCY" … "B.  MICOA BILLED POLICIES": a typed capital letter before an ALL-CAPS heading on
   * its own, in sequence, heads a part of the agreement whose numbered clauses it contains.
   */
  private openLetterPart(b: RawBlock, e: Enumerator): boolean {
    const letter = [{ style: e.style, value: e.value }, ...(e.alternative ? [e.alternative] : [])].find((r) => r.style === 'ualpha-dot' &&
      (r.value === 1 ? this.lastLetterPart === 0 && !this.stack.some((o) => o.style === 'decimal' || o.style === 'article') : this.lastLetterPart === r.value - 1));
    if (!letter || !letterPartHeading(e.rest)) return false;
    this.lastLetterPart = letter.value;
    this.open(b, RANK_ARTICLE, e.label.replace(/\.$/, ''), e.label, cleanHeading(e.rest) || null, { style: 'article', value: letter.value });
    return true;
  }

  /**
   * "A. Services" then "A.1 Overview": the lettered item is the part the clause is numbered under, not a sub-paragraph
   * (which a decimal clause would close). It is ranked above decimal clauses, as are the parts lettered after it
   * ("B. Customer Content" finds it open and takes its rank). Only at the top of the agreement or under headings.
   */
  private promotePart(letter: string): void {
    const k = this.stack.findLastIndex((o) => o.style === 'ualpha-dot' && o.section.label === `${letter}.`);
    if (k < 0 || this.stack[k]!.rank === RANK_PART || this.stack.slice(0, k).some((o) => o.rank >= RANK_PART)) return;
    this.stack[k]!.rank = RANK_PART;
  }

  /** A decimal number's rank ("5" → 11, "5.1" → 12), or null for a bare number that continues nothing. */
  private decimalPlace(e: Enumerator, authoritative: boolean): { rank: number; number: string } | null {
    const comps = e.components!;
    const bareSingle = comps.length === 1 && !/\.$/.test(e.label) && !/^(Section|Clause|Sec|§)/i.test(e.label);
    if (!authoritative && bareSingle) {
      // "3 Business Days after…" at the start of a paragraph is text, not clause 3,
      // unless it continues the numbering or carries a heading.
      const prev = this.stack.findLast((o) => o.style === 'decimal' && o.components?.length === 1);
      const continues = prev ? prev.value! + 1 === comps[0] : comps[0] === 1;
      // "149 New Montgomery Street": a number past 99 that continues nothing is an address or an amount.
      if (!continues && ((!splitRunInHeading(e.rest) && !isHeadingLike(e.rest)) || comps[0]! >= 100)) return null;
      return { rank: RANK_DECIMAL_BASE + 1, number: e.display };
    }
    const r = RANK_DECIMAL_BASE + comps.length;
    if (!authoritative && comps.length > 1) this.closeForeign(comps, r);
    return { rank: r, number: e.display };
  }

  /** "5.1" after clause 4 (whose "5" heading went missing) is not part of clause 4: close what it does not continue. */
  private closeForeign(comps: readonly number[], r: number): void {
    const foreign = (o: Open): boolean => o.rank < r && o.style === 'decimal' && o.components !== undefined && !isPrefix(o.components, comps);
    const k = this.stack.findLastIndex((o) => o.rank < r);
    if (k >= 0 && foreign(this.stack[k]!)) {
      this.stack.length = k + 1;
      while (this.stack.length > 0 && (this.top()!.rank >= r || foreign(this.top()!))) this.stack.pop();
    }
  }

  /** A sub-paragraph's rank ("(a)", "(i)") and its number under the enclosing one ("5.1(a)"), or null. */
  private subPlace(e: Enumerator, resolved: Resolved, authoritative: boolean): { rank: number; number: string } | null {
    const same = this.stack.findLast((o) => o.style === resolved.style);
    let rank: number | null = null;
    if (same) rank = same.rank;
    else if (authoritative || resolved.value === 1) rank = Math.max((this.top()?.rank ?? 0) + 1, RANK_SUB_MIN);
    if (rank === null) return null;
    // Close deeper levels first so the parent's number is the enclosing one.
    while (this.stack.length > 0 && this.top()!.rank >= rank) this.stack.pop();
    const parentNumber = this.nearestNumber();
    return { rank, number: parentNumber !== null ? `${parentNumber}(${resolved.display})` : e.label.replace(/\.$/, '') };
  }

  private nearestNumber(): string | null {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const n = this.stack[i]!.section.number;
      if (n !== null) return n;
    }
    return null;
  }

  /** Unnumbered text: a heading for the section just opened, a run-in or short heading of its own, or body text. */
  private addUnnumbered(b: RawBlock, text: string): void {
    const t = this.top();
    if (t && t.section.label !== null && t.section.heading === null && t.section.blocks.length === 0 && t.section.children.length === 0 && isHeadingLike(text)) {
      // "ARTICLE 5" on one line and "TERMINATION" on the next.
      t.section.heading = cleanHeading(text);
      return;
    }
    if (this.openUnnumbered(b, text)) return;
    // A definition paragraph ("Effective Date" means …) after a definition's (a)/(b) list belongs to the
    // definitions clause, not to the last sub-paragraph of the definition before it.
    if (DEFINITION_PARAGRAPH.test(text)) {
      while (this.stack.length > 1 && this.top()!.style !== undefined && isSubStyle(this.top()!.style!) && this.top()!.section.heading === null) this.stack.pop();
    }
    this.addBody(b, text);
  }

  /** An unnumbered section: a run-in lead heading, a short heading-like line, or "Heading. Text". */
  private openUnnumbered(b: RawBlock, text: string): boolean {
    if (b.leadHeading && this.runInSections) {
      const lead = b.leadHeading.trim();
      if (text.startsWith(lead)) {
        const s = this.open(b, RANK_RUN_IN, null, null, cleanHeading(lead));
        const body = text.slice(lead.length).trim().replace(/^[.:]\s*/, '');
        if (body !== '') s.blocks.push(toBlock(b, body));
        return true;
      }
    }
    // A short bulleted line is an entry of a list ("▪ Joint Schedule 3 (Insurance Requirements)"), not a heading.
    const bullet = b.kind === 'list-item' && b.listPath === undefined && b.autoLabel === undefined;
    if (this.pseudoHeadings && !bullet && isHeadingLike(text, 8) && !/^[\d(]/.test(text)) {
      this.open(b, RANK_PSEUDO, null, null, cleanHeading(text));
      return true;
    }
    if (!this.runInSections) return false;
    const split = splitRunInHeading(text);
    // An unnumbered clause opens with "Heading. Text"; "By: ____", "Name: …" and
    // "Governing Law: [state]" are form fields, not clauses.
    if (!split || split[0].split(/\s+/).length > 6 || text.charAt(text.indexOf(split[0]) + split[0].length) === ':') return false;
    const s = this.open(b, RANK_RUN_IN, null, null, cleanHeading(split[0]));
    s.blocks.push(toBlock(b, split[1]));
    return true;
  }
}

/** How a section opened by an enumerator records it (its style and value as resolved, the components as typed). */
function openedAs(r: { style: EnumStyle; value: number }, e: Enumerator): OpenedAs {
  return { style: r.style, value: r.value, ...(e.components ? { components: e.components } : {}) };
}

/** The block's number: the list path or Word's number (authoritative), else one typed at its start. */
function enumeratorOf(b: RawBlock, text: string): { e: Enumerator | null; authoritative: boolean } {
  if (b.listPath && b.listPath.length > 0) {
    const path = b.listPath;
    return { e: { label: `${path.at(-1)}.`, style: 'decimal', value: path.at(-1)!, components: path, display: path.join('.'), rest: text }, authoritative: true };
  }
  if (b.autoLabel) {
    const parsed = autoEnumerator(b.autoLabel);
    if (parsed) return { e: { ...parsed, label: b.autoLabel.trim(), rest: text }, authoritative: true };
  }
  return { e: parseEnumerator(text), authoritative: false };
}

/** Heading and first-line body of an enumerated block. */
function headingAndBody(b: RawBlock, rest: string, label: string | null): [string | null, string] {
  let lead = b.leadHeading?.trim();
  if (lead && label !== null && lead.startsWith(label)) lead = lead.slice(label.length).trim();
  if (lead && rest.startsWith(lead)) {
    return [cleanHeading(lead), rest.slice(lead.length).trim().replace(/^[.:]\s*/, '')];
  }
  if (rest === '') return [null, ''];
  const split = splitRunInHeading(rest);
  if (split) return [cleanHeading(split[0]), split[1]];
  if (isHeadingLike(rest, 12)) return [cleanHeading(rest), ''];
  return [null, rest];
}

/**
 * A bullet that names a part of the agreement ("* EXHIBIT A: Definitions.", "▪ Call-Off Schedule 8 (Business
 * Continuity and Disaster Recovery)") lists what the agreement consists of or incorporates; it opens no part.
 * Taken as a heading in the preamble, it nested every clause that follows under "Exhibit A", where the clauses then
 * read as definitions; in a list of incorporated documents, it turned the list into empty schedules.
 */
function listedPart(b: RawBlock, e: Enumerator): boolean {
  return b.kind === 'list-item' && b.listPath === undefined && b.autoLabel === undefined && b.headingDepth === undefined
    && (e.style === 'attachment' || e.style === 'article');
}

/**
 * A part heading that is only an entry of a list of contents: a schedule, annex or exhibit at the top level with no
 * text of its own but clauses under it, whose number comes again later in the document ("EXHIBIT A: Definitions" in the opening list,
 * "EXHIBIT A — DEFINITIONS" where the exhibit starts). What it seems to contain is the agreement itself, so its
 * children take its place and its words stay in the preamble; a structure error must not hide the clauses.
 */
function unwrapContentsEntries(tree: BuiltTree): BuiltTree {
  const roots = tree.sections;
  const isEntry = (s: Section, i: number): boolean => s.blocks.length === 0 && s.children.length > 0 && s.number !== null && /^(?:schedule|annex|appendix|exhibit|attachment|article|part)\b/i.test(s.number)
    && roots.some((later, j) => j > i && later.number !== null && later.number.toLowerCase() === s.number!.toLowerCase());
  if (!roots.some(isEntry)) return tree;
  const preamble = [...tree.preamble];
  const sections: Section[] = [];
  roots.forEach((s, i) => {
    if (!isEntry(s, i)) {
      sections.push(s);
      return;
    }
    preamble.push({ kind: 'paragraph', text: [s.label ?? s.number, s.heading].filter(Boolean).join(' '), position: s.position });
    for (const child of s.children) sections.push(raiseLevel(child));
  });
  return { ...tree, preamble, sections };
}

function raiseLevel(s: Section): Section {
  return { ...s, level: s.level - 1, children: s.children.map(raiseLevel) };
}

/** Word's number as an enumerator; a bare letter or roman numeral ("A" from a "%1" upper-letter list) reads as "A.". */
function autoEnumerator(label: string): Enumerator | null {
  const l = label.trim();
  return parseEnumerator(`${l} X`) ?? (/^(?:[A-Za-z]|[ivxlcIVXLC]{1,6})$/.test(l) ? parseEnumerator(`${l}. X`) : null);
}

const FRONT_HEADING = /^(?:THE\s+)?(?:PARTIES|BETWEEN|BACKGROUND|RECITALS?|WHEREAS|AGREED\s+TERMS|OPERATIVE\s+PROVISIONS|IT\s+IS\s+(?:HEREBY\s+)?AGREED(?:\s+AS\s+FOLLOWS)?|NOW,?\s+(?:THEREFORE|IT\s+IS\s+AGREED)|THIS\s+AGREEMENT\s+WITNESSES)[\s:.,-]*$/i;
const DEFINITION_PARAGRAPH = /^["“][^"”]{1,80}["”]\s+(?:means|shall mean|has the meaning|have the meaning|shall have the meaning|includes|shall include|refers to)\b/;

function isPrefix(a: readonly number[], b: readonly number[]): boolean {
  return a.length < b.length && a.every((x, i) => x === b[i]);
}

function toBlock(b: RawBlock, text: string): Block {
  const block: Block = { kind: b.kind === 'heading' ? 'paragraph' : b.kind, text, position: b.position };
  if (b.cells) block.cells = b.cells;
  return block;
}

/**
 * A typed "1." that does not continue the clause numbering, inside a clause
 * ("5. Your duties … P. If You are a corporation: 1. … 2. …"), is a list
 * restarted within the clause, not clause 1 again; its "2.", "3." continue
 * that list. A number that also continues the clauses and reads as a clause
 * heading ("6. PURCHASE OF PRODUCTS") stays a clause.
 */
function restartedList(e: Enumerator, stack: readonly Open[]): { style: EnumStyle; value: number; display: string } | null {
  if (e.style !== 'decimal' || e.components?.length !== 1 || !/^\d/.test(e.label)) return null;
  const v = e.components[0]!;
  const prevTop = stack.findLast((o) => o.style === 'decimal' && o.components?.length === 1);
  const digits = stack.findLast((o) => o.style === 'digit-dot');
  const list = { style: 'digit-dot' as const, value: v, display: String(v) };
  if (digits && digits.value! + 1 === v) {
    const clause = prevTop !== undefined && prevTop.value! + 1 === v && (splitRunInHeading(e.rest) !== null || isHeadingLike(e.rest, 12));
    return clause ? null : list;
  }
  if (prevTop && v === 1 && /\.$/.test(e.label)) return list;
  return null;
}

/**
 * A Word list of its own that starts at 1 inside a clause of another list (Word shows "11 … 1, 2, 3 … 12"):
 * a list in that clause, as a typed restarted list is, not clauses 1, 2, 3 again. Its later items follow it.
 * A restart that reads as a clause heading ("1 INTRODUCTION", bold or a heading style) starts the clauses of a
 * new part instead: long Word documents number each part with a list of its own.
 */
function nestedWordList(e: Enumerator, b: RawBlock, stack: readonly Open[]): { style: EnumStyle; value: number; display: string } | null {
  if (e.style !== 'decimal' || e.components?.length !== 1) return null;
  const list = { style: 'digit-dot' as const, value: e.value, display: String(e.value) };
  if (stack.some((o) => o.style === 'digit-dot' && o.listKey === b.listKey)) return list;
  const clause = stack.findLast((o) => o.style === 'decimal' && o.components?.length === 1);
  if (clause?.listKey === undefined || clause.listKey === b.listKey || e.value !== 1) return null;
  const rest = e.rest.trim();
  const heading = b.leadHeading !== undefined || b.headingDepth !== undefined || (isHeadingLike(rest) && rest === rest.toUpperCase());
  return heading ? null : list;
}

/** Choose between the readings of an ambiguous letter such as "(i)" (ninth letter or roman one). */
function resolveStyle(e: Enumerator, stack: readonly Open[]): { style: EnumStyle; value: number; display: string } {
  const candidates = [{ style: e.style, value: e.value, display: e.display }];
  if (e.alternative) candidates.push(e.alternative);
  if (candidates.length === 1) return candidates[0]!;
  for (const c of candidates) {
    if (stack.some((o) => o.style === c.style && o.value === c.value - 1)) return c;
  }
  // Neither continues a list: a reading that starts a new list ("(i)" after "(c)") wins.
  for (const c of candidates) {
    if (c.value === 1) return c;
  }
  for (const c of candidates) {
    if (stack.some((o) => o.style === c.style)) return c;
  }
  return candidates[0]!;
}
