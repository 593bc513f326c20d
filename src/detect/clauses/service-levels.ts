import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { normaliseNumbers } from '../../analyse/numbers.js';
import { findPercentages, findScores, findThresholds } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, missing, modality, result, textOf } from '../util.js';

/**
 * Service levels: measurable targets with numbers ("80% of calls answered within 20 seconds", "99.9%
 * availability", "CSAT of 4.5 out of 5") and a measurement period. Weak when the metrics are named without
 * numbers, left "to be agreed" or to "industry standard", the duty to meet them is effort-only, or no
 * measurement period is stated. Referenced when the targets live in another document (an SLA, an Order Form).
 */

const SL_TERM = /\bservice levels?\b|\bservice level agreement\b|\bSLAs?\b|\bKPIs?\b|\bkey performance indicators?\b|\bperformance (?:standards|targets|metrics)\b/i;
const METRIC = /\baverage speed (?:of|to) answer\b|\bASA\b|\babandon(?:ment|ed)(?: call)? rate\b|\bcalls? abandoned\b|\bfirst[- ](?:contact|call) resolution\b|\bFCR\b|\bcustomer satisfaction\b|\bCSAT\b|\bNPS\b|\bnet promoter score\b|\baverage handl(?:e|ing) time\b|\bAHT\b|\bquality (?:score|monitoring)\b|\bavailability\b|\buptime\b|\bresponse time\b|\bresolution time\b|\bservice factor\b|\bgrade of service\b|\b(?:calls?|chats?|emails?|contacts?|tickets?|requests?|complaints?) (?:answered|responded to|resolved|acknowledged|handled)\b/i;
const CC_METRIC = /\baverage speed (?:of|to) answer\b|\bASA\b|\babandon(?:ment|ed)(?: call)? rate\b|\bfirst[- ](?:contact|call) resolution\b|\bFCR\b|\bCSAT\b|\bnet promoter score\b|\baverage handl(?:e|ing) time\b|\bAHT\b|\bservice factor\b|\bgrade of service\b|\btarget (?:uptime|availability|response time)\b/i;
const HEADING = /\bservice levels?\b|\bSLA\b|\bKPIs?\b|\bperformance (?:standards|targets)\b/i;
const UNAGREED = /\bto be agreed\b|\bTBA\b|\bto be (?:determined|confirmed|set)\b|\bagreed (?:between the parties )?(?:from time to time|in due course|later)\b|\bindustry[- ]standard\b|\bgood industry practice\b|\bcustomary\b/i;
const MEET = /\b(?:meet|achieve|exceed|perform\w*|provide\w*|comply with|make\b[^.;]{0,40}\bavailable)\b[^.;]{0,80}\b(?:service levels?|SLAs?|KPIs?|target|availability|uptime)\b/i;
const PERIOD = /\b(?:calendar |each |every |per |in any |in a |in each |over (?:a |the |each )?(?:calendar )?)(?:month|week|day|quarter|year|hour|measurement period)\b|\bmonthly\b|\bweekly\b|\bdaily\b|\bquarterly\b|\bmeasurement period\b|\breporting period\b|\b(?:across|over|during|within) (?:a|any|each|the) (?:\d+|one|three|six|twelve)[- ](?:month|week|day|year)s? period\b/i;

// A time target tied to a measure: "calls answered within 20 seconds", "response time of under 4 hours".
const MEASURED = /\b(?:answered|responded to|resolved|acknowledged|handled|restored|response time|resolution time|handle time|speed of answer)\b[^.;|]{0,40}\b(?:within|under|in|less than|no more than|not more than|at most)\s+\d/i;

interface Target { s: Sentence; text: string; cells: string }

function targetOf(text: string): string | null {
  const pct = findPercentages(text);
  const score = findScores(text);
  const th = findThresholds(text);
  if (score.length) return score[0]!.text;
  if (pct.length && th.length) return `${pct[0]!.text} ${th[0]!.text}`;
  if (pct.length) return pct[0]!.text;
  if (th.length && MEASURED.test(text)) return th[0]!.text;
  return null;
}

// Percentages that are not service targets: credits, caps, interest, price changes, forecasts.
const NOT_A_TARGET = /\bservice credits?\b[^|]{0,40}$|\bcredits?\b|\bcap\b|\binterest\b|\bcharges?\b|\bfees?\b|\bprice\b|\bforecast\b|\bexceed(?:s|ing)?\b[^.;]{0,20}\d{1,3}%\s+of the forecast\b|\bVAT\b|\bdiscount\b/i;

/**
 * The measures a playbook can set minimums for: the lowest availability (uptime) percentage promised, and the first
 * speed-of-answer target ("80% of calls answered within 20 seconds") as a percentage and a number of seconds.
 */
function measures(targets: readonly Target[]): { availabilityPercent: number | null; answeredPercent: number | null; answeredWithinSeconds: number | null } {
  let availability: number | null = null;
  let answered: { percent: number; seconds: number } | null = null;
  for (const t of targets) {
    // The percentage nearest the word: "answer 85% of calls … and 99.9% availability" promises 99.9% availability.
    const word = /\bavailab\w*|\buptime\b/i.exec(normaliseNumbers(t.cells));
    if (word) {
      const nearest = findPercentages(t.cells).filter((p) => p.value >= 50)
        .sort((x, y) => Math.abs(x.index - word.index) - Math.abs(y.index - word.index))[0];
      if (nearest && (availability === null || nearest.value < availability)) availability = nearest.value;
    }
    if (!answered && /\banswer\w*|\bspeed of answer\b|\bASA\b/i.test(t.cells)) {
      const pct = findPercentages(t.cells)[0];
      const th = findThresholds(t.cells).find((x) => x.unit === 'second' || x.unit === 'minute');
      if (pct && th) answered = { percent: pct.value, seconds: th.unit === 'minute' ? th.value * 60 : th.value };
    }
  }
  return { availabilityPercent: availability, answeredPercent: answered?.percent ?? null, answeredWithinSeconds: answered?.seconds ?? null };
}

export const serviceLevels: ClauseDetector = {
  id: 'service-levels',
  title: 'Service levels',
  detect(a: AnalysedDocument) {
    // A call-centre metric names a service level by itself; a generic one ("availability", "response time") only
    // with a number beside it ("subject to availability" is not a service level).
    const about = a.sentences.filter((s) => {
      const t = textOf(s);
      return SL_TERM.test(t) || CC_METRIC.test(t) || headingMatches(s.path, HEADING) || (METRIC.test(t) && /\d\s?%|\bper ?cent\b|\bout of \d/i.test(t));
    });
    if (about.length === 0) return missing('service-levels', { targets: 0, example: null });
    const targets: Target[] = [];
    for (const s of about) {
      const t = textOf(s);
      // A table row carries metric, measure and target in cells; the credit is in another cell.
      const tabular = s.block.kind === 'table-row' || (t.match(/\|/g)?.length ?? 0) >= 2;
      const cells = tabular ? t.split('|').filter((c) => !NOT_A_TARGET.test(c)).join(' | ') : t;
      if (!tabular && NOT_A_TARGET.test(t) && !METRIC.test(t)) continue;
      if (!(METRIC.test(cells) || SL_TERM.test(cells) || headingMatches(s.path, HEADING))) continue;
      const target = targetOf(cells);
      if (target) targets.push({ s, text: target, cells });
    }
    const period = about.some((s) => PERIOD.test(textOf(s)));
    const meet = about.filter((s) => MEET.test(textOf(s)) && !isDefinition(s));
    const effort = meet.find((s) => modality(textOf(s)).effort);
    const unagreed = about.find((s) => UNAGREED.test(textOf(s)) && !isDefinition(s));
    const values = { targets: targets.length, example: targets[0]?.text ?? null, measurementPeriod: period, ...measures(targets) };
    if (targets.length === 0) {
      const ref = about.find((s) => delegatedElsewhere(a, textOf(s)) || /\b(?:Target \w+|Service Levels?) (?:set out |stated |specified )?(?:in|on) the (?:Order Form|Cover Page)\b/i.test(textOf(s)));
      if (ref && !unagreed) return result('service-levels', 'referenced', ref, values);
      const reasons = ['no-numeric-targets'];
      if (unagreed) reasons.push('to-be-agreed');
      if (effort) reasons.push('effort-only');
      return result('service-levels', 'weak', unagreed ?? effort ?? meet[0] ?? about.find((s) => !isDefinition(s)) ?? about[0]!, values, reasons);
    }
    const reasons: string[] = [];
    if (effort) reasons.push('effort-only');
    if (unagreed) reasons.push('to-be-agreed');
    if (!period) reasons.push('no-measurement-period');
    if (reasons.length) return result('service-levels', 'weak', effort ?? unagreed ?? targets[0]!.s, values, reasons);
    return result('service-levels', 'present', targets[0]!.s, values);
  },
};
