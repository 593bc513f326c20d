import { describe, expect, it } from 'vitest';
import { termPattern, termUses } from '../src/lint/terms.js';
import { readDocument } from '../src/read/index.js';

const TEXT = [
  '# Terms',
  '',
  '1. "Service Level" means a target. "Activity" means a task. "Party" means a party.',
  '2. Each Service Level, all Service Levels and the Service\u00a0Level’s measure; not "Service Level" quoted, not ServiceLevel.',
  '3. Activities, an Activity’s scope, Activitys, and Activity-based charges; Parties and a Party\'s rights; Partying is not a use.',
  '4. Service Levelled is not a use; nor is Service  Levels\u2019x or XParty.',
  '',
].join('\n');

async function uses(terms: string[]): Promise<Record<string, string[]>> {
  const doc = await readDocument('t.md', new TextEncoder().encode(TEXT));
  const out: Record<string, string[]> = {};
  for (const [term, list] of termUses(doc, terms)) {
    out[term] = list.map((u) => {
      const text = u.block.block.text;
      const m = termPattern(term);
      m.lastIndex = u.index;
      return `${u.block.path.at(-1)?.number}:${m.exec(text)?.[0]}`;
    });
  }
  return out;
}

describe('term uses', () => {
  it('finds each use as the term pattern reads it: plurals, possessives, any whitespace, not quoted or inside a word', async () => {
    expect(await uses(['Service Level', 'Activity', 'Party'])).toEqual({
      'Service Level': ['2:Service Level', '2:Service Levels', '2:Service Level’s'],
      Activity: ['3:Activities', '3:Activity’s', '3:Activitys', '3:Activity'],
      Party: ['3:Parties', "3:Party's"],
    });
  });

  it('agrees with a scan of every block by the term pattern', async () => {
    const doc = await readDocument('t.md', new TextEncoder().encode(TEXT));
    for (const [term, list] of termUses(doc, ['Service Level', 'Activity', 'Party', 'Levels'])) {
      const scan: string[] = [];
      for (const s of doc.sections.flatMap((x) => [x, ...x.children])) {
        for (const b of s.blocks) for (const m of b.text.matchAll(termPattern(term))) scan.push(`${b.position.line}:${m.index}`);
      }
      expect(list.map((u) => `${u.block.block.position.line}:${u.index}`)).toEqual(scan);
    }
  });
});

describe('hygiene rules on a document that is part of a contract (issue 19)', () => {
  const lint = async (path: string, md: string, rule: string): Promise<string[]> => {
    const { lintDocument } = await import('../src/lint/engine.js');
    const { RULES } = await import('../rules/index.js');
    const doc = await readDocument(path, new TextEncoder().encode(md));
    return lintDocument(doc, { rules: new Map([[rule, { severity: 'error', options: {} }]]) }, RULES).findings.filter((f) => f.ruleId === rule).map((f) => f.message);
  };
  const BODY = '# Call-Off Schedule 8 – Security\n\n## 0. Definitions\n\n"Alpha" means a. "Beta" means b. "Gamma" means c. "Delta" means d. "Epsilon" means e.\n\n## 1. Security\n\nThe Supplier shall protect the Buyer Data and report each Security Incident. The Buyer Data stays in the UK; a Security Incident is reported in writing. Any incident touching data of the buyer, or its security, is logged.\n';

  it('a schedule linted on its own uses the main terms\' definitions: undefined terms are not judged there', async () => {
    expect(await lint('Call-Off Schedule 8 - Security.md', BODY, 'undefined-term')).toEqual([]);
    expect(await lint('security-terms.md', BODY.replace('Call-Off Schedule 8 – Security', 'Security Terms'), 'undefined-term')).toEqual([
      '"Buyer Data" is capitalised like a defined term (2 uses) but is never defined.',
      '"Security Incident" is capitalised like a defined term (2 uses) but is never defined.',
    ]);
  });

  it('a definitions schedule defines its terms for the other documents: they are not "unused" there', async () => {
    const md = '# Joint Schedule 1 – Definitions\n\n## 1. Definitions\n\n| Term | Meaning |\n| --- | --- |\n| "Buyer Data" | the data the Buyer provides |\n';
    expect(await lint('Joint Schedule 1 - Definitions.md', md, 'unused-definition')).toEqual([]);
    expect(await lint('order.md', md.replace('Joint Schedule 1 – Definitions', 'Order Form'), 'unused-definition')).toEqual(['"Buyer Data" is defined but never used.']);
  });
});
