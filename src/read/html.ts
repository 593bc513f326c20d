/** HTML as text readers meet it: what is an element, and what is a drafter's words in angle brackets. */

const HTML_ELEMENTS = new Set('a abbr address article aside b bdi bdo blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav ol option p pre q s samp script section select small span strike strong style sub summary sup table tbody td textarea tfoot th thead time title tr u ul var video wbr'.split(' '));

/**
 * "<SCOPE OF WORK>", "<Customer Name>": words in angle brackets that are no HTML element are a drafter's blank,
 * kept as text (CommonMark reads them as a tag, and a tag is dropped).
 */
export function isBracketedWords(v: string): boolean {
  const m = /^<([A-Za-z][\w&/ .'-]{0,60})>$/.exec(v.trim());
  return m !== null && !m[1]!.includes('=') && !HTML_ELEMENTS.has(m[1]!.split(/\s+/)[0]!.toLowerCase());
}
