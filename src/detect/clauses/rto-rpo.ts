import type { AnalysedDocument } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { missing, result } from '../util.js';

const RTO = /\b(?:recovery time objectives?|RTOs?)\b/;
const RPO = /\b(?:recovery point objectives?|RPOs?)\b/;
const RTO_I = /\b(?:recovery time objectives?|RTO)\b/i;
const RPO_I = /\b(?:recovery point objectives?|RPO)\b/i;

/** The duration stated for a term: the first one after it in the sentence. */
function valueAfter(text: string, term: RegExp): number | null {
  const m = term.exec(text);
  if (!m) return null;
  const after = text.slice(m.index);
  // Stop at the other objective so "RTO of 4 hours and RPO of 1 hour" reads both right.
  const other = term === RTO_I ? RPO_I : RTO_I;
  const stop = other.exec(after.slice(m[0].length));
  const scope = stop ? after.slice(0, m[0].length + stop.index) : after;
  const d = findDurations(scope)[0];
  return d ? d.hours : null;
}

export const rtoRpo: ClauseDetector = {
  id: 'rto-rpo',
  title: 'Recovery time and recovery point objectives',
  detect(a: AnalysedDocument) {
    const rto = a.sentences.filter((s) => RTO.test(s.text) || RTO_I.test(s.text) && /recovery time/i.test(s.text));
    const rpo = a.sentences.filter((s) => RPO.test(s.text) || RPO_I.test(s.text) && /recovery point/i.test(s.text));
    if (rto.length === 0 && rpo.length === 0) return missing('rto-rpo', { rtoHours: null, rpoHours: null });
    const rtoHours = rto.map((s) => valueAfter(s.text, RTO_I)).find((v) => v !== null) ?? null;
    const rpoHours = rpo.map((s) => valueAfter(s.text, RPO_I)).find((v) => v !== null) ?? null;
    const at = rto.find((s) => valueAfter(s.text, RTO_I) === null) ?? rpo.find((s) => valueAfter(s.text, RPO_I) === null) ?? rto[0] ?? rpo[0]!;
    const reasons: string[] = [];
    if (rto.length === 0) reasons.push('no-rto');
    else if (rtoHours === null) reasons.push('rto-without-value');
    if (rpo.length === 0) reasons.push('no-rpo');
    else if (rpoHours === null) reasons.push('rpo-without-value');
    return result('rto-rpo', reasons.length ? 'weak' : 'present', at, { rtoHours, rpoHours }, reasons);
  },
};
