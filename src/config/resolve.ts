import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Playbook, RuleSetting } from '../lint/engine.js';
import type { Rule } from '../lint/types.js';
import { DEFAULT_PRESET, PRESETS } from './presets.js';

/** A config problem: the CLI prints "<file>: <key>: <problem>" and exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${file}: ${key ? `${key}: ` : ''}${problem}`);
    this.name = 'ConfigError';
  }
}

export type RuleEntry = 'off' | 'warn' | 'error' | 0 | 1 | 2 | [('off' | 'warn' | 'error' | 0 | 1 | 2), Record<string, unknown>?];

export interface ConfigObject {
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
}

const SEVERITY: Record<string, 'off' | 'warn' | 'error'> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

type AjvCtor = new (opts: Record<string, unknown>) => { compile(schema: unknown): ValidateFunction };
let ajv: InstanceType<AjvCtor> | null = null;
const validators = new Map<string, ValidateFunction>();

async function validatorFor(rule: Rule): Promise<ValidateFunction> {
  if (!ajv) {
    const mod = (await import('ajv')) as unknown as { default: AjvCtor };
    ajv = new mod.default({ allErrors: true, strict: false });
  }
  let v = validators.get(rule.meta.id);
  if (!v) {
    v = ajv.compile(rule.meta.schema);
    validators.set(rule.meta.id, v);
  }
  return v;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
  if (e.keyword === 'additionalProperties') return `unknown option "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  return `${where ? `${where} ` : ''}${e.message ?? 'is invalid'}`;
}

function presetName(name: string): string {
  return name.replace(/^clauselint:/, '');
}

/**
 * Turn a config object (from a file, or built from CLI flags) into a playbook.
 * Pure apart from loading ajv on demand; `file` only names the source in errors.
 */
export async function resolvePlaybook(config: ConfigObject, registry: ReadonlyMap<string, Rule>, file: string, presetOverride?: string): Promise<Playbook> {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(file, '', 'the config must be an object');
  for (const key of Object.keys(config)) {
    if (key !== 'extends' && key !== 'rules' && key !== '$schema') throw new ConfigError(file, key, 'unknown key (expected "extends" or "rules")');
  }
  const ext = presetOverride !== undefined ? [presetOverride] : config.extends === undefined ? [DEFAULT_PRESET] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const rules = new Map<string, RuleSetting>();
  for (const [i, raw] of ext.entries()) {
    if (typeof raw !== 'string') throw new ConfigError(file, `extends[${i}]`, 'must be a preset name');
    const ids = PRESETS[presetName(raw)];
    if (!ids) throw new ConfigError(presetOverride !== undefined ? '--preset' : file, presetOverride !== undefined ? '' : 'extends', `unknown preset "${raw}" (expected one of ${Object.keys(PRESETS).join(', ')})`);
    for (const id of ids) {
      const rule = registry.get(id);
      if (rule) rules.set(id, { severity: rule.meta.defaultSeverity, options: {} });
    }
  }
  if (config.rules !== undefined) {
    if (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules)) throw new ConfigError(file, 'rules', 'must be an object of rule ids');
    for (const [id, entry] of Object.entries(config.rules)) {
      const key = `rules.${id}`;
      const rule = registry.get(id);
      if (!rule) throw new ConfigError(file, key, 'unknown rule');
      const [sevRaw, options] = Array.isArray(entry) ? entry : [entry, undefined];
      const severity = SEVERITY[String(sevRaw)];
      if (severity === undefined) throw new ConfigError(file, key, `severity must be "off", "warn" or "error" (got ${JSON.stringify(sevRaw)})`);
      if (severity === 'off') {
        rules.delete(id);
        continue;
      }
      const opts = options ?? rules.get(id)?.options ?? {};
      if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw new ConfigError(file, key, 'options must be an object');
      const validate = await validatorFor(rule);
      if (!validate(opts)) throw new ConfigError(file, key, (validate.errors ?? []).map(describe).join('; '));
      rules.set(id, { severity, options: opts });
    }
  }
  return { rules };
}
