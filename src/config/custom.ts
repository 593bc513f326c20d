import picomatch from 'picomatch';
import type { CustomClauseSpec } from '../lint/custom-clause.js';
import type { Waiver } from '../lint/suppress.js';
import { CLAUSE_SCHEMA, ConfigError, validateAgainst, WAIVERS_SCHEMA } from './schema.js';

/**
 * Custom clause files: one clause object, or a list of them. Checked against
 * schema/clauselint.clause.schema.json; patterns must compile.
 */
export async function validateClauseFile(data: unknown, file: string): Promise<CustomClauseSpec[]> {
  const items = Array.isArray(data) ? data : [data];
  const out: CustomClauseSpec[] = [];
  for (const [i, item] of items.entries()) {
    const prefix = Array.isArray(data) ? `[${i}]` : '';
    try {
      await validateAgainst(CLAUSE_SCHEMA, item, file);
    } catch (err) {
      if (err instanceof ConfigError && prefix) throw new ConfigError(file, err.key ? `${prefix}.${err.key}` : prefix, err.problem);
      throw err;
    }
    const spec = item as CustomClauseSpec;
    for (const [j, p] of (spec.find.patterns ?? []).entries()) {
      try {
        new RegExp(p, 'iu');
      } catch (err) {
        throw new ConfigError(file, `${prefix ? `${prefix}.` : ''}find.patterns[${j}]`, `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`);
      }
    }
    const n = spec.weak?.number;
    if (n && n.max !== undefined && n.min !== undefined && n.min > n.max) throw new ConfigError(file, `${prefix ? `${prefix}.` : ''}weak.number`, '"min" is larger than "max"');
    out.push(spec);
  }
  return out;
}

/** A waivers file: `{ waivers: [...] }` checked against schema/clauselint.waivers.schema.json. */
export async function validateWaiversFile(data: unknown, file: string): Promise<Waiver[]> {
  await validateAgainst(WAIVERS_SCHEMA, data, file);
  const list = (data as { waivers: Array<Omit<Waiver, 'files' | 'clause' | 'index'> & { files: string | string[]; clause?: string | number }> }).waivers;
  return list.map((w, index) => {
    const files = Array.isArray(w.files) ? w.files : [w.files];
    for (const g of files) {
      try {
        picomatch.makeRe(g);
      } catch (err) {
        throw new ConfigError(file, `waivers[${index}].files`, `invalid glob: ${(err as Error).message}`);
      }
    }
    const [y, m, d] = w.expires.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw new ConfigError(file, `waivers[${index}].expires`, `not a date: "${w.expires}"`);
    return {
      index, rule: w.rule, files,
      ...(w.clause !== undefined ? { clause: String(w.clause) } : {}),
      ...(w.reason !== undefined ? { reason: w.reason } : {}),
      approver: w.approver, expires: w.expires,
    };
  });
}
