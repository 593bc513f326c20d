/**
 * What a reviewer knows about vendor paper, as data (../shared/domain/clause-catalogue.md, "Reading vendor paper"
 * and "Where clauses live when they are not in the text"). Three tables, applied to every detector's result by
 * src/detect/locate.ts:
 *
 * - CARRIERS: the documents and procedures that carry clauses when a contract hands them on ("our Data Processing
 *   Agreement forms part of these Terms", "in accordance with Call-Off Schedule 10 (Exit Management)");
 * - HEADINGS: where a reviewer looks first for each clause (a section headed "Confidentiality", "Subprocessors");
 * - VARIANTS: the one-sided ways vendor paper words a clause ("we may modify these Terms at any time"), which make
 *   the clause weak, never missing.
 *
 * Patterns are regular-expression sources, matched case-insensitively on a sentence's text (src/detect/util.ts
 * textOf). Decisions taken here where the catalogue is silent are in rules/<id>.md under "Vendor paper".
 */

/** A document or procedure that carries clauses. */
export interface Carrier {
  /** The name reports give (`values.document` of a referenced clause). */
  name: string;
  /** Its names as a document of its own ("Data Processing Agreement", "DPA"). */
  documents: string;
  /**
   * Its titles as a schedule, annex or appendix of a contract pack ("Call-Off Schedule 10 (Exit Management)",
   * "Schedule 3 – Insurance Requirements"): they name it only after such a label.
   */
  titles?: string;
  /** The clauses it carries. */
  clauses: readonly string[];
  /** A clause the reference makes present rather than referenced (the catalogue: a DPA incorporated names the GDPR). */
  present?: readonly string[];
  /**
   * The terms a contract is made under (master agreement, core terms, general conditions). They carry the general
   * clauses, so only an explicit hand-over counts ("governed by the terms at …", "the Core Terms are incorporated"),
   * never a document's mention of "the Agreement" it belongs to.
   */
  master?: true;
}

const DATA_PROTECTION = ['gdpr-reference', 'gdpr-processor-terms', 'international-transfers', 'breach-notification', 'audit-rights', 'subcontracting', 'data-return-deletion', 'security-standards'];
/** The general terms a master agreement holds: what a call-off, order form or service description leaves to it. */
const GENERAL_TERMS = ['termination-for-cause', 'termination-for-convenience', 'liability-cap', 'indemnification', 'confidentiality', 'ip-ownership', 'subcontracting', 'dispute-resolution', 'governing-law', 'assignment', 'force-majeure'];

export const CARRIERS: readonly Carrier[] = [
  {
    name: 'Data Processing Agreement',
    documents: String.raw`Data (?:Processing|Protection) (?:Agreement|Addendum|Terms|Schedule|Exhibit|Annex)|DPA|Data Processor Agreement|Processing Data`,
    titles: String.raw`(?:Processing|Protection of) (?:Personal )?Data|Data Protection`,
    clauses: DATA_PROTECTION,
    present: ['gdpr-reference'],
  },
  {
    name: 'Standard Contractual Clauses',
    documents: String.raw`(?:EU |EEA |UK )?Standard Contractual Clauses|(?:EU |EEA |UK )?SCCs|IDTA|International Data Transfer (?:Agreement|Addendum)|UK (?:Transfer )?Addendum`,
    clauses: ['international-transfers'],
    present: ['international-transfers'],
  },
  {
    name: 'Business Associate Agreement',
    documents: String.raw`Business Associate (?:Agreement|Addendum|Contract)|BAA`,
    clauses: ['hipaa-baa', 'breach-notification'],
  },
  {
    name: 'Service Level Agreement',
    documents: String.raw`Service Level (?:Agreement|Terms|Schedule|Commitments?)|SLAs?|Service Levels? Schedule|(?:Key )?Performance Indicators|KPIs`,
    titles: String.raw`Service Levels?(?: and Balanced Scorecard)?|Performance (?:Levels|Indicators)|KPIs`,
    clauses: ['service-levels', 'service-credits', 'performance-reporting'],
  },
  {
    name: 'Quality Assurance Surveillance Plan',
    documents: String.raw`Quality Assurance Surveillance Plan|QASP`,
    clauses: ['quality-assurance', 'service-levels', 'service-credits'],
  },
  {
    name: 'Security Policy',
    documents: String.raw`(?:Information |Data |Cyber )?Security (?:Policy|Policies|Schedule|Annex|Addendum|Exhibit|Requirements|Management Plan|Standards|Measures|Program(?:me)?)|Technical and Organi[sz]ational (?:Security )?Measures|TOMs`,
    titles: String.raw`(?:Information |Cyber )?Security(?: Requirements| Management)?`,
    clauses: ['security-standards'],
  },
  {
    name: 'Exit Plan',
    documents: String.raw`Exit (?:Plan|Management (?:Plan|Schedule)|Strategy)|Transition[- ]Out Plan|Termination Assistance (?:Plan|Schedule)`,
    titles: String.raw`Exit Management|Exit|Termination Assistance`,
    clauses: ['exit-assistance', 'data-return-deletion'],
  },
  {
    name: 'Business Continuity and Disaster Recovery Plan',
    documents: String.raw`Business Continuity(?: and Disaster Recovery)? (?:Plan|Schedule|Policy)|BCDR(?: Plan)?|BCP|Disaster Recovery Plan|DR Plan`,
    titles: String.raw`Business Continuity(?: and Disaster Recovery)?|Disaster Recovery`,
    clauses: ['business-continuity', 'rto-rpo'],
  },
  {
    name: 'Dispute Resolution Procedure',
    documents: String.raw`Dispute Resolution Procedure|Disputes? (?:Procedure|Process)`,
    titles: String.raw`Dispute Resolution`,
    clauses: ['dispute-resolution'],
  },
  {
    name: 'Change Control Procedure',
    documents: String.raw`(?:Change Control|Variation|Change) (?:Procedure|Process)|Variation Form|Change Request Form`,
    titles: String.raw`Variation Form|Change Control|Variations?`,
    clauses: ['change-control'],
  },
  {
    name: 'Insurance Schedule',
    documents: String.raw`Insurance (?:Schedule|Requirements)|Required Insurances`,
    titles: String.raw`Insurance(?: Requirements)?`,
    clauses: ['insurance'],
  },
  {
    name: 'Key Staff Schedule',
    documents: String.raw`Key (?:Supplier )?(?:Staff|Personnel) (?:Schedule|Plan|Clause)`,
    titles: String.raw`Key (?:Supplier )?(?:Staff|Personnel)|Staff Transfer|Background Checks`,
    clauses: ['staffing-training'],
  },
  {
    name: 'Implementation Plan',
    documents: String.raw`Implementation Plan|Onboarding Plan|Mobili[sz]ation Plan|Transition[- ]In Plan`,
    titles: String.raw`Implementation Plan(?: and Testing)?|Implementation|Mobili[sz]ation|Onboarding`,
    clauses: ['transition-in'],
  },
  {
    name: 'Continuous Improvement Schedule',
    documents: String.raw`Continuous Improvement (?:Plan|Schedule)`,
    titles: String.raw`Continuous Improvement|Quality (?:Assurance|Plan)`,
    clauses: ['quality-assurance'],
  },
  {
    name: 'Intellectual Property Schedule',
    documents: String.raw`Intellectual Property (?:Rights )?Schedule`,
    titles: String.raw`Intellectual Property Rights?(?:[\w ,]{0,60})?|IPR`,
    clauses: ['ip-ownership'],
  },
  {
    name: 'Pricing Schedule',
    documents: String.raw`Pricing Schedule|Price Schedule|Rate Card|Order Form`,
    titles: String.raw`Pricing(?: Details)?(?:[\w ,]{0,40})?|Charges(?: and Invoicing)?|Prices?|Fees`,
    clauses: ['pricing-payment'],
  },
  {
    name: 'master terms',
    documents: String.raw`(?:CCS |Framework )?Core Terms|(?:Master|General|Standard) (?:Services |Subscription |Cloud |Customer )?(?:Agreement|Terms(?: and Conditions)?|Conditions(?: of (?:Contract|Purchase|Sale))?)|(?:Customer|Subscription|Commercial|Contract) Terms and Conditions|Terms of Service|GTCs?|Framework Agreement|FAR 52\.212-4(?:[^.;]{0,80}?Commercial (?:Products|Items|Services))?|Schedule Contract|terms at (?:https?:\/\/|www\.)\S+`,
    clauses: GENERAL_TERMS,
    master: true,
  },
];

/**
 * A clause handed to the agreement a document belongs to by its subject: "subject to the limitations of liability
 * of the Agreement", "the termination and liability clauses of the Agreement apply". The words naming the topic.
 */
export const REFERENCE_TOPICS: Readonly<Record<string, string>> = {
  'liability-cap': String.raw`liabilit(?:y|ies)|limitations? (?:of|on) liability|exclusions and limitations|cap`,
  'termination-for-cause': String.raw`termination`,
  'confidentiality': String.raw`confidentiality|non-?disclosure`,
  'governing-law': String.raw`governing law|choice of law`,
  'dispute-resolution': String.raw`dispute(?: resolution)?|jurisdiction|courts?`,
  'pricing-payment': String.raw`fees|payments?|remuneration|prices?|charges`,
  'indemnification': String.raw`indemnit(?:y|ies|ification)`,
  'assignment': String.raw`assignment`,
  'force-majeure': String.raw`force majeure`,
  'ip-ownership': String.raw`intellectual property`,
};

/** Where a reviewer looks first: a section whose heading names the clause. `content` must then appear in the section. */
export interface HeadingLocator {
  heading: string;
  /** Words the section's text must hold, for headings that can mean something else ("Termination"). */
  content?: string;
}

export const HEADINGS: Readonly<Record<string, HeadingLocator>> = {
  'breach-notification': { heading: String.raw`(?:security |data |personal data )?(?:incident|breach)(?:es)?(?: notification| notice| management| response)?|notification of (?:a )?(?:security |data )?(?:incidents?|breach(?:es)?)`, content: String.raw`notif|inform|report` },
  'service-levels': { heading: String.raw`service levels?(?: agreement| commitments?)?|uptime|service commitments?|performance standards`, content: String.raw`availab|uptime|response|resol|perform|percent|%` },
  'service-credits': { heading: String.raw`service credits?|(?:financial )?credits?|remed(?:y|ies) for (?:service )?failure` },
  // A DPA's or BAA's "Reporting Obligations" report incidents and changes, not performance: the section must speak of it.
  'performance-reporting': { heading: String.raw`(?:performance |service |status )?report(?:s|ing)|governance|performance reviews?|(?:review|governance) meetings|status page`, content: String.raw`\b(?:performance|service levels?|KPIs?|metrics?|volumes?|statistics|dashboards?|status|(?:review|governance|progress) meetings?|progress|periodic\w*|(?:bi-?)?weekly|fortnightly|monthly|quarterly|semi-?annual\w*|each (?:calendar )?(?:week|month|quarter)|operational reports?|executive reviews?)\b` },
  'business-continuity': { heading: String.raw`business continuity|disaster recovery|continuity|resilien(?:ce|cy)` },
  'rto-rpo': { heading: String.raw`recovery (?:time|point) objectives?|RTO|RPO|recovery objectives|back-?ups?(?: and (?:restore|recovery))?`, content: String.raw`back|recover|restor` },
  'audit-rights': { heading: String.raw`audits?(?: rights)?|inspections?|right to audit|records and audit|compliance verification` },
  'security-standards': { heading: String.raw`(?:information |data |cyber )?security(?: measures| requirements| standards| of (?:the )?(?:services|processing|data))?|technical and organi[sz]ational measures|safeguards` },
  'exit-assistance': { heading: String.raw`exit(?: management| assistance| plan)?|transition(?:[- ]out| assistance| services)|termination assistance|wind[- ]down|off-?boarding` },
  'data-return-deletion': { heading: String.raw`(?:return|deletion|destruction|retention|export)(?: (?:and|or) (?:return|deletion|destruction|retention))?(?: of (?:customer |personal |your )?(?:data|content|information))?|data (?:retention|deletion|export|return|portability)|effect of termination|(?:upon|on|after) termination`, content: String.raw`delet|destr|return|export|retriev|erase|purge` },
  'termination-for-cause': { heading: String.raw`termination(?: for (?:material )?(?:breach|cause|default))?|suspension(?: and termination)?|term and termination|events? of default`, content: String.raw`breach|violat|insolv|bankrupt|default|cause|non-?payment|fail\w* to (?:pay|comply|cure)` },
  'termination-for-convenience': { heading: String.raw`termination for convenience|termination without cause` },
  'liability-cap': { heading: String.raw`limitations? (?:of|on) liability|liability(?: limitations?| cap)?|limits? (?:of|on) liability`, content: String.raw`exceed|limit|cap|maximum|aggregate|total` },
  'indemnification': { heading: String.raw`indemnit(?:y|ies|ification)|defen[cs]e(?: of (?:third[- ]party )?claims)?|third[- ]party claims` },
  'insurance': { heading: String.raw`insurances?` },
  'confidentiality': { heading: String.raw`confidential(?:ity| information)?(?: and (?:data|privacy|non-?disclosure))?|non-?disclosure|secrecy` },
  'ip-ownership': { heading: String.raw`intellectual property(?: rights)?|ownership(?: of [\w ]{1,30})?|proprietary rights|(?:customer|your) (?:data|content) ownership|rights in (?:data|content|deliverables)` },
  'subcontracting': { heading: String.raw`sub-?contract\w*|sub-?processors?|sub-?processing|(?:third[- ]party )?(?:service providers|vendors)|use of (?:third parties|subcontractors)` },
  'staffing-training': { heading: String.raw`personnel|staff(?:ing)?|training|key personnel|employees|background checks|supplier staff` },
  'change-control': { heading: String.raw`changes?(?: to (?:the |these |this )?(?:terms|agreement|services|service|sla|dpa|policy|policies))?|modifications?|amendments?|variations?|change control|updates? to (?:these |the )?terms|revisions?`, content: String.raw`chang|modif|amend|vari|updat|revis` },
  'pricing-payment': { heading: String.raw`fees(?: and payments?)?|pricing|prices?|payments?(?: terms)?|invoic\w+|charges|billing`, content: String.raw`fee|pay|pric|invoic|charg|bill` },
  'dispute-resolution': { heading: String.raw`disputes?(?: resolution)?|arbitration|jurisdiction|venue|escalation|complaints?`, content: String.raw`disput|court|arbitra|jurisdic|escalat|mediat|disagree` },
  'governing-law': { heading: String.raw`governing law|applicable law|choice of law|law(?: and jurisdiction)?`, content: String.raw`law` },
  'force-majeure': { heading: String.raw`force majeure|events? beyond (?:our|its|a party's|the parties') (?:reasonable )?control|excusable delays?` },
  'transition-in': { heading: String.raw`transition[- ]in|on-?boarding|implementation(?: plan| services)?|mobili[sz]ation`, content: String.raw`implement|onboard|mobili|go-?live|accept|plan|milestone` },
  'quality-assurance': { heading: String.raw`quality(?: assurance| monitoring| control| management)?|continuous improvement` },
  'performance-incentives': { heading: String.raw`incentives?|bonus(?:es)?|gain[- ]?share|earn[- ]?backs?` },
};

/** A one-sided wording of a clause in vendor paper. */
export interface Variant {
  /** The sentence pattern. */
  pattern: string;
  /** What it makes the clause: weak (one-sided) or present (the catalogue counts it, e.g. defend-and-pay). */
  status: 'weak' | 'present';
  /** The reason code (`reasons` of the result) and its words in a finding. */
  reason: string;
  /** A pattern that, in the same sentence, means the wording is something else. */
  unless?: string;
}

/** Who the vendor is in its own paper: "we", the provider, or a name (matched as the first words of a clause). */
const VENDOR = String.raw`(?:we|provider|supplier|vendor|processor|contractor|the company|[A-Z][\w&.-]{0,40}(?: [A-Z][\w&.-]{0,40})?)`;
const MAY = String.raw`(?:may|can|reserves? the right to|is entitled to|will be entitled to|has the right to|might)`;
const AFTER_END = String.raw`(?:after|following|upon|on|within [\w() -]{1,25} (?:of|after|following)) (?:the )?(?:termination|expiration|expiry|cancell?ation|closure|deletion|end)|(?:when|once|if) (?:you|customer|the customer) (?:cancel|close|terminate|delete|stop)`;

/** The customer may leave: "You may cancel your subscription at any time". */
const CUSTOMER_LEAVES = String.raw`\b(?:you|customer|the customer|client)\s+(?:may|can|is free to|are free to)\s+(?:\w+\s+){0,3}?(?:cancel|terminate|close|end|stop using|unenrol\w*|leave)\w*\b[^.;]{0,100}\bat any time\b|\bat any time\b[^.;]{0,40}\b(?:you|customer|the customer)\s+(?:may|can)\s+(?:\w+\s+){0,2}?(?:cancel|terminate|close|end)\w*`;
/** …but only in a trial, after a minimum term, or against a fee. */
const LEAVING_LIMITED = String.raw`\bonly\b|\bduring (?:the|that|a|any) (?:free|trial)|\blater of\b|\bminimum\b|\banniversary\b|\bcommitment\b|\bfees?\b|\bcharges?\b|\bpenalt`;

export const VARIANTS: Readonly<Record<string, readonly Variant[]>> = {
  'change-control': [
    { pattern: String.raw`\b${VENDOR}\s+(?:may|can|reserves? the right to|will)\s+(?:\w+\s+){0,3}?(?:modify|change|update|amend|revise|vary|replace)\w*\b[^.;]{0,100}\b(?:terms|agreement|dpa|addendum|sla|polic(?:y|ies)|conditions|guidelines|description|measures)\b`, status: 'weak', reason: 'unilateral-change', unless: String.raw`^\s*(?:you|customer|the customer|client|buyer|licensee)\b|\bnot\b[^.;]{0,20}\b(?:modify|change|amend)` },
    { pattern: String.raw`\b(?:(?:continued|continuing|further) use|(?:keep|continue)\s+(?:on\s+)?(?:to\s+)?us(?:e|ing))\b[^.;]{0,120}\b(?:accept|constitute|agree|consent|deemed|taken to|treated as)`, status: 'weak', reason: 'unilateral-change' },
    { pattern: String.raw`\b(?:changes?|modifications?|updates?|amendments?|revisions?) (?:to|of) (?:these|this|the) (?:terms|agreement|dpa|addendum|sla|polic(?:y|ies))\b[^.;]{0,80}\b(?:effective|take effect|posted|notif|notice)`, status: 'weak', reason: 'unilateral-change' },
    { pattern: String.raw`\b(?:no|any) (?:amendment|modification|variation|change)s?\b[^.;]{0,100}\b(?:in writing|signed|written)\b|\b(?:deviations from|additions to|amendments to) (?:this|the) (?:agreement|dpa)\b[^.;]{0,80}\b(?:in writing|written)\b|\bchanges?\b[^.;]{0,80}\b(?:must|shall|will|are to) be (?:mutually )?agreed(?: upon)?(?: (?:and|or) documented)?(?: jointly| in writing| between the parties| by (?:both|the) parties)?\b`, status: 'weak', reason: 'no-change-procedure', unless: String.raw`\b(?:variation|change control|change) procedure\b` },
  ],
  'subcontracting': [
    { pattern: String.raw`\b${VENDOR}\s+(?:may|can|will|uses?|engages?|relies on)\s+(?:\w+\s+){0,3}?(?:third[- ]part(?:y|ies)|sub-?processors?|sub-?contractors?|service providers?|vendors?|hosting providers?|contractors?|partners)\b`, status: 'weak', reason: 'no-consent', unless: String.raw`\bprior (?:written )?(?:consent|approval|authori[sz]ation)\b` },
    { pattern: String.raw`\b(?:right to object|may object)\b[^.;]{0,80}\b(?:sub-?processor|sub-?contractor|new|change)`, status: 'weak', reason: 'right-to-object-only' },
    { pattern: String.raw`\b(?:our|its|their|supplier'?s?|provider'?s?)\s+(?:sub-?contractors|sub-?processors|third[- ]party (?:providers|vendors|delegates))\b[^.;]{0,60}\b(?:follow|adhere|comply|bound)`, status: 'weak', reason: 'no-consent' },
    { pattern: String.raw`\b(?:employees and contractors|contractors and employees)\b`, status: 'weak', reason: 'no-consent' },
  ],
  'termination-for-cause': [
    { pattern: String.raw`\b${VENDOR}\s+${MAY}\s+(?:\w+\s+){0,3}?(?:suspend|terminate|disable|close|cancel|remove|withdraw)\w*\b[^.;]{0,140}\b(?:breach\w*|violat\w+|fail\w* to (?:pay|comply)|non-?payment|misuse|abus\w+|fraud\w*|unlawful|illegal|cause|default)\b`, status: 'weak', reason: 'one-sided', unless: String.raw`^\s*(?:either party|each party|both parties|you|customer|the customer|client|buyer)\b` },
    { pattern: String.raw`\b(?:either party|each party|the customer|customer|you)\s+(?:may|shall|will)?\s*(?:have the right to|be entitled to|has the right to|may)?\s*(?:[\w,]+\s+){0,6}?(?:terminate|withdraw from|cancel)\b[^.;]{0,160}\b(?:breach|violat|fail\w*|cannot comply|unable to comply|not resolved|objection|for cause)`, status: 'weak', reason: 'no-cure-period' },
    { pattern: String.raw`\b(?:breach|violat\w*|cannot comply|unable to comply|fails? to (?:comply|meet|remedy))\b[^.;]{0,160}\b(?:customer|either party|you)\s+(?:may|shall be entitled to|will be entitled to|has the right to)\s+(?:[\w,]+\s+){0,4}?(?:terminate|withdraw from|cancel)\b`, status: 'weak', reason: 'no-cure-period' },
  ],
  'data-return-deletion': [
    { pattern: String.raw`\b(?:we|provider|supplier|processor|[A-Z][\w&.-]{1,40})(?:\s+(?:will|shall|may|must)|['’]ll)\s+(?:\w+\s+){0,3}?(?:delete|erase|destroy|purge|remove)\w*\b[^.;]{0,120}\b(?:data|content|information|files|account|materials|it|them)\b`, status: 'weak', reason: 'deletion-without-return', unless: String.raw`^\s*(?:you|customer|the customer)\b` },
    { pattern: String.raw`\b(?:you|customer|the customer)\s+(?:may|can|will be able to|(?:are|is) (?:solely )?responsible for)\s+(?:\w+\s+){0,2}?(?:export|download|retriev|access|obtain|back up|copy)\w*\b[^.;]{0,80}\b(?:data|content|files|information)\b`, status: 'weak', reason: 'export-window-only' },
    { pattern: String.raw`\b(?:data|content|personal data|account)\b[^.;]{0,60}\b(?:will|shall) be (?:permanently )?(?:deleted|erased|destroyed|purged|removed)\b`, status: 'weak', reason: 'deletion-without-return' },
    { pattern: String.raw`\b(?:transfer|hand over|deliver|return)\w*\b[^.;]{0,60}\b(?:project materials|materials|credentials|backup|data|deliverables)\b[^.;]{0,80}\b(?:to (?:the )?(?:customer|buyer|government|co\b|contracting officer)|terminat|end of)`, status: 'weak', reason: 'no-deadline-or-certificate' },
  ],
  'exit-assistance': [
    { pattern: String.raw`\b(?:you|customer|the customer)\s+(?:may|can|will be able to|will have)\s+(?:\w+\s+){0,3}?(?:export|download|retriev|access|obtain)\w*\b[^.;]{0,120}\b(?:${AFTER_END})`, status: 'weak', reason: 'export-window-only' },
    { pattern: String.raw`\b(?:reasonable opportunity|opportunity|means|option|possibility|period of (?:time|\w+ days))\b[^.;]{0,40}\b(?:to )?(?:retriev|export|download|recover)\w*\b[^.;]{0,40}\b(?:data|content|files|information|materials)\b|\bdata return period\b`, status: 'weak', reason: 'export-window-only' },
    { pattern: String.raw`\b(?:complete backup|full export|data handover|hand(?:ing)? over)\b[^.;]{0,120}\b(?:end of the (?:contract|agreement|term|service)|terminat\w+|expir\w+)\b|\b(?:at|upon|on) the end of the (?:contract|service term|term)\b[^.;]{0,120}\b(?:transfer|hand\w* over|receives?|backup|export)\b`, status: 'weak', reason: 'data-handover-only' },
    { pattern: String.raw`\b(?:export|transfer|migrat)\w*\b[^.;]{0,80}\b(?:new|successor|replacement|another) (?:service )?(?:provider|supplier|vendor)\b`, status: 'weak', reason: 'no-period' },
    { pattern: String.raw`\b(?:continued performance|continue performance|extend (?:the )?services|option to extend services)\b`, status: 'weak', reason: 'no-transition-duty' },
  ],
  'service-levels': [
    { pattern: String.raw`\b(?:commercially )?reasonable (?:commercial )?(?:efforts|endeavou?rs)\b[^.;]{0,100}\b(?:available|availability|uptime|accessible|operational|meet|achieve)\b`, status: 'weak', reason: 'effort-only' },
    { pattern: String.raw`\b(?:do(?:es)?|make|makes) (?:not|no) (?:\w+\s+){0,2}?(?:guarantee|warrant|warranty|promise|represent)\w*\b[^.;]{0,140}\b(?:uninterrupted|continuous|always (?:be )?available|availability|uptime|error[- ]free|timely)\b|\bdisclaims?\b[^.;]{0,80}\b(?:uninterrupted|error[- ]free)\b|\b(?:neither|no)\b[^.;]{0,80}\bmakes? any (?:warranty|guarantee|representation)\b[^.;]{0,120}\b(?:uninterrupted|continuous|error[- ]free|available)\b`, status: 'weak', reason: 'no-committed-target' },
    { pattern: String.raw`\b(?:minimi[sz]e|limit|reduce) (?:any )?(?:downtime|outages?|interruptions?)\b`, status: 'weak', reason: 'no-committed-target' },
  ],
  'rto-rpo': [
    { pattern: String.raw`\b(?:back(?:ed)?[- ]?ups?|backed up|replicat\w+|snapshots?)\b[^.;]{0,100}\b(?:daily|nightly|hourly|weekly|regular\w*|every|continuous\w*|at least|periodic\w*|across|point-in-time)\b|\b(?:daily|nightly|hourly|weekly|regular|periodic) (?:back-?ups?|snapshots)\b`, status: 'weak', reason: 'backups-without-objectives' },
    { pattern: String.raw`\brestor\w*\b[^.;]{0,80}\b(?:availability|access)\b[^.;]{0,80}\b(?:timely|timeframes?|as soon as|promptly|in a timely manner)\b|\b(?:restore|recover)\w* (?:timely )?access to (?:personal )?data\b|\brecovery of (?:platforms?|services|systems)\b|\b(?:rapid(?:ly)?|quick(?:ly)?|prompt(?:ly)?|swift(?:ly)?|timely)\s+restor\w*\b[^.;]{0,60}\b(?:availability|access)\b`, status: 'weak', reason: 'no-recovery-objectives' },
  ],
  'business-continuity': [
    { pattern: String.raw`\b(?:continue to perform|continuity of|service continuity|business[- ]critical functions|disaster recovery (?:procedures|plans?|measures))\b|\b(?:redundan\w+|availability zones?|failover|fail-over|geographically (?:separate|separated|distributed|diverse) (?:data ?cent(?:re|er)s?|sites?|locations?|regions?|zones?|facilit(?:y|ies)|infrastructure|back-?ups?|servers?|copies))\b`, status: 'weak', reason: 'no-tested-plan' },
    { pattern: String.raw`\brestor\w*\b[^.;]{0,40}\b(?:availability|access)\b[^.;]{0,80}\b(?:physical or technical incident|incident|disaster)\b`, status: 'weak', reason: 'no-tested-plan' },
  ],
  'security-standards': [
    { pattern: String.raw`\bindustry[- ]standard\b[^.;]{0,60}\b(?:security|measures|safeguards|protections?|encryption|practices|controls)\b|\b(?:reasonable|appropriate|adequate)\s+(?:technical|administrative|physical|organi[sz]ational|security)\b[^.;]{0,60}\b(?:measures|safeguards|controls|precautions)\b|\bsafe and secure\b|\b(?:protect|secure|safeguard)\w*\b[^.;]{0,80}\b(?:information|data|content)\b[^.;]{0,60}\b(?:unauthori[sz]ed|sensitive|loss|misuse|disclosure)\b|\bmulti[- ]?factor authenti\w+\b`, status: 'weak', reason: 'no-named-standard', unless: String.raw`^\s*(?:you|customer|the customer|client|licensee|user)s?\b[^.;]{0,40}\b(?:not|never)\b` },
  ],
  'confidentiality': [
    { pattern: String.raw`\b(?:personnel|employees|staff|persons?|individuals?|sub-?processors?)\b[^.;]{0,120}\b(?:bound by|subject to|committed (?:themselves )?to|under (?:an? )?(?:appropriate |statutory )?(?:obligation|duty)|undertak\w+|respect)\b[^.;]{0,40}\bconfidential\w*`, status: 'weak', reason: 'covers-data-only' },
    { pattern: String.raw`\b${VENDOR}\s+(?:will|shall|must) not (?:\w+\s+){0,2}?(?:disclos|shar|sell|rent|reveal)\w*\b[^.;]{0,80}\b(?:customer|your|personal|government|client)?\s*(?:data|content|information)\b|\b(?:data|information)\b[^.;]{0,80}\b(?:must|shall|will|may) not be (?:shared|disclosed)\b`, status: 'weak', reason: 'covers-data-only', unless: String.raw`^\s*(?:you|customer|the customer|client|users?)\b` },
    { pattern: String.raw`\b(?:ensure|maintain|protect|keep)\w*\b[^.;]{0,20}\bthe confidentiality of\b|\btreat\w*\b[^.;]{0,40}\bas (?:sensitive|confidential)\b|\bnon-?disclosure agreements?\b`, status: 'weak', reason: 'covers-data-only' },
  ],
  'indemnification': [
    { pattern: String.raw`\b(?:we|provider|supplier|vendor|contractor|[A-Z][\w&.-]{1,40})\s+(?:will|shall|agrees? to)\s+(?:\w+\s+){0,2}?defend\b[^.;]{0,100}\b(?:against|from)\b[^.;]{0,80}\bclaims?\b`, status: 'present', reason: 'defend-and-pay', unless: String.raw`^\s*(?:you|customer|the customer|client|licensee)\b` },
    { pattern: String.raw`\b(?:you|customer|the customer|client)\s+(?:will|shall|agrees? to)\s+(?:\w+\s+){0,3}?(?:indemnif\w+|defend|hold\b[^.;]{0,20}\bharmless)\b`, status: 'weak', reason: 'customer-indemnifies-only' },
    { pattern: String.raw`\b(?:solely |fully )?responsible for (?:all )?(?:costs|expenses|losses)\b[^.;]{0,80}\b(?:security (?:breach|incident)|data breach|breach)\b`, status: 'weak', reason: 'costs-of-breach-only' },
  ],
  'dispute-resolution': [
    { pattern: String.raw`\b(?:exclusive|sole)\s+(?:place of )?(?:jurisdiction|venue|forum)\b|\b(?:brought|litigated|resolved|heard|filed|settled|submitted)\s+(?:exclusively\s+|only\s+|solely\s+)?(?:in|before|to)\s+(?:the\s+)?(?:competent\s+)?(?:state or federal\s+|federal or state\s+)?courts?\b|\bsubmit(?:s)? to the (?:exclusive |non-exclusive )?jurisdiction\b|\bcourts? (?:of|in|designated)\b[^.;]{0,60}\b(?:exclusive|jurisdiction|competent)\b|\b(?:place|seat|venue) of (?:jurisdiction|performance and jurisdiction)\b[^.;]{0,160}\b(?:is|shall be|will be)\b`, status: 'weak', reason: 'forum-only' },
    { pattern: String.raw`\b(?:amicabl\w+|mutual consent|good[- ]faith negotiations?|negotiate in good faith)\b[^.;]{0,160}\b(?:disputes?|disagreements?|settle\w*|resol\w+)\b|\b(?:disputes?|disagreements?)\b[^.;]{0,100}\b(?:amicabl\w+|mutual consent|good[- ]faith negotiations?)\b`, status: 'weak', reason: 'no-staged-escalation' },
    { pattern: String.raw`\b(?:if|where) (?:a|any) (?:dispute|disagreement) arises\b[^.;]{0,100}\b(?:will|shall) (?:make a )?(?:determin|decid|resolv)\w*`, status: 'weak', reason: 'supplier-decides' },
  ],
  'liability-cap': [
    { pattern: String.raw`\b(?:the )?(?:full|entire|total|sole|maximum|aggregate|only)\s+(?:limit|extent|amount|measure)?\s*(?:of\s+)?(?:our|its|[A-Z][\w&.-]{0,40}['’]s?|the provider['’]s|the supplier['’]s)\s+liability\b|\b(?:our|its|their|[A-Z][\w&.-]{0,40}['’]s?)\s+(?:entire|total|sole|full|maximum|aggregate|only)\s+liability\b|\bsole (?:and exclusive )?liability\b|\bliability\b[^.;]{0,160}\b(?:capped|limited to|shall not exceed|will not exceed)\b`, status: 'present', reason: 'cap-stated' },
  ],
  'service-credits': [
    { pattern: String.raw`\bsole (?:and exclusive )?(?:remed(?:y|ies)|compensation)\b[^.;]{0,120}\b(?:credit|failure|sla|service level|availability|uptime)\b|\b(?:credit|sla|service level)\w*\b[^.;]{0,120}\bsole (?:and exclusive )?remed(?:y|ies)\b`, status: 'weak', reason: 'sole-remedy' },
  ],
  'performance-reporting': [
    // Not audit reports or certificates of compliance, given on request (audit rights, security standards).
    { pattern: String.raw`\breports?\b[^.;]{0,80}\b(?:on|upon|at (?:customer|your)['’]?s?) (?:written )?request\b|\b(?:upon|on) (?:written )?request\b[^.;]{0,60}\breports?\b`, status: 'weak', reason: 'on-request-only', unless: String.raw`\baudit (?:reports?|results)\b|\bcertificat\w*|\bSOC ?[123]\b|\bSSAE\b|\bISO(?:\/IEC)? ?\d|\bpenetration test|\bcompliance reports?\b` },
    { pattern: String.raw`\bstatus (?:page|dashboard|site)\b|\bstatuspage\b|\b(?:announced|published|posted) on\b[^.;]{0,30}\bstatus\b|\b(?:can|may) be (?:viewed|seen|monitored|tracked)\b[^.;]{0,30}\b(?:in|on|via|through) (?:your|the) (?:\w+ )?(?:account|dashboard|portal|console)\b`, status: 'weak', reason: 'no-regular-reports' },
  ],
  'staffing-training': [
    { pattern: String.raw`\b(?:suitably|appropriately|adequately) (?:qualified|trained|skilled|experienced)\b|\b(?:full[- ]time|dedicated)\b[^.;]{0,30}\b(?:engineers?|staff|personnel|employees)\b|\btraining\b[^.;]{0,60}\b(?:personnel|staff|employees)\b|\b(?:personnel|staff|employees)\b[^.;]{0,60}\btrain(?:ed|ing)\b|\b(?:support|services?)\b[^.;]{0,60}\bprovided in the [A-Z]\w+ language\b|\blanguage (?:skills|capabilit\w+)\b`, status: 'weak', reason: 'no-staffing-terms' },
  ],
  'pricing-payment': [
    { pattern: String.raw`\b(?:fees?|prices?|charges?|rates?)\b[^.;]{0,80}\b(?:change|increase|vary|then[- ]current|additional)\b|\b(?:additional|extra) (?:fee|charge)s?\b|\b(?:then[- ]current|prevailing|agreed) (?:rates|prices|fees)\b|\bsubject to (?:an? |its )?(?:specific |separate |additional )?(?:quote|quotation|price)\b`, status: 'weak', reason: 'unilateral-price' },
    { pattern: String.raw`\bpricing\b[^.;]{0,40}\b(?:can be found|is available|set out) at\b|\bdetailed pricing\b`, status: 'weak', reason: 'price-elsewhere' },
  ],
  'force-majeure': [
    { pattern: String.raw`\b(?:outside|beyond) (?:of )?(?:our|its|their|the (?:party|supplier|provider|vendor)['’]?s?|[A-Z][\w&.-]{0,40}['’]s|a party['’]s|the parties['’]) (?:reasonable )?control\b|\bforce majeure\b`, status: 'weak', reason: 'no-notice-or-mitigation' },
  ],
  'termination-for-convenience': [
    { pattern: CUSTOMER_LEAVES, status: 'present', reason: 'customer-may-leave', unless: LEAVING_LIMITED },
    { pattern: CUSTOMER_LEAVES, status: 'weak', reason: 'leaving-limited' },
    { pattern: String.raw`\b(?:you|customer|the customer|client)\s+(?:may|can)\b[^.;]{0,80}\bterminat\w+ (?:the|this) (?:agreement|contract|order|subscription) for convenience\b`, status: 'weak', reason: 'leaving-limited' },
  ],
  'audit-rights': [
    // A BAA's "make its internal practices, books, and records available to the Secretary": a regulator's access only.
    { pattern: String.raw`\b(?:books|records|internal practices)\b[^.;]{0,120}\bavailable to the Secretary\b|\b(?:regulators?|supervisory authorit(?:y|ies))\b[^.;]{0,40}\b(?:may|can|shall be entitled to)\s+(?:audit|inspect|examine)\b`, status: 'weak', reason: 'regulator-only' },
    { pattern: String.raw`\b(?:make|makes|made) available (?:for|to)\b[^.;]{0,40}\b(?:auditing|audits?)\b|\b(?:audit|inspect|test)\w*\b[^.;]{0,20}\bthe security of\b|\b(?:SOC ?[12]|ISO(?:\/IEC)? ?27001|third[- ]party audit) (?:audit )?reports?\b`, status: 'weak', reason: 'limited-audit', unless: String.raw`\bnot (?:be )?available\b` },
  ],
  'assignment': [
    { pattern: String.raw`\b(?:non-?assignable|not (?:be )?assign\w*|may not assign|shall not assign|no assignment)\b`, status: 'weak', reason: 'restricts-customer-only' },
  ],
  'quality-assurance': [
    { pattern: String.raw`\b(?:feedback|satisfaction) surveys?\b|\bsurveys?\b[^.;]{0,30}\bfeedback\b|\bcontinuous(?:ly)? (?:iterat|improv)\w*`, status: 'weak', reason: 'no-quality-method' },
  ],
  'technology-integration': [
    { pattern: String.raw`\bintegrat\w+\b[^.;]{0,80}\b(?:authenticat\w*|systems?|platforms?|sso|single sign-on|login|apis?|oidc|saml)\b`, status: 'weak', reason: 'no-integration-specification' },
  ],
};

/** Words for the reason codes above, in findings ("Weak subcontracting clause: no prior consent"). */
export const VARIANT_REASONS: Readonly<Record<string, string>> = {
  'unilateral-change': 'the supplier may change the terms by itself',
  'no-change-procedure': 'only a general "in writing" amendment clause, no change procedure',
  'no-consent': 'the supplier may use subcontractors or sub-processors without prior consent',
  'right-to-object-only': 'only a right to object to new sub-processors',
  'one-sided': 'only the supplier may terminate or suspend, with no cure period',
  'no-cure-period': 'a termination right with no cure period or insolvency ground',
  'deletion-without-return': 'data is deleted without a prior return in a usable format',
  'export-window-only': 'only a window to export the data yourself',
  'no-deadline-or-certificate': 'a hand-over with no deadline or certificate of deletion',
  'data-handover-only': 'only a hand-over of data, no exit assistance for a period',
  'no-period': 'no period of assistance stated',
  'no-transition-duty': 'only an option to extend the services, no transition duty',
  'effort-only': 'availability is promised with efforts only',
  'no-committed-target': 'no committed availability target',
  'backups-without-objectives': 'backups with no recovery time or point objective',
  'no-recovery-objectives': 'recovery "in a timely manner", no recovery objectives',
  'no-tested-plan': 'resilience measures but no tested continuity plan',
  'no-named-standard': 'no named security standard or controls',
  'covers-data-only': 'covers the data only, with no survival period',
  'defend-and-pay': 'a defence-and-pay clause',
  'customer-indemnifies-only': 'only the customer indemnifies',
  'costs-of-breach-only': 'only the costs of a security breach are borne',
  'forum-only': 'a forum only, with no escalation',
  'supplier-decides': 'the supplier decides disputes',
  'cap-stated': 'a cap is stated',
  'sole-remedy': 'credits are the sole remedy',
  'on-request-only': 'reports on request only',
  'no-regular-reports': 'a status page, no regular reports or reviews',
  'no-staffing-terms': 'no staffing levels, training or key personnel',
  'customer-may-leave': 'the customer may leave at any time',
  'leaving-limited': 'the customer may leave only in a trial, after a minimum term, for a fee or as its remedy for an objection',
  'no-staged-escalation': 'negotiation, then court, with no staged escalation or time limits',
  'unilateral-price': 'prices may change or be added at the supplier\'s rates',
  'price-elsewhere': 'prices are published elsewhere',
  'no-notice-or-mitigation': 'no notice, mitigation or termination right',
  'limited-audit': 'audit limited to what the supplier makes available',
  'regulator-only': 'only a regulator may audit or inspect, not the customer',
  'restricts-customer-only': 'only the customer\'s assignment is restricted',
  'no-quality-method': 'no quality-monitoring method',
  'no-integration-specification': 'no integration or data-exchange specification',
  'no-acceptance-criteria': 'no onboarding plan or acceptance criteria',
  'located-by-heading': 'a section on it, without the terms a reviewer expects',
};
