import { createRequire } from 'node:module';

/**
 * compromise, loaded on first use (it costs ~150 ms to load, and most runs
 * need it for a handful of sentences only) and customised once.
 */
type Nlp = typeof import('compromise').default;
let cached: Nlp | null = null;

export function nlp(): Nlp {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const lib = require('compromise') as Nlp;
  // Legal abbreviations must not end sentences (compromise#1061).
  const world = lib.world() as { model: { one: { abbreviations?: Record<string, boolean> } } };
  const abbr = world.model.one.abbreviations;
  if (abbr) for (const a of ['sec', 'secs', 'cl', 'para', 'sch', 'art', 'no', 'corp', 'inc', 'ltd', 'llc', 'plc']) abbr[a] = true;
  cached = lib;
  return lib;
}

const WORD_THEN_DIGITS = /\b([A-Za-z][A-Za-z -]*?)\s*\((\d[\d,.]*)\)/g;
const NUMBER_WORDS = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b/i;

/**
 * Numbers as digits: "thirty (30) days" → "30 days" (compromise alone reads it
 * as 60), "seventy-two hours" → "72 hours", "one month" → "1 month".
 */
export function normaliseNumbers(text: string): string {
  let t = text.replace(WORD_THEN_DIGITS, (whole, words: string, digits: string) => {
    // Keep the words before the number words: "within thirty (30)" → "within 30".
    const m = /((?:\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)\b[\s-]*)+)$/i.exec(words);
    if (!m) return whole;
    return `${words.slice(0, words.length - m[1]!.length)}${digits}`;
  });
  if (NUMBER_WORDS.test(t)) {
    const doc = nlp()(t);
    doc.numbers().toNumber();
    t = doc.text();
  }
  return t;
}
