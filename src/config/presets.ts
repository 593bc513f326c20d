/**
 * The catalogue's playbooks. Each preset names catalogue clause ids; a preset
 * enables the ones clauselint has a rule for (see `clauselint rules`).
 */
const REGULATORY = ['gdpr-reference', 'gdpr-processor-terms', 'international-transfers', 'hipaa-baa', 'pci-dss', 'breach-notification'];
const OPERATIONAL = [
  'service-levels', 'service-credits', 'performance-reporting', 'business-continuity', 'rto-rpo', 'audit-rights',
  'security-standards', 'exit-assistance', 'data-return-deletion', 'termination-for-cause', 'termination-for-convenience',
  'liability-cap', 'indemnification', 'insurance', 'confidentiality', 'ip-ownership', 'subcontracting', 'staffing-training',
  'change-control', 'pricing-payment', 'dispute-resolution', 'governing-law', 'assignment', 'force-majeure', 'brand-conduct',
  'transition-in', 'technology-integration', 'quality-assurance', 'performance-incentives', 'telemarketing-compliance',
  'ai-automation',
];
const LANGUAGE = ['weak-obligation', 'vague-deadline', 'supplier-discretion'];
const HYGIENE = [
  'placeholder', 'broken-cross-reference', 'undefined-term', 'unused-definition', 'duplicate-definition', 'numbering-gap',
  'duplicate-heading', 'number-consistency', 'party-name-consistency', 'date-sanity', 'unresolved-revisions', 'open-comments',
];

export const PRESETS: Readonly<Record<string, readonly string[]>> = {
  recommended: [...HYGIENE, 'governing-law', 'liability-cap', 'confidentiality', 'termination-for-cause', 'dispute-resolution', ...REGULATORY],
  outsourcing: [...REGULATORY, ...OPERATIONAL, ...LANGUAGE, ...HYGIENE],
  'gdpr-dpa': ['gdpr-reference', 'gdpr-processor-terms', 'international-transfers', 'breach-notification', 'audit-rights', 'data-return-deletion', 'subcontracting', 'security-standards'],
  'hipaa-baa': ['hipaa-baa', 'breach-notification', 'audit-rights', 'data-return-deletion', 'security-standards'],
  'pci-dss': ['pci-dss', 'breach-notification', 'audit-rights', 'data-return-deletion', 'security-standards'],
};

export const DEFAULT_PRESET = 'recommended';

