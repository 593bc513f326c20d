import { isIP } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Desk } from './desk.js';
import { formatJson } from '../report/json.js';
import { annotate, compare, FORMATS, type Format, render } from './formats.js';
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from './page.js';

/**
 * `clauselint serve`: the reviewer's desk on Node's own http server. No framework: the server has five routes, and
 * the checks that matter here (the Host header against DNS rebinding, the Origin of a POST, a body cap enforced
 * while reading) are a few lines each and are easier to audit written out than configured.
 */

export interface ServeOptions {
  desk: Desk;
  /** The address to listen on (127.0.0.1 unless --host). */
  host: string;
  /** The port to try first; the next ones are tried when it is taken. 0: any free port. */
  port: number;
  /** The largest upload, in bytes (--max-file-size). */
  maxBytes: number;
}

export interface Serving {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A refusal or an error, as the CLI words it: `{"error": "one line"}`. */
class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Listen on the first free port from `port` (ten tries), and serve. */
export async function serve(opts: ServeOptions): Promise<Serving> {
  const server = createServer();
  let port = opts.port;
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, opts.host, port);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || opts.port === 0 || attempt >= 10) throw err;
      port += 1;
    }
  }
  const actual = (server.address() as { port: number }).port;
  const hostName = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const allowed = hostsAllowed(opts.host, actual);
  server.on('request', (req, res) => {
    handle(req, res, opts, allowed).catch((err: unknown) => send(res, 500, { error: `internal error: ${(err as Error).message.split('\n')[0]}` }));
  });
  return {
    url: `http://${hostName}:${actual}`,
    port: actual,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The Host headers this server answers: the loopback names and --host, at its port. Listening on every interface
 * (0.0.0.0, ::), any IP address at the port too: DNS rebinding needs a host name, and an address cannot be rebound.
 */
function hostsAllowed(host: string, port: number): (value: string) => boolean {
  const named = new Set([...LOOPBACK, host].map((h) => `${h.includes(':') ? `[${h}]` : h}:${port}`));
  const everywhere = host === '0.0.0.0' || host === '::';
  return (value) => {
    if (named.has(value)) return true;
    if (!everywhere || !value.endsWith(`:${port}`)) return false;
    const name = value.slice(0, -`:${port}`.length).replace(/^\[(.*)\]$/, '$1');
    return isIP(name) !== 0;
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: ServeOptions, allowed: (value: string) => boolean): Promise<void> {
  try {
    guard(req, allowed);
    const url = new URL(req.url ?? '/', 'http://desk');
    if (req.method === 'GET') return serveStatic(url.pathname, res, opts);
    if (req.method !== 'POST') throw new HttpError(405, `${req.method} is not allowed`);
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/lint':
        return await lintRoute(await body(req, opts.maxBytes), q, res, opts);
      case '/api/annotate':
        return await annotateRoute(await body(req, opts.maxBytes), q, res, opts);
      case '/api/compare':
        return await compareRoute(await body(req, Math.ceil(opts.maxBytes * 2.8) + 4096), q, res, opts);
      case '/api/pack':
        // A pack's files together may be four times the single-file limit (in base64).
        return await packRoute(await body(req, Math.ceil(opts.maxBytes * 4 * 1.4) + 4096), q, res, opts);
      default:
        throw new HttpError(404, `no such address: ${url.pathname.slice(0, 60)}`);
    }
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (err.status === 413) res.setHeader('connection', 'close');
    send(res, err.status, { error: err.message });
  }
}

/**
 * Requests from anywhere but this page are refused: a Host header that is not the address the server listens on
 * (a DNS-rebinding page that resolved its own name to 127.0.0.1), and a POST from another origin.
 */
function guard(req: IncomingMessage, allowed: (value: string) => boolean): void {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowed(host)) throw new HttpError(403, `refused: Host "${host.slice(0, 80)}" is not this server`);
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed(origin.toLowerCase().replace(/^https?:\/\//, ''))) throw new HttpError(403, `refused: a request from ${origin.slice(0, 80)}`);
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'refused: a cross-site request');
}

/** The request body, refused with 413 past `max` bytes (by its declared length, or as it arrives). */
async function body(req: IncomingMessage, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = (): HttpError => new HttpError(413, `the upload is larger than the ${(max / (1024 * 1024)).toFixed(max < 1024 * 1024 ? 2 : 0)} MB limit`);
  if (declared > max) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  if (size === 0) throw new HttpError(400, 'no file in the request');
  return new Uint8Array(Buffer.concat(chunks));
}

function serveStatic(path: string, res: ServerResponse, opts: ServeOptions): void {
  if (path === '/' || path === '/index.html') return sendText(res, 200, 'text/html; charset=utf-8', PAGE_HTML);
  if (path === '/app.js') return sendText(res, 200, 'text/javascript; charset=utf-8', PAGE_JS);
  if (path === '/app.css') return sendText(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
  if (path === '/api/playbooks') return send(res, 200, { ...opts.desk.playbooks(), maxBytes: opts.maxBytes });
  throw new HttpError(404, `no such address: ${path.slice(0, 60)}`);
}

function params(q: URLSearchParams): { playbook: string; filename: string } {
  return { playbook: q.get('preset') ?? q.get('playbook') ?? 'recommended', filename: q.get('filename') ?? 'upload.txt' };
}

async function lintOrFail(opts: ServeOptions, filename: string, bytes: Uint8Array, playbook: string): Promise<import('../lint/types.js').FileReport> {
  const r = await opts.desk.lint(filename, bytes, playbook);
  if (!r.ok) throw new HttpError(r.status, r.error);
  return r.value;
}

async function lintRoute(bytes: Uint8Array, q: URLSearchParams, res: ServerResponse, opts: ServeOptions): Promise<void> {
  const { playbook, filename } = params(q);
  const format = (q.get('format') ?? 'json') as Format;
  if (!(format in FORMATS)) throw new HttpError(400, `unknown format "${format.slice(0, 20)}" (expected ${Object.keys(FORMATS).join(', ')})`);
  const report = await lintOrFail(opts, filename, bytes, playbook);
  sendText(res, 200, FORMATS[format].type, render(report, format, playbook));
}

async function annotateRoute(bytes: Uint8Array, q: URLSearchParams, res: ServerResponse, opts: ServeOptions): Promise<void> {
  const { playbook, filename } = params(q);
  const report = await lintOrFail(opts, filename, bytes, playbook);
  if (report.format === 'pdf') throw new HttpError(415, `${report.path}: a PDF cannot carry Word comments: annotate the DOCX it was made from`);
  if (report.format !== 'docx') throw new HttpError(415, `${report.path}: not a DOCX: only a DOCX can be annotated`);
  const out = annotate(bytes, report);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'content-disposition': `attachment; filename="${report.path.replace(/\.docx$/i, '').replace(/[^\w.-]+/g, '_')}-reviewed.docx"`,
  });
  res.end(out);
}

interface ComparedFile { filename?: unknown; data?: unknown }

async function compareRoute(bytes: Uint8Array, q: URLSearchParams, res: ServerResponse, opts: ServeOptions): Promise<void> {
  const { playbook } = params(q);
  let parsed: { old?: ComparedFile; new?: ComparedFile };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes)) as typeof parsed;
  } catch {
    throw new HttpError(400, 'compare needs a JSON body: {"old": {"filename", "data"}, "new": {"filename", "data"}} (data in base64)');
  }
  const file = (f: ComparedFile | undefined, which: string): { filename: string; data: Uint8Array } => {
    if (!f || typeof f.filename !== 'string' || typeof f.data !== 'string') throw new HttpError(400, `compare needs the ${which} draft: {"filename", "data"}`);
    const data = new Uint8Array(Buffer.from(f.data, 'base64'));
    if (data.length > opts.maxBytes) throw new HttpError(413, `${f.filename}: larger than the upload limit`);
    return { filename: f.filename, data };
  };
  const o = file(parsed.old, 'old');
  const n = file(parsed.new, 'new');
  const [oldReport, newReport] = await Promise.all([lintOrFail(opts, o.filename, o.data, playbook), lintOrFail(opts, n.filename, n.data, playbook)]);
  sendText(res, 200, FORMATS.json.type, compare(oldReport, newReport));
}

/** `POST /api/pack` with `{"files": [{"filename", "data"}, …]}` (data in base64): the files as one contract, the JSON of `--pack -f json`. */
async function packRoute(bytes: Uint8Array, q: URLSearchParams, res: ServerResponse, opts: ServeOptions): Promise<void> {
  const { playbook } = params(q);
  let parsed: { files?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes)) as typeof parsed;
  } catch {
    throw new HttpError(400, 'a pack needs a JSON body: {"files": [{"filename", "data"}, …]} (data in base64)');
  }
  if (!Array.isArray(parsed.files) || parsed.files.length < 2 || parsed.files.length > 100) throw new HttpError(400, 'a pack needs from 2 to 100 files: {"files": [{"filename", "data"}, …]}');
  const files = (parsed.files as ComparedFile[]).map((f, i) => {
    if (!f || typeof f.filename !== 'string' || typeof f.data !== 'string') throw new HttpError(400, `files[${i}] needs {"filename", "data"}`);
    const data = new Uint8Array(Buffer.from(f.data, 'base64'));
    if (data.length > opts.maxBytes) throw new HttpError(413, `${f.filename}: larger than the upload limit`);
    return { name: f.filename, bytes: data };
  });
  const r = await opts.desk.lintPack(files, playbook);
  if (!r.ok) throw new HttpError(r.status, r.error);
  sendText(res, 200, FORMATS.json.type, formatJson(r.value.reports, r.value.failures, r.value.pack ? [r.value.pack] : []));
}

function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(text);
}

function send(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendText(res, status, FORMATS.json.type, `${JSON.stringify(value)}\n`);
}
