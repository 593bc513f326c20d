import { parseArgs } from 'node:util';
import type { ContractDocument } from '../model.js';
import { type CliIo, readInput, safePath } from './io.js';
import { VERSION } from './version.js';

const HELP = `Usage:
  clauselint outline FILE... [--format text|json]   print the section tree clauselint reads

Options:
  -f, --format NAME   output format (outline: text, json)
  -h, --help          show this help
  -v, --version       print the version

Exit codes: 0 success, 2 usage error or unreadable input (the other files still run).
`;

/** Read every file; a bad one is reported on one line and the batch goes on. */
async function readAll(paths: readonly string[], io: CliIo): Promise<{ docs: ContractDocument[]; failed: number }> {
  // Loaded on demand so that --version and --help start fast.
  const { InputError, readDocument } = await import('../read/index.js');
  const docs: ContractDocument[] = [];
  let failed = 0;
  for (const p of paths) {
    try {
      docs.push(await readDocument(p, await readInput(p)));
    } catch (err) {
      failed += 1;
      const msg = err instanceof InputError ? `${safePath(err.path)}: ${err.problem}` : `${safePath(p)}: ${(err as Error).message}`;
      io.stderr(`clauselint: ${msg}\n`);
    }
  }
  return { docs, failed };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`clauselint: ${(err as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(HELP);
    return values.help ? 0 : 2;
  }
  const [command, ...files] = positionals;
  if (command === 'outline') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') {
      io.stderr(`clauselint: unknown outline format "${safePath(format)}" (expected text or json)\n`);
      return 2;
    }
    if (files.length === 0) {
      io.stderr('clauselint: outline needs at least one file\n');
      return 2;
    }
    const { docs, failed } = await readAll(files, io);
    const { formatOutlineJson, formatOutlineText } = await import('../report/outline.js');
    io.stdout(format === 'json' ? formatOutlineJson(docs) : formatOutlineText(docs));
    return failed > 0 ? 2 : 0;
  }
  io.stderr(`clauselint: unknown command "${safePath(command ?? '')}"\n${HELP}`);
  return 2;
}
