/**
 * word/numbering.xml and Word's automatic numbering as rendered.
 *
 * - A paragraph's list is a `w:num` (numId), an instance of a `w:abstractNum`
 *   that defines up to nine levels: start, numFmt, lvlText ("%1.%2", "(%3)"),
 *   lvlRestart, isLgl and the paragraph style linked to the level (pStyle).
 * - An abstractNum with numStyleLink takes its levels from the list that the
 *   named numbering style points to.
 * - Counters are kept per abstract numbering, so every `w:num` that uses the
 *   same abstractNum continues one sequence, as in Word. A num with a
 *   lvlOverride/startOverride restarts that level the first time the num is
 *   used, at startOverride (which is also where the level restarts later).
 * - Using level L increments L and resets every deeper level M whose
 *   lvlRestart allows it (absent: always; 0: never; r: when L < r).
 * - A level used before its parent levels counts them as used at their start
 *   ("1.1" with no "1" before it; the next level-0 paragraph is then "2").
 * - `%n` shows level n's current counter in level n's format, or in decimal
 *   when the level being rendered has isLgl.
 */
import { clampLevel, type StyleSheet } from './styles.js';
import type { ZipPackage } from './zip.js';
import { isOn, parsePart } from './xml.js';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** lvlRestart as written (1-based level; 0 = never); undefined = restart after any higher level. */
  restart?: number;
  isLgl: boolean;
  pStyle?: string;
}

interface AbstractNum {
  id: string;
  levels: Array<LevelDef | undefined>;
  numStyleLink?: string;
}

interface NumOverride {
  start?: number;
  level?: LevelDef;
}

interface NumDef {
  id: string;
  abstractId: string;
  overrides: Map<number, NumOverride>;
}

export interface RenderedNumber {
  /** The number as Word shows it ("14.2", "(b)"); "" for a level without text (numFmt none). */
  label: string;
  bullet: boolean;
  level: number;
  /** The counters the number comes from (an abstract numbering, or a list of its own): one list, one key. */
  list: string;
}

export class NumberingDefinitions {
  constructor(
    private readonly abstracts: Map<string, AbstractNum>,
    private readonly nums: Map<string, NumDef>,
    private readonly styles: StyleSheet,
  ) {}

  static empty(styles: StyleSheet): NumberingDefinitions {
    return new NumberingDefinitions(new Map(), new Map(), styles);
  }

  num(numId: string): NumDef | undefined {
    return this.nums.get(numId);
  }

  /** The abstract numbering of a num, following numStyleLink through numbering styles. */
  abstractOf(num: NumDef): AbstractNum | undefined {
    let abs = this.abstracts.get(num.abstractId);
    for (let hops = 0; abs?.numStyleLink !== undefined && hops < 5; hops++) {
      const linkedNumId = this.styles.numberingStyleNumId(abs.numStyleLink);
      const linked = linkedNumId !== undefined ? this.nums.get(linkedNumId) : undefined;
      const next = linked ? this.abstracts.get(linked.abstractId) : undefined;
      if (!next || next === abs) break;
      abs = next;
    }
    return abs;
  }

  /** The level a paragraph style is linked to in this list (w:lvl/w:pStyle), if any. */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const abs = this.abstractOf(num);
    for (let k = 0; k < 9; k++) {
      const lvl = num.overrides.get(k)?.level ?? abs?.levels[k];
      if (lvl?.pStyle === styleId) return k;
    }
    return undefined;
  }
}

/** The counters of one reading of the document (one per revisions view). */
export class NumberingCounters {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly usedNums = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** Count a paragraph in list numId at level ilvl and render its number; null when it has none. */
  next(numId: string, ilvl: number): RenderedNumber | null {
    const num = this.defs.num(numId);
    if (!num) return null;
    const abs = this.defs.abstractOf(num);
    const levelDef = (k: number): LevelDef | undefined => num.overrides.get(k)?.level ?? abs?.levels[k];
    const startOf = (k: number): number => num.overrides.get(k)?.start ?? levelDef(k)?.start ?? 0;
    const L = clampLevel(ilvl);
    const lvl = levelDef(L);
    if (!lvl) return null;
    const key = abs?.id ?? `num:${num.id}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = new Array<number | undefined>(9).fill(undefined);
      this.counters.set(key, counters);
    }
    if (!this.usedNums.has(num.id)) {
      this.usedNums.add(num.id);
      for (const [k, o] of num.overrides) if (o.start !== undefined) counters[k] = undefined;
    }
    // A level used before its parents counts them as used at their start: "1.1" first,
    // then the next level-0 paragraph is "2", as Word (and LibreOffice) number it.
    for (let k = 0; k < L; k++) if (counters[k] === undefined) counters[k] = startOf(k);
    const cur = counters[L];
    counters[L] = cur === undefined ? startOf(L) : cur + 1;
    for (let m = L + 1; m < 9; m++) {
      const r = levelDef(m)?.restart;
      if (r === undefined || (r !== 0 && L < r)) counters[m] = undefined;
    }
    if (lvl.numFmt === 'bullet') return { label: lvl.lvlText, bullet: true, level: L, list: key };
    const label = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      if (k > L) return '';
      const v = counters[k] ?? startOf(k);
      const fmt = levelDef(k)?.numFmt ?? 'decimal';
      return formatNumber(v, lvl.isLgl && fmt !== 'none' ? 'decimal' : fmt);
    });
    return { label, bullet: false, level: L, list: key };
  }
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Word's letters: a … z, then aa … zz, aaa … */
function letters(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** One counter value in a numFmt. Unknown formats fall back to decimal, as Word's compatibility fallback does. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'none': return '';
    case 'decimalZero': return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'lowerLetter': return n > 0 ? letters(n) : String(n);
    case 'upperLetter': return n > 0 ? letters(n).toUpperCase() : String(n);
    case 'lowerRoman': return n > 0 && n < 4000 ? roman(n) : String(n);
    case 'upperRoman': return n > 0 && n < 4000 ? roman(n).toUpperCase() : String(n);
    case 'ordinal': return `${n}${ordinalSuffix(n)}`;
    case 'decimalEnclosedParen': return `(${n})`;
    case 'decimalEnclosedFullstop': return `${n}.`;
    default: return String(n);
  }
}

export async function readNumbering(pkg: ZipPackage, part: string | null, styles: StyleSheet): Promise<NumberingDefinitions> {
  if (part === null) return NumberingDefinitions.empty(styles);
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, NumDef>();
  let abs: AbstractNum | null = null;
  let num: NumDef | null = null;
  let override: { ilvl: number; o: NumOverride } | null = null;
  let lvl: { ilvl: number; def: LevelDef } | null = null;
  let depth = 0;
  let skipDepth = -1;

  const found = await parsePart(pkg, part, {
    open(name, a) {
      depth++;
      if (skipDepth >= 0) return;
      switch (name) {
        case 'w:abstractNum':
          abs = { id: a['w:abstractNumId'] ?? '', levels: [] };
          return;
        case 'w:num':
          num = { id: a['w:numId'] ?? '', abstractId: '', overrides: new Map() };
          return;
        case 'w:abstractNumId':
          if (num) num.abstractId = a['w:val'] ?? '';
          return;
        case 'w:numStyleLink':
          if (abs && a['w:val']) abs.numStyleLink = a['w:val'];
          return;
        case 'w:lvlOverride':
          if (num) override = { ilvl: clampLevel(Number(a['w:ilvl'] ?? 0)), o: {} };
          return;
        case 'w:startOverride':
          if (override && a['w:val'] !== undefined) override.o.start = Number(a['w:val']) || 0;
          return;
        case 'w:lvl':
          lvl = { ilvl: clampLevel(Number(a['w:ilvl'] ?? 0)), def: { start: 0, numFmt: 'decimal', lvlText: '', isLgl: false } };
          return;
        case 'w:pPr': case 'w:rPr': case 'mc:Choice': case 'w:numPicBullet':
          skipDepth = depth;
          return;
      }
      if (!lvl) return;
      const def = (lvl as { def: LevelDef }).def;
      switch (name) {
        case 'w:start': def.start = Number(a['w:val'] ?? 0) || 0; break;
        case 'w:numFmt': def.numFmt = a['w:val'] ?? 'decimal'; break;
        case 'w:lvlText': def.lvlText = a['w:val'] ?? ''; break;
        case 'w:lvlRestart': def.restart = Number(a['w:val'] ?? 0) || 0; break;
        case 'w:isLgl': def.isLgl = isOn(a); break;
        case 'w:pStyle': if (a['w:val']) def.pStyle = a['w:val']; break;
        case 'w:lvlPicBulletId': def.numFmt = 'bullet'; break;
      }
    },
    close(name) {
      if (skipDepth === depth) {
        skipDepth = -1;
      } else if (skipDepth < 0) {
        if (name === 'w:lvl' && lvl) {
          const l: { ilvl: number; def: LevelDef } = lvl;
          if (override) override.o.level = l.def;
          else if (abs) (abs as AbstractNum).levels[l.ilvl] ??= l.def;
          lvl = null;
        } else if (name === 'w:lvlOverride' && override && num) {
          const o: { ilvl: number; o: NumOverride } = override;
          (num as NumDef).overrides.set(o.ilvl, o.o);
          override = null;
        } else if (name === 'w:abstractNum' && abs) {
          const x: AbstractNum = abs;
          if (!abstracts.has(x.id)) abstracts.set(x.id, x);
          abs = null;
        } else if (name === 'w:num' && num) {
          const x: NumDef = num;
          if (!nums.has(x.id)) nums.set(x.id, x);
          num = null;
        }
      }
      depth--;
    },
    text() {},
  });
  return found ? new NumberingDefinitions(abstracts, nums, styles) : NumberingDefinitions.empty(styles);
}
