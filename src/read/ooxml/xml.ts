/**
 * Streaming XML over a zip part: saxes (a conformant, non-validating XML
 * parser) emits events to a handler that keeps only what the reader needs, so
 * no part is ever held as a tree. DTDs are refused outright (and with them every entity
 * declaration: saxes expands only the five predefined entities and character
 * references, and fails on any other entity reference).
 *
 * Element and attribute names reach the handler with the canonical prefixes
 * `w:` (WordprocessingML, transitional or strict), `r:` and `mc:`, whatever
 * prefixes the part's root element binds to those namespaces.
 */
import { SaxesParser } from 'saxes';
import type { ZipPackage } from './zip.js';

export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Malformed or refused XML in a part. */
export class XmlError extends Error {
  override name = 'XmlError';
  constructor(readonly part: string, message: string) {
    super(`${part}: ${message}`);
  }
}

const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

/** prefix → canonical prefix, only for the prefixes that differ; null when none do. */
function renamesOf(attrs: Readonly<Record<string, string>>): Map<string, string> | null {
  let map: Map<string, string> | null = null;
  for (const [k, v] of Object.entries(attrs)) {
    const canon = CANONICAL[v];
    if (canon === undefined) continue;
    const prefix = k === 'xmlns' ? '' : k.startsWith('xmlns:') ? k.slice(6) : null;
    if (prefix === null || prefix === canon) continue;
    (map ??= new Map()).set(prefix, canon);
  }
  return map;
}

function rename(name: string, map: Map<string, string>, isAttr: boolean): string {
  const i = name.indexOf(':');
  if (i < 0) {
    // An unprefixed element is in the default namespace; an unprefixed attribute in none,
    // but a part that puts WordprocessingML in the default namespace writes w:val as val.
    const canon = map.get('');
    return canon !== undefined && (!isAttr || name !== 'xmlns') ? `${canon}:${name}` : name;
  }
  const canon = map.get(name.slice(0, i));
  return canon === undefined ? name : `${canon}:${name.slice(i + 1)}`;
}

/**
 * UTF-8 bytes held as a one-byte ("latin1") string back to text: each run of
 * characters 0x80–0xFF is the UTF-8 encoding of what it stands for. Characters
 * above 0xFF (from character references) pass through.
 */
export function fromUtf8Bytes(s: string): string {
  if (!HIGH.test(s)) return s;
  if (!WIDE.test(s)) return Buffer.from(s, 'latin1').toString('utf8');
  return s.replace(HIGH_RUNS, (run) => Buffer.from(run, 'latin1').toString('utf8'));
}
const HIGH = /[\u0080-\u00ff]/;
const WIDE = /[\u0100-\uffff]/;
const HIGH_RUNS = /[\u0080-\u00ff]+/g;

/** Does the XML hold a character reference to U+0080–U+00FF? */
function latinReference(xml: string): boolean {
  for (let i = xml.indexOf('&#'); i >= 0; i = xml.indexOf('&#', i + 2)) {
    const m = /^&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));/.exec(xml.slice(i, i + 12));
    if (!m) continue;
    const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
    if (code >= 0x80 && code <= 0xff) return true;
  }
  return false;
}

/** Attributes whose values are text shown to people (the rest are ASCII keys and numbers). */
const TEXT_ATTRIBUTES = ['w:author', 'w:initials'];

/**
 * Parse one part, streaming. Returns false when the part is absent; throws an
 * XmlError for malformed XML or a DTD.
 *
 * A UTF-8 part is handed to the parser as a one-byte string of its bytes
 * (decoding 9 MB of UTF-8 into a two-byte string was the largest single cost
 * of reading a long contract, and the parser is faster on one-byte strings);
 * XML markup is ASCII, so only text and the few attributes that hold text
 * (authors, initials, a numbering level's text) are decoded, as they are met.
 * A part with a character reference to U+0080–U+00FF is decoded in full
 * instead, so that a reference such as `&#233;` cannot be mistaken for a
 * UTF-8 byte (others, such as the `&#xA;` of embedded data, are harmless).
 */
export async function parsePart(pkg: ZipPackage, part: string, handler: XmlHandler): Promise<boolean> {
  const data = await pkg.read(part);
  if (data === null) return false;
  let text: string;
  let bytes = false;
  if (data[0] === 0xff && data[1] === 0xfe) text = data.toString('utf16le', 2);
  else if (data[0] === 0xfe && data[1] === 0xff) text = new TextDecoder('utf-16be').decode(data.subarray(2));
  else {
    const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
    text = data.toString('latin1', start);
    bytes = true;
    if (latinReference(text)) {
      text = data.toString('utf8', start);
      bytes = false;
    }
  }

  const parser = new SaxesParser({ xmlns: false, position: false });
  let renames: Map<string, string> | null | undefined;
  parser.on('doctype', () => {
    throw new XmlError(part, 'declares a DTD, which is refused');
  });
  parser.on('opentag', (tag) => {
    let name = tag.name;
    let attrs = tag.attributes as Record<string, string>;
    if (renames === undefined) renames = renamesOf(attrs);
    if (renames !== null) {
      const map = renames;
      name = rename(name, map, false);
      const renamed: Record<string, string> = {};
      for (const [k, v] of Object.entries(attrs)) renamed[rename(k, map, true)] = v;
      attrs = renamed;
    }
    if (bytes) {
      for (const k of TEXT_ATTRIBUTES) {
        const v = attrs[k];
        if (v !== undefined) attrs[k] = fromUtf8Bytes(v);
      }
      if (name === 'w:lvlText' && attrs['w:val'] !== undefined) attrs['w:val'] = fromUtf8Bytes(attrs['w:val']);
    }
    handler.open(name, attrs);
  });
  parser.on('closetag', (tag) => {
    handler.close(renames ? rename(tag.name, renames, false) : tag.name);
  });
  const onText = bytes ? (t: string): void => handler.text(fromUtf8Bytes(t)) : (t: string): void => handler.text(t);
  parser.on('text', onText);
  parser.on('cdata', onText);

  // Fed to the parser in slices, so that it works through the part piece by piece.
  const SLICE = 1 << 20;
  try {
    for (let at = 0; at < text.length; at += SLICE) parser.write(text.slice(at, at + SLICE));
    parser.close();
  } catch (err) {
    if (err instanceof XmlError) throw err;
    throw new XmlError(part, (err as Error).message.replace(/^undefined:/, '').trim());
  }
  return true;
}

/** Is an OOXML on/off property on? (`<w:b/>`, `<w:b w:val="true"/>`; off for "0", "false", "off", "none".) */
export function isOn(attrs: Readonly<Record<string, string>>): boolean {
  const v = attrs['w:val'];
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}
