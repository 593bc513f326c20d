/**
 * word/styles.xml: what a paragraph inherits from its style through the
 * basedOn chain — numbering (numPr), outline level, heading and title roles.
 */
import type { ZipPackage } from './zip.js';
import { parsePart } from './xml.js';

/** Numbering as written in a numPr (either field may be absent). */
export interface NumPr {
  numId?: string;
  ilvl?: number;
}

interface RawStyle {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  numPr?: NumPr;
  outlineLvl?: number;
  isDefault: boolean;
}

/** A paragraph style with its inheritance resolved. */
export interface ResolvedStyle {
  id: string;
  name: string;
  /** Numbering inherited along basedOn; numId "0" (numbering switched off) is kept as such. */
  numId?: string;
  ilvl?: number;
  /** 0-based outline level (9 = body text) inherited along basedOn. */
  outlineLvl?: number;
  /** 1..9 for the built-in "heading N" styles (and styles based on them). */
  headingLevel?: number;
  title: boolean;
  toc: boolean;
}

export class StyleSheet {
  private readonly resolved = new Map<string, ResolvedStyle | null>();
  readonly defaultParagraphStyle: string | null;

  constructor(private readonly styles: Map<string, RawStyle>) {
    let def: string | null = null;
    for (const s of styles.values()) if (s.type === 'paragraph' && s.isDefault && def === null) def = s.id;
    this.defaultParagraphStyle = def;
  }

  static empty(): StyleSheet {
    return new StyleSheet(new Map());
  }

  /** The numId a numbering style (w:type="numbering") points to, for abstractNum numStyleLink. */
  numberingStyleNumId(styleId: string): string | undefined {
    const s = this.styles.get(styleId);
    return s?.type === 'numbering' ? s.numPr?.numId : undefined;
  }

  /** The style and the styles it is based on, nearest first (cycles cut). */
  chain(styleId: string): string[] {
    const out: string[] = [];
    for (let id: string | undefined = styleId; id !== undefined && !out.includes(id) && out.length < 20; id = this.styles.get(id)?.basedOn) out.push(id);
    return out;
  }

  /** The paragraph style, resolved along basedOn (cycles cut). Unknown ids give null. */
  paragraph(styleId: string | null): ResolvedStyle | null {
    const id = styleId ?? this.defaultParagraphStyle;
    if (id === null) return null;
    const cached = this.resolved.get(id);
    if (cached !== undefined) return cached;
    const raw = this.styles.get(id);
    if (!raw || raw.type !== 'paragraph') {
      // Word falls back to the default paragraph style for an unknown style id.
      const fallback = id !== this.defaultParagraphStyle && this.defaultParagraphStyle !== null ? this.paragraph(this.defaultParagraphStyle) : null;
      this.resolved.set(id, fallback);
      return fallback;
    }
    this.resolved.set(id, null); // cycle guard
    const out: ResolvedStyle = { id, name: raw.name, title: /^title$/i.test(raw.name), toc: /^toc ?\d$/i.test(raw.name) || /^toc ?heading$/i.test(raw.name) };
    const heading = /^heading ([1-9])$/i.exec(raw.name);
    if (heading) out.headingLevel = Number(heading[1]);
    const base = raw.basedOn !== undefined && raw.basedOn !== id ? this.paragraph(raw.basedOn) : null;
    const numId = raw.numPr?.numId ?? base?.numId;
    if (numId !== undefined) out.numId = numId;
    // ilvl goes with the numId that was inherited with it.
    const ilvl = raw.numPr?.numId !== undefined ? raw.numPr.ilvl : raw.numPr?.ilvl ?? base?.ilvl;
    if (ilvl !== undefined) out.ilvl = ilvl;
    const outline = raw.outlineLvl ?? base?.outlineLvl;
    if (outline !== undefined) out.outlineLvl = outline;
    if (out.headingLevel === undefined && base?.headingLevel !== undefined && raw.outlineLvl === undefined) out.headingLevel = base.headingLevel;
    this.resolved.set(id, out);
    return out;
  }
}

export async function readStyles(pkg: ZipPackage, part: string | null): Promise<StyleSheet> {
  if (part === null) return StyleSheet.empty();
  const styles = new Map<string, RawStyle>();
  let cur: RawStyle | null = null;
  let depth = 0;
  let pPrDepth = -1;
  let skipDepth = -1;
  const found = await parsePart(pkg, part, {
    open(name, a) {
      depth++;
      if (skipDepth >= 0) return;
      if (name === 'w:style') {
        cur = { id: a['w:styleId'] ?? '', type: a['w:type'] ?? 'paragraph', name: '', isDefault: /^(1|true|on)$/.test(a['w:default'] ?? ''), };
        return;
      }
      if (cur === null) return;
      const c: RawStyle = cur;
      switch (name) {
        case 'w:name': c.name = a['w:val'] ?? ''; break;
        case 'w:basedOn': if (a['w:val'] !== undefined) c.basedOn = a['w:val']; break;
        case 'w:pPr': if (pPrDepth < 0) pPrDepth = depth; break;
        case 'w:pPrChange': case 'w:rPr': case 'w:tblPr': case 'w:tcPr': case 'w:trPr': case 'w:tblStylePr':
          skipDepth = depth; break;
        case 'w:numId': if (pPrDepth >= 0 && a['w:val'] !== undefined) (c.numPr ??= {}).numId = a['w:val']; break;
        case 'w:ilvl': if (pPrDepth >= 0 && a['w:val'] !== undefined) (c.numPr ??= {}).ilvl = clampLevel(Number(a['w:val'])); break;
        case 'w:outlineLvl': if (pPrDepth >= 0 && a['w:val'] !== undefined) c.outlineLvl = Number(a['w:val']); break;
      }
    },
    close(name) {
      if (skipDepth === depth) skipDepth = -1;
      else if (skipDepth < 0) {
        if (name === 'w:pPr' && pPrDepth === depth) pPrDepth = -1;
        if (name === 'w:style' && cur !== null) {
          if (cur.id !== '' && !styles.has(cur.id)) styles.set(cur.id, cur);
          cur = null;
        }
      }
      depth--;
    },
    text() {},
  });
  return found ? new StyleSheet(styles) : StyleSheet.empty();
}

export function clampLevel(n: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), 8) : 0;
}
