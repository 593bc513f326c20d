/**
 * Standard texts set whole into a contract: a FAR, DFARS, GSAR, HSAR or AGAR clause ("FAR 52.212-5 …", or its number
 * alone, "52.212-3 Offeror Representations …"), the Standard Contractual Clauses, and a part whose heading says it
 * holds clauses or provisions "incorporated in full text". They keep their own numbering, headings and defined terms
 * (with the paragraphs that do not apply left out), so a section under such a heading is judged as that text, not as
 * the contract's drafting.
 */
export const STANDARD_TEXT_HEADING =
  /\b(?:FAR|DFARS|GSAR|HSAR|AGAR)\s+\d{2,3}\.\d|^\d{2,3}\.\d{3}-\d{1,3}\b|\bstandard contractual clauses\b|\bSCCs?\b|\b(?:clauses|provisions) incorporated in full text\b/i;

/** Whether a heading opens a standard text (see STANDARD_TEXT_HEADING). */
export function isStandardTextHeading(heading: string | null): boolean {
  return heading !== null && STANDARD_TEXT_HEADING.test(heading);
}
