/** --shard I/N: a batch split over the jobs of a CI matrix, by a stable hash of each path; a pack stays whole. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFixtures } from '../scripts/make-docx-fixtures.js';
import { runCli } from './helpers.js';

let dir: string;
const FILES = Array.from({ length: 12 }, (_, i) => `contracts/msa-${String(i + 1).padStart(2, '0')}.md`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-shard-'));
  mkdirSync(join(dir, 'contracts'));
  for (const f of FILES) writeFileSync(join(dir, f), `# Services Agreement\n\n1. Fees\n\n1.1 The fees are [TBD].\n`);
  await buildPackFixtures(join(dir, 'contracts', 'acme'));
  writeFileSync(join(dir, 'clauselint.config.yaml'), 'packs:\n  - name: acme\n    files: ["contracts/acme/*.docx"]\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paths = async (args: string[]): Promise<string[]> => {
  const r = await runCli(['-f', 'json', ...args, 'contracts'], dir);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { files: Array<{ path: string }> }).files.map((f) => f.path);
};

describe('--shard I/N', () => {
  it('splits the files into disjoint shards that together are the whole batch, the same on every run', async () => {
    const all = await paths([]);
    expect(all).toHaveLength(15);
    const shards = [await paths(['--shard', '1/3']), await paths(['--shard', '2/3']), await paths(['--shard', '3/3'])];
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    expect(shards.filter((s) => s.length > 0).length).toBeGreaterThan(1);
    expect(await paths(['--shard', '2/3'])).toEqual(shards[1]);
  });

  it('keeps a pack in one shard', async () => {
    const shards = [await paths(['--shard', '1/3']), await paths(['--shard', '2/3']), await paths(['--shard', '3/3'])];
    const holding = shards.filter((s) => s.some((p) => p.startsWith('contracts/acme/')));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.filter((p) => p.startsWith('contracts/acme/'))).toHaveLength(3);
  });

  it('refuses a bad shard and a baseline written from one shard', async () => {
    for (const bad of ['0/3', '4/3', '1-3', 'x']) {
      const r = await runCli(['--shard', bad, 'contracts'], dir);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`clauselint: --shard needs I/N with 1 ≤ I ≤ N (got "${bad}")\n`);
    }
    const r = await runCli(['--shard', '1/2', '--write-baseline', 'contracts'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('clauselint: --write-baseline needs every file: run it without --shard\n');
  });
});
