import type { AnalysedDocument } from '../../analyse/index.js';
import type { ClauseDetector } from '../types.js';
import { isDefinition } from '../operational.js';
import { result, textOf } from '../util.js';

/**
 * AI and automation (conditional: automation or AI handles customers or their data): disclosure to customers,
 * escalation to a human, and ownership of the models and of the data used to train them. Weak when the
 * supplier may train its models on customer data without case-by-case consent, or disclosure or human
 * escalation is missing.
 */

const AI = /\bartificial intelligence\b|\bAI\b|\bmachine learning\b|\bchat ?bots?\b|\bvirtual (?:agents?|assistants?)\b|\bconversational (?:AI|agents?)\b|\bautomated (?:agents?|decision\w*|handling|chat|assistants?)\b|\b(?:large )?language models?\b|\bLLMs?\b|\bgenerative\b|\bspeech analytics\b|\bbots?\b/;
const DISCLOSE = /\bdisclos\w*\b|\binform\w*\b|\bidentif\w* (?:itself|themselves|as)\b|\bnot human\b|\btransparen\w*\b|\bmade aware\b/i;
const HUMAN = /\bhuman\b|\blive agents?\b|\bescalat\w*\b|\btransfer\w*\b[^.;]{0,30}\b(?:agent|person)\b/i;
const TRAINING = /\btrain\w*\b|\benhance\w*\b|\bimprov\w*\b|\bdevelop\w*\b/i;
const CUSTOMER_DATA = /\b(?:customer|client)(?:'s)? (?:data|content|information)\b|\bcustomer content\b|\bcall recordings?\b|\bpersonal data\b|\busage data\b/i;
const CASE_CONSENT = /\b(?:prior|express|written) (?:written )?consent\b|\bopt(?:s|ed)?[- ]in\b|\bonly (?:with|if|where)\b[^.;]{0,40}\b(?:consent|agree\w*|approv\w*)\b|\bshall not\b[^.;]{0,60}\btrain\w*\b/i;

export const aiAutomation: ClauseDetector = {
  id: 'ai-automation',
  title: 'AI and automation',
  detect(a: AnalysedDocument) {
    const about = a.sentences.filter((s) => !isDefinition(s) && AI.test(textOf(s)));
    const values = { disclosure: false, humanEscalation: false, trainsOnCustomerData: false };
    if (about.length === 0) return result('ai-automation', 'not-applicable', null, values, ['no-ai-or-automation']);
    values.disclosure = about.some((s) => DISCLOSE.test(textOf(s)));
    values.humanEscalation = about.some((s) => HUMAN.test(textOf(s)));
    const trains = about.find((s) => TRAINING.test(textOf(s)) && CUSTOMER_DATA.test(textOf(s)) && /\bmodels?\b|\bmachine learning\b|\bAI\b/i.test(textOf(s)));
    values.trainsOnCustomerData = trains !== undefined && !CASE_CONSENT.test(textOf(trains));
    const reasons: string[] = [];
    if (values.trainsOnCustomerData) reasons.push('trains-on-customer-data');
    if (!values.disclosure) reasons.push('no-disclosure');
    if (!values.humanEscalation) reasons.push('no-human-escalation');
    const at = values.trainsOnCustomerData ? trains! : about[0]!;
    return result('ai-automation', reasons.length ? 'weak' : 'present', at, values, reasons);
  },
};
