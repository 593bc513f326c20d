import { realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

async function canonical(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return resolve(p);
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
    throw new Error(writeProblem(err as NodeJS.ErrnoException, file), { cause: err });
  }
}

/** What went wrong, about the file the user named (not the temporary file beside it): the text after "FILE: ". */
function writeProblem(err: NodeJS.ErrnoException, file: string): string {
  switch (err.code) {
    case 'ENOENT': return `cannot write: no folder ${dirname(file)}`;
    case 'ENOTDIR': return `cannot write: ${dirname(file)} is not a folder`;
    case 'EISDIR': return 'cannot write: it is a folder';
    case 'EACCES':
    case 'EPERM': return 'cannot write: permission denied';
    case 'EROFS': return 'cannot write: read-only file system';
    case 'ENOSPC': return 'cannot write: no space left on the device';
    default: return `cannot write: ${err.code ?? err.message.split('\n')[0]}`;
  }
}
