import type { Block, DefinedTerm, Section } from '../model.js';

// "Personal Data" means … / “Services” shall mean … / "Term" has the meaning …
const MEANS = /^[\s(]*["“]([^"”]{1,80})["”](?:\s+or\s+["“][^"”]{1,80}["”])?\s*(?:\([^)]{0,40}\)\s*)?[,:]?\s*(?:means|shall mean|will mean|has the meaning|shall have the meaning|will have the meaning|refers to|is defined|includes|shall include)\b/i;
// Business Day⇥means … (definitions laid out as a table or with a tab)
const TAB_MEANS = /^([\p{Lu}][\p{L}\d'’\- ]{0,60}?)[\t ]+(?:means|shall mean)\b/u;
// (the "Services"), (each, a "Party"), (hereinafter "Supplier"), (collectively, the "Parties")
const INLINE = /\((?:hereinafter(?: referred to as)?|each(?:,)? (?:a|an)|collectively(?:,)? (?:the)?|together(?:,)? (?:the)?|the|a|an|this)?\s*["“]([^"”]{1,60})["”](?:,?\s*(?:or|and)\s*(?:together|collectively)?,?\s*(?:the\s+)?["“]([^"”]{1,60})["”])?\s*\)/gi;

// …, together the "Parties". / …, collectively "Licensors".
const TOGETHER = /,\s*(?:together|collectively|jointly)(?: referred to as)?,?\s+(?:the\s+)?["“]([^"”]{1,60})["”]/gi;

function scanBlock(block: Block, sectionNumber: string | null, out: DefinedTerm[]): void {
  const text = block.text;
  const m = MEANS.exec(text) ?? TAB_MEANS.exec(text);
  if (m) {
    out.push({ term: m[1]!.trim(), definition: text.slice(0, 300), position: block.position, sectionNumber });
  }
  for (const tm of text.matchAll(TOGETHER)) {
    if (/^[\p{Lu}\d]/u.test(tm[1]!.trim())) {
      out.push({ term: tm[1]!.trim(), definition: text.slice(Math.max(0, (tm.index ?? 0) - 120), (tm.index ?? 0) + tm[0].length).trim(), position: block.position, sectionNumber });
    }
  }
  for (const im of text.matchAll(INLINE)) {
    for (const term of [im[1], im[2]]) {
      if (term && /^[\p{Lu}\d]/u.test(term.trim())) {
        const start = Math.max(0, (im.index ?? 0) - 120);
        out.push({ term: term.trim(), definition: text.slice(start, (im.index ?? 0) + im[0].length).trim(), position: block.position, sectionNumber });
      }
    }
  }
}

/** Defined terms with where each is defined, in document order. */
export function collectDefinitions(preamble: readonly Block[], sections: readonly Section[]): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  for (const b of preamble) scanBlock(b, null, out);
  const visit = (s: Section): void => {
    // A clause whose heading is the term ("1.2 "Affiliate" means…" read as heading) is scanned with it.
    if (s.heading && /^["“]/.test(s.heading) && s.blocks.length > 0) {
      scanBlock({ ...s.blocks[0]!, text: `${s.heading} ${s.blocks[0]!.text}` }, s.number, out);
      for (const b of s.blocks.slice(1)) scanBlock(b, s.number, out);
    } else {
      for (const b of s.blocks) scanBlock(b, s.number, out);
    }
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return out;
}
