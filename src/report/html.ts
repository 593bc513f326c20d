import { createHash } from 'node:crypto';
import type { ClauseReport, FileReport, Finding, Severity } from '../lint/types.js';
import {
  type ReportMeta, SEVERITY_LABEL, SEVERITY_ORDER, SEVERITY_PLURAL, STATUS_ORDER, clauseIds, clauseTitle, isDocumentLevel, plural, sectionLabel, totals, whereWords,
} from './common.js';

/** Text and attribute values: every character that could open markup or end a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = escapeHtml;

const STATUS_TEXT: Readonly<Record<ClauseReport['status'], string>> = {
  present: 'present', weak: 'weak', missing: 'missing', referenced: 'referenced', 'not-applicable': 'n/a',
};

const CSS = `
:root { --error: #c62828; --warn: #b26a00; --info: #1565c0; --present: #2e7d32; --weak: #ef6c00; --missing: #c62828;
  --referenced: #1565c0; --na: #757575; --line: #d7dbe0; --muted: #5f6b7a; --bg: #f6f7f9; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: #1d2733; background: var(--bg); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 12px; }
h3 { font-size: 16px; margin: 20px 0 8px; word-break: break-all; }
.meta, footer { color: var(--muted); font-size: 13px; }
footer { padding: 24px 20px 40px; }
code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #eef0f3; padding: 1px 4px; border-radius: 3px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; }
.chart { display: block; max-width: 560px; }
.chart text { font: 13px system-ui, sans-serif; fill: #1d2733; }
.bar-error { fill: var(--error); } .bar-warn { fill: var(--warn); } .bar-info { fill: var(--info); } .bar-track { fill: #eceff3; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; font-size: 14px; }
thead th { background: #eef0f3; }
.matrix th.file { max-width: 220px; word-break: break-all; font-weight: 600; }
.matrix td.st { min-width: 120px; }
.matrix td.st span { font-weight: 600; }
.matrix td.st small { display: block; color: #1d2733; opacity: .8; }
.st-present { background: #e3f3e4; } .st-present span { color: var(--present); }
.st-weak { background: #fff0de; } .st-weak span { color: var(--weak); }
.st-missing { background: #fde4e4; } .st-missing span { color: var(--missing); }
.st-referenced { background: #e3eefb; } .st-referenced span { color: var(--referenced); }
.st-not-applicable { background: #f0f0f0; } .st-not-applicable span { color: var(--na); }
.st-none { background: #fafafa; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 0; padding: 0; list-style: none; font-size: 13px; }
.legend li { padding: 2px 8px; border-radius: 4px; border: 1px solid var(--line); }
.filters { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; position: sticky; top: 0; z-index: 1; background: var(--bg); padding: 10px 0; border-bottom: 1px solid var(--line); }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 12px; align-items: center; }
.filters legend { float: left; margin-right: 6px; font-weight: 600; }
.filters label { font-size: 14px; }
.filters select { font: inherit; font-size: 14px; max-width: 280px; }
#filter-count { margin: 0; color: var(--muted); font-size: 13px; }
ol.findings { list-style: none; margin: 0; padding: 0; }
.finding { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 0 0 10px; }
.finding.sev-error { border-left-color: var(--error); } .finding.sev-warn { border-left-color: var(--warn); } .finding.sev-info { border-left-color: var(--info); }
.finding .head { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; }
.badge { font-size: 12px; font-weight: 700; text-transform: uppercase; color: #fff; padding: 1px 6px; border-radius: 3px; }
.badge.sev-error { background: var(--error); } .badge.sev-warn { background: var(--warn); } .badge.sev-info { background: var(--info); }
.finding .clause { font-weight: 600; }
.finding .where { color: var(--muted); font-size: 13px; }
.finding .message { margin: 6px 0; }
.finding blockquote { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--line); background: #fafbfc; color: #33404f; white-space: pre-wrap; overflow-wrap: anywhere; }
.finding .ask { margin: 6px 0 0; }
.none { color: var(--muted); font-style: italic; }
@media print { .filters { display: none; } .finding, tr { break-inside: avoid; } body { background: #fff; } }
`;

// The filters read everything from data attributes: no report data is ever
// placed inside the script, so contract text cannot reach JavaScript source.
const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var clause = document.getElementById('filter-clause');
  var file = document.getElementById('filter-file');
  var count = document.getElementById('filter-count');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function apply() {
    var severities = {};
    each('#filters input[name="severity"]:checked', function (input) { severities[input.value] = true; });
    var shown = 0;
    findings.forEach(function (el) {
      var ok = severities[el.getAttribute('data-severity')] === true &&
        (clause.value === '' || el.getAttribute('data-clause') === clause.value) &&
        (file.value === '' || el.getAttribute('data-file') === file.value);
      el.hidden = !ok;
      if (ok) shown += 1;
    });
    each('section.file', function (section) {
      section.hidden = file.value !== '' && section.getAttribute('data-file') !== file.value;
      var none = section.querySelector('.none');
      if (none) none.hidden = section.querySelector('.finding:not([hidden])') !== null;
    });
    each('#coverage [data-file]', function (cell) { cell.hidden = file.value !== '' && cell.getAttribute('data-file') !== file.value; });
    each('#coverage tr[data-clause]', function (row) { row.hidden = clause.value !== '' && row.getAttribute('data-clause') !== clause.value; });
    count.textContent = 'Showing ' + shown + ' of ' + findings.length + (findings.length === 1 ? ' finding' : ' findings');
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

/** No network, no plug-ins, no inline code but our own style and script (by hash). */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${sha256(CSS)}'`,
  `script-src 'sha256-${sha256(SCRIPT)}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function chart(counts: Readonly<Record<Severity, number>>): string {
  const max = Math.max(1, ...SEVERITY_ORDER.map((s) => counts[s]));
  const rowH = 30;
  const labelW = 90;
  const barW = 380;
  const rows = SEVERITY_ORDER.map((s, i) => {
    const y = 10 + i * rowH;
    const w = Math.round((counts[s] / max) * barW);
    return `<text x="0" y="${y + 15}">${SEVERITY_PLURAL[s]}</text>` +
      `<rect class="bar-track" x="${labelW}" y="${y}" width="${barW}" height="20" rx="3"></rect>` +
      `<rect class="bar-${s}" x="${labelW}" y="${y}" width="${w}" height="20" rx="3"></rect>` +
      `<text x="${labelW + barW + 10}" y="${y + 15}">${counts[s]}</text>`;
  }).join('');
  const summary = SEVERITY_ORDER.map((s) => `${counts[s]} ${SEVERITY_PLURAL[s].toLowerCase()}`).join(', ');
  return `<svg class="chart" role="img" aria-label="Findings by severity: ${e(summary)}" viewBox="0 0 ${labelW + barW + 50} ${20 + SEVERITY_ORDER.length * rowH}" width="${labelW + barW + 50}" height="${20 + SEVERITY_ORDER.length * rowH}">${rows}</svg>`;
}

/** A coverage column: a file, or a pack read as one contract (its clauses with the document each comes from). */
interface Column { key: string; label: string; clauses: ReadonlyArray<ClauseReport & { file?: string | null }> }

function columns(files: readonly FileReport[], meta: ReportMeta): Column[] {
  const packs = meta.packs ?? [];
  const inPack = new Set(packs.flatMap((p) => p.files));
  return [
    ...packs.map((p) => ({ key: p.name, label: `pack ${p.name} (${p.files.length} files)`, clauses: p.clauses })),
    ...files.filter((f) => !inPack.has(f.path)).map((f) => ({ key: f.path, label: f.path, clauses: f.clauses })),
  ];
}

function matrix(files: readonly FileReport[], meta: ReportMeta): string {
  const ids = clauseIds(files);
  if (ids.length === 0) return '<p class="none">The playbook has no clause rules.</p>';
  const cols = columns(files, meta);
  const head = `<tr><th scope="col">Clause</th>${cols.map((f) => `<th scope="col" class="file" data-file="${e(f.key)}">${e(f.label)}</th>`).join('')}</tr>`;
  const body = ids.map((id) => {
    const cells = cols.map((f) => {
      const c = f.clauses.find((x) => x.id === id);
      if (!c) return `<td class="st st-none" data-file="${e(f.key)}">not in playbook</td>`;
      const title = c.evidence ? ` title="${e(c.evidence)}"` : '';
      const where = [c.file ? `<small>${e(c.file)}</small>` : '', c.section ? `<small>${e(sectionLabel(c.section))}</small>` : ''].join('');
      return `<td class="st st-${c.status}" data-file="${e(f.key)}" data-status="${c.status}"${title}><span>${STATUS_TEXT[c.status]}</span>${where}</td>`;
    }).join('');
    return `<tr data-clause="${e(id)}"><th scope="row">${e(clauseTitle(meta, id))} <code>${e(id)}</code></th>${cells}</tr>`;
  }).join('\n');
  const legend = STATUS_ORDER.map((s) => `<li class="st-${s}"><span>${STATUS_TEXT[s]}</span></li>`).join('');
  return `<table class="matrix"><thead>${head}</thead><tbody>\n${body}\n</tbody></table><ul class="legend" aria-label="Legend">${legend}</ul>`;
}

function finding(f: Finding, file: FileReport): string {
  const parts = [
    `<li class="finding sev-${f.severity}" data-severity="${f.severity}" data-clause="${e(f.ruleId)}" data-file="${e(file.path)}">`,
    `<div class="head"><span class="badge sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span>`,
    `<span class="clause">${e(sectionLabel(f.section))}</span>`,
    isDocumentLevel(f) ? '' : `<span class="where">${e(whereWords(f, file.format))}</span>`,
    `<code class="rule">${e(f.ruleId)}</code></div>`,
    `<p class="message">${e(f.message)}</p>`,
  ];
  if (f.excerpt) parts.push(`<blockquote class="excerpt">“${e(f.excerpt)}”</blockquote>`);
  if (f.ask) parts.push(`<p class="ask"><strong>Ask for:</strong> ${e(f.ask.replace(/^Ask for /, ''))}</p>`);
  parts.push('</li>');
  return parts.join('');
}

/**
 * One self-contained HTML page: a coverage matrix (clauses × files, coloured by
 * status), a severity chart, every finding with its clause, quoted words and
 * what to ask for, and filters by severity, clause and file. All contract text
 * is escaped, and a Content-Security-Policy allows only the page's own style
 * and script (by hash) and no network at all.
 */
export function formatHtml(files: readonly FileReport[], meta: ReportMeta): string {
  const counts = totals(files);
  const all = files.flatMap((f) => f.findings);
  const ruleIds = [...new Set([...all.map((f) => f.ruleId), ...clauseIds(files)])].sort();
  const failures = meta.failures ?? [];
  const subtitle = [
    meta.playbook ? `Playbook <code>${e(meta.playbook)}</code>` : null,
    e(plural(files.length, 'file')),
    e(plural(all.length, 'finding')),
    `clauselint ${e(meta.version)}`,
  ].filter(Boolean).join(' · ');

  const perFile = files.length > 1
    ? `<table class="per-file"><thead><tr><th>File</th><th>Errors</th><th>Warnings</th><th>Info</th></tr></thead><tbody>${files.map((f) => `<tr data-file="${e(f.path)}"><td>${e(f.path)}</td><td>${f.errorCount}</td><td>${f.warningCount}</td><td>${f.infoCount}</td></tr>`).join('')}</tbody></table>`
    : '';

  const filters = [
    '<form id="filters" class="filters" aria-label="Filter findings">',
    '<fieldset><legend>Severity</legend>',
    ...SEVERITY_ORDER.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${SEVERITY_PLURAL[s]} (${all.filter((f) => f.severity === s).length})</label>`),
    '</fieldset>',
    `<label>Clause <select id="filter-clause" name="clause"><option value="">All clauses</option>${ruleIds.map((id) => `<option value="${e(id)}">${e(clauseTitle(meta, id))} (${e(id)})</option>`).join('')}</select></label>`,
    `<label>File <select id="filter-file" name="file"><option value="">All files</option>${files.map((f) => `<option value="${e(f.path)}">${e(f.path)}</option>`).join('')}</select></label>`,
    `<p id="filter-count" aria-live="polite">Showing ${all.length} of ${all.length} ${all.length === 1 ? 'finding' : 'findings'}</p>`,
    '</form>',
  ].join('\n');

  const sections = files.map((f) => [
    `<section class="file" data-file="${e(f.path)}">`,
    `<h3>${e(f.path)} <span class="meta">${e(`${plural(f.errorCount, 'error')}, ${plural(f.warningCount, 'warning')}, ${f.infoCount} info`)}</span></h3>`,
    `<ol class="findings">${f.findings.map((x) => finding(x, f)).join('\n')}</ol>`,
    `<p class="none"${f.findings.length === 0 ? '' : ' hidden'}>${f.findings.length === 0 ? 'No findings.' : 'No findings match the filters.'}</p>`,
    '</section>',
  ].join('\n')).join('\n');

  const failed = failures.length
    ? `<section id="failures"><h2>Not read</h2><ul>${failures.map((x) => `<li><code>${e(x.path)}</code>: ${e(x.error)}</li>`).join('')}</ul></section>`
    : '';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="clauselint ${e(meta.version)}">
<link rel="icon" href="data:,">
<title>clauselint report — ${e(files.length === 1 ? files[0]!.path : plural(files.length, 'file'))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Clause compliance report</h1>
<p class="meta">${subtitle}</p>
</header>
<main>
<section id="summary"><h2>Severity summary</h2><div class="card">${chart(counts)}${perFile}</div></section>
<section id="coverage"><h2>Coverage</h2>${matrix(files, meta)}</section>
<section id="findings"><h2>Findings</h2>
${filters}
${sections}
</section>
${failed}
</main>
<footer>Generated by clauselint ${e(meta.version)}. This page is self-contained: it loads nothing from the network.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
