import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, missing, result, textOf } from '../util.js';

/**
 * Force majeure: relief for events beyond a party's control, with notice, mitigation, and a right to terminate
 * after a long event. Weak when notice, mitigation or the termination right is missing, or when events the
 * supplier should plan for — its own staff shortages or industrial action, ordinary cyber attacks, telecoms or
 * power failures — excuse it with no link to business continuity.
 */

const FM = /\bforce majeure\b|\bbeyond (?:its|their|the (?:affected |relevant )?party'?s?|a party'?s?|either party'?s?) (?:reasonable )?control\b|\bact(?:s)? of god\b/i;
const HEADING = /\bforce majeure\b/i;
const NOTICE = /\bnotif\w*\b|\bnotice\b|\binform\w*\b/i;
const MITIGATE = /\bmitigat\w*\b|\bminimi[sz]\w*\b|\b(?:resume|overcome|avoid)\w*\b|\bwork[- ]?arounds?\b/i;
const TERMINATE = /\bterminat\w*\b/i;
const RELIEF = /\b(?:liable|liability|breach|excused?|relieved?|suspend\w*|delay\w*|fail\w* to perform|terminat\w*|prevent\w*)\b/i;
const FORESEEABLE = /\b(?:staff|staffing|labou?r|personnel) shortages?\b|\bindustrial action\b|\bstrikes?\b|\bcyber[- ]?attacks?\b|\bhack\w*\b|\bmalware\b|\bransomware\b|\bcomputer virus\w*\b|\btelecommunications? (?:network )?(?:failures?|outages?)\b|\bpower (?:failures?|outages?|cuts?)\b|\bfailures? of (?:its |the supplier'?s )?(?:sub-?contractors?|suppliers?)\b/i;
const BC_LINK = /\bbusiness continuity\b|\bdisaster recovery\b|\bBC Plan\b|\bDR Plan\b|\bcontinuity plan\b|\b(?:not|no) (?:be )?(?:excuse|relieve|apply)\w*\b[^.;]{0,80}\b(?:plan|precautions|safeguards)\b/i;

export const forceMajeure: ClauseDetector = {
  id: 'force-majeure',
  title: 'Force majeure',
  detect(a: AnalysedDocument) {
    const mentions: Sentence[] = a.sentences.filter((s) => !isDefinition(s) && (FM.test(textOf(s)) || headingMatches(s.path, HEADING)));
    const defs = a.sentences.filter((s) => isDefinition(s) && FM.test(textOf(s)));
    const values = { notice: false, mitigation: false, terminationAfterDays: null as number | null };
    // The clause proper: under a force-majeure heading, or a sentence that itself gives relief or a right.
    const about = mentions.filter((s) => headingMatches(s.path, HEADING) || RELIEF.test(textOf(s)));
    if (about.length === 0) {
      // "a Force Majeure event" used as a term the document does not define: the clause is in another document.
      const used = mentions.find((s) => /\bForce Majeure\b/.test(s.text)) ?? defs.find((s) => /\bForce Majeure\b/.test(s.text));
      const defined = a.sentences.some((s) => /\bForce Majeure(?: Events?)?["”']?\s+(?:means|shall mean|has the meaning|includes)\b/i.test(textOf(s)));
      if (used && !defined) return result('force-majeure', 'referenced', used, values);
      return missing('force-majeure', values);
    }
    const all = [...about, ...defs].map((s) => textOf(s)).join(' ');
    values.notice = about.some((s) => NOTICE.test(textOf(s)) && !TERMINATE.test(textOf(s)));
    values.mitigation = [...about, ...defs].some((s) => MITIGATE.test(textOf(s)));
    const days = (t: string) => findDurations(t.replace(/\bor more\s+/gi, ''));
    const term = about.find((s) => TERMINATE.test(textOf(s)) && days(textOf(s)).length);
    values.terminationAfterDays = term ? Math.round(days(textOf(term))[0]!.hours / 24) : null;
    const relief = about.find((s) => FM.test(textOf(s)) && /\b(?:liable|breach|excused|relieved|suspended|delay|failure)\b/i.test(textOf(s))) ?? about[0]!;
    if (about.every((s) => delegatedElsewhere(a, textOf(s)))) return result('force-majeure', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    if (!values.notice) reasons.push('no-notice');
    if (!values.mitigation) reasons.push('no-mitigation');
    if (!term && !about.some((s) => TERMINATE.test(textOf(s)))) reasons.push('no-termination-right');
    const foreseeable = about.find((s) => FORESEEABLE.test(textOf(s)));
    if (foreseeable && !BC_LINK.test(all)) reasons.push('excuses-foreseeable-events');
    return result('force-majeure', reasons.length ? 'weak' : 'present', reasons.includes('excuses-foreseeable-events') ? foreseeable! : relief, values, reasons);
  },
};
