/**
 * The 2017 facilities-management pack of ../shared/corpus/docx (its 37 files, "v.1.4" / "FM1.4") linted as one
 * contract through the built bin, the way issue 16 measures it. Skipped without the corpus.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, HAS_CORPUS, SKIP_CORPUS_REASON, runCli } from './helpers.js';

const DIR = join(CORPUS, 'docx');

interface Json {
  files: Array<{ path: string; findings: Array<{ ruleId: string; messageId: string; message: string }> }>;
  packs: Array<{ main: string; files: string[]; clauses: Array<{ id: string; status: string; file: string | null }> }>;
}

describe.skipIf(!HAS_CORPUS)(`the 2017 FM pack as one contract${SKIP_CORPUS_REASON}`, () => {
  let files: string[];
  let pack: Json;
  let alone: Json;

  beforeAll(async () => {
    files = readdirSync(DIR).filter((f) => /v\.?1[.-]4|FM1\.4/.test(f)).sort();
    const r = await runCli(['--pack', '-p', 'outsourcing', '-f', 'json', ...files], DIR);
    expect(r.err).toBe('');
    pack = JSON.parse(r.out) as Json;
    alone = JSON.parse((await runCli(['-p', 'outsourcing', '-f', 'json', ...files], DIR)).out) as Json;
  }, 120_000);

  it('reads 37 files with the Core Terms as the main document', () => {
    expect(files).toHaveLength(37);
    expect(pack.packs[0]!.files).toHaveLength(37);
    expect(pack.packs[0]!.main).toBe('Core Terms FM1.4 CCSv2.7 161117.docx');
  });

  it('takes exit assistance, business continuity and insurance from their schedules', () => {
    const from = (id: string): string | null => pack.packs[0]!.clauses.find((c) => c.id === id)!.file;
    expect(from('exit-assistance')).toBe('Call-Off Schedule 13 (O) - Exit Management v.1.4.docx');
    expect(from('business-continuity')).toBe('Call-Off Schedule 7 (O) - Business Continuity and Disaster Recovery v.1.4.docx');
    expect(from('insurance')).toBe('Joint Schedule 3 - Insurance Requirements v.1.4.docx');
    // Alone, each of the 37 files reported exit assistance missing or weak; the pack reports it once.
    expect(alone.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'exit-assistance').length).toBeGreaterThan(30);
    expect(pack.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'exit-assistance')).toHaveLength(1);
  });

  it('leaves no undefined term in the Core Terms: every term they use is defined somewhere in the pack', () => {
    const core = pack.files.find((f) => f.path.startsWith('Core Terms'))!;
    expect(core.findings.filter((f) => f.ruleId === 'undefined-term').map((f) => f.message)).toEqual([]);
  });

  it('names no schedule of the pack in a broken-reference finding', () => {
    const labels = files.map((f) => /^((?:Joint|Call-Off|Framework) Schedule \d+)/.exec(f)?.[1]).filter((x): x is string => x !== undefined);
    const broken = pack.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'broken-cross-reference').map((x) => x.message));
    expect(broken.length).toBeGreaterThan(0);
    for (const m of broken.filter((x) => /is referred to but is not in the pack/.test(x))) {
      expect(labels.some((l) => m.startsWith(`${l} `)), m).toBe(false);
    }
  });
});
