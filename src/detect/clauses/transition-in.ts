import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, missing, modality, result, textOf } from '../util.js';

/**
 * Transition-in: the onboarding / implementation phase — a plan, milestones, knowledge transfer in, and
 * acceptance criteria before go-live. Weak without acceptance criteria, without milestones, or when the
 * supplier need only use efforts to go live on time. Exit transition (to a successor) is not this clause.
 */

const TOPIC = /\btransition(?:-in| in)?\b|\bonboarding\b|\bmobili[sz]ation\b|\bgo[- ]live\b|\bservice commencement\b|\bcommence\w* the services\b|\blaunch (?:date|of the (?:[\w-]+ ){0,2}?(?:services?|platform|solution|system|programme|program|sites?|websites?|pages?))\b|\b(?:system|service|site|platform) launch\b|\bkick-?off\b|\bconversion (?:plan|dates?|project|services|period)\b/i;
// "Implementation" is the service's own phase when it says so ("the implementation phase", "implementation of the
// Services"), or under a heading for it; a DPA's "implementation of specific tools to detect breaches" or "the
// development, implementation and maintenance of the security program" is not.
const IMPLEMENTATION = /\bimplementation (?:phase|plan|project|period|services?|fees?|schedule|milestones?|date|team|manager|stage|activities)\b|\bimplementation of (?:the |a |an |each |any )?(?:[\w-]+ ){0,2}?(?:services?|solution|system|platform|software|product|project|deliverables?|(?:web)?sites?)\b/i;
const IMPLEMENTATION_HEADING = /\bimplementation\b|\bonboarding\b|\btransition\b|\bmobili[sz]ation\b|\bgo[- ]live\b/i;
// Other senses of the words: implementing the contract or security measures, onboarding staff or sub-processors.
const OTHER_SENSE = /\bimplementation of (?:the |this |such |any |all |appropriate |adequate |suitable )?(?:contract|agreement|safeguards?|(?:technical|organi[sz]ational|security|privacy) (?:and organi[sz]ational )?(?:measures|controls)|measures|controls|policies|procedures|DPA|addendum|regulations?|laws?|obligations|requirements)\b|\bonboarding (?:and offboarding|of (?:new )?(?:sub-?processors|vendors|suppliers|employees|staff|personnel|users))\b|\b(?:before|when|prior to|on) onboarding (?:new |any )?(?:sub-?processors|vendors|suppliers|employees|staff|personnel)\b|\b(?:employee|staff|personnel|user|vendor|supplier) onboarding\b/gi;
const EXIT = /\bexit\b|\bsuccessor\b|\breplacement (?:supplier|provider)\b|\bterminat\w*\b|\bexpir\w*\b|\btransition(?:ed)? (?:the services )?(?:back|out|away|to (?:the customer|a replacement|a successor))\b/i;
const PLAN = /\b(?:transition|implementation|onboarding|mobili[sz]ation|conversion) plan\b|\bproject plan\b/i;
const MILESTONES = /\bmilestones?\b|\bby (?:the )?(?:date|dates)\b|\btimetable\b|\bschedule\b[^.;]{0,30}\b(?:dates?|implementation)\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;
const ACCEPTANCE = /\bacceptance (?:criteria|tests?|testing|certificate)\b|\breadiness (?:criteria|tests?|review)\b|\bgo[- ]live criteria\b|\baccept\w*\b[^.;]{0,40}\bbefore\b[^.;]{0,30}\b(?:go[- ]live|commencement|live)\b/i;
const KNOWLEDGE = /\bknowledge transfer\b|\btransfer of knowledge\b|\bprocess (?:documentation|mapping)\b/i;

export const transitionIn: ClauseDetector = {
  id: 'transition-in',
  title: 'Transition-in',
  detect(a: AnalysedDocument) {
    const onTopic = (s: Sentence): boolean => {
      const t = textOf(s).replace(OTHER_SENSE, ' ');
      return TOPIC.test(t) || IMPLEMENTATION.test(t) || (/\bimplementation\b/i.test(t) && headingMatches(s.path, IMPLEMENTATION_HEADING));
    };
    const about: Sentence[] = a.sentences.filter((s) => !isDefinition(s) && onTopic(s) && !EXIT.test(textOf(s)) && !headingMatches(s.path, /\bexit\b|\btermination\b/i));
    const values = { plan: false, milestones: false, acceptanceCriteria: false, knowledgeTransfer: false };
    if (about.length === 0) return missing('transition-in', values);
    values.plan = about.some((s) => PLAN.test(textOf(s)));
    values.milestones = about.some((s) => MILESTONES.test(textOf(s)));
    values.acceptanceCriteria = a.sentences.some((s) => ACCEPTANCE.test(textOf(s)));
    values.knowledgeTransfer = a.sentences.some((s) => KNOWLEDGE.test(textOf(s)) && !EXIT.test(textOf(s)));
    if (!values.acceptanceCriteria && !values.milestones && about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('transition-in', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    const effort = about.find((s) => modality(textOf(s)).effort);
    if (effort) reasons.push('effort-only');
    if (!values.plan && !values.milestones) reasons.push('no-plan-or-milestones');
    if (!values.acceptanceCriteria) reasons.push('no-acceptance-criteria');
    const at = effort ?? about.find((s) => PLAN.test(textOf(s))) ?? about[0]!;
    return result('transition-in', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
