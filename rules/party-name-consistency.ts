import { placedBlocks, spanLocation, type PlacedBlock } from '../src/lint/blocks.js';
import { defineRule } from '../src/lint/types.js';

const SUFFIX = String.raw`(?:Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C|plc|PLC|Corp|Corporation|GmbH|AG|LLP|LP|L\.P|S\.A|N\.V|B\.V|Pty)\.?`;
// A word of a name is at most 60 characters: unbounded, the word pattern rescans a long
// hyphenated token ("A-A-A-…") from each of its hyphens, quadratic in its length.
const NAME = new RegExp(String.raw`\b((?:(?:[A-Z]\.|[A-Z][\w&'’-]{0,60})\s+){1,5})(${SUFFIX})(?![\w])`, 'g');
const SUFFIX_CLASS: Record<string, string> = {
  ltd: 'ltd', limited: 'ltd', inc: 'inc', incorporated: 'inc', llc: 'llc', 'l.l.c': 'llc', plc: 'plc', corp: 'corp', corporation: 'corp',
};

function core(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

export default defineRule({
  meta: {
    id: 'party-name-consistency',
    description: 'Report a party (a company name) spelled in more than one way.',
    defaultSeverity: 'warn',
    category: 'hygiene',
    clause: false,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: { variant: 'Party named "{variant}" here but "{canonical}" elsewhere ({count} times).' },
    ask: 'Use the party\'s exact registered name throughout (or its defined short name).',
    url: 'rules/party-name-consistency.md',
  },
  check(ctx) {
    const mentions: Array<{ raw: string; key: string; p: PlacedBlock; index: number }> = [];
    for (const p of placedBlocks(ctx.doc)) {
      for (const m of p.block.text.matchAll(NAME)) {
        const words = m[1]!.trim().replace(/^(?:The|and|between|by|with|of|to|from|for)\s+/i, '');
        // "a Delaware Corporation" describes a party; it does not name one.
        if (/^(?:A|An)\s/.test(words) || /^(?:a|an)\s*$/i.test(p.block.text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0).trim())) continue;
        const raw = `${words} ${m[2]}`.replace(/\s+/g, ' ').replace(/\.$/, '');
        const suffix = SUFFIX_CLASS[m[2]!.toLowerCase().replace(/\.$/, '')] ?? m[2]!.toLowerCase().replace(/\./g, '');
        mentions.push({ raw, key: `${core(words)}|${suffix}`, p, index: (m.index ?? 0) + m[0].length - raw.length });
      }
    }
    // Group mentions whose names are the same but for spelling (edit distance ≤ 2 on names of 6+ letters).
    const groups: Array<typeof mentions> = [];
    for (const mention of mentions) {
      const [name, suffix] = mention.key.split('|') as [string, string];
      const g = groups.find((grp) => {
        const [n, s] = grp[0]!.key.split('|') as [string, string];
        return s === suffix && (n === name || (name.length >= 6 && distance(n, name) <= 2));
      });
      if (g) g.push(mention);
      else groups.push([mention]);
    }
    const wordsOf = (raw: string): string => raw.replace(new RegExp(`\\s+${SUFFIX}$`), '');
    for (const g of groups) {
      // A spelling is the name as written, legal form included ("Globex Corp." and "Globex Corporation" are two
      // spellings of one party, so are "HOOLI Inc" and "Hooli Inc"); a name wholly in capitals, legal form too
      // ("NORTHWIND RETAIL LTD" in a signature block), is the same spelling in another case.
      const spellingOf = (raw: string): string => {
        const r = raw.replace(/\.$/, '');
        if (r !== r.toUpperCase()) return r;
        return g.map((x) => x.raw.replace(/\.$/, '')).find((x) => x !== x.toUpperCase() && x.toLowerCase() === r.toLowerCase()) ?? r;
      };
      const counts = new Map<string, { count: number; shown: string }>();
      for (const m of g) {
        const sp = spellingOf(m.raw);
        const c = counts.get(sp);
        if (c) c.count += 1;
        else counts.set(sp, { count: 1, shown: m.raw });
      }
      if (counts.size < 2) continue;
      const [canonical, best] = [...counts].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0]!;
      const reported = new Set<string>();
      for (const m of g) {
        const sp = spellingOf(m.raw);
        if (sp === canonical || reported.has(sp)) continue;
        reported.add(sp);
        ctx.report({ messageId: 'variant', data: { variant: m.raw, canonical: best.shown, count: best.count }, at: spanLocation(m.p, m.index, m.raw.length) });
      }
    }
  },
});
