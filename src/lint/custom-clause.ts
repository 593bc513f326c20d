import type { AnalysedDocument, Sentence } from '../analyse/index.js';
import { normaliseNumbers } from '../analyse/numbers.js';
import { findDurations } from '../analyse/values.js';
import type { ClauseResult, ClauseStatus } from '../detect/types.js';
import { excerpt, sectionRef } from '../detect/util.js';
import type { Section } from '../model.js';
import { defineRule, type Rule, type RuleMeta } from './types.js';

export type NumberUnit = 'hours' | 'days' | 'weeks' | 'months' | 'years' | 'percent' | 'amount' | 'number';

/** A custom clause, as written in a YAML or JSON file (see schema/clauselint.clause.schema.json). */
export interface CustomClauseSpec {
  id: string;
  title: string;
  description?: string;
  severity?: 'warn' | 'error';
  category?: RuleMeta['category'];
  find: {
    terms?: string[];
    patterns?: string[];
    in?: 'body' | 'heading' | 'any';
    headings?: string[];
    sameSection?: string[];
  };
  weak?: {
    phrases?: string[];
    number?: { unit: NumberUnit; required?: boolean; max?: number; min?: number };
  };
  ask: string;
  /** Where the clause was defined (a file name), for documentation links. */
  source?: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term as a case-insensitive whole-word pattern; spaces match any whitespace. */
export function termRegExp(term: string): RegExp {
  const t = term.trim();
  const body = escape(t).replace(/\s+/g, '\\s+');
  const start = /^[\p{L}\p{N}]/u.test(t) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = /[\p{L}\p{N}]$/u.test(t) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${body}${end}`, 'iu');
}

const HOURS: Record<string, number> = { hours: 1, days: 24, weeks: 168, months: 730, years: 8760 };
const UNIT_WORD: Record<NumberUnit, [string, string]> = {
  hours: ['hour', 'hours'], days: ['day', 'days'], weeks: ['week', 'weeks'], months: ['month', 'months'], years: ['year', 'years'],
  percent: ['%', '%'], amount: ['', ''], number: ['', ''],
};

/** The first number of the unit in the text (durations converted to the unit), or null. */
export function firstNumber(text: string, unit: NumberUnit): number | null {
  if (unit in HOURS) {
    const d = findDurations(text)[0];
    if (!d) return null;
    const v = d.hours / HOURS[unit]!;
    return Math.round(v * 100) / 100;
  }
  const norm = normaliseNumbers(text);
  if (unit === 'percent') {
    const m = /(\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)/i.exec(norm);
    return m ? Number(m[1]) : null;
  }
  if (unit === 'amount') {
    const m = /(?:[$£€¥]|\b(?:USD|GBP|EUR|CHF|JPY|AUD|CAD)\s?)(\d[\d,]*(?:\.\d+)?)\s*(million|m|k|thousand|billion|bn)?\b/i.exec(norm);
    if (!m) return null;
    const scale = m[2] ? ({ million: 1e6, m: 1e6, k: 1e3, thousand: 1e3, billion: 1e9, bn: 1e9 } as Record<string, number>)[m[2].toLowerCase()] ?? 1 : 1;
    return Number(m[1]!.replace(/,/g, '')) * scale;
  }
  const m = /(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?![\w.]\d)/.exec(norm);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

export function formatNumber(value: number, unit: NumberUnit): string {
  const n = Number.isInteger(value) ? value.toLocaleString('en-GB') : String(value);
  if (unit === 'percent') return `${n}%`;
  if (unit === 'amount' || unit === 'number') return n;
  const [one, many] = UNIT_WORD[unit];
  return `${n} ${value === 1 ? one : many}`;
}

function limitWords(value: number, unit: NumberUnit): string {
  if (unit === 'percent') return `${value}%`;
  if (unit === 'amount' || unit === 'number') return value.toLocaleString('en-GB');
  return `${value}-${UNIT_WORD[unit][0]}`;
}

interface Compiled {
  spec: CustomClauseSpec;
  find: RegExp[];
  headings: RegExp[];
  sameSection: RegExp[];
  weakPhrases: Array<{ phrase: string; re: RegExp }>;
}

function compile(spec: CustomClauseSpec): Compiled {
  return {
    spec,
    find: [...(spec.find.terms ?? []).map(termRegExp), ...(spec.find.patterns ?? []).map((p) => new RegExp(p, 'iu'))],
    headings: (spec.find.headings ?? []).map(termRegExp),
    sameSection: (spec.find.sameSection ?? []).map(termRegExp),
    weakPhrases: (spec.weak?.phrases ?? []).map((phrase) => ({ phrase, re: termRegExp(phrase) })),
  };
}

interface Hit {
  sentence: Sentence | null;
  /** The section the clause is in (null in the preamble). */
  path: Section[];
  /** The words of the section (own text and heading) for weakness checks. */
  text: string;
}

function sectionText(a: AnalysedDocument, section: Section | null, fallback: Sentence | null): string {
  if (!section) return fallback?.text ?? '';
  return [section.heading ?? '', ...a.sentences.filter((s) => s.section === section).map((s) => s.text)].join(' ');
}

function findHits(a: AnalysedDocument, c: Compiled): Hit[] {
  const where = c.spec.find.in ?? 'body';
  const hits: Hit[] = [];
  const seen = new Set<Sentence | Section>();
  const headingOk = (path: readonly Section[]): boolean => c.headings.length === 0 || path.some((s) => s.heading !== null && c.headings.some((re) => re.test(s.heading!)));
  const sameOk = (text: string): boolean => c.sameSection.every((re) => re.test(text));

  if (where === 'heading' || where === 'any') {
    for (const { section, path } of a.sections) {
      if (section.heading === null || !c.find.some((re) => re.test(section.heading!)) || !headingOk(path)) continue;
      // The clause's words: the section's first sentence, its own or a sub-clause's.
      const first = a.sentences.find((s) => s.path.includes(section)) ?? null;
      const text = [sectionText(a, section, null), ...a.sentences.filter((s) => s.path.includes(section) && s.section !== section).map((s) => s.text)].join(' ');
      if (!sameOk(text)) continue;
      seen.add(section);
      hits.push({ sentence: first, path, text });
    }
  }
  if (where === 'body' || where === 'any') {
    for (const s of a.sentences) {
      if (!c.find.some((re) => re.test(s.text)) || !headingOk(s.path)) continue;
      if (s.section && seen.has(s.section)) continue;
      const text = sectionText(a, s.section, s);
      if (!sameOk(text)) continue;
      hits.push({ sentence: s, path: s.path, text });
    }
  }
  return hits.sort((x, y) => (x.sentence?.index ?? Infinity) - (y.sentence?.index ?? Infinity));
}

interface Verdict {
  status: ClauseStatus;
  reasons: string[];
  value: number | null;
}

function judge(c: Compiled, hit: Hit): Verdict {
  const reasons: string[] = [];
  for (const w of c.weakPhrases) if (w.re.test(hit.text)) reasons.push(`says "${w.phrase}"`);
  const num = c.spec.weak?.number;
  let value: number | null = null;
  if (num) {
    value = (hit.sentence ? firstNumber(hit.sentence.text, num.unit) : null) ?? firstNumber(hit.text, num.unit);
    if (value === null && num.required) reasons.push(num.unit === 'percent' ? 'no percentage' : num.unit === 'amount' ? 'no amount' : num.unit === 'number' ? 'no number' : `no number of ${num.unit}`);
  }
  return { status: reasons.length > 0 ? 'weak' : 'present', reasons, value };
}

/** Find a custom clause in a document: the first hit that is not weak, else the first hit, else missing. */
export function detectCustomClause(a: AnalysedDocument, spec: CustomClauseSpec, compiled: Compiled = compile(spec)): ClauseResult {
  const hits = findHits(a, compiled);
  const valueKey = spec.weak?.number?.unit ?? 'value';
  if (hits.length === 0) {
    return { id: spec.id, status: 'missing', section: null, position: null, evidence: null, values: spec.weak?.number ? { [valueKey]: null } : {}, reasons: [] };
  }
  let chosen: { hit: Hit; v: Verdict } | null = null;
  for (const hit of hits.slice(0, 50)) {
    const v = judge(compiled, hit);
    if (!chosen) chosen = { hit, v };
    if (v.status === 'present') {
      chosen = { hit, v };
      break;
    }
  }
  const { hit, v } = chosen!;
  const section = hit.path.at(-1);
  return {
    id: spec.id,
    status: v.status,
    section: sectionRef(hit.path),
    position: hit.sentence?.position ?? section?.position ?? null,
    evidence: hit.sentence ? excerpt(hit.sentence.text) : section?.heading ?? null,
    values: spec.weak?.number ? { [valueKey]: v.value } : {},
    reasons: v.reasons,
  };
}

/** The rule for a custom clause: missing and weak clauses are findings, thresholds come from the options. */
export function customClauseRule(spec: CustomClauseSpec): Rule {
  const compiled = compile(spec);
  const num = spec.weak?.number;
  const thresholds: Record<string, unknown> = {};
  if (num?.max !== undefined) thresholds.max = num.max;
  if (num?.min !== undefined) thresholds.min = num.min;
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      description: spec.description ?? `Require a ${spec.title} clause.`,
      defaultSeverity: spec.severity ?? 'warn',
      category: spec.category ?? 'operational',
      clause: true,
      schema: num
        ? {
          type: 'object',
          properties: {
            max: { type: 'number', description: `Largest acceptable number (${num.unit}).` },
            min: { type: 'number', description: `Smallest acceptable number (${num.unit}).` },
          },
          additionalProperties: false,
        }
        : { type: 'object', properties: {}, additionalProperties: false },
      defaultOptions: thresholds,
      messages: {
        missing: `Missing ${spec.title} clause.`,
        weak: `Weak ${spec.title} clause: {reasons}.`,
      },
      ask: spec.ask,
      url: spec.source ?? `custom clause ${spec.id}`,
      origin: 'custom',
    },
    detect: (a) => detectCustomClause(a, spec, compiled),
    check(ctx) {
      const clause = ctx.clauses.get(spec.id);
      if (!clause || clause.status === 'not-applicable' || clause.status === 'referenced') return;
      if (clause.status === 'missing') {
        ctx.report({ messageId: 'missing', at: clause });
        return;
      }
      const reasons = [...clause.reasons];
      const value = num ? clause.values[num.unit] : null;
      if (num && typeof value === 'number') {
        const max = ctx.options.max as number | undefined;
        const min = ctx.options.min as number | undefined;
        if (max !== undefined && value > max) reasons.push(`${formatNumber(value, num.unit)}, more than the ${limitWords(max, num.unit)} limit`);
        if (min !== undefined && value < min) reasons.push(`${formatNumber(value, num.unit)}, less than the ${limitWords(min, num.unit)} minimum`);
      }
      if (reasons.length === 0) return;
      if (clause.status === 'present') ctx.setStatus('weak', 'over-threshold');
      ctx.report({ messageId: 'weak', at: clause, data: { reasons: reasons.join('; ') } });
    },
  });
}
