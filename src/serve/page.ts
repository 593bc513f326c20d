/**
 * The page `clauselint serve` shows: plain HTML, one stylesheet and one script, all served by the server itself
 * (no CDN, no outside fonts; the Content-Security-Policy allows nothing else). Contract text only ever reaches
 * the page through textContent, so a contract carrying <script> shows those words and runs nothing.
 */

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>clauselint — the reviewer's desk</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1>clauselint</h1>
  <p>Check a vendor's draft against your playbook. The files stay on this computer: this page talks only to the clauselint running here.</p>
</header>
<main>
  <section id="choose" aria-labelledby="choose-title">
    <h2 id="choose-title">Review drafts</h2>
    <label>Playbook <select id="playbook"></select></label>
    <div id="drop" tabindex="0">
      <p>Drop DOCX, PDF, Markdown or text files here, or</p>
      <label class="button">Choose files <input id="files" type="file" multiple accept=".docx,.pdf,.md,.markdown,.txt"></label>
    </div>
    <label><input id="as-pack" type="checkbox"> The files are one contract (core terms and their schedules)</label>
    <p id="status" role="status"></p>
  </section>
  <section id="results" aria-label="Results"></section>
  <section id="compare" aria-labelledby="compare-title">
    <h2 id="compare-title">Compare two drafts</h2>
    <label>Old draft <input id="old" type="file" accept=".docx,.pdf,.md,.markdown,.txt"></label>
    <label>New draft <input id="new" type="file" accept=".docx,.pdf,.md,.markdown,.txt"></label>
    <button id="run-compare" type="button">Compare</button>
    <div id="comparison"></div>
  </section>
</main>
<footer><p>clauselint runs locally; nothing is uploaded anywhere else.</p></footer>
</body>
</html>
`;

export const PAGE_CSS = `:root { color-scheme: light; --ink: #1d232a; --muted: #5b6570; --line: #d6dbe0; --bg: #f6f7f9; --present: #1f7a3d; --weak: #9a5b00; --missing: #b3261e; --referenced: #2b59c3; --na: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem; }
header h1 { margin: 1.2rem 0 0.2rem; font-size: 1.6rem; }
header p, footer p { color: var(--muted); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin: 1rem 0; }
#results:empty { display: none; }
#drop { border: 2px dashed var(--line); border-radius: 8px; padding: 1.2rem; text-align: center; margin: 0.8rem 0; }
#drop.over { border-color: var(--referenced); background: #eef3fd; }
.button, button { display: inline-block; padding: 0.35rem 0.8rem; border: 1px solid var(--ink); border-radius: 6px; background: #fff; cursor: pointer; font: inherit; }
.button input { display: none; }
select { font: inherit; padding: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 0.35rem 0.4rem; }
th { font-size: 0.85rem; color: var(--muted); }
.status { font-weight: 600; white-space: nowrap; }
.status-present { color: var(--present); } .status-weak { color: var(--weak); } .status-missing { color: var(--missing); }
.status-referenced { color: var(--referenced); } .status-not-applicable { color: var(--na); }
.quote { font-style: italic; color: #333; }
.ask, .why { color: var(--muted); font-size: 0.9rem; }
.doc h3 { margin: 0.2rem 0; }
.counts { color: var(--muted); }
.downloads a { margin-right: 0.8rem; }
.filters label { margin-right: 0.8rem; }
.finding { border-left: 4px solid var(--line); padding: 0.3rem 0.6rem; margin: 0.4rem 0; }
.finding.error { border-color: var(--missing); } .finding.warn { border-color: var(--weak); } .finding.info { border-color: var(--referenced); }
.error-line { color: var(--missing); }
`;

export const PAGE_JS = String.raw`'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var STATUS_WORDS = { present: 'present', weak: 'weak', missing: 'missing', referenced: 'referenced', 'not-applicable': 'not applicable' };

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  function playbook() { return $('playbook').value; }

  function post(path, params, body) {
    var q = new URLSearchParams(params).toString();
    return fetch(path + '?' + q, { method: 'POST', body: body, headers: { 'content-type': 'application/octet-stream' } }).then(function (r) {
      if (r.ok) return r;
      return r.json().then(function (j) { throw new Error(j.error || ('HTTP ' + r.status)); }, function () { throw new Error('HTTP ' + r.status); });
    });
  }

  function download(blob, name) {
    var a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function downloadLink(label, onClick) {
    var a = el('a', { href: '#', text: label });
    a.addEventListener('click', function (ev) { ev.preventDefault(); onClick(); });
    return a;
  }

  function sectionName(s) { return s ? [s.number, s.heading].filter(Boolean).join(' ') : '—'; }

  function clauseTable(file, titles) {
    var order = { missing: 0, weak: 1, referenced: 2, present: 3, 'not-applicable': 4 };
    var clauses = file.clauses.slice().sort(function (a, b) { return (order[a.status] - order[b.status]) || 0; });
    var rows = clauses.map(function (c) {
      var f = file.findings.find(function (x) { return x.ruleId === c.id && !x.suppressed; });
      var why = f && c.status === 'weak' && f.message.indexOf(': ') > 0 ? f.message.slice(f.message.indexOf(': ') + 2) : '';
      return el('tr', { 'data-clause': c.id }, [
        el('td', { text: (titles[c.id] || c.id) }),
        el('td', {}, [el('div', { className: 'status status-' + c.status, text: STATUS_WORDS[c.status] || c.status }), why ? el('div', { className: 'why', text: why }) : null]),
        el('td', { text: sectionName(c.section) }),
        el('td', {}, [c.evidence ? el('span', { className: 'quote', text: '“' + c.evidence + '”' }) : null]),
        el('td', { className: 'ask', text: f && f.ask && (c.status === 'missing' || c.status === 'weak') ? f.ask : '' }),
      ]);
    });
    return el('table', { className: 'clauses' }, [
      el('thead', {}, [el('tr', {}, ['Clause', 'Status', 'Section', 'Deciding words', 'What to ask for'].map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows),
    ]);
  }

  function findingList(file) {
    var list = el('div', { className: 'findings' });
    var severities = ['error', 'warn', 'info'];
    var shown = { error: true, warn: true, info: false };
    var filters = el('p', { className: 'filters' }, severities.map(function (s) {
      var box = el('input', { type: 'checkbox', 'data-severity': s });
      box.checked = shown[s];
      box.addEventListener('change', function () { shown[s] = box.checked; draw(); });
      return el('label', {}, [box, document.createTextNode(' ' + s + ' (' + file.findings.filter(function (f) { return f.severity === s && !f.suppressed; }).length + ')')]);
    }));
    function draw() {
      list.textContent = '';
      file.findings.filter(function (f) { return !f.suppressed && shown[f.severity]; }).forEach(function (f) {
        list.appendChild(el('div', { className: 'finding ' + f.severity }, [
          el('div', { text: f.severity + ' · ' + sectionName(f.section) + ' · ' + f.ruleId }),
          el('div', { text: f.message }),
          f.excerpt ? el('div', { className: 'quote', text: '“' + f.excerpt + '”' }) : null,
          f.ask ? el('div', { className: 'ask', text: '→ ' + f.ask }) : null,
        ]));
      });
    }
    draw();
    return el('div', {}, [el('h4', { text: 'Findings' }), filters, list]);
  }

  function showReport(fileObj, json, titles) {
    var file = json.files[0];
    var name = fileObj.name;
    var links = el('p', { className: 'downloads' }, [
      downloadLink('JSON', function () { download(new Blob([JSON.stringify(json, null, 2) + '\n'], { type: 'application/json' }), name + '.clauselint.json'); }),
      downloadLink('Markdown gap report', function () { fetchFormat(fileObj, 'markdown', 'md'); }),
      downloadLink('HTML report', function () { fetchFormat(fileObj, 'html', 'html'); }),
      file.format === 'docx' ? downloadLink('DOCX with comments', function () { annotated(fileObj); }) : null,
    ]);
    var box = el('article', { className: 'doc', 'data-file': name }, [
      el('h3', { text: name }),
      el('p', { className: 'counts', text: file.errorCount + ' errors, ' + file.warningCount + ' warnings' }),
      links,
      clauseTable(file, titles),
      findingList(file),
    ]);
    $('results').appendChild(box);
  }

  function packTable(pack, files, titles) {
    var order = { missing: 0, weak: 1, referenced: 2, present: 3, 'not-applicable': 4 };
    var rows = pack.clauses.slice().sort(function (a, b) { return order[a.status] - order[b.status]; }).map(function (c) {
      var f = null;
      files.forEach(function (file) { f = f || file.findings.find(function (x) { return x.ruleId === c.id && !x.suppressed; }); });
      return el('tr', { 'data-clause': c.id }, [
        el('td', { text: titles[c.id] || c.id }),
        el('td', {}, [el('div', { className: 'status status-' + c.status, text: STATUS_WORDS[c.status] || c.status })]),
        el('td', { className: 'document', text: c.file || '—' }),
        el('td', { text: sectionName(c.section) }),
        el('td', {}, [c.evidence ? el('span', { className: 'quote', text: '“' + c.evidence + '”' }) : null]),
        el('td', { className: 'ask', text: f && f.ask && (c.status === 'missing' || c.status === 'weak') ? f.ask : '' }),
      ]);
    });
    return el('table', { className: 'clauses' }, [
      el('thead', {}, [el('tr', {}, ['Clause', 'Status', 'Document', 'Section', 'Deciding words', 'What to ask for'].map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows),
    ]);
  }

  function lintPack(list) {
    $('results').textContent = '';
    $('status').textContent = 'Reviewing ' + list.length + ' files as one contract…';
    return Promise.all(list.map(function (f) { return readBase64(f).then(function (data) { return { filename: f.name, data: data }; }); }))
      .then(function (files) { return post('/api/pack', { preset: playbook() }, JSON.stringify({ files: files })); })
      .then(function (r) { return r.json(); })
      .then(function (json) {
        var pack = json.packs && json.packs[0];
        var box = el('article', { className: 'doc pack', 'data-pack': 'upload' }, [
          el('h3', { text: 'One contract: ' + json.files.length + ' files' + (pack ? ', main document ' + pack.main : '') }),
          el('p', { className: 'downloads' }, [downloadLink('JSON', function () { download(new Blob([JSON.stringify(json, null, 2) + '\n'], { type: 'application/json' }), 'pack.clauselint.json'); })]),
          pack ? packTable(pack, json.files, titles) : null,
        ]);
        json.failures.forEach(function (x) { box.appendChild(el('p', { className: 'error-line', text: x.path + ': ' + x.error })); });
        json.files.forEach(function (file) {
          box.appendChild(el('section', { className: 'member', 'data-file': file.path }, [
            el('h4', { text: file.path + ' — ' + file.errorCount + ' errors, ' + file.warningCount + ' warnings' }),
            findingList(file),
          ]));
        });
        $('results').appendChild(box);
        $('status').textContent = 'Done: ' + json.files.length + ' files reviewed as one contract.';
      }, function (err) {
        $('results').appendChild(el('p', { className: 'error-line', text: err.message }));
        $('status').textContent = 'The contract could not be reviewed.';
      });
  }

  function fetchFormat(fileObj, format, ext) {
    post('/api/lint', { preset: playbook(), filename: fileObj.name, format: format }, fileObj).then(function (r) { return r.blob(); })
      .then(function (b) { download(b, fileObj.name + '.clauselint.' + ext); }, showError(fileObj.name));
  }

  function annotated(fileObj) {
    post('/api/annotate', { preset: playbook(), filename: fileObj.name }, fileObj).then(function (r) { return r.blob(); })
      .then(function (b) { download(b, fileObj.name.replace(/\.docx$/i, '') + '-reviewed.docx'); }, showError(fileObj.name));
  }

  function showError(name) {
    return function (err) {
      $('results').appendChild(el('article', { className: 'doc', 'data-file': name }, [el('h3', { text: name }), el('p', { className: 'error-line', text: err.message })]));
    };
  }

  var titles = {};

  function lintFiles(files) {
    $('results').textContent = '';
    var list = Array.prototype.slice.call(files);
    if ($('as-pack').checked && list.length > 1) return lintPack(list);
    $('status').textContent = 'Reviewing ' + list.length + ' file' + (list.length === 1 ? '' : 's') + '…';
    return Promise.all(list.map(function (f) {
      return post('/api/lint', { preset: playbook(), filename: f.name }, f).then(function (r) { return r.json(); })
        .then(function (json) { showReport(f, json, titles); }, showError(f.name));
    })).then(function () { $('status').textContent = 'Done: ' + list.length + ' file' + (list.length === 1 ? '' : 's') + ' reviewed.'; });
  }

  function readBase64(file) {
    return file.arrayBuffer().then(function (buf) {
      var bytes = new Uint8Array(buf);
      var s = '';
      for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    });
  }

  function runCompare() {
    var o = $('old').files[0];
    var n = $('new').files[0];
    var out = $('comparison');
    out.textContent = '';
    if (!o || !n) { out.appendChild(el('p', { className: 'error-line', text: 'Choose the old and the new draft.' })); return; }
    Promise.all([readBase64(o), readBase64(n)]).then(function (data) {
      var body = JSON.stringify({ old: { filename: o.name, data: data[0] }, new: { filename: n.name, data: data[1] } });
      return post('/api/compare', { preset: playbook() }, body);
    }).then(function (r) { return r.json(); }).then(function (c) {
      [['resolved', 'Resolved', 'old'], ['new', 'New', 'new'], ['unchanged', 'Unchanged', 'new']].forEach(function (g) {
        var items = c.findings[g[0]];
        out.appendChild(el('h4', { text: g[1] + ' (' + items.length + ')' }));
        out.appendChild(el('ul', { 'data-group': g[0] }, items.map(function (x) {
          var f = x[g[2]] || x.old;
          return el('li', { text: f.severity + ' · ' + sectionName(f.section) + ' · ' + f.message + ' (' + f.ruleId + ')' });
        })));
      });
      out.appendChild(el('h4', { text: 'Clause status changes (' + c.clauses.length + ')' }));
      out.appendChild(el('ul', { 'data-group': 'clauses' }, c.clauses.map(function (x) {
        return el('li', { text: x.id + ': ' + x.old + ' → ' + x.new });
      })));
    }, function (err) { out.appendChild(el('p', { className: 'error-line', text: err.message })); });
  }

  fetch('/api/playbooks').then(function (r) { return r.json(); }).then(function (p) {
    titles = p.clauses || {};
    var sel = $('playbook');
    if (p.config) sel.appendChild(el('option', { value: 'config', text: 'the config here (' + p.config + ')' }));
    p.presets.forEach(function (name) { sel.appendChild(el('option', { value: name, text: name })); });
    if (!p.config) sel.value = 'recommended';
  });

  $('files').addEventListener('change', function () { lintFiles(this.files); });
  var drop = $('drop');
  drop.addEventListener('dragover', function (ev) { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (ev) { ev.preventDefault(); drop.classList.remove('over'); lintFiles(ev.dataTransfer.files); });
  $('run-compare').addEventListener('click', runCompare);
})();
`;
