import { Decompress } from 'fflate';
import { InputError } from '../errors.js';
import { hostImport } from '../../host-import.js';

/**
 * A PDF's text layer, read with pdf.js (Mozilla's, `pdfjs-dist`, its Node build; no native code, no fonts or
 * images decoded): per page its size and positioned text items. Caps come first, on the bytes, so that a PDF bomb
 * is refused before pdf.js inflates it: pages, objects, and the decompressed size of its Flate streams.
 */

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfLimits {
  maxPages: number;
  maxObjects: number;
  /** Total decompressed bytes of the file's Flate streams. */
  maxInflated: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 5000, maxObjects: 2_000_000, maxInflated: 512 * 1024 * 1024 };

const PDF_MAGIC = '%PDF-';

/** Refuse what is not a PDF, and a PDF past the caps, before pdf.js sees it. */
export function checkPdf(path: string, bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): void {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes(PDF_MAGIC)) throw new InputError(path, 'not a PDF: no %PDF header (damaged, or another kind of file)');
  const text = new TextDecoder('latin1').decode(bytes);
  let objects = (text.match(/\d+\s+\d+\s+obj\b/g) ?? []).length;
  for (const m of text.matchAll(/\/Type\s*\/ObjStm\b[^>]*?\/N\s+(\d+)/g)) objects += Number(m[1]);
  if (objects > limits.maxObjects) throw new InputError(path, `PDF with ${objects} objects, over the limit of ${limits.maxObjects}`);
  checkInflatedSize(path, bytes, text, limits.maxInflated);
}

/**
 * Inflate every Flate stream, counting what comes out and stopping at the cap: a few kilobytes that decompress to
 * gigabytes are refused here, not discovered by running out of memory.
 */
function checkInflatedSize(path: string, bytes: Uint8Array, text: string, max: number): void {
  let total = 0;
  const over = (): InputError => new InputError(path, `PDF streams decompress to more than ${Math.round(max / (1024 * 1024))} MB (a PDF bomb?)`);
  const streams = /\/FlateDecode[\s\S]{0,400}?\bstream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const inflater = new Decompress((chunk) => {
      total += chunk.length;
      if (total > max) throw over();
    });
    try {
      inflater.push(bytes.subarray(start, end), true);
    } catch (err) {
      if (err instanceof InputError) throw err;
      // A damaged stream: pdf.js decides what to make of it.
    }
    streams.lastIndex = end;
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js, loaded once and only for PDFs (its build is large). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= hostImport<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** The pages' text items, or an InputError worded for the user. `checkpoint` runs between pages. */
export async function loadPdf(path: string, bytes: Uint8Array, checkpoint: () => void = () => {}, limits: PdfLimits = PDF_LIMITS): Promise<PdfPage[]> {
  checkPdf(path, bytes, limits);
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy, the caller's bytes stay as they are.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    throw new InputError(path, pdfProblem(err));
  }
  try {
    if (doc.numPages > limits.maxPages) throw new InputError(path, `PDF with ${doc.numPages} pages, over the limit of ${limits.maxPages}`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      checkpoint();
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
        // Rotated or skewed text (a diagonal "DRAFT" watermark, a vertical margin note) is not the contract's text.
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) continue;
        items.push({ str: it.str, x: e - x0, y: f - y0, width: it.width, size: d, font: it.fontName });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return pages;
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as Error).name === 'TimeoutError') throw err;
    throw new InputError(path, pdfProblem(err));
  } finally {
    await doc.destroy();
  }
}

function pdfProblem(err: unknown): string {
  const e = err as { name?: string; message?: string };
  if (e.name === 'PasswordException') return 'password-protected PDF: save a copy without the password first';
  if (e.name === 'InvalidPDFException') return 'damaged PDF: its structure cannot be read';
  return `unreadable PDF: ${(e.message ?? String(err)).split('\n')[0]}`;
}
