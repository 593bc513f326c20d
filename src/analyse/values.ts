import { normaliseNumbers } from './nlp.js';

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
