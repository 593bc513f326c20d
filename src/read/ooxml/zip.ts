/**
 * The DOCX container: a zip whose central directory is read with yauzl
 * (zip64, file-name checks), each part inflated by node:zlib on demand.
 *
 * Only the XML parts the reader asks for are ever inflated (never images).
 * Decompressed size is capped per part and in total. The caps are checked
 * against the size the central directory declares, before inflating; zlib
 * then enforces that declared size while inflating (`maxOutputLength`: it
 * stops as soon as the output outgrows it), so a zip bomb that lies about its
 * size stops there, never past the cap. A part whose inflated size differs
 * from the declared one is refused.
 *
 * (yauzl's own inflating stream was measured at several times the cost of
 * one native inflate call on a 9 MB document.xml, hence the raw read.)
 */
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Largest decompressed size of one part, in bytes. */
  maxPartBytes: number;
  /** Largest decompressed size of all the parts read, in bytes. */
  maxTotalBytes: number;
  /** Most entries the central directory may list. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxPartBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 20_000,
};

/** A problem with the container itself (the caller words it as "unreadable DOCX: …"). */
export class ZipError extends Error {
  override name = 'ZipError';
}

const MB = 1024 * 1024;
const mb = (n: number): string => (n < MB ? `${n} bytes` : `${Math.round((n / MB) * 10) / 10} MB`);

export class ZipPackage {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ZipLimits,
  ) {}

  static async open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<ZipPackage> {
    const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, z) => {
        if (err) reject(new ZipError(/end of central directory record signature not found/i.test(err.message) ? 'not a complete zip file (truncated, or not a zip)' : err.message));
        else resolve(z);
      });
    });
    if (zip.entryCount > lim.maxEntries) {
      zip.close();
      throw new ZipError(`the zip lists ${zip.entryCount} entries (limit ${lim.maxEntries})`);
    }
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        // Part names are case-insensitive in OPC; keep the first spelling seen.
        const key = entry.fileName.toLowerCase();
        if (!entries.has(key)) entries.set(key, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (err: Error) => reject(new ZipError(err.message)));
      zip.readEntry();
    });
    return new ZipPackage(zip, entries, lim);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * One part's decompressed bytes, or null when the part is absent. Throws a
   * ZipError when a cap is exceeded.
   */
  async read(name: string): Promise<Buffer | null> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    const { maxPartBytes, maxTotalBytes } = this.limits;
    const budget = Math.min(maxPartBytes, maxTotalBytes - this.inflated);
    if (entry.uncompressedSize > maxPartBytes) {
      throw new ZipError(`${name} would decompress to ${mb(entry.uncompressedSize)} (limit ${mb(maxPartBytes)} per part)`);
    }
    if (entry.uncompressedSize > budget) {
      throw new ZipError(`the parts read would decompress to more than ${mb(maxTotalBytes)} in total`);
    }
    if (entry.isEncrypted()) throw new ZipError(`${name} is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ZipError(`${name} uses an unsupported compression method (${entry.compressionMethod})`);
    }
    const raw = await this.rawBytes(entry, name);
    let data: Buffer;
    if (entry.compressionMethod === 0) {
      data = raw;
    } else {
      try {
        // Native inflate into one output chunk of the declared size, stopped by zlib as soon
        // as the output outgrows it: a part that lies about its size costs no more than it declared.
        const declared = Math.max(entry.uncompressedSize, 1);
        data = inflateRawSync(raw, { maxOutputLength: declared, chunkSize: Math.max(64 * 1024, declared) });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          throw new ZipError(`${name} decompresses to more than the ${entry.uncompressedSize} bytes the zip declares`);
        }
        throw new ZipError(`${name}: ${e.message}`);
      }
    }
    if (data.length !== entry.uncompressedSize) {
      throw new ZipError(`${name}: decompressed to ${data.length} bytes, the zip declares ${entry.uncompressedSize}`);
    }
    this.inflated += data.length;
    return data;
  }

  /** The entry's bytes as stored in the zip (compressed). */
  private async rawBytes(entry: yauzl.Entry, name: string): Promise<Buffer> {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
      this.zip.openReadStream(entry, { decodeFileData: false }, (err, s) => {
        if (err) reject(new ZipError(`${name}: ${err.message}`));
        else resolve(s);
      });
    });
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    } catch (err) {
      throw new ZipError(`${name}: ${(err as Error).message}`);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}
