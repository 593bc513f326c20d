import type { ChalkInstance } from 'chalk';
import type { PackReport } from '../lint/pack.js';
import type { FileReport, Finding } from '../lint/types.js';

/** Minimal colour interface so the formatter stays pure (a chalk instance, or plain text). */
export type Colours = Pick<ChalkInstance, 'red' | 'yellow' | 'blue' | 'dim' | 'bold' | 'underline' | 'green'>;

const identity = (s: string): string => s;
export const NO_COLOUR: Colours = {
  red: identity, yellow: identity, blue: identity, dim: identity, bold: identity, underline: identity, green: identity,
} as unknown as Colours;

/** `178:1`; `¶91` for a DOCX paragraph; `p.3:12` for page 3, line 12 of a PDF. */
function where(f: Finding, format: FileReport['format']): string {
  if (format === 'pdf' && f.page !== undefined) return `p.${f.page}:${f.pageLine ?? 1}`;
  return format === 'docx' ? `¶${f.line}` : `${f.line}:${f.column}`;
}

function sectionLabel(f: Finding): string {
  if (!f.section) return '(whole document)';
  return [f.section.number ? `§ ${f.section.number}` : null, f.section.heading].filter(Boolean).join(' ') || '(unnumbered)';
}

/** A pack's heading: its name, files and main document, and its clause coverage in counts. */
function packHeading(p: PackReport, c: Colours): string[] {
  const counts = (['present', 'weak', 'referenced', 'missing', 'not-applicable'] as const)
    .map((s) => [s, p.clauses.filter((x) => x.status === s).length] as const).filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'not-applicable' ? 'not applicable' : s}`);
  return [c.bold(`pack ${p.name}: ${p.files.length} file${p.files.length === 1 ? '' : 's'}, main ${p.main}`), `  clauses: ${counts.join(', ') || 'none in the playbook'}`, ''];
}

/**
 * ESLint's stylish layout, with the clause and the deciding words under each finding; suppressed findings are only
 * counted. The files of a pack come together under the pack's heading.
 */
export function formatStylish(files: readonly FileReport[], c: Colours = NO_COLOUR, packs: readonly PackReport[] = []): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  const packOf = new Map(packs.flatMap((p) => p.files.map((f) => [f, p] as const)));
  const ordered = [...packs.flatMap((p) => files.filter((f) => packOf.get(f.path) === p)), ...files.filter((f) => !packOf.has(f.path))];
  let heading: PackReport | undefined;
  for (const file of ordered) {
    const pack = packOf.get(file.path);
    if (pack && pack !== heading) {
      heading = pack;
      lines.push(...packHeading(pack, c));
    }
    const shown = file.findings.filter((f) => !f.suppressed);
    suppressed += file.findings.length - shown.length;
    if (shown.length === 0) continue;
    lines.push(c.underline(file.path));
    const width = Math.max(...shown.map((f) => where(f, file.format).length));
    for (const f of shown) {
      const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warn' ? c.yellow('warning') : c.blue('info');
      const pad = ' '.repeat(9 - (f.severity === 'error' ? 5 : f.severity === 'warn' ? 7 : 4));
      lines.push(`  ${c.dim(where(f, file.format).padStart(width))}  ${sev}${pad}${c.bold(sectionLabel(f))}  ${f.message}  ${c.dim(f.ruleId)}`);
      const indent = ' '.repeat(width + 4);
      if (f.excerpt) lines.push(`${indent}${c.dim(`“${f.excerpt}”`)}`);
      if (f.ask) lines.push(`${indent}${c.green('→')} ${f.ask}`);
    }
    lines.push('');
    errors += file.errorCount;
    warnings += file.warningCount;
    infos += file.infoCount;
  }
  const total = errors + warnings;
  if (total === 0 && infos === 0) return packs.length > 0 ? `${lines.join('\n')}\n` : '';
  const summary = `${total === 0 ? '✔' : '✖'} ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''}${suppressed ? `, ${suppressed} suppressed` : ''})`;
  lines.push(errors > 0 ? c.red(c.bold(summary)) : warnings > 0 ? c.yellow(c.bold(summary)) : summary);
  return `${lines.join('\n')}\n`;
}
