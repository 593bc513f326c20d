/**
 * Annotate a DOCX: a copy of the file with every finding as a Word comment
 * anchored on the paragraph it concerns. Works on the package directly (fflate
 * for the zip, saxes to find offsets in the XML) and only *inserts* markup:
 * every byte of the body outside the inserted comment marks is kept, so the
 * text, formatting and tracked changes of the vendor's draft stay as they were.
 *
 * Pure: bytes in, bytes out. The CLI does the reading and the atomic writing.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Finding } from '../lint/types.js';
import { isDocumentLevel, sectionLabel, SEVERITY_LABEL } from './common.js';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const REL_STRICT_OFFICE_DOCUMENT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export class AnnotateError extends Error {
  override name = 'AnnotateError';
}

const MAX_ENTRIES = 20_000;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

export interface AnnotateOptions {
  /** Comment author (default "clauselint"). */
  author?: string;
  /** Comment initials (default "CL"). */
  initials?: string;
  /** Comment date; omitted when null or absent, so the same input gives the same bytes. */
  date?: Date | null;
}

export interface Anchor {
  finding: Finding;
  /** The w:id of the comment. */
  commentId: number;
  /** 1-based index of the anchoring w:p among the body's paragraphs. */
  paragraph: number;
  /** Why the comment is not on the finding's own paragraph: a whole-document finding, or a line past the last paragraph. */
  fallback: 'first-heading' | 'out-of-range' | null;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  anchors: Anchor[];
}

/** A paragraph of the document body (table-cell paragraphs included, in reading order). */
export interface BodyParagraph {
  /** 1-based index: the `line` of a DOCX finding. */
  index: number;
  text: string;
  /** Paragraph style id (w:pStyle), when set. */
  style: string | null;
  /** Outline level set on the paragraph itself (w:outlineLvl), when set. */
  outlineLevel: number | null;
  /** Offsets in the XML string. */
  tagStart: number;
  openEnd: number;
  pPrEnd: number | null;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  /** The prefix the paragraph uses for the WordprocessingML namespace ('' for the default namespace). */
  prefix: string;
  /** Whether `w:` is bound to the WordprocessingML namespace where the paragraph is. */
  wBound: boolean;
}

type Parser = SaxesParser<{ xmlns: true; position: true }>;

function newParser(): Parser {
  return new SaxesParser({ xmlns: true, position: true });
}

function parse(xml: string, part: string, setup: (p: Parser) => void): void {
  const p = newParser();
  setup(p);
  try {
    p.write(xml).close();
  } catch (err) {
    throw new AnnotateError(`${part}: malformed XML: ${(err as Error).message.split('\n')[0]}`);
  }
}

const wAttr = (tag: SaxesTagNS, local: string): string | undefined =>
  Object.values(tag.attributes).find((a) => a.uri === W_NS && a.local === local)?.value;

/**
 * The body's paragraphs in reading order: every w:p under w:body, table cells
 * included, counted once each. Paragraphs nested inside another paragraph
 * (text boxes) belong to their host paragraph and are not counted.
 */
export function bodyParagraphs(xml: string): BodyParagraph[] {
  const out: BodyParagraph[] = [];
  parse(xml, 'document', (p) => {
    const stack: SaxesTagNS[] = [];
    let inBody = 0;
    let current: BodyParagraph | null = null;
    let pDepth = 0; // depth of the current top-level paragraph in the stack
    let pPrDepth = 0;
    let inText = 0;
    p.on('opentag', (tag) => {
      stack.push(tag);
      const isW = tag.uri === W_NS;
      if (isW && tag.local === 'body') inBody++;
      if (inBody > 0 && isW && tag.local === 'p' && current === null) {
        current = {
          index: out.length + 1, text: '', style: null, outlineLevel: null,
          tagStart: xml.lastIndexOf('<', p.position - 1), openEnd: p.position, pPrEnd: null, closeStart: -1, end: -1,
          selfClosing: tag.isSelfClosing, prefix: tag.prefix, wBound: p.resolve('w') === W_NS,
        };
        pDepth = stack.length;
      } else if (current !== null && isW) {
        if (tag.local === 'pPr' && stack.length === pDepth + 1) pPrDepth = stack.length;
        if (pPrDepth > 0 && stack.length === pPrDepth + 1) {
          if (tag.local === 'pStyle') current.style = wAttr(tag, 'val') ?? null;
          if (tag.local === 'outlineLvl') current.outlineLevel = Number(wAttr(tag, 'val') ?? NaN);
        }
        if (tag.local === 't') inText++;
        if (tag.local === 'tab' && stack.length > pDepth + 1 && stack[stack.length - 2]?.local === 'r') current.text += '\t';
      }
    });
    p.on('text', (t) => {
      if (current !== null && inText > 0) current.text += t;
    });
    p.on('cdata', (t) => {
      if (current !== null && inText > 0) current.text += t;
    });
    p.on('closetag', (tag) => {
      const isW = tag.uri === W_NS;
      if (current !== null) {
        if (isW && tag.local === 't') inText--;
        if (stack.length === pPrDepth) {
          current.pPrEnd = p.position;
          pPrDepth = 0;
        }
        if (stack.length === pDepth) {
          current.end = p.position;
          current.closeStart = current.selfClosing ? p.position - 2 : xml.lastIndexOf('</', p.position - 1);
          out.push(current);
          current = null;
          pDepth = 0;
        }
      }
      if (isW && tag.local === 'body') inBody--;
      stack.pop();
    });
  });
  return out;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string, part: string): Relationship[] {
  const rels: Relationship[] = [];
  parse(xml, part, (p) => {
    p.on('opentag', (tag) => {
      if (tag.uri !== PKG_REL_NS || tag.local !== 'Relationship') return;
      const a = (n: string): string => tag.attributes[n]?.value ?? '';
      rels.push({ id: a('Id'), type: a('Type'), target: a('Target'), external: a('TargetMode') === 'External' });
    });
  });
  return rels;
}

/** Where the root element's end tag starts (or where `/>` of a self-closing root is), and its prefix. */
function rootClose(xml: string, part: string): { at: number; selfClosing: boolean; end: number; name: string; wBound: boolean } {
  let found: { at: number; selfClosing: boolean; end: number; name: string; wBound: boolean } | null = null;
  parse(xml, part, (p) => {
    let depth = 0;
    let selfClosing = false;
    let wBound = false;
    p.on('opentag', (tag) => {
      if (depth === 0) {
        selfClosing = tag.isSelfClosing;
        wBound = p.resolve('w') === W_NS;
      }
      depth++;
    });
    p.on('closetag', (tag) => {
      depth--;
      if (depth === 0) {
        const end = p.position;
        found = { at: selfClosing ? end - 2 : xml.lastIndexOf('</', end - 1), selfClosing, end, name: tag.name, wBound };
      }
    });
  });
  if (!found) throw new AnnotateError(`${part}: no root element`);
  return found;
}

/** Paragraph style ids that are headings: Title, Heading 1–9, or any style with an outline level (following basedOn). */
function headingStyles(stylesXml: string | null): Set<string> {
  const styles = new Map<string, { name: string; basedOn: string | null; outline: boolean }>();
  if (stylesXml !== null) {
    parse(stylesXml, 'styles', (p) => {
      let cur: { id: string; name: string; basedOn: string | null; outline: boolean } | null = null;
      p.on('opentag', (tag) => {
        if (tag.uri !== W_NS) return;
        if (tag.local === 'style' && wAttr(tag, 'type') === 'paragraph') {
          cur = { id: wAttr(tag, 'styleId') ?? '', name: '', basedOn: null, outline: false };
        } else if (cur) {
          if (tag.local === 'name') cur.name = wAttr(tag, 'val') ?? '';
          if (tag.local === 'basedOn') cur.basedOn = wAttr(tag, 'val') ?? null;
          if (tag.local === 'outlineLvl' && Number(wAttr(tag, 'val')) <= 8) cur.outline = true;
        }
      });
      p.on('closetag', (tag) => {
        if (tag.uri === W_NS && tag.local === 'style' && cur) {
          styles.set(cur.id, cur);
          cur = null;
        }
      });
    });
  }
  const isHeading = (id: string, depth = 0): boolean => {
    if (/^(title|heading[1-9])$/i.test(id)) return true;
    const s = styles.get(id);
    if (!s || depth > 10) return false;
    if (s.outline || /^(title|heading [1-9])$/i.test(s.name)) return true;
    return s.basedOn !== null && isHeading(s.basedOn, depth + 1);
  };
  const out = new Set<string>();
  for (const id of styles.keys()) if (isHeading(id)) out.add(id);
  for (const id of ['Title', ...Array.from({ length: 9 }, (_, i) => `Heading${i + 1}`)]) out.add(id);
  return out;
}

/** The first heading paragraph with text (the title counts), else the first paragraph with text, else the first. */
export function firstHeading(paragraphs: readonly BodyParagraph[], stylesXml: string | null): BodyParagraph | null {
  const headings = headingStyles(stylesXml);
  const hasText = (p: BodyParagraph): boolean => p.text.trim() !== '';
  return paragraphs.find((p) => hasText(p) && ((p.style !== null && headings.has(p.style)) || (p.outlineLevel !== null && p.outlineLevel <= 8)))
    ?? paragraphs.find(hasText) ?? paragraphs[0] ?? null;
}

function xmlText(s: string): string {
  // Characters XML 1.0 does not allow are dropped; markup characters escaped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const xmlAttr = (s: string): string => xmlText(s).replace(/"/g, '&quot;');

/** The lines of a comment: rule id and message first, then where and what to ask for. */
export function commentLines(f: Finding, anchor: Pick<Anchor, 'fallback'>): string[] {
  const lines = [`${f.ruleId} (${SEVERITY_LABEL[f.severity]}): ${f.message}`];
  if (anchor.fallback === 'out-of-range') lines.push(`Reported at paragraph ${f.line} (${sectionLabel(f.section)}), which this file does not have.`);
  else if (f.section) lines.push(sectionLabel(f.section));
  if (f.ask) lines.push(f.ask);
  return lines;
}

function partPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const relsPathOf = (part: string): string => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

interface Edit {
  at: number;
  /** Characters replaced from `at` (0: a pure insertion). */
  del: number;
  text: string;
}

function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += xml.slice(pos, e.at) + e.text;
    pos = e.at + e.del;
  }
  return out + xml.slice(pos);
}

function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/**
 * Insert one Word comment per finding. A finding's `line` is the 1-based index
 * of its w:p among the body's paragraphs (see `bodyParagraphs`); a
 * whole-document finding (a missing clause: no section, no quoted words) is
 * anchored on the document's first heading, and so is a line past the last
 * paragraph (the comment says so).
 */
export function annotateDocx(input: Uint8Array, findings: readonly Finding[], options: AnnotateOptions = {}): AnnotateResult {
  const files = unzipCapped(input);
  const parts = packageParts(files);
  const paragraphs = bodyParagraphs(parts.documentXml);
  if (paragraphs.length === 0) throw new AnnotateError('the document body has no paragraphs to comment on');
  const heading = firstHeading(paragraphs, parts.stylesXml)!;
  const anchors = anchorFindings(findings, paragraphs, heading, nextCommentId(parts.commentsXml, parts.commentsPart));
  files[parts.mainPart] = strToU8(markParagraphs(parts.documentXml, paragraphs, anchors));
  writeComments(files, parts, anchors, options);
  if (!parts.commentsRel) addCommentsRelationship(files, parts);
  addCommentsContentType(files, parts);
  // Fixed entry times: the same input and findings give the same bytes.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 6, mtime }];
  return { bytes: zipSync(zippable), anchors };
}

/**
 * The zip's entries. Every entry is copied, so every entry is inflated: the sizes the zip declares are capped
 * (fflate never inflates an entry past its declared size).
 */
function unzipCapped(input: Uint8Array): Record<string, Uint8Array> {
  let entries = 0;
  let declared = 0;
  try {
    return unzipSync(input, {
      filter(file) {
        entries++;
        declared += file.originalSize;
        if (entries > MAX_ENTRIES) throw new AnnotateError(`the zip has more than ${MAX_ENTRIES} entries`);
        if (declared > MAX_TOTAL_BYTES) throw new AnnotateError(`the zip expands to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof AnnotateError) throw err;
    throw new AnnotateError(`not a DOCX: ${(err as Error).message}`);
  }
}

/** The parts a comment touches: the main document, its relationships, styles and comments, the content types. */
interface PackageParts {
  mainPart: string;
  documentXml: string;
  contentTypes: string;
  docRelsPath: string;
  docRelsXml: string | null;
  docRels: ReturnType<typeof relationships>;
  stylesXml: string | null;
  commentsRel: ReturnType<typeof relationships>[number] | undefined;
  commentsPart: string;
  commentsXml: string | null;
}

function packageParts(files: Record<string, Uint8Array>): PackageParts {
  const text = (name: string): string | null => (files[name] ? strFromU8(files[name]) : null);
  const pkgRels = text('_rels/.rels');
  const mainRel = pkgRels === null ? undefined
    : relationships(pkgRels, '_rels/.rels').find((r) => r.type === REL_OFFICE_DOCUMENT || r.type === REL_STRICT_OFFICE_DOCUMENT);
  const mainPart = mainRel ? partPath('', mainRel.target) : 'word/document.xml';
  const documentXml = text(mainPart);
  if (documentXml === null) throw new AnnotateError(`not a DOCX: the zip has no ${mainPart}`);
  const contentTypes = text('[Content_Types].xml');
  if (contentTypes === null) throw new AnnotateError('not a DOCX: the zip has no [Content_Types].xml');
  const docRelsPath = relsPathOf(mainPart);
  const docRelsXml = text(docRelsPath);
  const docRels = docRelsXml === null ? [] : relationships(docRelsXml, docRelsPath);
  const stylesRel = docRels.find((r) => r.type === REL_STYLES && !r.external);
  const commentsRel = docRels.find((r) => r.type === REL_COMMENTS && !r.external);
  const commentsPart = commentsRel ? partPath(mainPart, commentsRel.target) : partPath(mainPart, 'comments.xml');
  return {
    mainPart, documentXml, contentTypes, docRelsPath, docRelsXml, docRels,
    stylesXml: stylesRel ? text(partPath(mainPart, stylesRel.target)) : null,
    commentsRel, commentsPart, commentsXml: text(commentsPart),
  };
}

/** Comment ids continue after any the draft already has. */
function nextCommentId(commentsXml: string | null, commentsPart: string): number {
  let nextId = 0;
  if (commentsXml === null) return nextId;
  parse(commentsXml, commentsPart, (p) => {
    p.on('opentag', (tag) => {
      if (tag.uri === W_NS && tag.local === 'comment') {
        const id = Number(wAttr(tag, 'id'));
        if (Number.isInteger(id) && id >= nextId) nextId = id + 1;
      }
    });
  });
  return nextId;
}

/** Each finding's paragraph: its line, or the first heading for a whole-document finding or a line past the end. */
function anchorFindings(findings: readonly Finding[], paragraphs: readonly BodyParagraph[], heading: BodyParagraph, firstId: number): Anchor[] {
  let nextId = firstId;
  return findings.map((f) => {
    let target: BodyParagraph | undefined;
    let fallback: Anchor['fallback'] = null;
    if (isDocumentLevel(f)) {
      target = heading;
      fallback = 'first-heading';
    } else {
      target = paragraphs[f.line - 1];
      if (!target) {
        target = heading;
        fallback = 'out-of-range';
      }
    }
    return { finding: f, commentId: nextId++, paragraph: target.index, fallback };
  });
}

/** document.xml: each comment's range start after the paragraph properties, its range end and reference run at the end. */
function markParagraphs(documentXml: string, paragraphs: readonly BodyParagraph[], anchors: readonly Anchor[]): string {
  const byParagraph = new Map<number, Anchor[]>();
  for (const a of anchors) byParagraph.set(a.paragraph, [...(byParagraph.get(a.paragraph) ?? []), a]);
  const edits: Edit[] = [];
  for (const [index, list] of byParagraph) {
    const p = paragraphs[index - 1]!;
    const ns = p.wBound ? '' : ` xmlns:w="${W_NS}"`;
    const starts = list.map((a) => `<w:commentRangeStart${ns} w:id="${a.commentId}"/>`).join('');
    const ends = list.map((a) => `<w:commentRangeEnd${ns} w:id="${a.commentId}"/><w:r${ns}><w:commentReference w:id="${a.commentId}"/></w:r>`).join('');
    if (p.selfClosing) {
      const name = documentXml.slice(p.tagStart + 1, p.openEnd).match(/^[^\s/>]+/)![0];
      edits.push({ at: p.closeStart, del: 2, text: `>${starts}${ends}</${name}>` });
    } else {
      edits.push({ at: p.pPrEnd ?? p.openEnd, del: 0, text: starts });
      edits.push({ at: p.closeStart, del: 0, text: ends });
    }
  }
  return applyEdits(documentXml, edits);
}

/** comments.xml: new, or the draft's own with ours appended. */
function writeComments(files: Record<string, Uint8Array>, parts: PackageParts, anchors: readonly Anchor[], options: AnnotateOptions): void {
  const author = options.author ?? 'clauselint';
  const initials = options.initials ?? 'CL';
  const date = options.date ? ` w:date="${isoSeconds(options.date)}"` : '';
  const comment = (a: Anchor, ns: string): string => {
    const paras = commentLines(a.finding, a).map((line, i) =>
      `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`).join('');
    return `<w:comment${ns} w:id="${a.commentId}" w:author="${xmlAttr(author)}"${date} w:initials="${xmlAttr(initials)}">${paras}</w:comment>`;
  };
  const { commentsXml, commentsPart } = parts;
  if (commentsXml === null) {
    files[commentsPart] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${anchors.map((a) => comment(a, '')).join('')}</w:comments>`);
  } else if (anchors.length > 0) {
    const root = rootClose(commentsXml, commentsPart);
    const ns = root.wBound ? '' : ` xmlns:w="${W_NS}"`;
    files[commentsPart] = strToU8(appendToRoot(commentsXml, root, anchors.map((a) => comment(a, ns)).join('')));
  }
}

/** The relationship from the document to a new comments part. */
function addCommentsRelationship(files: Record<string, Uint8Array>, parts: PackageParts): void {
  const { docRels, docRelsXml, docRelsPath } = parts;
  const taken = new Set(docRels.map((r) => r.id));
  let n = docRels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  const rel = `<Relationship Id="rId${n}" Type="${REL_COMMENTS}" Target="${xmlAttr(relativeTarget(parts.mainPart, parts.commentsPart))}"/>`;
  files[docRelsPath] = strToU8(docRelsXml === null
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rel}</Relationships>`
    : appendToRoot(docRelsXml, rootClose(docRelsXml, docRelsPath), rel));
}

/** The content type of the comments part, unless the package names it already. */
function addCommentsContentType(files: Record<string, Uint8Array>, parts: PackageParts): void {
  const { contentTypes, commentsPart } = parts;
  let hasOverride = false;
  parse(contentTypes, '[Content_Types].xml', (p) => {
    p.on('opentag', (tag) => {
      if (tag.uri === CT_NS && tag.local === 'Override' && tag.attributes.PartName?.value.toLowerCase() === `/${commentsPart}`.toLowerCase()) hasOverride = true;
    });
  });
  if (hasOverride) return;
  const override = `<Override PartName="/${xmlAttr(commentsPart)}" ContentType="${CT_COMMENTS}"/>`;
  files['[Content_Types].xml'] = strToU8(appendToRoot(contentTypes, rootClose(contentTypes, '[Content_Types].xml'), override));
}

/** XML with `inner` added as the last children of its root element (a self-closing root opened for it). */
function appendToRoot(xml: string, root: ReturnType<typeof rootClose>, inner: string): string {
  return applyEdits(xml, [root.selfClosing ? { at: root.at, del: 2, text: `>${inner}</${root.name}>` } : { at: root.at, del: 0, text: inner }]);
}

/** A relationship target from one part to another (both zip paths). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
