/** Heuristics for heading-like text, shared by the section builder and the readers. */

const SMALL = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to',
  'upon', 'under', 'with', 'without', 'its', 'per', 'vs', 'via', 'nor', '&', 'than',
]);

function words(s: string): string[] {
  return s.split(/[\s\u00a0]+/).filter((w) => w !== '');
}

/** True when every significant word starts with a capital letter (or the text is all caps). */
export function isTitleCase(s: string): boolean {
  const ws = words(s).map((w) => w.replace(/^[("“'‘[]+|[)"”'’\],;:.]+$/g, ''));
  if (ws.length === 0) return false;
  if (!/^[\p{Lu}\d]/u.test(ws[0]!)) return false;
  // "cGMPs", "eCommerce": a lower-case prefix on a capitalised word is still a capitalised word.
  return ws.every((w) => w === '' || SMALL.has(w.toLowerCase()) || /^[\p{Lu}\d&/-]/u.test(w) || /^\p{Ll}{1,2}\p{Lu}/u.test(w));
}

export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/**
 * A standalone line that reads as a heading: short, starts with a capital,
 * not a sentence (no terminal colon or comma, no sentence-internal full stop).
 */
export function isHeadingLike(s: string, maxWords = 10): boolean {
  const t = s.trim();
  if (t === '' || t.length > 120) return false;
  const ws = words(t);
  if (ws.length > maxWords) return false;
  if (/[,;:]$/.test(t) || /:\s*\S/.test(t)) return false;
  if (!/^[\p{Lu}\d"“]/u.test(t)) return false;
  const body = t.replace(/\.$/, '');
  if (/[.!?]\s/.test(body)) return false;
  if (/\b(shall|will|must|may|means|is|are|was|were|has|have)\b/.test(body)) return false;
  return isAllCaps(body) || isTitleCase(body) || (ws.length <= 4 && !/\.$/.test(t));
}

/**
 * Split a run-in heading off the start of a clause body:
 * "Audit. The Supplier shall…" → ["Audit", "The Supplier shall…"].
 */
export function splitRunInHeading(rest: string): [string, string] | null {
  // "Entire Agreement; Amendments." — parts joined by semicolons, each a heading.
  const m = /^([\p{Lu}][^.:;!?()]{0,90}?(?:;[\s\u00a0]+[\p{Lu}][^.:;!?()]{0,60}?)*)([.:])[\s\u00a0]+(?=\S)/u.exec(rest);
  if (!m) return null;
  const candidate = m[1]!.trim();
  const ws = words(candidate);
  if (ws.length === 0 || ws.length > 10) return null;
  if (!candidate.split(';').every((part) => isTitleCase(part.trim()) || isAllCaps(part.trim()))) return null;
  // "U.S." or "Inc." style abbreviations end in a full stop but are not headings.
  if (/^(Inc|Ltd|Corp|Co|No|Mr|Mrs|Ms|Dr|St|U\.S|Sec|Art)$/i.test(ws.at(-1)!)) return null;
  if (/\b(shall|will|must|may|means)\b/.test(candidate)) return null;
  const body = rest.slice(m[0].length).trim();
  return [candidate, body];
}

export function cleanHeading(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/^[\s\-–—:.]+|[\s:.]+$/g, '').trim();
}

/**
 * The text after a part's letter ("A.  AUTHORITY OF AGENCY"): an ALL-CAPS heading and nothing else, not
 * "DEFINITIONS. The following terms…".
 */
export function letterPartHeading(rest: string): boolean {
  const t = rest.trim().replace(/[.:]$/, '');
  return t !== '' && isHeadingLike(t, 12) && t === t.toUpperCase() && /\p{Lu}{3}/u.test(t) && !/[.:;]\s/.test(t);
}
