import type { ErrorObject, ValidateFunction } from 'ajv';

/**
 * The JSON Schemas clauselint publishes (schema/*.schema.json, written by
 * `npm run schema` from these objects; a test keeps the files in step) and the
 * validation that turns ajv's errors into "<key path>: <problem>".
 */

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

const SEVERITY = {
  description: 'off, warn or error (0, 1 or 2 also work).',
  enum: ['off', 'warn', 'error', 0, 1, 2],
};

const RULE_ENTRY = {
  description: 'A severity, or [severity, options] where options are the rule\'s thresholds (see `clauselint explain RULE`).',
  anyOf: [
    SEVERITY,
    { type: 'array', items: [SEVERITY, { type: 'object' }], minItems: 1, maxItems: 2 },
  ],
};

const GLOBS = {
  description: 'A glob or a list of globs, relative to the folder of the config file that names them.',
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
};

const RULES = {
  description: 'Rules by id: severity, or [severity, options].',
  type: 'object',
  additionalProperties: RULE_ENTRY,
};

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'clauselint configuration',
  description: 'A clauselint playbook: presets and files to extend, rule severities and thresholds, per-file overrides, ignored files, custom clauses, rule plugins and waivers.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    extends: {
      description: 'Presets (recommended, outsourcing, gdpr-dpa, hipaa-baa, pci-dss), config files ("./legal/base.yaml") or installed npm packages ("@acme/clauselint-config"), applied in order.',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    rules: RULES,
    overrides: {
      description: 'Rules for some files only, applied in order after the config\'s own rules.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          files: GLOBS,
          excludedFiles: GLOBS,
          rules: RULES,
        },
        required: ['files'],
        additionalProperties: false,
      },
    },
    packs: {
      description: 'Contracts that are sets of files (core terms and schedules), each linted as one contract: a name and the globs of its files, relative to the config file\'s folder. A file in no pack is linted alone.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1 },
          files: GLOBS,
        },
        required: ['name', 'files'],
        additionalProperties: false,
      },
    },
    ignores: {
      description: 'Globs of files not to lint, relative to the config file\'s folder ("drafts/**", "README.md").',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    customClauses: {
      description: 'Folders of custom clause definitions (*.yaml, *.yml, *.json; see schema/clauselint.clause.schema.json), relative to the config file.',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    plugins: {
      description: 'JavaScript (or, with tsx installed, TypeScript) modules exporting rules: files relative to the config file, or npm packages. Only the modules named here are loaded.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    waivers: {
      description: 'A waivers file (YAML or JSON; see schema/clauselint.waivers.schema.json), relative to the config file.',
      type: 'string',
      minLength: 1,
    },
    maxFileSize: {
      description: 'The largest file clauselint reads, in MB (default 50); a larger file is reported and skipped. --max-file-size overrides it.',
      type: 'number',
      exclusiveMinimum: 0,
    },
    timeout: {
      description: 'Seconds a file may take to read and lint (default 60; 0: no limit); a file that overruns is reported and skipped. --timeout overrides it.',
      type: 'number',
      minimum: 0,
    },
  },
  additionalProperties: false,
} as const;

const TERMS = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

export const CLAUSE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'clauselint custom clause',
  description: 'A clause of your playbook, checked like the built-in clause rules: how to find it, what makes it weak, and what to ask for.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    id: { description: 'The rule id: lower-case words joined by hyphens ("iso-27001").', type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$' },
    title: { description: 'The clause\'s name, used in messages ("ISO 27001 certification").', type: 'string', minLength: 1 },
    description: { description: 'One line: what the playbook requires.', type: 'string' },
    severity: { description: 'Default severity.', enum: ['warn', 'error'] },
    category: { enum: ['regulatory', 'operational', 'language', 'hygiene'] },
    find: {
      description: 'How to find the clause: any of the terms or patterns, where they are looked for, and what else the same section must say.',
      type: 'object',
      properties: {
        terms: { description: 'Words or phrases, case-insensitive, matched as whole words.', ...TERMS },
        patterns: { description: 'JavaScript regular expressions, case-insensitive.', ...TERMS },
        in: { description: 'Where the terms are looked for: body text (default), headings, or either.', enum: ['body', 'heading', 'any'] },
        headings: { description: 'Only in sections whose heading (or a parent\'s) contains one of these words.', ...TERMS },
        sameSection: { description: 'The section must also contain every one of these words.', ...TERMS },
      },
      anyOf: [{ required: ['terms'] }, { required: ['patterns'] }],
      additionalProperties: false,
    },
    weak: {
      description: 'What makes a clause that is there weak.',
      type: 'object',
      properties: {
        phrases: { description: 'Words that hollow the clause out ("reasonable efforts", "where practicable").', ...TERMS },
        number: {
          description: 'A number the clause must state, and the limits it must respect (rule options `max` and `min` override them).',
          type: 'object',
          properties: {
            unit: { enum: ['hours', 'days', 'weeks', 'months', 'years', 'percent', 'amount', 'number'] },
            required: { description: 'Weak when the clause states no such number.', type: 'boolean' },
            max: { description: 'Weak when the number is above this.', type: 'number' },
            min: { description: 'Weak when the number is below this.', type: 'number' },
          },
          required: ['unit'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    ask: { description: 'What a reviewer should ask for when the clause is missing or weak: one sentence.', type: 'string', minLength: 1 },
  },
  required: ['id', 'title', 'find', 'ask'],
  additionalProperties: false,
} as const;

export const WAIVERS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'clauselint waivers',
  description: 'Accepted deviations from the playbook: which rule, in which files (and clause), why, who approved it and until when.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    waivers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          rule: { description: 'The rule id.', type: 'string', minLength: 1 },
          files: GLOBS,
          clause: { description: 'Clause number ("11", "11.2(b)"): the clause and its sub-clauses. Omitted: the whole file.', type: ['string', 'number'] },
          reason: { description: 'Why the deviation is accepted. A waiver without a reason does not suppress anything and is reported.', type: 'string' },
          approver: { description: 'Who approved it.', type: 'string', minLength: 1 },
          expires: { description: 'The last day it applies (YYYY-MM-DD). After it, the findings are reported again, with a note.', type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
        required: ['rule', 'files', 'approver', 'expires'],
        additionalProperties: false,
      },
    },
  },
  required: ['waivers'],
  additionalProperties: false,
} as const;

type AjvCtor = new (opts: Record<string, unknown>) => { compile(schema: unknown): ValidateFunction };
let ajvInstance: InstanceType<AjvCtor> | null = null;
const compiled = new WeakMap<object, ValidateFunction>();

/** ajv, loaded on first use (module-level so that every config shares one instance). */
export async function ajv(): Promise<InstanceType<AjvCtor>> {
  if (!ajvInstance) {
    const mod = (await import('ajv')) as unknown as { default: AjvCtor };
    ajvInstance = new mod.default({ allErrors: true, strict: false, verbose: true });
  }
  return ajvInstance;
}

export async function compileSchema(schema: object): Promise<ValidateFunction> {
  let v = compiled.get(schema);
  if (!v) {
    v = (await ajv()).compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** "/overrides/0/files" → "overrides[0].files". */
export function keyPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', array: 'a list', object: 'an object', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'null',
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(' or ');
}

function problemOf(e: ErrorObject, data: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': return `must be ${typeWords(p.type)}`;
    case 'enum': return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(valueAt(data, e.instancePath))})`;
    case 'required': return `missing required key "${String(p.missingProperty)}"`;
    case 'minLength': return 'must not be empty';
    case 'minItems': return p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} items`;
    case 'maxItems': return `must have at most ${String(p.limit)} items`;
    case 'pattern':
      if (/\\d\{4\}/.test(String(p.pattern))) return 'must be a date written YYYY-MM-DD';
      if (String(p.pattern).startsWith('^[a-z]')) return `must be lower-case words joined by hyphens, such as "iso-27001" (got ${JSON.stringify(valueAt(data, e.instancePath))})`;
      return `must match ${String(p.pattern)}`;
    default: return e.message ?? 'is invalid';
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  }
  return v;
}

/**
 * ajv's errors as one "key path: problem" (the first problem found): unknown keys
 * first, then the deepest failing value (for `anyOf` the branch that got
 * furthest, so `extends: [1]` reads "extends[0]: must be a string").
 */
export function describeErrors(errors: readonly ErrorObject[], data: unknown, skip: (path: string) => boolean = () => false): { key: string; problem: string } | null {
  const relevant = errors.filter((e) => !skip(e.instancePath));
  if (relevant.length === 0) return null;
  const unknown = relevant.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    const prop = String((unknown.params as { additionalProperty: string }).additionalProperty);
    const base = keyPath(unknown.instancePath);
    const known = Object.keys(((unknown.parentSchema as { properties?: object } | undefined)?.properties) ?? {}).filter((k) => k !== '$schema');
    return { key: base ? `${base}.${prop}` : prop, problem: `unknown key${known.length ? ` (expected ${known.map((k) => `"${k}"`).join(', ')})` : ''}` };
  }
  const depth = (e: ErrorObject): number => (e.instancePath === '' ? 0 : e.instancePath.split('/').length);
  const concrete = relevant.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = concrete.length > 0 ? concrete : relevant;
  const max = Math.max(...pool.map(depth));
  const deepest = pool.filter((e) => depth(e) === max);
  const path = deepest[0]!.instancePath;
  const atPath = deepest.filter((e) => e.instancePath === path);
  const types = atPath.filter((e) => e.keyword === 'type');
  const required = atPath.filter((e) => e.keyword === 'required');
  // A constraint of the branch whose type fits ("files: []" → "must not be empty") says more than the other branches' types.
  const specific = atPath.find((e) => e.keyword !== 'type' && e.keyword !== 'required');
  let problem: string;
  if (specific) problem = problemOf(specific, data);
  else if (required.length > 1 && required[0]!.schemaPath.includes('anyOf')) problem = `needs ${required.map((e) => `"${String((e.params as { missingProperty: string }).missingProperty)}"`).join(' or ')}`;
  else if (required.length > 0) problem = problemOf(required[0]!, data);
  else problem = `must be ${[...new Set(types.flatMap((e) => [(e.params as { type: unknown }).type].flat()))].map(typeWords).join(' or ')}`;
  return { key: keyPath(path), problem };
}

/** Validate `data` against one of the published schemas; a ConfigError naming the file and key otherwise. */
export async function validateAgainst(schema: object, data: unknown, file: string, skip?: (path: string) => boolean): Promise<void> {
  const validate = await compileSchema(schema);
  if (validate(data)) return;
  const d = describeErrors(validate.errors ?? [], data, skip);
  if (d) throw new ConfigError(file, d.key, d.problem);
}

/** The published files, by name (schema/<name>). */
export const SCHEMA_FILES: Readonly<Record<string, object>> = {
  'clauselint.config.schema.json': CONFIG_SCHEMA,
  'clauselint.clause.schema.json': CLAUSE_SCHEMA,
  'clauselint.waivers.schema.json': WAIVERS_SCHEMA,
};
