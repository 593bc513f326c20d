import type { Nodes as HastNode, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { ContractDocument } from '../model.js';
import { collectDefinitions } from './definitions.js';
import { InputError } from './errors.js';
import { mdastToRaw } from './mdast.js';
import { markTitle } from './markdown.js';
import { buildSections } from './sections.js';

const html = unified().use(rehypeParse, { fragment: true });

// Word's own heading styles arrive as <h1>…<h6>; the title style is the document title.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

/** The text of the paragraph in Word's Title style (mapped to <h1 class="doc-title">). */
function docTitle(tree: HastRoot): string | null {
  let found: string | null = null;
  const text = (n: HastNode): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(text).join('') : '');
  const visit = (n: HastNode): void => {
    if (found !== null) return;
    if (n.type === 'element' && n.tagName === 'h1' && String(n.properties?.className ?? '').includes('doc-title')) {
      found = text(n).replace(/\s+/g, ' ').trim();
      return;
    }
    if ('children' in n) n.children.forEach(visit);
  };
  visit(tree);
  return found;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Check the container before handing it to mammoth, so the error names the real problem. */
export function checkDocxContainer(path: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  const starts = (magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (starts(OLE_MAGIC)) throw new InputError(path, 'not a DOCX: an OLE compound file (legacy .doc or a password-protected document)');
  if (starts([0x25, 0x50, 0x44, 0x46])) throw new InputError(path, 'not a DOCX: a PDF file');
  if (starts([0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new InputError(path, 'not a DOCX: an RTF file');
  if (!starts(ZIP_MAGIC)) throw new InputError(path, 'not a DOCX: not a zip archive');
}

/**
 * DOCX through mammoth: HTML → hast → mdast, then the same block flattening and
 * section builder as Markdown. Positions are 1-based block indexes.
 */
export async function readDocx(path: string, bytes: Uint8Array): Promise<ContractDocument> {
  checkDocxContainer(path, bytes);
  let value: string;
  try {
    ({ value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { styleMap: STYLE_MAP }));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/word\/document\.xml|Could not find/i.test(msg)) throw new InputError(path, 'not a DOCX: the zip has no word/document.xml');
    throw new InputError(path, `unreadable DOCX: ${msg.split('\n')[0]}`);
  }
  const hast = html.parse(value);
  const titleText = docTitle(hast);
  const mdast = toMdast(hast);
  const raw = mdastToRaw(mdast as import('mdast').Root, { positions: 'index' });
  const titleBlock = titleText === null ? undefined : raw.find((b) => b.headingDepth === 1 && b.text === titleText);
  if (titleBlock) titleBlock.title = true;
  else markTitle(raw);
  const built = buildSections(raw);
  return {
    path, format: 'docx', title: built.title,
    preamble: built.preamble, sections: built.sections,
    definitions: collectDefinitions(built.preamble, built.sections),
  };
}
