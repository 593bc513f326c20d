import type { ContractDocument, Format } from '../model.js';
import { InputError } from './errors.js';

export { InputError } from './errors.js';

export function formatOf(path: string): Format | null {
  const p = path.toLowerCase();
  if (p.endsWith('.docx')) return 'docx';
  if (p.endsWith('.md') || p.endsWith('.markdown')) return 'markdown';
  if (p.endsWith('.txt') || p.endsWith('.text')) return 'text';
  if (p.endsWith('.pdf')) return 'pdf';
  return null;
}

/**
 * Decode text bytes: UTF-8 (BOM allowed), or UTF-16 LE/BE when the file starts
 * with its byte-order mark (what Windows Notepad writes as "Unicode"). Anything
 * that does not decode cleanly is an error naming the encoding and the problem.
 */
export function decodeText(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16 !== null) {
    const name = utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    if (bytes.length % 2 !== 0) throw new InputError(path, `not valid ${name} text: an odd number of bytes`);
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new InputError(path, `not valid ${name} text: an unpaired surrogate`);
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(path, `not valid UTF-8 text${looksWindows1252(bytes) ? ': it looks like Windows-1252 ("ANSI"), save it as UTF-8' : ''}`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (text.includes('\u0000')) throw new InputError(path, 'binary data in a text file');
  if (text.trim() === '') throw new InputError(path, 'empty file');
  return text;
}

/**
 * Bytes that read as Windows-1252 ("ANSI", what Word's Plain Text export and Notepad write on a Western Windows):
 * some byte of 0x80–0xFF, and none of the five Windows-1252 leaves undefined. Only to say so in the error: the file
 * is still refused, not guessed (a wrong guess would misquote the contract's words).
 */
function looksWindows1252(bytes: Uint8Array): boolean {
  let high = false;
  for (const b of bytes) {
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    if (b >= 0x80) high = true;
  }
  return high;
}

/** Deepest container nesting (lists, block quotes) a Markdown line may open; no contract comes near it. */
export const MAX_MARKDOWN_NESTING = 16;
/** Widest container prefix (indentation and markers) of a Markdown line, in columns. */
export const MAX_MARKDOWN_INDENT = 96;

/**
 * Cap the container nesting of Markdown before parsing. The Markdown parser
 * takes time that grows with the cube of the nesting depth, and its tree is
 * walked recursively: 10,000 nested list items or "> > > …" would hang it or
 * overflow the stack. A line whose leading indentation and list or quote
 * markers go deeper than the caps keeps the markers up to the cap and loses
 * the rest (its text stays, one level up). Lines are kept, so positions are too.
 */
export function capMarkdownNesting(source: string): string {
  let out: string[] | null = null;
  let start = 0;
  let lineNo = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const capped = capLine(source, start, end);
    if (capped !== null) {
      out ??= source.slice(0, end).split('\n').slice(0, lineNo);
      out.push(capped);
    } else if (out) {
      out.push(source.slice(start, end));
    }
    start = end + 1;
    lineNo++;
  }
  return out ? out.join('\n') : source;
}

/** The line with its container prefix capped, or null when it is within the caps. */
function capLine(s: string, start: number, end: number): string | null {
  let i = start;
  let width = 0;
  let markers = 0;
  let kept = start;
  let over = false;
  for (;;) {
    // Whitespace, then one marker: ">", "-", "*", "+" or "1." / "1)" followed by a space.
    let j = i;
    let w = width;
    while (j < end && (s[j] === ' ' || s[j] === '\t')) {
      w = s[j] === '\t' ? w + 4 - (w % 4) : w + 1;
      j++;
    }
    let k = j;
    const c = s[k];
    if (c === '>') k++;
    else if ((c === '-' || c === '*' || c === '+') && (s[k + 1] === ' ' || s[k + 1] === '\t')) k++;
    else {
      while (k < end && k - j < 9 && s[k]! >= '0' && s[k]! <= '9') k++;
      if (k > j && (s[k] === '.' || s[k] === ')') && (s[k + 1] === ' ' || s[k + 1] === '\t')) k++;
      else k = j;
    }
    if (k === j) {
      // No marker: the prefix ends here (its trailing whitespace counts too).
      if (!over && w > MAX_MARKDOWN_INDENT) over = true;
      if (!over) return null;
      return s.slice(start, kept) + (kept > start ? ' ' : '') + s.slice(j, end);
    }
    w += k - j;
    markers++;
    if (!over && (markers > MAX_MARKDOWN_NESTING || w > MAX_MARKDOWN_INDENT)) over = true;
    if (!over) kept = k;
    i = k;
    width = w;
  }
}

/**
 * No-break spaces read as spaces: a draft that went through Word or a web page
 * has them after numbers and between words ("1.\u00a0Term", "##\u00a0Fees"),
 * and a clause must read the same either way. One unit for one, so positions
 * do not move.
 */
function spaces(text: string): string {
  return text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text;
}

export interface ReadOptions {
  /** DOCX with tracked changes: lint the text with all changes accepted (default) or as it was before them. */
  revisions?: 'accepted' | 'original';
  /** Called between the reading stages (decoding, parsing); throws to stop (the CLI's per-file timeout). */
  checkpoint?: () => void;
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
      const text = capMarkdownNesting(spaces(decodeText(path, bytes)));
      options.checkpoint?.();
      return (await import('./markdown.js')).readMarkdown(path, text);
    }
    case 'text': {
      const text = spaces(decodeText(path, bytes));
      options.checkpoint?.();
      return (await import('./text.js')).readText(path, text);
    }
    case 'pdf':
      return (await import('./pdf/index.js')).readPdf(path, bytes, options.checkpoint ? { checkpoint: options.checkpoint } : {});
    default:
      throw new InputError(path, 'unsupported file type (expected .docx, .pdf, .md, .markdown or .txt)');
  }
}
