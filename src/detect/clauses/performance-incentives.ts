import type { AnalysedDocument } from '../../analyse/index.js';
import { findAmounts, findPercentages } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { missing, result, textOf } from '../util.js';

/**
 * Performance incentives: a bonus, gain-share or earn-back for exceeding targets, alongside penalties, with the
 * calculation formula. Weak when incentives are named without a formula (no percentage, amount or calculation).
 */

const INCENTIVE = /\bbonus\w*\b|\bgain[- ]?shar\w*\b|\bincentive (?:payments?|fees?|scheme|mechanism|plan)\b|\bperformance (?:payments?|bonus|fee)\b|\bearn[- ]?back\b|\bat[- ]risk (?:amount|fees?)\b/i;
const FORMULA = /\bcalculat\w*\b|\bformula\b|\bequal to\b|\bmultipl\w*\b|\bfor each\b|\bper (?:percentage point|cent)\b/i;

export const performanceIncentives: ClauseDetector = {
  id: 'performance-incentives',
  title: 'Performance incentives',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && INCENTIVE.test(textOf(s)) && !/\bemployees?'? bonus|\bsigning bonus\b/i.test(textOf(s)));
    const values = { formula: false };
    if (about.length === 0) return missing('performance-incentives', values);
    const withFormula = about.find((s) => { const t = textOf(s); return FORMULA.test(t) || findPercentages(t).length > 0 || findAmounts(t).length > 0; });
    values.formula = withFormula !== undefined;
    if (!withFormula && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('performance-incentives', 'referenced', about[0]!, values);
    if (!withFormula) return result('performance-incentives', 'weak', about[0]!, values, ['no-formula']);
    return result('performance-incentives', 'present', withFormula, values);
  },
};
