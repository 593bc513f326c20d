import { readFile } from 'node:fs/promises';
import { InputError } from '../read/errors.js';

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  /** A terminal for progress bars (stderr when it is one); absent otherwise. */
  progress?: NodeJS.WritableStream;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Read an input file, turning file-system failures into one-line input errors. */
export async function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  try {
    const buf = await readFile(path);
    if (buf.length > maxBytes) throw new InputError(path, `file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(path, 'no such file');
    if (code === 'EISDIR') throw new InputError(path, 'is a directory');
    if (code === 'EACCES') throw new InputError(path, 'permission denied');
    throw new InputError(path, (err as Error).message);
  }
}

/** Strip control characters from a path before it is printed to a terminal. */
export function safePath(p: string): string {
  // eslint-disable-next-line no-control-regex
  return p.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
