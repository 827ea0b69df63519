/**
 * Text normalisation for matching, with an offset map back to the raw text.
 *
 * The matcher works on a normalised copy of the page text (NFKC, lower case, one kind of quote, hyphen and
 * space, no zero-width characters) so that one compiled pattern per alias covers `Ｈｉｋｖｉｓｉｏｎ`,
 * `HIK‐VISION`, `Hik\u200Bvision` and `Dahua’s`. Every normalised character remembers which raw characters it
 * came from, so a match maps back to exact raw offsets (and from there to DOM text nodes).
 */

/**
 * Separator the text index puts between block-level elements. Normalisation turns it into `\n`, which no
 * alias pattern crosses (patterns only accept spaces and hyphens between words).
 */
export const BLOCK_SEPARATOR = '\u2029';

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** `starts[i]`: raw offset of the source character of normalised code unit `i`. */
  starts: readonly number[];
  /** `ends[i]`: raw offset just after the source character of normalised code unit `i`. */
  ends: readonly number[];
}

/** Characters dropped by normalisation: soft hyphen, zero-width space/joiners, word joiner, BOM, LRM/RLM. */
export function isIgnorable(code: number): boolean {
  return (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x180e ||
    code === 0x034f
  );
}

/** Quote-like characters normalised to an ASCII apostrophe (possessives: `Dahua’s`). */
function isApostrophe(code: number): boolean {
  return (
    code === 0x27 ||
    code === 0x60 ||
    code === 0xb4 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201b ||
    code === 0x02bc ||
    code === 0x2032 ||
    code === 0xff07
  );
}

/** Dash-like characters normalised to `-`. */
function isHyphen(code: number): boolean {
  return (
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0x2043 ||
    code === 0xfe58 ||
    code === 0xfe63 ||
    code === 0xff0d
  );
}

/** Whitespace normalised to one space (runs collapse). U+2029 is the block separator, kept apart. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Ranges that NFKC leaves alone and that have no case: CJK ideographs, kana, hangul syllables. */
function isStableNonAscii(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3041 && code <= 0x30fa) ||
    (code >= 0xac00 && code <= 0xd7a3)
  );
}

/**
 * Normalises `raw` for matching and returns the offset maps. Pure; O(n); allocation-light for ASCII text.
 */
export function normalizeText(raw: string): NormalizedText {
  const n = raw.length;
  // Plain arrays: typed-array allocation is slow on a cold page, and these stay small (one block of text).
  const starts: number[] = [];
  const ends: number[] = [];
  const out: string[] = [];
  let lastWasSpace = true; // drop leading spaces

  /** Appends `ch` (one or two UTF-16 code units); every output code unit maps to the source character. */
  const push = (ch: string, start: number, end: number): void => {
    out.push(ch);
    for (let k = 0; k < ch.length; k += 1) {
      starts.push(start);
      ends.push(end);
    }
  };

  let i = 0;
  while (i < n) {
    const code = raw.charCodeAt(i);
    if (code < 0x80) {
      if (isSpace(code)) {
        if (!lastWasSpace) push(' ', i, i + 1);
        lastWasSpace = true;
      } else if (code >= 0x41 && code <= 0x5a) {
        push(String.fromCharCode(code + 32), i, i + 1);
        lastWasSpace = false;
      } else if (code === 0x60) {
        push("'", i, i + 1);
        lastWasSpace = false;
      } else {
        push(raw[i] ?? '', i, i + 1);
        lastWasSpace = false;
      }
      i += 1;
      continue;
    }
    // Non-ASCII: take the whole code point.
    const cp = raw.codePointAt(i) ?? code;
    const width = cp > 0xffff ? 2 : 1;
    const end = i + width;
    if (cp === 0x2029) {
      push('\n', i, end);
      lastWasSpace = true;
    } else if (isIgnorable(cp)) {
      // dropped
    } else if (isSpace(cp)) {
      if (!lastWasSpace) push(' ', i, end);
      lastWasSpace = true;
    } else if (isApostrophe(cp)) {
      push("'", i, end);
      lastWasSpace = false;
    } else if (isHyphen(cp)) {
      push('-', i, end);
      lastWasSpace = false;
    } else if (isStableNonAscii(cp)) {
      push(raw.slice(i, end), i, end);
      lastWasSpace = false;
    } else {
      const folded = raw.slice(i, end).normalize('NFKC').toLowerCase();
      for (const ch of folded) {
        const c = ch.codePointAt(0) ?? 0;
        if (isIgnorable(c)) continue;
        if (isSpace(c)) {
          if (!lastWasSpace) push(' ', i, end);
          lastWasSpace = true;
          continue;
        }
        push(isApostrophe(c) ? "'" : isHyphen(c) ? '-' : ch, i, end);
        lastWasSpace = false;
      }
    }
    i = end;
  }
  return { text: out.join(''), starts, ends };
}

const NON_ASCII = /[^\0-\x7f]/;
const ASCII_SPACES = /[\t-\r ]+/;

/**
 * Normalised form of a short string (aliases, tokens), without the offset maps. ASCII strings (almost every
 * alias) take native string methods: the lexicon normalises each alias on every page load, and a per-character
 * loop running in the interpreter costs more there than the rest of the gate.
 */
export function normalizeString(value: string): string {
  if (NON_ASCII.test(value)) return normalizeText(value).text.trim();
  const words = value.toLowerCase().split(ASCII_SPACES);
  const joined = (words[0] === '' ? words.slice(1) : words).join(' ').trimEnd();
  return joined.includes('`') ? joined.split('`').join("'") : joined;
}

/**
 * Maps a half-open span of normalised text back to raw offsets. `normStart < normEnd` is required.
 */
export function toRawSpan(norm: NormalizedText, normStart: number, normEnd: number): [number, number] {
  const start = norm.starts[normStart] ?? 0;
  const end = norm.ends[normEnd - 1] ?? start;
  return [start, end];
}

/**
 * Latin, Greek and Cyrillic letters and digits of normalised text: the characters that make a word continue.
 * CJK characters are deliberately not word characters, so `使用Hikvision摄像头` still matches `Hikvision`.
 */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x3ff) ||
    (code >= 0x400 && code <= 0x4ff)
  );
}

/** Character class source matching one word character (see `isWordCode`), for use inside RegExps. */
export const WORD_CLASS =
  '0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';

/** True for CJK ideographs (aliases written in them need no word boundaries). */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}
