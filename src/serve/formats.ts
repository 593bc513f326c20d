import { DETECTORS } from '../detect/index.js';
import { withoutSuppressed } from '../lint/suppress.js';
import type { FileReport, RuleMeta } from '../lint/types.js';
import { annotateDocx } from '../report/annotate.js';
import type { ReportMeta } from '../report/common.js';
import { compareReports, formatCompareJson } from '../report/compare.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { RULES } from '../../rules/index.js';
import { VERSION } from '../cli/version.js';

/** The report formats the page downloads, each with its media type and file extension. */
export const FORMATS = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  markdown: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  html: { type: 'text/html; charset=utf-8', ext: 'html' },
  sarif: { type: 'application/sarif+json; charset=utf-8', ext: 'sarif' },
} as const;
export type Format = keyof typeof FORMATS;

function meta(playbook: string, extra: readonly RuleMeta[]): ReportMeta {
  const rules = new Map([...RULES.values()].map((r) => [r.meta.id, r.meta] as const));
  for (const m of extra) if (!rules.has(m.id)) rules.set(m.id, m);
  return {
    version: VERSION,
    rules: [...rules.values()],
    clauseTitles: Object.fromEntries([...DETECTORS.values()].map((d) => [d.id, d.title])),
    playbook: playbook === 'config' ? null : playbook,
    failures: [],
  };
}

/** A report in one of the CLI's formats (JSON byte-identical to `--format json` for the file). */
export function render(report: FileReport, format: Format, playbook: string, extra: readonly RuleMeta[] = []): string {
  switch (format) {
    case 'json':
      return formatJson([report]);
    case 'sarif':
      return formatSarif([report], meta(playbook, extra));
    case 'markdown':
      return formatMarkdown(withoutSuppressed([report]), meta(playbook, extra));
    case 'html':
      return formatHtml(withoutSuppressed([report]), meta(playbook, extra));
  }
}

/** The DOCX with the report's findings (suppressed ones left out) as Word comments. */
export function annotate(bytes: Uint8Array, report: FileReport): Uint8Array {
  return annotateDocx(bytes, withoutSuppressed([report])[0]!.findings, { date: new Date() }).bytes;
}

/** What a new draft resolved, introduced and kept, as `compare -f json` prints it. */
export function compare(oldReport: FileReport, newReport: FileReport): string {
  const [o, n] = withoutSuppressed([oldReport, newReport]) as [FileReport, FileReport];
  return formatCompareJson(compareReports(o, n));
}
