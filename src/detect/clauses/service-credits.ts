import type { AnalysedDocument } from '../../analyse/index.js';
import { findPercentages } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { leadIn, missing, NAMED_REPEATED_FAILURE, result, textOf } from '../util.js';

/**
 * Service credits: what follows a missed service level. Present when credits (or fee reductions, liquidated
 * damages) apply and the customer may terminate for repeated or critical failure. Weak when there is only a
 * duty to remedy or use efforts, when credits are the sole remedy, or when no termination right follows
 * repeated failure.
 */

const CREDIT = /\bservice credits?\b|\b(?:uptime|availability|response time|performance) credits?\b|\bfee (?:reductions?|credits?|rebates?)\b|\b(?:reduction|rebate|deduction) (?:in|of|from) the (?:charges|fees)\b|\bliquidated damages\b|\bdeduct\w*\b[^.;]{0,60}\bfrom the (?:charges|fees|invoice)\b/i;
const SL = /\bservice levels?\b|\bSLAs?\b|\bKPIs?\b|\btarget (?:uptime|availability|response time)\b|\bperformance (?:standards|targets)\b|\bservice (?:failures?|level (?:failures?|defaults?))\b/i;
const REPEATED = /\b(?:repeated|persistent|recurring|consecutive|critical|serious|material)\b[^.;]{0,60}\b(?:service level|SLA|failures?|defaults?|breach(?:es)?|months?)\b|\b(?:two|three|four|\d)\b[^.;]{0,12}\b(?:out of|in|of) (?:any )?(?:\w+ )?(?:\(\d+\) )?(?:consecutive |rolling )?(?:months?|measurement periods?|quarters?)\b|\bfails? to (?:meet|achieve)\b[^.;]{0,80}\b(?:more than|on) (?:\w+ )?(?:\(\d+\) )?occasions\b|\bcritical service level\b|\bbelow (?:the )?(?:minimum|critical)\b/i;
const TERMINATE = /\bterminat\w*\b/i;
const SOLE = /\b(?:sole|exclusive|only)\b[^.;]{0,30}\bremed(?:y|ies)\b|\bentire liability\b/i;
const REMEDY_ONLY = /\b(?:remedy|rectify|cure|correct)\w*\b[^.;]{0,60}\b(?:failure|default|service level)\b|\bremedial (?:plan|action)\b|\b(?:use|using) (?:\w+ ){0,2}(?:efforts|endeavours)\b/i;

export const serviceCredits: ClauseDetector = {
  id: 'service-credits',
  title: 'Service credits',
  detect(a: AnalysedDocument) {
    const sents = a.sentences.filter((s) => !isDefinition(s));
    const credits = sents.filter((s) => CREDIT.test(textOf(s)));
    const termination = sents.find((s) => {
      const t = textOf(s);
      const lead = leadIn(a, s);
      const ctx = lead ? `${textOf(lead)} ${t}` : t;
      return TERMINATE.test(ctx) && ((REPEATED.test(t) && SL.test(t)) || NAMED_REPEATED_FAILURE.test(t));
    });
    const capSentence = credits.find((s) => /\b(?:exceed|cap|maximum|more than|up to|limited to)\b/i.test(textOf(s)) && findPercentages(textOf(s)).length);
    const values = {
      capPercent: capSentence ? findPercentages(textOf(capSentence))[0]!.value : null,
      terminationRight: termination !== undefined,
    };
    if (credits.length === 0) {
      const remedy = sents.find((s) => SL.test(textOf(s)) && REMEDY_ONLY.test(textOf(s)));
      if (remedy) return result('service-credits', 'weak', remedy, values, ['remedy-only']);
      return missing('service-credits', values);
    }
    const withMechanism = credits.find((s) => !delegatedElsewhere(a, textOf(s)) || findPercentages(textOf(s)).length);
    if (!withMechanism) return result('service-credits', 'referenced', credits[0]!, values);
    const sole = credits.find((s) => SOLE.test(textOf(s))) ?? a.sentences.find((s) => SOLE.test(textOf(s)) && SL.test(textOf(s)));
    const reasons: string[] = [];
    if (!termination) {
      reasons.push(sole ? 'sole-remedy' : 'no-termination-right');
    }
    return result('service-credits', reasons.length ? 'weak' : 'present', reasons.length ? (sole ?? withMechanism) : withMechanism, values, reasons);
  },
};
