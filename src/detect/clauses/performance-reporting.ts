import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { binds, delegatedElsewhere, isDefinition } from '../operational.js';
import { missing, modality, result, textOf } from '../util.js';

/**
 * Performance reporting and governance: regular performance reports (daily, weekly, monthly) and governance
 * meetings (operational, monthly performance, quarterly business review) with an escalation path. Weak when
 * reports are given only on request, no frequency is stated, there are no governance meetings, or no escalation
 * path exists.
 */

const REPORT = /\breports?\b|\breporting\b|\bdashboards?\b|\bscorecards?\b/i;
const PERFORMANCE = /\bperformance\b|\bservice levels?\b|\bSLAs?\b|\bKPIs?\b|\bvolumes?\b|\bmetrics\b|\bstatistics\b|\bservice credits?\b/i;
// Meetings, not meeting a target ("does not meet the Target Uptime").
const MEETING = /\bmeetings?\b|\b(?:parties|representatives|managers|teams?|committee|board|personnel)\b[^.;]{0,30}\bmeet\b(?!\s+(?:or exceed|the|any|all|its|each)\b)|\bbusiness reviews?\b|\bQBRs?\b|\bservice reviews?\b|\bsteering (?:committee|group|board)\b|\bgovernance (?:board|forum|committee|meetings?)\b/i;
const FREQUENCY = /\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|semi-annually)\b|\b(?:each|every|per|a|in each) (?:business )?(?:day|week|month|calendar month|quarter|year)\b/i;
const ON_REQUEST = /\b(?:on|upon|at) (?:the )?(?:customer'?s? |client'?s? |reasonable |written )?request\b|\bif (?:so )?requested\b|\bas (?:the customer )?(?:may )?(?:reasonably )?request(?:s|ed)?\b/i;
const ESCALATE = /\bescalat\w*\b|\brefer\w*\b[^.;]{0,40}\b(?:directors?|senior|executives?|steering)\b/i;

export const performanceReporting: ClauseDetector = {
  id: 'performance-reporting',
  title: 'Performance reporting',
  detect(a: AnalysedDocument) {
    const sents = a.sentences.filter((s) => !isDefinition(s));
    const reports = sents.filter((s) => REPORT.test(textOf(s)) && PERFORMANCE.test(textOf(s)) && binds(textOf(s)) && !modality(textOf(s)).negated);
    const meetings = sents.filter((s) => MEETING.test(textOf(s)) && /\b(?:review|performance|governance|service|business|operational|account)\b/i.test(textOf(s)) && binds(textOf(s)));
    const values = { reportFrequency: null as string | null, meetingFrequency: null as string | null, escalation: sents.some((s) => ESCALATE.test(textOf(s))) };
    if (reports.length === 0 && meetings.length === 0) return missing('performance-reporting', values);
    const regular = reports.find((s) => FREQUENCY.test(textOf(s)) && !ON_REQUEST.test(textOf(s)));
    const regularMeeting = meetings.find((s) => FREQUENCY.test(textOf(s)));
    values.reportFrequency = regular ? FREQUENCY.exec(textOf(regular))![0] : null;
    values.meetingFrequency = regularMeeting ? FREQUENCY.exec(textOf(regularMeeting))![0] : null;
    if (!regular && !regularMeeting && [...reports, ...meetings].every((s) => delegatedElsewhere(a, textOf(s)))) {
      return result('performance-reporting', 'referenced', reports[0] ?? meetings[0]!, values);
    }
    const reasons: string[] = [];
    const onRequest = reports.find((s) => ON_REQUEST.test(textOf(s)));
    if (!regular) reasons.push(onRequest ? 'on-request-only' : reports.length ? 'no-frequency' : 'no-reports');
    if (!regularMeeting) reasons.push('no-governance-meetings');
    if (!values.escalation) reasons.push('no-escalation-path');
    const at = regular ?? onRequest ?? reports[0] ?? meetings[0]!;
    return result('performance-reporting', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
