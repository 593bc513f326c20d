/**
 * DOCX fixtures written part by part from XML strings (generated in the test,
 * never committed as binaries): a few helpers for paragraphs, numbering and
 * styles, and a small deflating zip writer (node:zlib).
 */
import { crc32, deflateRawSync } from 'node:zlib';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A zip of the given entries (deflated), with a fixed timestamp. */
export function zip(entries: ReadonlyArray<[string, string | Uint8Array]>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface DocxParts {
  /** The children of w:body. */
  body: string;
  /** The children of w:numbering. */
  numbering?: string;
  /** The children of w:styles. */
  styles?: string;
  /** The children of w:comments. */
  comments?: string;
  /** The children of w:footnotes (the separators are added). */
  footnotes?: string;
  /** The children of w:hdr (a default header). */
  header?: string;
  /** The children of w:ftr (a default footer). */
  footer?: string;
}

const root = (tag: string, children: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${tag} xmlns:w="${W}" xmlns:r="${R}">${children}</w:${tag}>`;

/** A minimal but complete DOCX package around the given parts. */
export function docx(parts: DocxParts): Uint8Array {
  const rels: string[] = [];
  const overrides: string[] = [];
  const entries: Array<[string, string]> = [];
  const add = (id: string, type: string, target: string, contentType: string, xml: string): void => {
    rels.push(`<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`);
    overrides.push(`<Override PartName="/word/${target}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`);
    entries.push([`word/${target}`, xml]);
  };
  add('rIdStyles', 'styles', 'styles.xml', 'styles', root('styles', parts.styles ?? ''));
  if (parts.numbering !== undefined) add('rIdNumbering', 'numbering', 'numbering.xml', 'numbering', root('numbering', parts.numbering));
  if (parts.comments !== undefined) add('rIdComments', 'comments', 'comments.xml', 'comments', root('comments', parts.comments));
  if (parts.footnotes !== undefined) {
    add('rIdFootnotes', 'footnotes', 'footnotes.xml', 'footnotes', root('footnotes',
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' + parts.footnotes));
  }
  let sectRefs = '';
  if (parts.header !== undefined) {
    add('rIdHeader', 'header', 'header1.xml', 'header', root('hdr', parts.header));
    sectRefs += '<w:headerReference w:type="default" r:id="rIdHeader"/>';
  }
  if (parts.footer !== undefined) {
    add('rIdFooter', 'footer', 'footer1.xml', 'footer', root('ftr', parts.footer));
    sectRefs += '<w:footerReference w:type="default" r:id="rIdFooter"/>';
  }
  const document = root('document', `<w:body>${parts.body}<w:sectPr>${sectRefs}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>`);
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      `${overrides.join('')}</Types>`],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `${rels.join('')}</Relationships>`],
    ...entries,
  ]);
}

export interface POptions {
  style?: string;
  numId?: number | string;
  ilvl?: number;
  /** Extra XML inside w:pPr (after pStyle/numPr). */
  pPr?: string;
  /** Run-level XML instead of a plain text run. */
  runs?: string;
}

/** A paragraph: `p('Text', { style: 'Heading1', numId: 1, ilvl: 0 })`. */
export function p(text: string, o: POptions = {}): string {
  const numPr = o.numId !== undefined || o.ilvl !== undefined
    ? `<w:numPr>${o.ilvl !== undefined ? `<w:ilvl w:val="${o.ilvl}"/>` : ''}${o.numId !== undefined ? `<w:numId w:val="${o.numId}"/>` : ''}</w:numPr>`
    : '';
  const pPr = `${o.style ? `<w:pStyle w:val="${o.style}"/>` : ''}${numPr}${o.pPr ?? ''}`;
  const runs = o.runs ?? (text === '' ? '' : r(text));
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A run of text (bold when asked). */
export function r(text: string, bold = false): string {
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export const rev = (kind: 'ins' | 'del', author: string, date: string, id: number, text: string): string =>
  kind === 'ins'
    ? `<w:ins w:id="${id}" w:author="${esc(author)}" w:date="${date}"><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:ins>`
    : `<w:del w:id="${id}" w:author="${esc(author)}" w:date="${date}"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;

export interface LevelSpec {
  fmt: string;
  text: string;
  start?: number;
  restart?: number;
  isLgl?: boolean;
  pStyle?: string;
}

/** An abstractNum with the given levels (ilvl 0, 1, …). */
export function abstractNum(id: number, levels: readonly LevelSpec[], extra = ''): string {
  const lvls = levels.map((l, i) =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/>` +
    `${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}${l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : ''}` +
    `${l.isLgl ? '<w:isLgl/>' : ''}<w:lvlText w:val="${esc(l.text)}"/><w:lvlJc w:val="left"/></w:lvl>`).join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${extra}${lvls}</w:abstractNum>`;
}

/** A num instance; overrides: [ilvl, startOverride]. */
export function num(numId: number, abstractId: number, overrides: ReadonlyArray<[number, number]> = []): string {
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>` +
    overrides.map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`).join('') + '</w:num>';
}

/** A paragraph style, optionally numbered (numPr on the style) or based on another. */
export function pStyle(id: string, name: string, o: { basedOn?: string; numId?: number; ilvl?: number; outlineLvl?: number; isDefault?: boolean } = {}): string {
  const numPr = o.numId !== undefined ? `<w:numPr>${o.ilvl !== undefined ? `<w:ilvl w:val="${o.ilvl}"/>` : ''}<w:numId w:val="${o.numId}"/></w:numPr>` : '';
  const outline = o.outlineLvl !== undefined ? `<w:outlineLvl w:val="${o.outlineLvl}"/>` : '';
  return `<w:style w:type="paragraph"${o.isDefault ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${esc(name)}"/>` +
    `${o.basedOn ? `<w:basedOn w:val="${o.basedOn}"/>` : ''}${numPr || outline ? `<w:pPr>${numPr}${outline}</w:pPr>` : ''}</w:style>`;
}

/** Normal, Title and Heading 1–3, as Word defines them. */
export const BASE_STYLES = [
  pStyle('Normal', 'Normal', { isDefault: true }),
  pStyle('Title', 'Title', { basedOn: 'Normal' }),
  pStyle('Heading1', 'heading 1', { basedOn: 'Normal', outlineLvl: 0 }),
  pStyle('Heading2', 'heading 2', { basedOn: 'Normal', outlineLvl: 1 }),
  pStyle('Heading3', 'heading 3', { basedOn: 'Normal', outlineLvl: 2 }),
].join('');

/** A table: rows of cells, each cell a list of paragraph XML strings. */
export function table(rows: ReadonlyArray<ReadonlyArray<string | readonly string[]>>): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/>${rows.map((row) =>
    `<w:tr>${row.map((c) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${typeof c === 'string' ? c : c.join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
}
