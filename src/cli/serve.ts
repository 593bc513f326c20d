import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { type CliIo, DEFAULT_MAX_FILE_MB, mbToBytes, safePath } from './io.js';

/**
 * `clauselint serve`: the reviewer's desk, a local web page over the linter. This module is the process side (the
 * options, the browser, the signals); the server is src/serve/server.ts, the linting src/serve/desk.ts.
 */

export interface ServeValues {
  port?: string | undefined;
  host?: string | undefined;
  'no-open'?: boolean | undefined;
  config?: string | undefined;
  'max-file-size'?: string | undefined;
  timeout?: string | undefined;
}

export const DEFAULT_PORT = 4870;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

interface Parsed { port: number; host: string; maxBytes: number; timeout: number }

/** The options, or a usage error (a string). */
function parse(values: ServeValues): Parsed | string {
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port === '') return `--port needs a port number from 0 to 65535 (got "${values.port}")`;
  const host = values.host ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) return `--host needs an address or a host name (got "${host}")`;
  const mb = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_MB : Number(values['max-file-size']);
  if (!Number.isFinite(mb) || mb <= 0) return `--max-file-size needs a size in MB greater than 0 (got "${values['max-file-size']}")`;
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout < 0 || values.timeout === '') return `--timeout needs a number of seconds (0: no limit; got "${values.timeout}")`;
  return { port, host, maxBytes: mbToBytes(mb), timeout };
}

/** Open the page in the desktop's browser; a failure only means the user opens the address themselves. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] as const
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] as const
      : ['xdg-open', [url]] as const;
  try {
    const child = spawn(cmd, [...args], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser launcher: the address is printed
  }
}

/** Serve until SIGINT or SIGTERM; 0 then, 2 for a usage, config or port problem. */
export async function serveCommand(args: readonly string[], values: ServeValues, io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr(`clauselint: serve takes no files (got "${safePath(args[0]!)}"): choose them on the page\n`);
    return 2;
  }
  const opts = parse(values);
  if (typeof opts === 'string') {
    io.stderr(`clauselint: ${safePath(opts)}\n`);
    return 2;
  }
  if (!LOOPBACK.has(opts.host)) {
    io.stderr(`clauselint: warning: --host ${safePath(opts.host)}: the page and its API are reachable from other machines, without a password\n`);
  }
  const [{ Desk }, { serve }, { ConfigError }] = await Promise.all([import('../serve/desk.js'), import('../serve/server.js'), import('../config/schema.js')]);
  let desk;
  try {
    desk = await Desk.create({ cwd: io.cwd, config: values.config === undefined ? undefined : resolve(io.cwd, values.config), timeout: opts.timeout });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`clauselint: ${safePath(err.message)}\n`);
    return 2;
  }
  const problem = await desk.check();
  if (problem !== null) {
    await desk.close();
    io.stderr(`clauselint: ${safePath(problem)}\n`);
    return 2;
  }
  // Listening for the signals before the address is printed: whoever reads it may stop the server at once.
  const stopped = new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  let serving;
  try {
    serving = await serve({ desk, host: opts.host, port: opts.port, maxBytes: opts.maxBytes });
  } catch (err) {
    await desk.close();
    io.stderr(`clauselint: cannot listen on ${safePath(opts.host)}:${opts.port}: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  io.stdout(`clauselint: serving on ${serving.url}\n`);
  if (!values['no-open']) openBrowser(serving.url);
  await stopped;
  await serving.close();
  await desk.close();
  return 0;
}
