/**
 * Recognise the enumerator at the start of a clause ("12.3", "(b)", "iv.",
 * "ARTICLE IV", "Schedule 2", "§ 4", "Section 2.3") and how it ranks.
 *
 * Pure string functions; the section builder decides hierarchy from the
 * style and value returned here.
 */

export type EnumStyle =
  | 'decimal' // 1 · 1. · 1.1 · 1.1.1 · 1.0 (as 1) · Section 2.3 · § 4
  | 'article' // ARTICLE IV · Article 4 · PART 2 · CHAPTER 3
  | 'attachment' // SCHEDULE 2 · Annex B · Exhibit A · Appendix 1
  | 'paren-alpha' | 'alpha-paren' | 'alpha-dot'
  | 'paren-ualpha' | 'ualpha-paren' | 'ualpha-dot'
  | 'paren-roman' | 'roman-paren' | 'roman-dot'
  | 'paren-uroman' | 'uroman-paren' | 'uroman-dot'
  | 'paren-digit' | 'digit-paren'
  | 'digit-dot'; // a "1." list restarted inside a clause (the section builder decides)

export interface Enumerator {
  /** The enumerator as printed, trimmed: "12.3.", "(b)", "ARTICLE IV". */
  label: string;
  style: EnumStyle;
  /** Ordinal value for single-level styles (a=1, iv=4); last component for decimals. */
  value: number;
  /** Decimal components ([12, 3] for "12.3", [1] for "1.0"). */
  components?: number[];
  /** Normalised form used to build full numbers: "12.3", "b", "iv", "ARTICLE IV", "Schedule 2". */
  display: string;
  /** Text after the enumerator, trimmed. */
  rest: string;
  /** A clause number under a lettered part ("M.7" → "M"): the part's letter, also the first component. */
  part?: string;
  /** For ambiguous letters such as "(i)" or "(v)": the other reading. */
  alternative?: { style: EnumStyle; value: number; display: string };
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export function romanValue(s: string): number | null {
  const t = s.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(t)) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!;
    const next = i + 1 < t.length ? ROMAN[t[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  // Reject non-canonical forms such as "iiii" or "vv" by round-tripping.
  return toRoman(total) === t ? total : null;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** a=1 … z=26, aa=27 (doubled letters), bb=28 … */
export function alphaValue(s: string): number | null {
  const t = s.toLowerCase();
  if (/^[a-z]$/.test(t)) return t.charCodeAt(0) - 96;
  if (/^([a-z])\1$/.test(t)) return 26 + t.charCodeAt(0) - 96;
  return null;
}

const WORD_NUMBERS: Record<string, number> = {
  ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5, SIX: 6, SEVEN: 7, EIGHT: 8, NINE: 9, TEN: 10,
  ELEVEN: 11, TWELVE: 12, THIRTEEN: 13, FOURTEEN: 14, FIFTEEN: 15, SIXTEEN: 16,
  SEVENTEEN: 17, EIGHTEEN: 18, NINETEEN: 19, TWENTY: 20,
};

/**
 * A list item's label as a drafter types it in a table cell (or a word processor prints it there), before its text:
 * "a) in respect of …", "(ii) …", "3) …". The DOCX and PDF readers read such a cell line as a list item of its own.
 */
export const CELL_LIST_LABEL = /^\(?(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)\s+\S/;

/** Styles that are one level of a sub-clause list: "(a)", "i.", "A)". */
export function isSubStyle(style: EnumStyle): boolean {
  return style !== 'decimal' && style !== 'article' && style !== 'attachment';
}

const ATTACHMENT_RE =
  /^(SCHEDULE|Schedule|ANNEX|Annex|ANNEXURE|Annexure|EXHIBIT|Exhibit|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum)\s+((?!(?:TO|OF|IN|ON|AS|AT|BY|OR|IS|IT|AN|NO|BE|IF|US|WE)\b)[A-Z]{1,2}(?:-\d{1,2})?|\d{1,3}(?:[.-]\d{1,3})?|[IVX]{1,5})\b\.?/;
const ARTICLE_RE =
  /^(ARTICLE|Article|PART|Part|CHAPTER|Chapter)\s+([IVXLC]{1,6}|\d{1,3}|[A-Z]{3,9}|(?<=PART\s+|Part\s+)[A-Z])\b\.?/;
const KEYWORD_RE = /^(SECTION|Section|Sec\.|CLAUSE|Clause|§{1,2})\s*(\d{1,3}(?:\.\d{1,3}){0,4})(?![\d])\.?/;
// "13.Liability", "3.1With respect to": a number and a capitalised word with no space between (an extraction that
// lost it) — after a full stop, or after a number of two levels or more.
const DECIMAL_RE = /^(\d{1,3}(?:\.\d{1,3}){0,5})(\.?)(?=[\s\u00a0]|$|(?<=\.)\p{Lu}\p{Ll}|(?<=\d\.\d{1,3})\p{Lu}\p{Ll}{2})/u;
// "A.1.", "M.7.a.", "C.2.1": clause numbers under a lettered part (vendor terms lettered A to M; the sections of a
// US federal contract, C.1 … H.12). The letter is the part, the numbers are the clause's place in it. "II.1",
// "IV.3": the same under a roman-numbered article (Word's "Article II" list without legal numbering).
const LETTERED_DECIMAL_RE = /^(XVIII|XVII|XIII|VIII|XVI|XIV|XII|XIX|III|VII|XV|XI|XX|II|IV|VI|IX|[A-Z])\.(\d{1,3}(?:\.\d{1,3}){0,4})(?:\.([a-z]))?\.?(?=[\s\u00a0])/;
/** What follows the day of a date: "25 April 2026", "3 Sept. 2019". */
const DATE_REST = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+\d{4}\b/;
// "(a) the Supplier", and "(i)Appendix 1 …" with the space lost in an extraction (a capitalised word straight after).
const PAREN_RE = /^\(([a-z]{1,2}|[A-Z]{1,2}|[ivxlc]{1,6}|[IVXLC]{1,6}|\d{1,3})\)(?=[\s\u00a0]|$|\p{Lu}\p{Ll})/u;
const CLOSE_RE = /^([a-z]{1,2}|[A-Z]|[ivxlc]{1,6}|[IVXLC]{1,6}|\d{1,3})\)(?=[\s\u00a0]|$)/;
const DOT_RE = /^([a-z]|[A-Z]|[ivxlc]{1,6}|[IVXLC]{1,6})\.(?=[\s\u00a0]+\S|$)/;

function capitalised(rest: string): boolean {
  // A redaction ("* * *", "[***]") stands for the omitted heading or words.
  return rest === '' || /^[\p{Lu}"“'‘(\[]/u.test(rest) || /^[\d]/.test(rest) || /^(?:\*\s\*\s\*|\[\*+\])/.test(rest);
}

/**
 * Parse the enumerator at the start of `text`. Returns null when the text
 * does not start with one.
 */
export function parseEnumerator(text: string): Enumerator | null {
  const t = text.replace(/^[\s\u00a0]+/, '');
  let m: RegExpExecArray | null;

  if ((m = ATTACHMENT_RE.exec(t))) {
    const rest = after(t, m[0]);
    if (!/^(of|to|in|hereto|attached|shall|sets|is|are|and|or|for|will|which|as)\b/i.test(rest) && capitalisedOrSep(rest)) {
      const kw = m[1]!;
      const name = kw[0]! + kw.slice(1).toLowerCase();
      return { label: m[0].replace(/\.$/, ''), style: 'attachment', value: ordinalOf(m[2]!), display: `${name} ${m[2]}`, rest: stripSep(rest) };
    }
  }
  if ((m = ARTICLE_RE.exec(t))) {
    const rest = after(t, m[0]);
    const v = m[2]!;
    // "PART A", "PART C": a part lettered, not roman 100 (I, V and X stay roman: "PART I", "PART V").
    const lettered = /^PART$/i.test(m[1]!) && /^[A-HJ-UWYZ]$/.test(v);
    const value = /^\d+$/.test(v) ? Number(v) : lettered ? v.charCodeAt(0) - 64 : romanValue(v) ?? WORD_NUMBERS[v.toUpperCase()] ?? null;
    // "Part B - ANNEX 1: Baseline Requirements" heads an annex of part B, not part B again.
    const annexOfPart = /^PART$/i.test(m[1]!) && /^\W*(?:ANNEX|Annex|SCHEDULE|Schedule|APPENDIX|Appendix|EXHIBIT|Exhibit|ATTACHMENT|Attachment)\b/.test(rest);
    if (value !== null && !annexOfPart && capitalisedOrSep(rest)) {
      return { label: m[0].replace(/\.$/, ''), style: 'article', value, display: `${m[1]!.toUpperCase()} ${v}`, rest: stripSep(rest) };
    }
  }
  if ((m = KEYWORD_RE.exec(t))) {
    const rest = after(t, m[0]);
    if (capitalisedOrSep(rest)) {
      const comps = components(m[2]!);
      const kw = m[1]!.startsWith('§') ? m[1]! : m[1]!.replace(/\.$/, '');
      const kwNorm = kw.startsWith('§') ? kw : kw[0]!.toUpperCase() + kw.slice(1).toLowerCase();
      return {
        label: m[0].trim(), style: 'decimal', value: comps.at(-1)!, components: comps,
        display: `${kwNorm} ${trimZeroTail(m[2]!)}`, rest: stripSep(rest),
      };
    }
  }
  if ((m = LETTERED_DECIMAL_RE.exec(t))) {
    const rest = after(t, m[0]);
    // A capitalised or emphasised word after it ("A.1. **Overview.**", "C.2 The contractor"), not "A.1 million".
    if (/^[\p{Lu}"“'‘(\[*_]/u.test(rest)) {
      // The part's letter counts as the first component (A = 1; a roman article by its value: II = 2), a lower-case
      // tail as the last ("7.a" → 7, 1).
      const lead = m[1]!.length === 1 ? m[1]!.charCodeAt(0) - 64 : romanValue(m[1]!)!;
      const comps = [lead, ...components(m[2]!), ...(m[3] ? [m[3].charCodeAt(0) - 96] : [])];
      const display = `${m[1]}.${m[2]}${m[3] ? `.${m[3]}` : ''}`;
      return { label: m[0], style: 'decimal', value: comps.at(-1)!, components: comps, display, rest: stripSep(rest), ...(m[1]!.length === 1 ? { part: m[1]! } : {}) };
    }
  }
  if ((m = DECIMAL_RE.exec(t))) {
    const rest = after(t, m[0]);
    const raw = m[1]!;
    const comps = components(raw);
    const first = comps[0]!;
    const multi = raw.includes('.');
    // A bare "12" must be followed by a capitalised word to count as a clause number,
    // and a plausible first component (not a year or an amount); "25 April 2026" is a date.
    if (first > 0 && first <= 300 && !(!multi && DATE_REST.test(rest)) && (multi || m[2] === '.' ? !/^[%$€£]/.test(rest) : capitalised(rest) && rest !== '')) {
      if (!(multi && /^\d/.test(rest))) {
        return { label: m[0], style: 'decimal', value: comps.at(-1)!, components: comps, display: trimZeroTail(raw), rest: stripSep(rest) };
      }
    }
  }
  if ((m = PAREN_RE.exec(t))) return single(m, t, 'paren');
  if ((m = CLOSE_RE.exec(t))) return single(m, t, 'close');
  if ((m = DOT_RE.exec(t))) {
    const rest = after(t, m[0]);
    // "A. Smith" or "J. Doe" is a name, not an enumerator; require a capitalised or quoted word
    // after a lower-case enumerator and a plausible start after an upper-case one.
    if (capitalised(rest) || /^[a-z]/.test(m[1]!)) return single(m, t, 'dot');
  }
  return null;
}

function single(m: RegExpExecArray, t: string, kind: 'paren' | 'close' | 'dot'): Enumerator | null {
  const v = m[1]!;
  const rest = stripSep(after(t, m[0]));
  const label = m[0];
  const upper = v === v.toUpperCase() && /[A-Z]/.test(v);
  if (/^\d+$/.test(v)) {
    if (kind === 'dot') return null;
    return { label, style: kind === 'paren' ? 'paren-digit' : 'digit-paren', value: Number(v), display: v, rest };
  }
  const styleOf = (base: 'alpha' | 'roman'): EnumStyle => {
    const b = upper ? (base === 'alpha' ? 'ualpha' : 'uroman') : base;
    return (kind === 'paren' ? `paren-${b}` : kind === 'close' ? `${b}-paren` : `${b}-dot`) as EnumStyle;
  };
  const a = alphaValue(v);
  const r = romanValue(v);
  const display = v.toLowerCase() === v ? v : v;
  if (a !== null && r !== null) {
    // Ambiguous: "(i)", "(v)", "(x)", "(c)". Two letters ("(ii)", "(xx)", "(cc)") read as roman first, with the
    // doubled letter as the other reading: "(cc)" after "(bb)".
    if (v.length === 2) return { label, style: styleOf('roman'), value: r, display, rest, alternative: { style: styleOf('alpha'), value: a, display } };
    const preferRoman = v.toLowerCase() === 'i';
    const alpha = { style: styleOf('alpha'), value: a, display };
    const roman = { style: styleOf('roman'), value: r, display };
    const [p, q] = preferRoman ? [roman, alpha] : [alpha, roman];
    return { label, style: p.style, value: p.value, display, rest, alternative: q };
  }
  if (r !== null) return { label, style: styleOf('roman'), value: r, display, rest };
  if (a !== null) return { label, style: styleOf('alpha'), value: a, display, rest };
  return null;
}

function after(t: string, matched: string): string {
  return t.slice(matched.length).replace(/^[\s\u00a0]+/, '');
}

function stripSep(rest: string): string {
  return rest.replace(/^(?:[-–—]{1,3}|[:.])\s*/, '').trim();
}

function capitalisedOrSep(rest: string): boolean {
  return rest === '' || /^[-–—:.]/.test(rest) || capitalised(rest);
}

function components(raw: string): number[] {
  const parts = raw.split('.').filter((p) => p !== '').map(Number);
  // "1.0" and "2.00" are how some contracts number the top level: read them as 1 and 2.
  while (parts.length > 1 && parts.at(-1) === 0) parts.pop();
  return parts;
}

function trimZeroTail(raw: string): string {
  const s = raw.replace(/\.$/, '');
  return /^\d+(\.0+)+$/.test(s) ? s.split('.')[0]! : s;
}

function ordinalOf(v: string): number {
  if (/^\d+/.test(v)) return Number.parseInt(v, 10);
  return alphaValue(v) ?? romanValue(v) ?? 0;
}
