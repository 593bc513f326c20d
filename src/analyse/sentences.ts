/**
 * Sentence splitting tuned for contracts: abbreviations ("Inc.", "U.S.", "No.",
 * "Sec.", "e.g.") and clause references ("Section 4.1.") do not end a sentence.
 * Regex-based and linear: compromise's splitter is slower and merges sentences
 * after "Corp." or "Schedule A." (see the library notes).
 */
const ABBREVIATIONS = new Set([
  'inc', 'ltd', 'llc', 'l.l.c', 'co', 'corp', 'plc', 'pty', 'gmbh', 'n.v', 'b.v', 's.a', 'l.p', 'lp', 'llp',
  'no', 'nos', 'sec', 'secs', 'art', 'arts', 'para', 'paras', 'cl', 'sch', 'ex', 'exh', 'vol', 'p', 'pp',
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'e.g', 'i.e', 'etc', 'viz', 'cf', 'vs', 'v', 'approx', 'dept',
  'u.s', 'u.k', 'e.u', 'u.s.a', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'min', 'max', 'fig', 'incl', 'est', 'govt', 'intl', 'assn', 'bros', 'mfg', 'hr', 'hrs',
]);

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const re = /[.!?;]["”’)]*(?=\s+(?:["“(]?[\p{Lu}\d(]))/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[0][0] === ';') continue; // semicolons separate list items, not sentences
    if (m[0][0] === '.') {
      const before = text.slice(Math.max(start, m.index - 12), m.index);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) continue;
      if (/^\p{L}$/u.test(word)) continue; // an initial: "J. Smith", "A. "
      if (/\d$/.test(before) && /^\s+\d/.test(text.slice(end))) continue;
      // "Section 4." / "clause 12.3." before a capital is a reference, not a full stop
      if (/\b(section|clause|article|paragraph|schedule|exhibit|annex)\s+[\d.()a-z]+$/i.test(before + '') && /^\s+\(/.test(text.slice(end))) continue;
    }
    const s = text.slice(start, end).trim();
    if (s !== '') out.push({ text: s, start, end });
    start = end;
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push({ text: last, start, end: text.length });
  return out;
}

// Redaction marks in filed contracts ("[***]", "[...***...]", "[* ****]", "[**]") carry dots and stars that
// break the bounded `[^.;]` windows the clause patterns use; they are read as one neutral token.
const REDACTION = /\[[\s.*…_-]{1,20}\]|\[\s*\*[^\]]{0,20}\]/g;
// Full stops that do not end anything ("Inc.", "Ltd.", "No.", "U.S.A.") would cut the `[^.;]` windows short.
const ABBREVIATION_DOT = /\b(Inc|Ltd|Co|Corp|Bros|Mfg|Intl|Assn|Dept|No|Nos|Sec|Secs|Art|St|Jr|Sr|Mr|Mrs|Ms|Dr|etc|vs|viz|cf|approx|incl)\./g;
const INITIALISM = /\b(?:[A-Za-z]\.){2,}/g;

/**
 * A sentence's text as the clause patterns read it: whitespace collapsed, redaction marks as "[***]", blanks
 * ("____") as a space, and the full stops of abbreviations ("Inc.", "L.L.C.", "U.S.") dropped. Worked out once per
 * sentence when the document is analysed: every detector reads every sentence.
 */
export function patternText(text: string): string {
  return text.replace(REDACTION, '[***]').replace(/_{2,}/g, ' ').replace(/\s+/g, ' ')
    .replace(ABBREVIATION_DOT, '$1').replace(INITIALISM, (m) => m.replace(/\./g, ''));
}
