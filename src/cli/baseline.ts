import { readFile } from 'node:fs/promises';
import { checkBaseline, type Baseline } from '../lint/suppress.js';
import { writeAtomic } from './write.js';

export const DEFAULT_BASELINE = '.clauselint-baseline.json';

export class BaselineError extends Error {}

/** Read a baseline file: null when it does not exist. */
export async function loadBaseline(file: string): Promise<Baseline | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BaselineError(`cannot read the baseline: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`invalid JSON: ${(err as Error).message}`);
  }
  const problem = checkBaseline(data);
  if (problem) throw new BaselineError(problem);
  return data as Baseline;
}

export async function saveBaseline(file: string, baseline: Baseline, inputs: readonly string[], cwd: string): Promise<void> {
  await writeAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`, inputs, cwd);
}
