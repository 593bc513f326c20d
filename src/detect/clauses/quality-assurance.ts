import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findPercentages } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { missing, modality, result, textOf } from '../util.js';

/**
 * Quality assurance: a quality-monitoring method (the share or number of calls evaluated, an evaluation form),
 * calibration sessions between the parties' quality teams, and continuous-improvement commitments. Weak when
 * quality is monitored "from time to time" with no sampling rate, or calibration or continuous improvement is
 * missing.
 */

const TOPIC = /\bquality (?:monitoring|assurance|evaluations?|scores?|audits?|control|reviews?|programme|program|framework)\b|\bcall (?:monitoring|evaluations?|listening)\b|\bcalibrat\w*\b|\bevaluation (?:form|scorecard)\b|\bcontinuous improvement\b|\bmystery shop\w*\b|\bmonitor\w*\b[^.;]{0,40}\b(?:calls|contacts|interactions)\b/i;
const SAMPLE = /\b(?:at least|no fewer than|not less than|minimum of)\s+\d+\s+(?:calls|contacts|interactions|evaluations)\b|\b\d+\s+(?:calls|contacts|interactions|evaluations)\s+per\s+(?:agent|advisor|month|week)\b|\b(?:evaluat|monitor|review|scor|sampl)\w*\b[^.;]{0,40}\d{1,3}\s?%|\d{1,3}\s?%\s+of (?:all )?(?:calls|contacts|interactions)\b[^.;]{0,40}\b(?:evaluat|monitor|review|scor|sampl)\w*/i;
const CALIBRATION = /\bcalibrat\w*\b/i;
const IMPROVE = /\bcontinuous(?:ly)? improv\w*\b|\bimprovement plans?\b|\bcorrective action\b|\bcoaching\b|\broot cause\b/i;
const VAGUE = /\bfrom time to time\b|\bperiodically\b|\boccasionally\b|\bas (?:it|the supplier) (?:considers|deems) (?:appropriate|necessary)\b/i;

export const qualityAssurance: ClauseDetector = {
  id: 'quality-assurance',
  title: 'Quality assurance',
  detect(a: AnalysedDocument) {
    // Not a promise not to listen: "We do not monitor or store the content of phone calls".
    const about: Sentence[] = a.sentences.filter((s) => !isDefinition(s) && TOPIC.test(textOf(s)) && !/\b(?:do|does|will|shall) not (?:monitor|record|listen to|store|review)\b/i.test(textOf(s)));
    const values = { samplingRate: null as string | null, calibration: false, continuousImprovement: false };
    if (about.length === 0) return missing('quality-assurance', values);
    const sample = about.find((s) => SAMPLE.test(textOf(s)) && !/\|/.test(textOf(s)));
    values.samplingRate = sample ? SAMPLE.exec(textOf(sample))![0] : null;
    values.calibration = about.some((s) => CALIBRATION.test(textOf(s)));
    values.continuousImprovement = a.sentences.some((s) => IMPROVE.test(textOf(s)));
    const method = about.filter((s) => !/\|/.test(textOf(s)) && (modality(textOf(s)).binding || modality(textOf(s)).permissive));
    if (!sample && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('quality-assurance', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    const vague = about.find((s) => VAGUE.test(textOf(s)));
    if (!sample) reasons.push(vague ? 'monitored-from-time-to-time' : 'no-sampling-rate');
    if (!values.calibration) reasons.push('no-calibration');
    if (!values.continuousImprovement) reasons.push('no-continuous-improvement');
    // A quality score in a service-level table (with percentages) is evidence of a measure, not of a method.
    const scoreOnly = findPercentages(about.map((s) => textOf(s)).join(' ')).length > 0 && method.length === 0;
    if (scoreOnly && !reasons.includes('no-sampling-rate')) reasons.push('no-sampling-rate');
    const at = vague ?? sample ?? method[0] ?? about[0]!;
    return result('quality-assurance', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
