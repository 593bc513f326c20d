import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | null = null;

/**
 * SHA-256 of `data`, in hex. node:crypto (about 2 ms and 17 internal modules to load) is required on first use, so a
 * run that hashes nothing does not load it.
 */
export function sha256(data: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(data).digest('hex');
}
