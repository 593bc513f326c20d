import type { ContractDocument, Format } from '../model.js';
import { readDocx } from './docx.js';
import { InputError } from './errors.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';

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

/** Bytes → document model, by format. Pure: the caller reads the file. */
export async function readDocument(path: string, bytes: Uint8Array, format: Format | null = formatOf(path)): Promise<ContractDocument> {
  switch (format) {
    case 'docx':
      return readDocx(path, bytes);
    case 'markdown':
      return readMarkdown(path, decodeText(path, bytes));
    case 'text':
      return readText(path, decodeText(path, bytes));
    default:
      throw new InputError(path, 'unsupported file type (expected .docx, .md, .markdown or .txt)');
  }
}
