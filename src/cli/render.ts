import type { FileReport } from '../lint/types.js';
import type { ReportMeta } from '../report/common.js';
import type { InputFailure } from '../report/json.js';
import type { CliIo } from './io.js';
import type { LintFormat, Values } from './main.js';
import { VERSION } from './version.js';

export type RuleSource = Pick<import('./lint-run.js').LintRun, 'rules' | 'clauseTitles'> & Partial<Pick<import('./lint-run.js').LintRun, 'packs'>>;

export async function colours(values: Values, io: CliIo): Promise<import('../report/stylish.js').Colours> {
  const { NO_COLOUR } = await import('../report/stylish.js');
  const useColour = values['no-color'] ? false : values.color ? true : io.isTTY && values['output-file'] === undefined;
  if (!useColour) return NO_COLOUR;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** What the report formatters know besides the findings: the rules, clause titles, version, playbook, failures. */
export async function reportMeta(values: Values, failures: ReportMeta['failures'] = [], run?: RuleSource): Promise<ReportMeta> {
  const [{ RULES }, { DETECTORS }] = await Promise.all([import('../../rules/index.js'), import('../detect/index.js')]);
  const rules = new Map([...RULES.values()].map((r) => [r.meta.id, r.meta] as const));
  for (const m of run?.rules ?? []) if (!rules.has(m.id)) rules.set(m.id, m);
  return {
    version: VERSION,
    rules: [...rules.values()],
    clauseTitles: { ...Object.fromEntries([...DETECTORS.values()].map((d) => [d.id, d.title])), ...run?.clauseTitles },
    playbook: values.preset ?? null,
    failures,
    ...(run?.packs && run.packs.length > 0 ? { packs: run.packs } : {}),
  };
}

/** JSON and SARIF list suppressed findings as such; the other formats show only what needs attention. */
export async function renderLint(format: LintFormat, reports: FileReport[], failures: InputFailure[], values: Values, io: CliIo, run?: RuleSource): Promise<string> {
  const { withoutSuppressed } = await import('../lint/suppress.js');
  switch (format) {
    case 'json': {
      const { formatJson } = await import('../report/json.js');
      return formatJson(reports, failures, run?.packs ?? []);
    }
    case 'sarif': {
      const { formatSarif } = await import('../report/sarif.js');
      return formatSarif(reports, await reportMeta(values, failures, run));
    }
    case 'markdown': {
      const { formatMarkdown } = await import('../report/markdown.js');
      return formatMarkdown(withoutSuppressed(reports), await reportMeta(values, failures, run));
    }
    case 'html': {
      const { formatHtml } = await import('../report/html.js');
      return formatHtml(withoutSuppressed(reports), await reportMeta(values, failures, run));
    }
    case 'stylish': {
      const { formatStylish } = await import('../report/stylish.js');
      return formatStylish(reports, await colours(values, io), run?.packs ?? []);
    }
  }
}

