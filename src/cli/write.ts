import { realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

async function canonical(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return resolve(p);
  }
}

/** A write that failed, with what was wrong (`reason`) about the file the user named, not the temporary one. */
export class WriteError extends Error {
  constructor(readonly reason: string, cause: unknown) {
    super(`cannot write: ${reason}`, { cause });
  }
}

/**
 * Write `text` (or bytes) to `file` atomically (a temporary file in the same folder, then
 * a rename), refusing to overwrite any of the inputs.
 */
export async function writeAtomic(file: string, text: string | Uint8Array, inputs: readonly string[], cwd: string): Promise<void> {
  const target = await canonical(resolve(cwd, file));
  for (const input of inputs) {
    if ((await canonical(resolve(cwd, input))) === target) throw new Error('refusing to overwrite an input file');
  }
  // Unique enough for a temporary name ('wx' refuses an existing file); node:crypto is not loaded for it.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {}); // nothing to remove when the folder is not there
    throw new WriteError(reason(err as NodeJS.ErrnoException, file), err);
  }
}

/** What went wrong with writing `file`, in the user's words. */
function reason(err: NodeJS.ErrnoException, file: string): string {
  switch (err.code) {
    case 'ENOENT': return `no folder ${dirname(file)}`;
    case 'ENOTDIR': return `${dirname(file)} is not a folder`;
    case 'EISDIR': return 'it is a folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on the device';
    default: return err.code ?? err.message.split('\n')[0]!;
  }
}
