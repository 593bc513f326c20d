import { open, stat } from 'node:fs/promises';
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

const MB = 1024 * 1024;

/** The default size limit of an input file, in MB (--max-file-size, config `maxFileSize`). */
export const DEFAULT_MAX_FILE_MB = 50;
export const DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_MB * MB;

/** A size limit in MB as the user wrote it ("50", "0.5"), for messages. */
export function formatMb(bytes: number): string {
  return String(Number((bytes / MB).toFixed(3)));
}

/** Bytes for a limit given in MB. */
export function mbToBytes(mb: number): number {
  return Math.floor(mb * MB);
}

/**
 * Read an input file, turning file-system failures into one-line input errors.
 * The size is checked with fstat before anything is read (a 2 GB scan costs
 * nothing), and again on what was read (a file that grew meanwhile). Only
 * regular files are read: a FIFO or a device would block or never end.
 */
export async function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const tooLarge = (): InputError => new InputError(path, `file is larger than the ${formatMb(maxBytes)} MB limit`);
  let handle;
  try {
    // stat before open: opening a FIFO for reading would wait for a writer.
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(path, 'is a directory');
    if (!st.isFile()) throw new InputError(path, 'not a regular file');
    if (st.size > maxBytes) throw tooLarge();
    handle = await open(path, 'r');
  } catch (err) {
    throw fsError(path, err);
  }
  try {
    if ((await handle.stat()).size > maxBytes) throw tooLarge();
    const buf = await handle.readFile();
    if (buf.length > maxBytes) throw tooLarge();
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw fsError(path, err);
  } finally {
    await handle.close();
  }
}

function fsError(path: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(path, 'no such file');
  if (code === 'EISDIR') return new InputError(path, 'is a directory');
  if (code === 'EACCES') return new InputError(path, 'permission denied');
  return new InputError(path, (err as Error).message);
}

/** The problem reported for a file that overran its time (--timeout). */
export function timedOut(seconds: number): string {
  return `timed out after ${seconds} s`;
}

/** Strip control characters from a path before it is printed to a terminal. */
export function safePath(p: string): string {
  // eslint-disable-next-line no-control-regex
  return p.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
