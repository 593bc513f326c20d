/**
 * A direct OOXML reader for DOCX: the zip read part by part (yauzl), each XML
 * part streamed through saxes, Word's numbering, tracked changes, comments and
 * footnotes resolved as Word shows them. The result is the RawBlock list that
 * the shared section builder consumes, plus the revisions and comments.
 *
 * Parts are found through the package relationships (_rels/.rels, then the
 * main part's .rels), falling back to the usual names. Headers and footers are
 * never read, so their text stays out of the clause text.
 */
import type { ReviewComment } from '../../model.js';
import type { RawBlock } from '../raw.js';
import { readComments, readNotes, type StoryItem } from './comments.js';
import { readDocumentPart, type CommentAnchor, type ParagraphTrace, type RevisionRecord, type RevisionsView } from './document.js';
import { readNumbering } from './numbering.js';
import { readStyles } from './styles.js';
import { parsePart } from './xml.js';
import { ZipPackage, type ZipLimits } from './zip.js';

export { XmlError } from './xml.js';
export { ZipError, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.js';
export type { ParagraphTrace, RevisionRecord, RevisionsView } from './document.js';

export interface OoxmlOptions {
  /** Which text to read when the document has tracked changes (default: accepted). */
  revisions?: RevisionsView;
  limits?: Partial<ZipLimits>;
}

/** A comment, as the model records it. */
export type OoxmlComment = ReviewComment;

export interface OoxmlReading {
  raw: RawBlock[];
  paragraphs: ParagraphTrace[];
  revisions: RevisionRecord[];
  comments: OoxmlComment[];
  paragraphCount: number;
}

/** The main part was not found: the caller reports "not a DOCX". */
export class MissingDocumentError extends Error {
  override name = 'MissingDocumentError';
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

interface Relationship {
  type: string;
  target: string;
}

async function readRels(pkg: ZipPackage, part: string): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await parsePart(pkg, part, {
    open(name, a) {
      if (name.endsWith('Relationship') && a.TargetMode !== 'External' && a.Type && a.Target) {
        const type = a.Type.startsWith(REL) ? a.Type.slice(REL.length) : a.Type.startsWith(REL_STRICT) ? a.Type.slice(REL_STRICT.length) : a.Type;
        rels.push({ type, target: a.Target });
      }
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Resolve a relationship target against the folder of the part that holds it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  const dir = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/') + 1) : '';
  return normalise(dir + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed %-escape: keep the name as written.
  }
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export async function readOoxml(bytes: Uint8Array, options: OoxmlOptions = {}): Promise<OoxmlReading> {
  const pkg = await ZipPackage.open(bytes, options.limits);
  try {
    let main = 'word/document.xml';
    const rootRels = await readRels(pkg, '_rels/.rels');
    const office = rootRels.find((r) => r.type === 'officeDocument');
    if (office) main = resolveTarget('', office.target);
    if (!pkg.has(main)) throw new MissingDocumentError(main);

    const rels = await readRels(pkg, relsPartOf(main));
    const partFor = (type: string, fallback: string): string | null => {
      const r = rels.find((x) => x.type === type);
      const name = r ? resolveTarget(main, r.target) : fallback;
      return pkg.has(name) ? name : null;
    };
    const dir = main.slice(0, main.lastIndexOf('/') + 1);
    const styles = await readStyles(pkg, partFor('styles', `${dir}styles.xml`));
    const numbering = await readNumbering(pkg, partFor('numbering', `${dir}numbering.xml`), styles);
    const footnotes = await readNotes(pkg, partFor('footnotes', `${dir}footnotes.xml`), 'footnote');
    const endnotes = await readNotes(pkg, partFor('endnotes', `${dir}endnotes.xml`), 'endnote');
    const commentItems = await readComments(pkg, partFor('comments', `${dir}comments.xml`));

    const reading = await readDocumentPart(pkg, main, { styles, numbering, footnotes, endnotes, view: options.revisions ?? 'accepted' });
    if (reading === null) throw new MissingDocumentError(main);
    return {
      raw: reading.raw,
      paragraphs: reading.paragraphs,
      revisions: reading.revisions,
      comments: commentsOf(commentItems, reading.commentAnchors),
      paragraphCount: reading.paragraphCount,
    };
  } finally {
    pkg.close();
  }
}

function commentsOf(items: Map<string, StoryItem>, anchors: Map<string, CommentAnchor>): OoxmlComment[] {
  const out: OoxmlComment[] = [];
  for (const item of items.values()) {
    const anchor = anchors.get(item.id);
    const c: OoxmlComment = { id: item.id, author: item.author, date: item.date, text: item.text, paragraph: anchor?.paragraph ?? 0 };
    const quoted = anchor?.text.replace(/\s+/g, ' ').trim();
    if (quoted) c.anchorText = quoted;
    out.push(c);
  }
  // Document order, then id.
  return out.sort((a, b) => a.paragraph - b.paragraph || Number(a.id) - Number(b.id));
}
