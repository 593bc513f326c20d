import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { BIN, cliEnv } from './helpers.js';

/** A running `clauselint serve`, started from the built bin as a user starts it. */
export interface Served {
  url: string;
  port: number;
  child: ChildProcess;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number>;
}

/** Start `clauselint serve --no-open --port 0 ...args` in `cwd` and wait for its "serving on" line. */
export function startServe(args: readonly string[], cwd: string, bin = BIN): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--no-open', '--port', '0', ...args], { cwd, env: cliEnv() });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 20 s: ${out}${err}`)), 20_000);
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const m = /clauselint: serving on (http:\/\/\S+:(\d+))\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!, port: Number(m[2]), child, stderr: () => err,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before serving: ${out}${err}`));
    });
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** An HTTP request with any headers (Host and Origin included, which fetch will not set). */
export function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
