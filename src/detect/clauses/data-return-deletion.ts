import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { normaliseNumbers } from '../../analyse/numbers.js';
import { findDurations, formatDuration } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, leadIn, missing, result, textOf } from '../util.js';

/**
 * Data return and deletion: at the end, customer data is returned in a usable format and then deleted within a
 * stated time, with written certification. Weak without a deadline, without certification, or when data is
 * deleted (destroyed) with no return first.
 */

const DATA = /\b(?:customer|client|personal|company|controller|end[- ]customer)\s+(?:data|content)\b|\bcall recordings?\b|\bdata\b|\bconfidential information\b|\bPHI\b|\bprotected health information\b|\bcardholder data\b|\brecords\b|\bmaterials\b/i;
const RETURN = /\breturn\w*\b|\bdeliver\w*\b[^.;]{0,40}\b(?:to the customer|back)\b|\bhand\w* (?:over|back)\b|\btransfer\w*\b[^.;]{0,40}\bto the customer\b|\bexport\w*\b|\bmake\w* (?:\w+ )?available for (?:download|retrieval|export)\b/i;
const DELETE = /\bdelet\w*\b|\bdestr(?:oy|uction)\w*\b|\berase\w*\b|\berasure\b|\bpurg\w*\b|\bexpunge\w*\b|\bsecurely dispose\w*\b/i;
const AT_END = /\bterminat\w*\b|\bexpir\w*\b|\bend of (?:the |this )?(?:term|agreement|services?)\b|\bcessation\b|\bno longer (?:required|needed)\b|\bupon (?:the )?(?:written )?request\b|\bexit\b/i;
const FORMAT = /\bformat\b|\bmachine[- ]readable\b|\bCSV\b|\bJSON\b|\bXML\b|\busable\b|\belectronic form\b/i;
const AT_THE_LATEST = /\b(?:at the latest|no later than|not later than|immediately)\s+(?:up)?on\s+(?:the\s+)?(?:termination|expiry|expiration|end)\b/i;
const CERTIFY = /\bcertif\w*\b|\bconfirm\w* (?:in writing|deletion|destruction)\b|\bwritten confirmation\b|\bcertificate\b/i;

export const dataReturnDeletion: ClauseDetector = {
  id: 'data-return-deletion',
  title: 'Data return and deletion',
  detect(a: AnalysedDocument) {
    const about: Sentence[] = [];
    for (const s of a.sentences) {
      if (isDefinition(s)) continue;
      const t = textOf(s);
      if (!(RETURN.test(t) || DELETE.test(t)) || !DATA.test(t)) continue;
      const lead = leadIn(a, s);
      if (AT_END.test(t) || (lead && AT_END.test(textOf(lead))) || headingMatches(s.path, /\bexit\b|\btermination\b|\bexpiry\b|\bhandover\b/i) || /\breturn\b[^.;]{0,40}\bdelet|\bdelet\w*\b[^.;]{0,40}\breturn/i.test(t)) about.push(s);
    }
    if (about.length === 0) return missing('data-return-deletion', { returned: false, deleted: false, deadlineDays: null, certified: false });
    const returned = about.some((s) => RETURN.test(textOf(s)));
    const deleted = about.some((s) => DELETE.test(textOf(s)));
    // The time to return or delete ("within 30 days", "no later than ninety (90) days after"), not a retention period
    // ("retain such records for five (5) years").
    const deadline = about.map((s) => {
      const norm = normaliseNumbers(textOf(s));
      return findDurations(textOf(s)).find((d) => /\b(?:within|later than|no more than|not more than|not exceeding|no longer than|in|maximum(?: of)?|at most)\s+(?:a period of\s+|the\s+)?$/i.test(norm.slice(Math.max(0, d.index - 30), d.index)));
    }).find((d) => d !== undefined)
      // A list's deadline is in its lead-in: "Within thirty (30) days of termination, the Processor will:" ⏎ "(b) delete …".
      ?? about.map((s) => leadIn(a, s)).map((l) => (l && /\bwithin\b/i.test(textOf(l)) ? findDurations(textOf(l))[0] : undefined)).find((d) => d !== undefined);
    // "at the latest upon termination of this contract": due at the end itself.
    const atTheEnd = deadline ? undefined : about.find((s) => AT_THE_LATEST.test(textOf(s)));
    // Certification of deletion may stand on its own: "must provide written confirmation … of the secure deletion or
    // destruction of all documents in its possession".
    const certified = about.some((s) => CERTIFY.test(textOf(s))) || a.sentences.some((s) => CERTIFY.test(textOf(s)) && DELETE.test(textOf(s)) && AT_END.test(textOf(s)) && !isDefinition(s));
    const values = {
      returned, deleted, deadlineDays: deadline ? Math.round(deadline.hours / 24 * 10) / 10 : atTheEnd ? 0 : null,
      deadline: deadline ? formatDuration(deadline) : atTheEnd ? 'at the end' : null, certified, format: about.some((s) => FORMAT.test(textOf(s))),
    };
    if (about.every((s) => delegatedElsewhere(a, textOf(s))) && !deadline) return result('data-return-deletion', 'referenced', about[0]!, values);
    const reasons: string[] = [];
    if (deleted && !returned) reasons.push('deletion-without-return');
    if (!deleted) reasons.push('no-deletion');
    if (!deadline && !atTheEnd) reasons.push('no-deadline');
    if (!certified) reasons.push('no-certification');
    // Customer data decides before confidential information in general.
    const own = (s: Sentence) => /\b(?:customer|client|personal|end[- ]customer)\s+(?:data|content)\b|\bcall recordings?\b/i.test(textOf(s));
    const at = about.find((s) => own(s) && RETURN.test(textOf(s)) && DELETE.test(textOf(s))) ?? about.find((s) => own(s))
      ?? about.find((s) => RETURN.test(textOf(s)) && DELETE.test(textOf(s))) ?? about[0]!;
    return result('data-return-deletion', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
