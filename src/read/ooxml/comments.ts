/**
 * The side stories of a DOCX: comments (word/comments.xml) and footnotes and
 * endnotes (word/footnotes.xml, word/endnotes.xml). Each is a list of
 * paragraphs whose plain text is all the reader needs.
 */
import type { ZipPackage } from './zip.js';
import { parsePart } from './xml.js';

export interface StoryItem {
  id: string;
  author: string | null;
  date: string | null;
  initials: string | null;
  /** Paragraphs joined with "\n"; whitespace inside a paragraph collapsed. */
  text: string;
}

/** Elements whose content is never text of the story. */
const SKIP = new Set(['w:instrText', 'w:delText', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:del', 'w:moveFrom']);

/**
 * Read every `itemTag` element (w:comment, w:footnote, w:endnote) of a part.
 * Footnote separators (w:type="separator" …) are left out.
 */
async function readStory(pkg: ZipPackage, part: string | null, itemTag: string): Promise<Map<string, StoryItem>> {
  const out = new Map<string, StoryItem>();
  if (part === null) return out;
  let item: StoryItem | null = null;
  let paras: string[] = [];
  let para: string | null = null;
  let inText = false;
  let depth = 0;
  let skipDepth = -1;
  // Complex fields: true while in a field's instruction (before its separate), false in its result.
  const fields: boolean[] = [];
  await parsePart(pkg, part, {
    open(name, a) {
      depth++;
      if (skipDepth >= 0) return;
      if (name === itemTag) {
        const type = a['w:type'];
        if (type !== undefined && type !== 'normal') {
          skipDepth = depth;
          return;
        }
        item = { id: a['w:id'] ?? '', author: a['w:author'] ?? null, date: a['w:date'] ?? null, initials: a['w:initials'] ?? null, text: '' };
        paras = [];
        return;
      }
      if (item === null) return;
      if (SKIP.has(name)) {
        skipDepth = depth;
        return;
      }
      switch (name) {
        case 'w:p': para = ''; break;
        case 'w:t': inText = !fields.includes(true); break;
        case 'w:tab': case 'w:br': case 'w:cr': case 'w:ptab': if (para !== null) para += ' '; break;
        case 'w:noBreakHyphen': if (para !== null) para += '-'; break;
        case 'w:fldChar': {
          const t = a['w:fldCharType'];
          if (t === 'begin') fields.push(true);
          else if (t === 'separate' && fields.length > 0) fields[fields.length - 1] = false;
          else if (t === 'end') fields.pop();
          break;
        }
      }
    },
    close(name) {
      if (skipDepth === depth) skipDepth = -1;
      else if (skipDepth < 0 && item !== null) {
        if (name === 'w:t') inText = false;
        else if (name === 'w:p' && para !== null) {
          paras.push(para.replace(/\s+/g, ' ').trim());
          para = null;
        } else if (name === itemTag) {
          const it: StoryItem = item;
          it.text = paras.filter((p) => p !== '').join('\n');
          if (!out.has(it.id)) out.set(it.id, it);
          item = null;
        }
      }
      depth--;
    },
    text(t) {
      if (inText && skipDepth < 0 && para !== null) para += t;
    },
  });
  return out;
}

export function readComments(pkg: ZipPackage, part: string | null): Promise<Map<string, StoryItem>> {
  return readStory(pkg, part, 'w:comment');
}

export function readNotes(pkg: ZipPackage, part: string | null, kind: 'footnote' | 'endnote'): Promise<Map<string, StoryItem>> {
  return readStory(pkg, part, `w:${kind}`);
}
