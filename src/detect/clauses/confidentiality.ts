import type { AnalysedDocument, Sentence } from '../../analyse/index.js';
import { findDurations } from '../../analyse/values.js';
import type { ClauseDetector } from '../types.js';
import { delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, leadIn, missing, modality, result, textOf } from '../util.js';

/**
 * Confidentiality: a duty to keep the other party's information confidential that survives the end of the
 * agreement (for a stated period or indefinitely). Weak with no survival.
 */

const TOPIC = /\bconfidential\w*\b|\bnon-?disclosure\b|\bproprietary information\b/i;
const DUTY = /\bkeep\b[^.;]{0,60}\b(?:confidential|secret)\b|\b(?:hold|treat|maintain)\b[^.;]{0,60}\b(?:in (?:strict )?confidence|confidential)\b|\b(?:not|neither|nor)\b[^.;]{0,40}\b(?:disclose|divulge|reveal|make available)\b|\bprotect\b[^.;]{0,60}\bconfidential\b|\bconfidentiality obligations?\b|\buse\b[^.;]{0,40}\bonly (?:to|for)\b/i;
const SURVIVE = /\bsurviv\w*\b|\bcontinue (?:in (?:full )?force|to apply|to bind)\b[^.;]{0,60}\b(?:after|following|notwithstanding|beyond)\b|\b(?:after|following) (?:the )?(?:termination|expiry|expiration)\b[^.;]{0,60}\b(?:years?|indefinitely|perpetual)|\b(?:for|during)\s+(?:a period of\s+)?[^.;]{0,20}\byears?\b[^.;]{0,40}\b(?:after|following|from)\b[^.;]{0,20}\b(?:termination|expiry|expiration|disclosure|the end of (?:the|this)\b|(?:it|this agreement|the agreement|the contract|the term) (?:ends|expires|terminates|is terminated))\b|\b(?:years?|months?)\b[^.;]{0,20}\b(?:thereafter|afterwards)\b|\bnot at any time\b|\bat any time (?:during or )?after\b|\bindefinitely\b|\bin perpetuity\b|\bduring and after (?:the )?(?:term|termination|expiry|expiration|end)\b|\b(?:apply|applies|bind|binds|remain in (?:full )?(?:force|effect))\b[^.;]{0,20}\b(?:beyond|after)\s+(?:the\s+)?(?:termination|expiry|expiration|end)\b|\b(?:notwithstanding|after|following|upon)\b[^.;]{0,100}\bcontinue to be (?:bound|subject)\b|\b(?:expiry|expiration|termination)\b[^.;]{0,60}\b(?:shall|will|does) not (?:affect|relieve|release)\b[^.;]{0,80}\bobligations\b/i;
// The words of a survival clause that lists the clauses outliving the agreement: "shall survive", "will remain in
// effect following expiration or termination", "the Parties will continue to be bound thereby: Sections 5, 6 …".
const SURVIVAL_CLAUSE = /\bsurviv\w*\b|\b(?:remain|continue) in (?:full )?(?:force|effect)\b[^.;:]{0,40}\b(?:after|following|beyond|notwithstanding)\b|\bcontinue to be (?:bound|subject)\b/i;
const HEADING = /\bconfidential/i;
const CONF_DELEGATED = /\bconfidential(?:ity| information)\b[^.;]{0,80}\b(?:governed by|subject to|as set (?:out|forth)|in accordance with|incorporated|pursuant to)\b|\b(?:governed by|subject to|as set (?:out|forth) in|in accordance with|pursuant to)\b[^.;]{0,80}\b(?:confidentiality|non-?disclosure)\b/i;
// A blanket survival clause: "The obligations of Consultant as set forth herein … shall survive the termination".
const ALL_SURVIVE = /\b(?:all |the )?(?:obligations|covenants|provisions)\b[^.;]{0,40}\b(?:herein|hereunder|of this Agreement|under this Agreement|set forth in this Agreement)\b[^.;]{0,80}\bsurviv\w*\b[^.;]{0,30}\b(?:termination|expiration|expiry)\b/i;

export const confidentiality: ClauseDetector = {
  id: 'confidentiality',
  title: 'Confidentiality',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && (TOPIC.test(textOf(s)) || headingMatches(s.path, HEADING)));
    // A duty binds ("shall keep", "will not disclose"); a permission that merely mentions confidential information
    // ("may redact … to protect … confidential information") is not one.
    const duties = about.filter((s) => {
      const t = textOf(s);
      const m = modality(t);
      // Not the customer keeping its own password or log-in secret.
      return DUTY.test(t) && (m.binding || m.negated) && !/\bpersonnel\b|\bauthori[sz]ed to process\b|\bto the extent necessary to protect\b|\b(?:passwords?|credentials|log-?in details|API keys?)\b/i.test(t);
    });
    if (duties.length === 0) {
      // "governed by the Non-Disclosure Agreement", not "the auditor shall enter into a non-disclosure agreement".
      // The delegated words must be about confidentiality, not a long clause that lists "confidential business
      // information" among the things some other document covers.
      const ref = about.find((s) => (delegatedElsewhere(a, textOf(s)) && (headingMatches(s.path, HEADING) || CONF_DELEGATED.test(textOf(s))))
        || ((/\bnon-?disclosure agreement\b/i.test(textOf(s)) || /\bNDA\b/.test(textOf(s))) && /\b(?:governed by|subject to|incorporated|attached|in accordance with|appl(?:y|ies) to|continues? to apply)\b/i.test(textOf(s))));
      if (ref) return result('confidentiality', 'referenced', ref, { survivalYears: null, survives: false });
      return missing('confidentiality', { survivalYears: null, survives: false });
    }
    const sections = new Set(duties.map((s) => s.path[0]).filter((x) => x !== undefined));
    const numbers = [...sections].map((s) => s!.number).filter((n): n is string => n !== null).map((n) => n.replace(/\.$/, ''));
    // Survival: in the clause itself, or a survival clause naming confidentiality or its clause number — also as an
    // item of the list a survival clause introduces ("… will survive termination:" ⏎ "(a) Sections E (Confidentiality), …").
    const survivingItem = (s: Sentence): boolean => {
      const lead = leadIn(a, s);
      return lead !== null && /:\s*$/.test(lead.text) && SURVIVAL_CLAUSE.test(textOf(lead));
    };
    const survival: Sentence | undefined = about.find((s) => SURVIVE.test(textOf(s)) || (TOPIC.test(textOf(s)) && survivingItem(s)))
      ?? a.sentences.find((s) => ALL_SURVIVE.test(textOf(s)))
      ?? a.sentences.find((s) => SURVIVAL_CLAUSE.test(textOf(s)) && numbers.some((n) => new RegExp(`\\b(?:clauses?|sections?|articles?|paragraphs?)\\b(?:[^.;]|\\.(?=\\d)){0,160}?(?<![\\d.])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?!\\.\\d)`, 'i').test(textOf(s))));
    const years = survival ? findDurations(textOf(survival)).find((d) => d.unit === 'year' || d.unit === 'month') : undefined;
    const values = { survives: survival !== undefined, survivalYears: years ? Math.round(years.hours / 8760 * 10) / 10 : null };
    // The clause proper (under a confidentiality heading) decides before a passing duty (an auditor's, staff's).
    const main = duties.find((s) => headingMatches(s.path, HEADING)) ?? duties[0]!;
    if (!survival) return result('confidentiality', 'weak', main, values, ['no-survival']);
    return result('confidentiality', 'present', main, values);
  },
};
