import { normaliseNumbers } from './numbers.js';

export type DurationUnit = 'minute' | 'hour' | 'day' | 'business-day' | 'week' | 'month' | 'year';

export interface Duration {
  value: number;
  unit: DurationUnit;
  /** Upper bound in hours (N business days may span weekends: N + 2·⌈N/5⌉ calendar days). */
  hours: number;
  /** The words as normalised ("72 hours"). */
  text: string;
  /** Offset in the normalised text. */
  index: number;
}

const UNIT_HOURS: Record<DurationUnit, number> = {
  minute: 1 / 60, hour: 1, day: 24, 'business-day': 24, week: 168, month: 730, year: 8760,
};

const DURATION_RE = /(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:\(\s*\d+(?:\.\d+)?\s*\)\s*)?(?:(business|working|calendar|consecutive)\s+)?(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b/gi;

export function unitOf(word: string, qualifier: string | undefined): DurationUnit {
  const w = word.toLowerCase();
  if (w.startsWith('min')) return 'minute';
  if (w.startsWith('h')) return 'hour';
  if (w.startsWith('d')) return qualifier && /business|working/i.test(qualifier) ? 'business-day' : 'day';
  if (w.startsWith('w')) return 'week';
  if (w.startsWith('mo')) return 'month';
  return 'year';
}

export function toHours(value: number, unit: DurationUnit): number {
  if (unit === 'business-day') return (value + 2 * Math.ceil(value / 5)) * 24;
  return value * UNIT_HOURS[unit];
}

/** Durations in a sentence: "seventy-two (72) hours", "3 Business Days", "within one month". */
export function findDurations(text: string): Duration[] {
  const norm = normaliseNumbers(text);
  const out: Duration[] = [];
  for (const m of norm.matchAll(DURATION_RE)) {
    const value = Number(m[1]);
    const unit = unitOf(m[3]!, m[2]);
    out.push({ value, unit, hours: toHours(value, unit), text: m[0], index: m.index ?? 0 });
  }
  return out;
}

export function formatDuration(d: Pick<Duration, 'value' | 'unit'>): string {
  const names: Record<DurationUnit, string> = {
    minute: 'minute', hour: 'hour', day: 'day', 'business-day': 'business day', week: 'week', month: 'month', year: 'year',
  };
  return `${d.value} ${names[d.unit]}${d.value === 1 ? '' : 's'}`;
}

const normCache = new Map<string, string>();

/** normaliseNumbers, memoised: the value finders below are asked about the same sentence several times. */
function norm(text: string): string {
  let t = normCache.get(text);
  if (t === undefined) {
    t = normaliseNumbers(text);
    if (normCache.size > 20000) normCache.clear();
    normCache.set(text, t);
  }
  return t;
}

export interface Percentage {
  value: number;
  /** The words as normalised ("99.9%"). */
  text: string;
  index: number;
}

// "80%", "99.9 %", "80 per cent", "ten percent" (after number normalisation).
const PERCENT_RE = /(\d{1,3}(?:\.\d{1,4})?)\s?(?:%|per ?cent\b|pct\b)/gi;

/** Percentages in a sentence: "80%", "99.9 per cent", "ten percent". */
export function findPercentages(text: string): Percentage[] {
  const n = norm(text);
  return [...n.matchAll(PERCENT_RE)].map((m) => ({ value: Number(m[1]), text: m[0], index: m.index ?? 0 }));
}

export interface Score { value: number; scale: number; text: string }

// "4.5 out of 5", "4.5/5", "8 on a scale of 10".
const SCORE_RE = /(\d{1,3}(?:\.\d{1,2})?)\s*(?:out of|\/|on a scale of(?: 1 to| 0 to)?)\s*(\d{1,3})\b(?!\s*(?:days?|months?|years?|hours?|\/))/gi;

/** Scores on a scale: "4.5 out of 5", "4.5/5". Dates ("12/05/2024") are not scores. */
export function findScores(text: string): Score[] {
  const n = norm(text);
  const out: Score[] = [];
  for (const m of n.matchAll(SCORE_RE)) {
    const value = Number(m[1]);
    const scale = Number(m[2]);
    if (scale > 0 && value <= scale && scale <= 100) out.push({ value, scale, text: m[0] });
  }
  return out;
}

export interface Amount {
  value: number;
  /** ISO-like currency code, or "fees" for an amount stated as a number of months' fees. */
  currency: string;
  text: string;
}

const CURRENCY: Record<string, string> = { '£': 'GBP', '$': 'USD', '€': 'EUR', gbp: 'GBP', usd: 'USD', eur: 'EUR', 'us$': 'USD' };
const AMOUNT_RE = /(£|€|US\$|\$|\b(?:GBP|USD|EUR)\s?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?:\s?(million|m|k|bn|billion|thousand)\b)?|\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s?(million|thousand)?\s?(GBP|USD|EUR|pounds(?: sterling)?|dollars|euros?)\b/gi;
const MONTHS_FEES_RE = /\b(\d{1,3})\s+months?['’]?\s+(?:of\s+)?(?:the\s+)?(?:fees|charges)\b/gi;
const MULTIPLIER: Record<string, number> = { million: 1e6, m: 1e6, k: 1e3, thousand: 1e3, bn: 1e9, billion: 1e9 };

/** Money amounts: "£5,000,000", "$2 million", "2.0 GBP", and "12 months' fees" (currency "fees", value in months). */
export function findAmounts(text: string): Amount[] {
  const n = norm(text);
  const out: Amount[] = [];
  for (const m of n.matchAll(AMOUNT_RE)) {
    const sym = (m[1] ?? m[8] ?? '').trim().toLowerCase();
    const cur = CURRENCY[sym] ?? (/pound/.test(sym) ? 'GBP' : /dollar/.test(sym) ? 'USD' : /euro/.test(sym) ? 'EUR' : sym.toUpperCase());
    const digits = (m[2] ?? m[5] ?? '0').replace(/,/g, '') + (m[3] ?? m[6] ?? '');
    const mult = MULTIPLIER[(m[4] ?? m[7] ?? '').toLowerCase()] ?? 1;
    out.push({ value: Number(digits) * mult, currency: cur, text: m[0].trim() });
  }
  for (const m of n.matchAll(MONTHS_FEES_RE)) out.push({ value: Number(m[1]), currency: 'fees', text: m[0] });
  return out;
}

export interface Threshold { value: number; unit: 'second' | 'minute' | 'hour' | 'day' | 'business-day'; text: string }

// "within 20 seconds", "in under 30 s", "under 60 secs", "within 4 hours".
const THRESHOLD_RE = /\b(?:within|under|in|less than|no more than|not more than|before|at most)\s+(\d{1,4}(?:\.\d{1,2})?)\s?(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|(?:business |working )?days?)\b/gi;

/** Time thresholds of a service measure: "within 20 seconds", "under 30 s", "within 24 hours". */
export function findThresholds(text: string): Threshold[] {
  const n = norm(text);
  return [...n.matchAll(THRESHOLD_RE)].map((m) => {
    const w = m[2]!.toLowerCase();
    const unit: Threshold['unit'] = /^(?:s|sec)/.test(w) ? 'second' : w.startsWith('min') ? 'minute' : w.startsWith('h') ? 'hour' : /business|working/.test(w) ? 'business-day' : 'day';
    return { value: Number(m[1]), unit, text: m[0] };
  });
}
