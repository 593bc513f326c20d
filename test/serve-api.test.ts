/**
 * `clauselint serve`, its HTTP API, through the built bin as a user starts it: the same JSON as the CLI, the
 * annotated DOCX, compare, and the refusals (size, Host, Origin, type, bad files) with 40 requests at once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocxFixtures, buildPackFixtures } from '../scripts/make-docx-fixtures.js';
import { buildPdfFixtures } from '../scripts/make-pdf-fixtures.js';
import { ROOT, runCli } from './helpers.js';
import { raw, type Served, startServe } from './serve-helpers.js';

const SAMPLE = readFileSync(join(ROOT, 'fixtures', 'sample-outsourcing.md'));

let dir: string;
let docx: Buffer;
let server: Served;

const post = (path: string, body: Uint8Array | string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.url}${path}`, { method: 'POST', body: body as BodyInit, headers });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clauselint-serve-'));
  await buildDocxFixtures(dir);
  docx = readFileSync(join(dir, 'sample-outsourcing.docx'));
  writeFileSync(join(dir, 'bad.docx'), 'this is not a zip archive');
  server = await startServe([], dir);
});

afterAll(async () => {
  if (server) expect(await server.stop()).toBe(0);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('clauselint serve: the API', () => {
  it('answers /api/lint with the JSON of `--format json` for the same file and preset', async () => {
    const res = await post('/api/lint?preset=outsourcing&filename=sample-outsourcing.md', SAMPLE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const api = await res.json() as { files: Array<{ path: string }> };
    writeFileSync(join(dir, 'sample-outsourcing.md'), SAMPLE);
    const cli = await runCli(['--preset', 'outsourcing', '-f', 'json', 'sample-outsourcing.md'], dir);
    expect(cli.code).toBe(1);
    expect(api).toEqual(JSON.parse(cli.out));
    expect(api.files[0]!.path).toBe('sample-outsourcing.md');
  });

  it('reads a DOCX upload and returns it annotated with the findings as Word comments', async () => {
    const lint = await (await post('/api/lint?preset=outsourcing&filename=sample-outsourcing.docx', docx)).json() as { files: Array<{ format: string; clauses: Array<{ id: string; status: string }>; findings: unknown[] }> };
    expect(lint.files[0]!.format).toBe('docx');
    expect(lint.files[0]!.clauses).toContainEqual(expect.objectContaining({ id: 'breach-notification', status: 'weak' }));
    const res = await post('/api/annotate?preset=outsourcing&filename=sample-outsourcing.docx', docx);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sample-outsourcing-reviewed.docx"');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const comments = strFromU8(files['word/comments.xml']!);
    expect(comments.match(/<w:comment /g)?.length).toBe(lint.files[0]!.findings.length);
    expect(comments).toContain('breach');
  });

  it('reads a PDF upload with page positions, and says an annotated copy needs the DOCX', async () => {
    await buildPdfFixtures(dir);
    const pdf = readFileSync(join(dir, 'agreement.pdf'));
    const res = await post('/api/lint?preset=outsourcing&filename=agreement.pdf', pdf);
    expect(res.status).toBe(200);
    const json = await res.json() as { files: Array<{ format: string; findings: Array<{ page?: number }> }> };
    expect(json.files[0]!.format).toBe('pdf');
    expect(json.files[0]!.findings.every((f) => typeof f.page === 'number')).toBe(true);
    const annotate = await post('/api/annotate?filename=agreement.pdf', pdf);
    expect(annotate.status).toBe(415);
    expect(await annotate.json()).toEqual({ error: 'agreement.pdf: a PDF cannot carry Word comments: annotate the DOCX it was made from' });
  });

  it('reviews several uploads as one contract (a pack): the pack\'s coverage and each file\'s findings', async () => {
    const packDir = join(dir, 'pack');
    const paths = await buildPackFixtures(packDir);
    const files = paths.map((p) => ({ filename: basename(p), data: readFileSync(p).toString('base64') }));
    const res = await post('/api/pack?preset=outsourcing', JSON.stringify({ files }), { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    const j = await res.json() as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }>; packs: Array<{ main: string; clauses: Array<{ id: string; status: string; file: string | null }> }> };
    expect(j.packs[0]!.main).toBe('Core Terms.docx');
    expect(j.packs[0]!.clauses.find((c) => c.id === 'exit-assistance')).toMatchObject({ status: 'present', file: 'Call-Off Schedule 10 (Exit Management).docx' });
    expect(j.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'insurance')).toHaveLength(1);
    const one = await post('/api/pack', JSON.stringify({ files: files.slice(0, 1) }));
    expect(one.status).toBe(400);
    const twice = await post('/api/pack', JSON.stringify({ files: [files[0], files[0]] }));
    expect(await twice.json()).toEqual({ error: `${files[0]!.filename}: given twice in the pack` });
  });

  it('renders the Markdown and HTML gap reports, and compares two drafts', async () => {
    const md = await post('/api/lint?preset=outsourcing&filename=sample-outsourcing.md&format=markdown', SAMPLE);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toMatch(/^# /);
    const html = await post('/api/lint?preset=outsourcing&filename=sample-outsourcing.md&format=html', SAMPLE);
    expect(await html.text()).toMatch(/^<!doctype html>/i);
    const fixed = SAMPLE.toString('utf8').replace('dated [●] 2025', 'dated 1 March 2025');
    const body = JSON.stringify({
      old: { filename: 'old.md', data: SAMPLE.toString('base64') },
      new: { filename: 'new.docx', data: docx.toString('base64') },
    });
    const res = await post('/api/compare?preset=outsourcing', body, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    const c = await res.json() as { old: { path: string }; new: { path: string; format: string }; findings: { resolved: unknown[]; new: unknown[]; unchanged: unknown[] } };
    expect(c.old.path).toBe('old.md');
    expect(c.new.format).toBe('docx');
    expect(c.findings.unchanged.length).toBeGreaterThan(5);
    const again = await post('/api/compare?preset=outsourcing', JSON.stringify({
      old: { filename: 'old.md', data: SAMPLE.toString('base64') },
      new: { filename: 'new.md', data: Buffer.from(fixed).toString('base64') },
    }));
    const c2 = await again.json() as { findings: { resolved: Array<{ old: { ruleId: string } }> } };
    expect(c2.findings.resolved.map((x) => x.old.ruleId)).toContain('placeholder');
  });

  it('refuses a bad file, an unknown type, playbook or format with a 4xx and the CLI\'s one line', async () => {
    const bad = await post('/api/lint?filename=bad.docx', readFileSync(join(dir, 'bad.docx')));
    expect(bad.status).toBe(422);
    const cli = await runCli(['bad.docx'], dir);
    expect(cli.code).toBe(2);
    expect(await bad.json()).toEqual({ error: cli.err.trim().replace(/^clauselint: /, '') });

    const type = await post('/api/lint?filename=contract.pdf.exe', 'x');
    expect(type.status).toBe(415);
    expect(await type.json()).toEqual({ error: 'contract.pdf.exe: unsupported file type (expected .docx, .pdf, .md, .markdown or .txt)' });
    const preset = await post('/api/lint?filename=a.md&preset=lenient', 'x');
    expect(preset.status).toBe(400);
    expect((await preset.json() as { error: string }).error).toMatch(/^unknown playbook "lenient"/);
    const format = await post('/api/lint?filename=a.md&format=pdf', 'x');
    expect(format.status).toBe(400);
    const empty = await post('/api/lint?filename=a.md', '');
    expect(await empty.json()).toEqual({ error: 'no file in the request' });
    const notDocx = await post('/api/annotate?filename=a.md', 'Some text.');
    expect(notDocx.status).toBe(415);
    const compare = await post('/api/compare', '{"old": {}}');
    expect(compare.status).toBe(400);
  });

  it('never lets a client name touch the file system: a path is reduced to its base name', async () => {
    const res = await post(`/api/lint?filename=${encodeURIComponent('../../../../etc/passwd.md')}`, 'The Supplier shall provide the Services.');
    expect(res.status).toBe(200);
    expect((await res.json() as { files: Array<{ path: string }> }).files[0]!.path).toBe('passwd.md');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/app.js/../../package.json']) {
      expect((await raw(`${server.url}${path}`)).status).toBe(404);
    }
  });

  it('refuses requests whose Host is not this server (DNS rebinding) and cross-origin POSTs', async () => {
    const rebound = await raw(`${server.url}/api/playbooks`, { headers: { host: `attacker.example:${server.port}` } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body.toString())).toEqual({ error: `refused: Host "attacker.example:${server.port}" is not this server` });
    const lint = await raw(`${server.url}/api/lint?filename=a.md`, { method: 'POST', headers: { host: `evil.test:${server.port}` }, body: SAMPLE });
    expect(lint.status).toBe(403);
    const otherPort = await raw(`${server.url}/`, { headers: { host: `127.0.0.1:${server.port + 1}` } });
    expect(otherPort.status).toBe(403);

    const cross = await raw(`${server.url}/api/lint?filename=a.md`, { method: 'POST', headers: { origin: 'http://attacker.example' }, body: SAMPLE });
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.body.toString())).toEqual({ error: 'refused: a request from http://attacker.example' });
    const site = await raw(`${server.url}/api/lint?filename=a.md`, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' }, body: SAMPLE });
    expect(site.status).toBe(403);
    const same = await raw(`${server.url}/api/lint?filename=a.md`, { method: 'POST', headers: { origin: server.url }, body: SAMPLE });
    expect(same.status).toBe(200);
    const named = await raw(`http://127.0.0.1:${server.port}/api/playbooks`, { headers: { host: `localhost:${server.port}` } });
    expect(named.status).toBe(200);
  });

  it('serves the page with a strict Content-Security-Policy and nothing from outside', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const js = await (await fetch(`${server.url}/app.js`)).text();
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(js).not.toMatch(/https?:\/\//);
  });

  it('answers 40 concurrent requests mixing good and bad files, and is still up afterwards', async () => {
    const kinds = ['md', 'docx', 'bad', 'type', 'annotate'] as const;
    const requests = Array.from({ length: 40 }, (_, i) => kinds[i % kinds.length]!).map(async (kind) => {
      const res = kind === 'md' ? await post('/api/lint?preset=outsourcing&filename=a.md', SAMPLE)
        : kind === 'docx' ? await post('/api/lint?preset=recommended&filename=a.docx', docx)
          : kind === 'bad' ? await post('/api/lint?filename=bad.docx', 'PK\u0003\u0004 truncated')
            : kind === 'type' ? await post('/api/lint?filename=a.odt', 'x')
              : await post('/api/annotate?filename=a.docx', docx);
      await res.arrayBuffer();
      return [kind, res.status] as const;
    });
    const results = await Promise.all(requests);
    const expected = { md: 200, docx: 200, bad: 422, type: 415, annotate: 200 };
    for (const [kind, status] of results) expect([kind, status]).toEqual([kind, expected[kind]]);
    expect((await fetch(`${server.url}/api/playbooks`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});

describe('clauselint serve: options and limits', () => {
  it('refuses a body over --max-file-size with 413, by its declared length or as it arrives', async () => {
    const small = await startServe(['--max-file-size', '0.01'], dir);
    try {
      const res = await fetch(`${small.url}/api/lint?filename=a.md`, { method: 'POST', body: SAMPLE as BodyInit });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: 'the upload is larger than the 0.01 MB limit' });
      const streamed = await raw(`${small.url}/api/lint?filename=a.md`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, body: SAMPLE });
      expect(streamed.status).toBe(413);
      const ok = await fetch(`${small.url}/api/lint?filename=a.md`, { method: 'POST', body: 'The Supplier shall provide the Services.' });
      expect(ok.status).toBe(200);
    } finally {
      expect(await small.stop()).toBe(0);
    }
  });

  it('stops an upload that takes longer than --timeout, and goes on serving', async () => {
    const slow = await startServe(['--timeout', '0.01'], dir);
    try {
      const big = Buffer.concat(Array.from({ length: 30 }, () => SAMPLE));
      const res = await fetch(`${slow.url}/api/lint?filename=big.md`, { method: 'POST', body: big as BodyInit });
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ error: 'big.md: timed out after 0.01 s' });
      expect((await fetch(`${slow.url}/api/playbooks`)).status).toBe(200);
    } finally {
      expect(await slow.stop()).toBe(0);
    }
  });

  it('offers the config found where it started as a playbook', async () => {
    const cfgDir = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(cfgDir, 'clauselint.config.json'), JSON.stringify({ extends: ['outsourcing'], rules: { placeholder: 'off' } }));
    const s = await startServe([], cfgDir);
    try {
      const p = await (await fetch(`${s.url}/api/playbooks`)).json() as { presets: string[]; config: string | null; clauses: Record<string, string> };
      expect(p.config).toBe('clauselint.config.json');
      expect(p.presets).toContain('gdpr-dpa');
      expect(p.clauses['breach-notification']).toBeTruthy();
      const ids = async (playbook: string): Promise<string[]> => {
        const r = await (await fetch(`${s.url}/api/lint?filename=a.md&preset=${playbook}`, { method: 'POST', body: SAMPLE as BodyInit })).json() as { files: Array<{ findings: Array<{ ruleId: string }> }> };
        return r.files[0]!.findings.map((f) => f.ruleId);
      };
      expect(await ids('outsourcing')).toContain('placeholder');
      const withConfig = await ids('config');
      expect(withConfig).not.toContain('placeholder');
      expect(withConfig).toContain('exit-assistance');
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  it('takes the next port when the one asked for is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const s = await startServe(['--port', String(taken)], dir);
      expect(s.port).toBeGreaterThan(taken);
      expect(s.port).toBeLessThanOrEqual(taken + 10);
      expect(await s.stop()).toBe(0);
    } finally {
      blocker.close();
    }
  });

  it('warns when --host makes it reachable from elsewhere, and answers there by address only', async () => {
    const s = await startServe(['--host', '0.0.0.0'], dir);
    try {
      expect(s.url).toBe(`http://0.0.0.0:${s.port}`);
      expect(s.stderr()).toBe('clauselint: warning: --host 0.0.0.0: the page and its API are reachable from other machines, without a password\n');
      expect((await raw(`http://127.0.0.1:${s.port}/api/playbooks`, { headers: { host: `192.0.2.7:${s.port}` } })).status).toBe(200);
      expect((await raw(`http://127.0.0.1:${s.port}/api/playbooks`, { headers: { host: `rebound.example:${s.port}` } })).status).toBe(403);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  it('rejects bad options with exit 2 and one line', async () => {
    const bad = await runCli(['serve', '--no-open', '--port', 'eighty'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('clauselint: --port needs a port number from 0 to 65535 (got "eighty")\n');
    const files = await runCli(['serve', 'contract.docx'], dir);
    expect(files.code).toBe(2);
    expect(files.err).toMatch(/^clauselint: serve takes no files/);
    const config = await runCli(['serve', '--no-open', '--config', 'missing.yaml'], dir);
    expect(config.code).toBe(2);
    expect(config.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(config.err).toContain('missing.yaml');
  });
});
