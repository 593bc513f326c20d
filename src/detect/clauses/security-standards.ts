import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { binds, delegatedElsewhere, isDefinition, weakWording } from '../operational.js';
import { missing, modality, result, textOf } from '../util.js';

/**
 * Security standards: named information-security obligations — a standard (ISO/IEC 27001, SOC 2, NIST,
 * Cyber Essentials, PCI DSS) the supplier must comply with or be certified to, or at least two concrete
 * controls (encryption, access control, background checks, penetration testing, logging). Weak when security
 * is only "industry standard", "reasonable" or "appropriate", or a standard is only to be "had regard to".
 */

const STANDARD = /\bISO\s?\/?\s?(?:IEC\s?)?27001\b|\bISO\s?\/?\s?(?:IEC\s?)?27002\b|\bSOC\s?2\b|\bSSAE\s?1[68]\b|\bISAE\s?3402\b|\bNIST\b|\bCyber Essentials\b|\bPCI[- ]?DSS\b|\bCIS Controls\b|\bHITRUST\b|\bFedRAMP\b|\b(?:HIPAA )?Security Rule\b|\b45 C\.?F\.?R\.? (?:Part )?164,? Subpart C\b/i;
// "appropriate safeguards for the transfer" are a transfer mechanism (international-transfers), not security.
const TRANSFER_SAFEGUARDS = /\bappropriate safeguards\b[^.;]{0,60}\btransfer|\btransfer\w*\b[^.;]{0,160}\bappropriate safeguards\b/i;
const CONTROLS: ReadonlyArray<[string, RegExp]> = [
  ['encryption', /\bencrypt\w*\b/i],
  ['access-control', /\baccess controls?\b|\bmulti-?factor\b|\bMFA\b|\b2FA\b|\bleast privilege\b|\brole-based access\b|\bunique (?:user )?(?:ids?|credentials)\b/i],
  ['background-checks', /\bbackground (?:checks?|screening)\b|\bcriminal (?:record|background) checks?\b|\bvetting\b|\bscreen\w* (?:of )?(?:personnel|staff|agents|employees)\b/i],
  ['testing', /\bpenetration test\w*\b|\bvulnerability (?:scan\w*|assessments?|testing)\b/i],
  ['logging', /\b(?:audit |security )?logs?\b[^.;]{0,30}\b(?:maintain|retain|monitor)\w*\b|\blogging\b|\bintrusion detection\b/i],
  ['network', /\bfirewalls?\b|\banti-?(?:virus|malware)\b|\bpatch\w*\b/i],
];
const TOPIC = /\bsecurity\b|\bsafeguards?\b|\bencrypt\w*\b|\baccess controls?\b|\btechnical and organi[sz]ational measures\b/i;
const GENERIC = /\bindustry[- ]standard\b|\breasonable (?:security|measures|safeguards|steps to (?:protect|secure|safeguard|prevent))\b|\bappropriate (?:technical|security|measures|safeguards)\b|\bgood industry practice\b|\bcommercially reasonable\b/i;
// Words that make a sentence a security duty rather than a passing mention of "security".
const SECURITY_DUTY = /\binformation security\b|\bsecurity (?:measures|controls|programme|program|polic(?:y|ies)|standards?|safeguards|practices|requirements|obligations)\b|\btechnical and organi[sz]ational (?:security )?measures\b|\b(?:administrative|physical|technical) safeguards\b|\bprotect\w*\b[^.;]{0,60}\b(?:data|systems|information)\b[^.;]{0,40}\b(?:security|unauthori[sz]ed|loss|breach)\b|\bindustry[- ]standard\b|\bencrypt|\baccess controls?\b|\bISO|\bSOC\s?2|\bNIST\b|\bCyber Essentials\b|\bPCI/i;
const HOLLOW = /\bhave regard to\b|\b(?:where|as|if) (?:it considers |reasonably )?appropriate\b|\baim\w* to align\b|\bconsider\w* (?:adopting|following)\b|\binformed by\b/i;

export const securityStandards: ClauseDetector = {
  id: 'security-standards',
  title: 'Security standards',
  detect(a: AnalysedDocument) {
    const sents = a.sentences.filter((s) => !isDefinition(s));
    const about = sents.filter((s) => !TRANSFER_SAFEGUARDS.test(textOf(s)) && (TOPIC.test(textOf(s)) || STANDARD.test(textOf(s)) || CONTROLS.some(([, re]) => re.test(textOf(s)))));
    if (about.length === 0) return missing('security-standards', { standard: null, controls: null });
    // A duty ("shall maintain ISO 27001 certification") or a statement of fact in a list of measures ("ISO 27001
    // certification", "Transfers are encrypted"), but not a permission, an effort or a standard only had regard to.
    const firm = (t: string) => !weakWording(t) && !HOLLOW.test(t) && (binds(t) || !modality(t).negated);
    const std = about.find((s) => STANDARD.test(textOf(s)) && firm(textOf(s)));
    const controls = new Set<string>();
    let controlAt = null;
    for (const s of about) {
      const t = textOf(s);
      const hits = CONTROLS.filter(([, re]) => re.test(t));
      if (hits.length === 0 || !firm(t)) continue;
      for (const [name] of hits) { controls.add(name); controlAt ??= s; }
    }
    const values = { standard: std ? STANDARD.exec(textOf(std))![0] : null, controls: [...controls].join(', ') || null };
    if (std) return result('security-standards', 'present', std, values);
    if (controls.size >= 2) return result('security-standards', 'present', controlAt!, values);
    // Restrictions on the customer ("Customer will not circumvent security") are not the supplier's security duties.
    const duties = about.filter((s) => !modality(textOf(s)).negated && SECURITY_DUTY.test(textOf(s)));
    if (duties.length === 0) return missing('security-standards', values);
    const ref = about.find((s) => delegatedElsewhere(a, textOf(s)) && /\bsecurity\b/i.test(textOf(s)));
    const hollow = about.find((s) => STANDARD.test(textOf(s)) && HOLLOW.test(textOf(s)));
    const generic = about.find((s) => GENERIC.test(textOf(s)));
    if (ref && !hollow && !generic) return result('security-standards', 'referenced', ref, values);
    const reasons: string[] = [];
    if (hollow) reasons.push('standard-not-binding');
    if (generic) reasons.push('generic-security-only');
    if (!reasons.length) reasons.push('no-named-standard');
    return result('security-standards', 'weak', hollow ?? generic ?? duties[0]!, values, reasons);
  },
};
