import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { FileReport, Finding, Severity } from '../lint/types.js';
import { type ReportMeta, type RuleInfo, sectionLabel } from './common.js';

/** The schema GitHub code scanning documents for uploads. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warn: 'warning', info: 'note' };

const MIME: Readonly<Record<FileReport['format'], string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  text: 'text/plain',
  pdf: 'application/pdf',
};

/**
 * A report path as a SARIF artifact URI: relative paths (to the working
 * directory, as the CLI prints them) stay relative, with `/` separators and
 * each segment percent-encoded; absolute paths become `file://` URIs.
 */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg))).join('/');
}

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const ask = rule.ask ? `Ask for: ${rule.ask.replace(/^Ask for /, '')}` : null;
  const text = [rule.description, ask, `Documentation: ${rule.url} in the clauselint package.`].filter(Boolean).join('\n\n');
  const markdown = [rule.description, ask && `**${ask.replace(/^Ask for: /, 'Ask for:** ')}`, `Documentation: \`${rule.url}\` in the clauselint package.`]
    .filter(Boolean).join('\n\n');
  return {
    id: rule.id,
    name: rule.id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: rule.description },
    fullDescription: { text: ask ? `${rule.description} ${ask}` : rule.description },
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['contract', rule.category], category: rule.category },
  };
}

/** The clause a finding concerns, for matching across runs: its number, else its heading, else the document. */
function clauseKey(f: Finding): string {
  return f.section?.number ?? f.section?.heading ?? '(document)';
}

function messageText(f: Finding, format: FileReport['format']): string {
  const place = sectionLabel(f.section);
  return format === 'docx' ? `${f.message} — ${place}, paragraph ${f.line}` : `${f.message} — ${place}`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule of the playbook in
 * `tool.driver.rules`, one result per finding with a region (for DOCX the
 * paragraph index as `startLine`, the clause number and heading in the
 * message). `partialFingerprints` follow the rule and the clause, not the line,
 * so an alert survives edits elsewhere in the contract.
 */
export function formatSarif(files: readonly FileReport[], meta: ReportMeta): string {
  const rules = [...meta.rules];
  const used = new Set(files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  // A finding from a rule the caller did not describe still gets a descriptor.
  for (const id of [...used].sort()) {
    if (!rules.some((r) => r.id === id)) {
      rules.push({ id, description: id, defaultSeverity: 'warn', category: 'hygiene', url: `rules/${id}.md` });
    }
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const artifacts: Sarif.Artifact[] = files.map((f) => ({
    location: { uri: artifactUri(f.path), ...(isAbsolute(f.path) ? {} : { uriBaseId: SRCROOT }) },
    mimeType: MIME[f.format],
  }));

  const results: Sarif.Result[] = [];
  files.forEach((file, fileIndex) => {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const key = `${f.ruleId}\u0000${clauseKey(f)}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      // A PDF's region is the line on its page, the page in the region's properties.
      const region: Sarif.Region = file.format === 'docx'
        ? { startLine: f.line }
        : f.page !== undefined
          ? { startLine: f.pageLine ?? 1, startColumn: f.column, properties: { page: f.page } }
          : { startLine: f.line, startColumn: f.column };
      if (f.excerpt) region.snippet = { text: f.excerpt };
      const location: Sarif.Location = {
        physicalLocation: {
          artifactLocation: { uri: artifacts[fileIndex]!.location!.uri!, ...(isAbsolute(file.path) ? {} : { uriBaseId: SRCROOT }), index: fileIndex },
          region,
        },
      };
      if (f.section) {
        location.logicalLocations = [{
          name: f.section.number ?? f.section.heading ?? undefined,
          fullyQualifiedName: sectionLabel(f.section),
          kind: 'section',
        }];
      }
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId)!,
        level: LEVEL[f.severity],
        message: { text: messageText(f, file.format) },
        locations: [location],
        partialFingerprints: {
          'clauselintClause/v1': createHash('sha256').update(`${file.path}\u0000${key}\u0000${nth}`).digest('hex').slice(0, 32),
        },
        properties: {
          messageId: f.messageId,
          section: f.section && { number: f.section.number, heading: f.section.heading },
          excerpt: f.excerpt,
          ask: f.ask,
        },
      };
      if (f.suppressed) {
        // Suppressed findings stay visible; code scanning shows them as dismissed.
        result.suppressions = [{
          kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
          status: 'accepted',
          justification: f.suppressed.reason,
          properties: {
            clauselintKind: f.suppressed.kind,
            ...(f.suppressed.approver !== undefined ? { approver: f.suppressed.approver } : {}),
            ...(f.suppressed.expires !== undefined ? { expires: f.suppressed.expires } : {}),
          },
        }];
      }
      results.push(result);
    }
  });

  const failures = meta.failures ?? [];
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'clauselint',
          version: meta.version,
          semanticVersion: meta.version,
          rules: rules.map(ruleDescriptor),
        },
      },
      invocations: [{
        executionSuccessful: failures.length === 0,
        toolExecutionNotifications: failures.map((x) => ({
          level: 'error',
          message: { text: `${x.path}: ${x.error}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(x.path), ...(isAbsolute(x.path) ? {} : { uriBaseId: SRCROOT }) } } }],
        })),
      }],
      artifacts,
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
