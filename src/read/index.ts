import type { ContractDocument, Format } from '../model.js';
import { InputError } from './errors.js';

export { InputError } from './errors.js';

export function formatOf(path: string): Format | null {
  const p = path.toLowerCase();
  if (p.endsWith('.docx')) return 'docx';
  if (p.endsWith('.md') || p.endsWith('.markdown')) return 'markdown';
  if (p.endsWith('.txt') || p.endsWith('.text')) return 'text';
  return null;
}

/** Decode text bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is an error. */
export function decodeText(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'not valid UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw new InputError(path, 'binary data in a text file');
  if (text.trim() === '') throw new InputError(path, 'empty file');
  return text;
}

export interface ReadOptions {
  /** DOCX with tracked changes: lint the text with all changes accepted (default) or as it was before them. */
  revisions?: 'accepted' | 'original';
}

/**
 * Bytes → document model, by format. Pure: the caller reads the file.
 * Each reader is loaded when first needed (the Markdown parser alone costs a
 * quarter of a second to load, which a DOCX or text file need not pay).
 */
export async function readDocument(path: string, bytes: Uint8Array, format: Format | null = formatOf(path), options: ReadOptions = {}): Promise<ContractDocument> {
  switch (format) {
    case 'docx':
      return (await import('./docx.js')).readDocx(path, bytes, options.revisions ? { revisions: options.revisions } : {});
    case 'markdown': {
      const text = decodeText(path, bytes);
      return (await import('./markdown.js')).readMarkdown(path, text);
    }
    case 'text': {
      const text = decodeText(path, bytes);
      return (await import('./text.js')).readText(path, text);
    }
    default:
      throw new InputError(path, 'unsupported file type (expected .docx, .md, .markdown or .txt)');
  }
}
