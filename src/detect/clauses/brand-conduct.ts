import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { binds, delegatedElsewhere, isDefinition } from '../operational.js';
import { headingMatches, leadIn, missing, modality, result, textOf } from '../util.js';

/**
 * Brand and conduct: agents represent the customer's brand — scripts, tone or brand guidelines, cultural or
 * language training, brand-alignment checks in quality monitoring. Present when the supplier is bound to follow
 * the customer's scripts or brand guidelines; weak when that duty is effort-only.
 */

const BRAND = /\bbrand\w*\b|\b(?:call )?scripts?\b|\btone of voice\b|\bstyle guide\w*\b|\b(?:customer'?s?|client'?s?) (?:values|guidelines|policies|standards of conduct|code of conduct)\b|\bcultur\w* (?:training|awareness|fit)\b|\betiquette\b|\bin the name of the (?:customer|client)\b|\bon behalf of the (?:customer|client)\b[^.;]{0,40}\b(?:represent|conduct|manner)\w*\b/i;
const CHECK = /\b(?:quality|monitor\w*|evaluat\w*|assess\w*)\b[^.;]{0,60}\b(?:brand|script|tone)\w*\b|\b(?:brand|script|tone)\w*\b[^.;]{0,60}\b(?:quality|monitor\w*|evaluat\w*|adherence|compliance)\b/i;
// The customer's own duties about its materials ("The Customer shall ensure that the call scripts comply with law").
const CUSTOMER_DUTY = /^\s*(?:the\s+)?(?:customer|client)\s+(?:shall|will|must|agrees)\b/i;
// The brand is worn by people who deal with the customer's own customers: agents, calls, conduct, guidelines —
// not a product line ("the brands Mailgun, Mailjet"), "Brand Name or Equal" goods, or software scripts.
const CONDUCT = /\b(?:telemarketing|(?:call|sales|telephone) scripts?|agents?|staff|personnel|employees|representatives?|advisors?|operators?|communicat\w*|interact\w*|callers?|calls?|end[- ]customers?|represent\w*|conduct|behaviou?r|manner|guidelines?|training|tone|etiquette|values)\b/i;
// The customer (or "you") allowed to use the supplier's brand, or its own: "Customer may … display Brand Features".
const CUSTOMER_ACTS = /^\s*(?:[^.;]{0,60},\s*)?(?:the\s+)?(?:customer|client|you)\s+(?:may|can|(?:is|are) (?:permitted|allowed|entitled) to)\b|\byour own branding\b/i;
const FOLLOW = /\b(?:in accordance with|comply with|follow|adhere to|use|consistent with|observe)\b/i;

export const brandConduct: ClauseDetector = {
  id: 'brand-conduct',
  title: 'Brand and conduct',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && BRAND.test(textOf(s)) && CONDUCT.test(textOf(s))
      && !/\bintellectual property\b|\btrade ?marks?\b|\blicen[cs]e\b|\bpublicity\b/i.test(textOf(s)) && !CUSTOMER_ACTS.test(textOf(s))
      && !headingMatches(s.path, /\bpublicity\b|\btrade ?marks?\b|\bmarks\b|\bbrand features\b/i));
    const values = { scripts: false, brandChecks: false };
    if (about.length === 0) return missing('brand-conduct', values);
    const duty = about.find((s) => FOLLOW.test(textOf(s)) && !CUSTOMER_DUTY.test(textOf(s)) && (binds(textOf(s)) || binds(textOf(leadIn(a, s) ?? s))) && !modality(textOf(s)).negated);
    values.scripts = duty !== undefined;
    values.brandChecks = about.some((s) => CHECK.test(textOf(s)));
    if (!duty) {
      const ref = about.find((s) => delegatedElsewhere(a, textOf(s)));
      if (ref) return result('brand-conduct', 'referenced', ref, values);
      return result('brand-conduct', 'weak', about[0]!, values, ['no-duty-to-follow']);
    }
    if (modality(textOf(duty)).effort) return result('brand-conduct', 'weak', duty, values, ['effort-only']);
    return result('brand-conduct', 'present', duty, values);
  },
};
