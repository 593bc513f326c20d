import type { ContractDocument } from '../model.js';
import { collectDefinitions } from './definitions.js';
import { InputError } from './errors.js';
import { markTitle } from './title.js';
import { MissingDocumentError, XmlError, ZipError, readOoxml, type OoxmlOptions, type OoxmlReading } from './ooxml/index.js';
import { buildSections } from './sections.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Check the container before reading it, so the error names the real problem. */
export function checkDocxContainer(path: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  const starts = (magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (starts(OLE_MAGIC)) throw new InputError(path, 'not a DOCX: an OLE compound file (legacy .doc or a password-protected document)');
  if (starts([0x25, 0x50, 0x44, 0x46])) throw new InputError(path, 'not a DOCX: a PDF file');
  if (starts([0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new InputError(path, 'not a DOCX: an RTF file');
  if (!starts(ZIP_MAGIC)) throw new InputError(path, 'not a DOCX: not a zip archive');
}

export interface DocxOptions {
  /**
   * Which text to lint when the document has tracked changes: 'accepted'
   * (default: as it reads with every change accepted) or 'original' (as it
   * read before them). Every revision is recorded in `revisions` either way.
   */
  revisions?: 'accepted' | 'original';
  /** Caps on decompressed size (zip-bomb defence); the defaults suit any real contract. */
  limits?: OoxmlOptions['limits'];
}

/**
 * The OOXML reading of a DOCX with the errors worded for the user: the zip,
 * its XML and its main part checked. Exposed for the fidelity script, which
 * also reads the 'markup' view.
 */
export async function readDocxParts(path: string, bytes: Uint8Array, options: OoxmlOptions = {}): Promise<OoxmlReading> {
  checkDocxContainer(path, bytes);
  try {
    return await readOoxml(bytes, options);
  } catch (err) {
    if (err instanceof MissingDocumentError) throw new InputError(path, 'not a DOCX: the zip has no word/document.xml');
    if (err instanceof ZipError || err instanceof XmlError) throw new InputError(path, `unreadable DOCX: ${err.message.split('\n')[0]}`);
    throw err;
  }
}

/**
 * DOCX read directly from its OOXML parts (src/read/ooxml/): Word's automatic
 * numbering becomes each block's `autoLabel`, heading and title styles their
 * `headingDepth` and `title`, tables their table-row blocks; then the same
 * section builder as Markdown and text. Positions are paragraph indexes
 * (see SourcePosition).
 */
export async function readDocx(path: string, bytes: Uint8Array, options: DocxOptions = {}): Promise<ContractDocument> {
  const view = options.revisions ?? 'accepted';
  const reading = await readDocxParts(path, bytes, { revisions: view, ...(options.limits ? { limits: options.limits } : {}) });
  const raw = reading.raw;
  if (!raw.some((b) => b.title)) markTitle(raw);
  const built = buildSections(raw);
  const doc: ContractDocument = {
    path, format: 'docx', title: built.title,
    preamble: built.preamble, sections: built.sections,
    definitions: collectDefinitions(built.preamble, built.sections),
  };
  if (reading.revisions.length > 0) {
    doc.revisionsView = view;
    doc.revisions = reading.revisions;
  }
  if (reading.comments.length > 0) doc.comments = reading.comments;
  return doc;
}
