/**
 * The alias lexicon: every name the matcher looks for, built from the dataset's `Vendor[]`.
 *
 * Sources, per vendor: display name, legal names, other names, Chinese names (simplified and traditional),
 * and brands (matched as their parent vendor). Each alias is normalised (`normalizeString`) and keyed by its
 * compact form (letters, digits and CJK only), so `Hik-Connect`, `Hik Connect` and `HikConnect` are one entry;
 * the first spelling seen is the canonical alias reported (the brand's own name before its aliases).
 *
 * The derivation is plain data (`lexiconData`), computed at build time for the extension. Compiled artefacts
 * (the gate RegExp, the exact-match RegExp, the fuzzy matcher) are built lazily on first use and cached on the
 * lexicon, so a page where the gate finds nothing never compiles the big patterns.
 */
import type { BrandRelation, Vendor, VendorId } from '../dataset/types';
import vendorsJson from '../../data/vendors.json';
import { aliasMatcher, compileAliasProgram } from './alias-matcher';
import type { AliasMatcher, AliasProgram } from './alias-matcher';
import { contextRuleFor } from './context';
import type { ContextRule } from './context';
import { createFuzzyMatcher, maxDistanceFor } from './fuzzy';
import type { FuzzyMatcher, FuzzyTarget } from './fuzzy';
import { WORD_CLASS, isHanCode, isWordCode, normalizeString } from './normalize';

export type AliasSource =
  'name' | 'legalName' | 'otherName' | 'chineseSimplified' | 'chineseTraditional' | 'brand';

export interface LexiconEntry {
  vendor: VendorId;
  /** Canonical spelling, as written in the dataset. */
  alias: string;
  /** Normalised alias (NFKC, lower case, single spaces). */
  norm: string;
  /** Compact key: `norm` without spaces and punctuation. */
  key: string;
  source: AliasSource;
  /** For brands: the brand's name and its relation to `vendor` (its parent). */
  brand?: { name: string; relation: BrandRelation };
  /** Written in CJK ideographs (no word boundaries apply). */
  han: boolean;
  /** Set for ambiguous aliases (Dahua, 大华, 萤石...). */
  context?: ContextRule;
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly byKey: ReadonlyMap<string, LexiconEntry>;
  /** Targets for near-miss matching: each vendor's display name when it is one Latin word of 5+ letters. */
  readonly fuzzyTargets: readonly FuzzyTarget[];
  /** What the gate looks for (see `deriveAnchors`). */
  readonly anchors: Anchors;
  /** Aliases dropped because another vendor already uses the same compact key. */
  readonly conflicts: readonly string[];
  /** The gate's RegExps over raw text (see `GatePatterns`), compiled on first use. */
  gate(): GatePatterns;
  /** The gate's RegExp sources, serialisable (see `GateSources`). */
  gateSources(): GateSources;
  /** Global RegExp over normalised text matching every alias (longest first). Reset `lastIndex` before use. */
  exact(): RegExp;
  /**
   * The same matches as `exact()`, without compiling a RegExp on the page (`alias-matcher.ts`); `exact()` itself
   * where its source is not one the program reads.
   */
  exactMatcher(): AliasMatcher;
  /** Global RegExp over normalised text finding where a near-miss token may start. */
  fuzzyAnchors(): RegExp;
  fuzzy(): FuzzyMatcher;
}

/** Letters of an alias's first word the tolerant gate pattern looks for (non-fuzzy aliases). */
const ANCHOR_LENGTH = 6;
/** Letters of a fuzzy target used as anchor: typos after them are still caught. */
const FUZZY_ANCHOR_LENGTH = 3;

const ASCII_NON_ALNUM = /[^0-9a-z]+/g;
const NON_ASCII = /[^\0-\x7f]/;

/**
 * Letters, digits and CJK only: drops spaces and punctuation (ASCII, Latin-1 symbols, general and CJK
 * punctuation). Normalised ASCII strings take one native replace.
 */
export function compactKey(norm: string): string {
  if (!NON_ASCII.test(norm)) return norm.replace(ASCII_NON_ALNUM, '');
  let out = '';
  for (let i = 0; i < norm.length; i += 1) {
    const code = norm.charCodeAt(i);
    const keep =
      code < 0x80
        ? (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
        : !(code <= 0xbf || code === 0xd7 || code === 0xf7) &&
          !(code >= 0x2000 && code <= 0x2bff) &&
          !(code >= 0x3000 && code <= 0x303f) &&
          !(code >= 0xfe30 && code <= 0xfe6f) &&
          !(code >= 0xff00 && code <= 0xff0f);
    if (keep) out += norm[i] ?? '';
  }
  return out;
}

function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && isWordCode(ch.charCodeAt(0));
}

const REGEXP_SPECIAL = '.*+?^${}()|[]\\/-';

/** Escapes RegExp syntax characters (a loop, not a RegExp: see `normalizeString`). */
function escapeRegExp(value: string): string {
  let out = '';
  for (const ch of value) out += REGEXP_SPECIAL.includes(ch) ? `\\${ch}` : ch;
  return out;
}

/** Splits a normalised alias into its words (runs of Latin, Greek or Cyrillic letters and digits). */
function wordsOf(norm: string): string[] {
  if (!NON_ASCII.test(norm)) return norm.split(ASCII_NON_ALNUM).filter((w) => w !== '');
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < norm.length; i += 1) {
    if (isWordCode(norm.charCodeAt(i))) current += norm[i] ?? '';
    else if (current !== '') {
      words.push(current);
      current = '';
    }
  }
  if (current !== '') words.push(current);
  return words;
}

/**
 * RegExp source for one normalised alias over normalised text. Separators are flexible: a space or hyphen in
 * the alias accepts space, hyphen or nothing, and `.`, `,` and `'` are optional. With `allowSplits` (vendor
 * display names only) a space or hyphen may also be inserted after the first three letters, so `Hik-vision`
 * and `Hik vision` match `Hikvision`; brands do not get this (`hi look` is not `HiLook`).
 */
export function aliasPattern(norm: string, allowSplits = false): string {
  return withBoundaries(aliasParts(norm, allowSplits));
}

/** No letter or digit right before (an alias that starts with one cannot start inside a word). */
const WORD_BEFORE = `(?<![${WORD_CLASS}])`;
/** No letter or digit right after. */
const WORD_AFTER = `(?![${WORD_CLASS}])`;

type AliasParts = { body: string; startsLatin: boolean; endsLatin: boolean };

function withBoundaries({ body, startsLatin, endsLatin }: AliasParts): string {
  return `${startsLatin ? WORD_BEFORE : ''}${body}${endsLatin ? WORD_AFTER : ''}`;
}

/**
 * `aliasPattern` in parts: the body, and whether the alias starts and ends with a non-Han character (so that it
 * takes the word boundary before and after it).
 */
function aliasParts(norm: string, allowSplits: boolean): AliasParts {
  const chars = [...norm];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    if (ch === ' ' || ch === '-') {
      while (chars[i + 1] === ' ' || chars[i + 1] === '-') i += 1;
      out += '[- ]?';
    } else if (ch === '.' || ch === ',') {
      out += '[.,]?';
    } else if (ch === "'") {
      out += "'?";
    } else if (isLatinLetter(ch)) {
      out += escapeRegExp(ch);
      if (allowSplits && isLatinLetter(chars[i + 1])) {
        let left = 1;
        while (isLatinLetter(chars[i - left])) left += 1;
        let right = 1;
        while (isLatinLetter(chars[i + 1 + right])) right += 1;
        if (left === FUZZY_ANCHOR_LENGTH && right >= 3) out += '[- ]?';
      }
    } else if (isHanCode(ch.codePointAt(0) ?? 0)) {
      out += ch;
    } else {
      out += `${escapeRegExp(ch)}?`;
    }
    i += 1;
  }
  const first = chars[0];
  const last = chars[chars.length - 1];
  const startsLatin = first !== undefined && !isHanCode(first.codePointAt(0) ?? 0);
  const endsLatin = last !== undefined && !isHanCode(last.codePointAt(0) ?? 0);
  return { body: out, startsLatin, endsLatin };
}

/** Ignorable characters the tolerant gate accepts between anchor letters (see `isIgnorable`). */
const GATE_IGNORABLE = '(?:[\\u00AD\\u200B-\\u200F\\u2060\\uFEFF\\u180E]|\\u034F)?';

/**
 * Tolerant raw-text pattern for one Latin anchor: both cases and the full-width forms of each letter spelt out
 * (`[hHｈＨ]`), ignorables between letters. The pattern has no `i` flag: with it, the whole pattern (2.6 KB
 * then, 2.9 KB spelt out) took Chromium here 3.0-4.8 ms over its first two uses (compiled, then compiled again
 * to machine code), on every page that wakes the engine; without it, 0.7-0.8 ms (three fresh pages each).
 */
function gateLatinPattern(anchor: string): string {
  return [...anchor]
    .map((ch) => {
      const forms = new Set([ch, ch.toLowerCase(), ch.toUpperCase()].filter((f) => f.length === 1));
      for (const f of [...forms]) {
        const code = f.charCodeAt(0);
        if (code >= 0x21 && code <= 0x7e) forms.add(String.fromCharCode(code + 0xfee0));
      }
      return `[${[...forms].map(escapeRegExp).join('')}]`;
    })
    .join(GATE_IGNORABLE);
}

/** Letters and digits that, right before an anchor, mean it does not start a word. */
const GATE_WORD_CHARS = '0-9A-Za-z\\u00C0-\\u024F\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
/** Left word boundary, for the patterns with the `i` flag. */
const GATE_LEFT_BOUNDARY = `(?<![${GATE_WORD_CHARS}])`;
/**
 * The same boundary for `tolerant`, which has no `i` flag: with it, the class above also matched these IPA
 * and Latin Extended-C letters, whose capitals are in it; they are listed. A unit test compares the two classes
 * over every UTF-16 code unit.
 */
export const GATE_LEFT_BOUNDARY_CASED =
  `(?<![${GATE_WORD_CHARS}\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0260\\u0263\\u0268\\u0269\\u026F` +
  `\\u0272\\u0275\\u0280\\u0283\\u0288-\\u028C\\u0292\\u2C65\\u2C66\\u2C7E\\u2C7F\\uA7DC])`;
/** Characters that make the gate defer to the tolerant pattern: full-width letters and ignorables. */
// U+034F (a combining mark) stays outside the class: a class must not combine characters.
const GATE_EXOTIC = '[\\uFF21-\\uFF5A\\u00AD\\u200B-\\u200F\\u2060\\uFEFF\\u180E]|\\u034F';

/**
 * The gate's RegExps over raw text (not global). A text node passes when
 * `prefilter && (anchored || exotic) && tolerant`, which `gate.ts` tests as `prefilter && (exotic ? tolerant :
 * anchored && plain)`:
 * - `prefilter`: the anchors' letters as literals with explicit case classes (`[hH][iI][kK]`...), grouped by
 *   first letter, plus one class of full-width letters and ignorable characters. It runs on every text node;
 *   this shape (no `i` flag, one RegExp) is about twice as fast per node as a case-insensitive alternation plus
 *   a second RegExp.
 * - `anchored`: the anchors with what must follow them (`hik` + 4 letters or a separator...), case-insensitive,
 *   run only where the prefilter fired. It keeps ordinary words (hike, hiker, hiking) from waking the matcher.
 * - `wordStart`: `anchored` at the start of a word only (CJK anchors as they are), for the whole-text test: a
 *   page whose text matches `anchored` only inside words (rhythm, Yoshikitty) is walked before the engine loads.
 * - `exotic`: any full-width letter or ignorable character, where `anchored` could miss a tolerant match.
 * - `tolerant`: anchor stems with a left word boundary, full-width forms and ignorables between letters.
 * - `plain`: `tolerant` for text without an `exotic` character (it matches there exactly where `tolerant`
 *   does): the same boundary and stems, 480 characters against 2,889. Every RegExp is compiled on its first
 *   use and again to machine code on its second, on each page; `tolerant` then only where text is exotic.
 */
export interface GatePatterns {
  prefilter: RegExp;
  anchored: RegExp;
  wordStart: RegExp;
  exotic: RegExp;
  tolerant: RegExp;
  plain: RegExp;
}

/**
 * Everything the lexicon derives from the vendors, as plain data (no RegExp, no functions): computed at build
 * time (`wxt.config.ts` defines `__VENDOR_LENS_LEXICON_JSON__` from it) so that the content script's engine does not
 * normalise every alias, derive the anchors and assemble the exact pattern on each page that wakes it.
 * Context rules are functions: `lexiconFromData` attaches them by key.
 */
export interface LexiconData {
  entries: Omit<LexiconEntry, 'context'>[];
  fuzzyTargets: FuzzyTarget[];
  anchors: Anchors;
  conflicts: string[];
  /** Source of `Lexicon.exact()` (flags `g`). */
  exactSource: string;
  /** The same pattern as a program for `Lexicon.exactMatcher()`; null if its syntax is not one it reads. */
  exactProgram: AliasProgram | null;
  /** Source of `Lexicon.fuzzyAnchors()` (flags `g`). */
  fuzzyAnchorSource: string;
}

/** Derives the lexicon's data from the dataset's vendors. Pure: no DOM, no globals. */
export function lexiconData(vendors: readonly Vendor[]): LexiconData {
  const entries: Omit<LexiconEntry, 'context'>[] = [];
  const byKey = new Map<string, Omit<LexiconEntry, 'context'>>();
  const conflicts: string[] = [];

  const add = (
    vendor: VendorId,
    alias: string,
    source: AliasSource,
    brand?: { name: string; relation: BrandRelation },
  ): void => {
    const norm = normalizeString(alias);
    const key = compactKey(norm);
    if (key.length < 2) return;
    const existing = byKey.get(key);
    if (existing !== undefined) {
      if (existing.vendor !== vendor) conflicts.push(`${alias} (${vendor}; already ${existing.vendor})`);
      return;
    }
    const han = NON_ASCII.test(key) && [...key].some((ch) => isHanCode(ch.codePointAt(0) ?? 0));
    const entry: Omit<LexiconEntry, 'context'> = { vendor, alias, norm, key, source, han };
    if (brand !== undefined) entry.brand = brand;
    entries.push(entry);
    byKey.set(key, entry);
  };

  for (const vendor of vendors) {
    add(vendor.id, vendor.name, 'name');
    for (const name of vendor.legalNames) add(vendor.id, name, 'legalName');
    for (const name of vendor.otherNames) add(vendor.id, name, 'otherName');
    for (const name of vendor.chineseNames.simplified) add(vendor.id, name, 'chineseSimplified');
    for (const name of vendor.chineseNames.traditional) add(vendor.id, name, 'chineseTraditional');
  }
  // Brands after every vendor's own names, so a vendor name always wins a key collision.
  for (const vendor of vendors) {
    for (const brand of vendor.brands) {
      const info = { name: brand.name, relation: brand.relation };
      add(vendor.id, brand.name, 'brand', info);
      for (const alias of brand.aliases) add(vendor.id, alias, 'brand', info);
    }
  }

  const fuzzyTargets: FuzzyTarget[] = [];
  entries.forEach((entry, index) => {
    if (
      entry.source === 'name' &&
      entry.norm.length >= 5 &&
      entry.key === entry.norm &&
      !NON_ASCII.test(entry.key)
    ) {
      fuzzyTargets.push({ entry: index, key: entry.key });
    }
  });

  const anchors = deriveAnchors(entries, fuzzyTargets);
  const exact = exactSource(entries, fuzzyTargets);
  return {
    entries,
    fuzzyTargets,
    anchors,
    conflicts,
    exactSource: exact,
    exactProgram: compileAliasProgram(exact),
    fuzzyAnchorSource: `${WORD_BEFORE}(?:${anchors.fuzzy.map(escapeRegExp).join('|') || '(?!)'})`,
  };
}

/** `AliasMatcher` over a global RegExp (the fallback of `Lexicon.exactMatcher`). */
function regExpMatcher(re: RegExp): AliasMatcher {
  return {
    exec(text, from) {
      re.lastIndex = from;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length > 0) return { start: m.index, end: m.index + m[0].length };
        re.lastIndex += 1;
      }
      return null;
    },
  };
}

/**
 * The lexicon from its data (`lexiconData`, or the same data parsed from the build): attaches the context
 * rules, indexes the entries by key; compiled RegExps and the fuzzy matcher are created on first use.
 */
export function lexiconFromData(data: LexiconData): Lexicon {
  const entries: LexiconEntry[] = data.entries.map((plain) => {
    const context = contextRuleFor(plain.key);
    return context === undefined ? { ...plain } : { ...plain, context };
  });
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const { fuzzyTargets, anchors, conflicts } = data;

  let gateRe: GatePatterns | undefined;
  let exactRe: RegExp | undefined;
  let exactRun: AliasMatcher | undefined;
  let fuzzyAnchorRe: RegExp | undefined;
  let fuzzyMatcher: FuzzyMatcher | undefined;

  return {
    entries,
    byKey,
    fuzzyTargets,
    anchors,
    conflicts,
    gate() {
      gateRe ??= compileGate(gateSources(anchors));
      return gateRe;
    },
    gateSources() {
      return gateSources(anchors);
    },
    exact() {
      exactRe ??= new RegExp(data.exactSource, 'g');
      return exactRe;
    },
    exactMatcher() {
      exactRun ??= data.exactProgram !== null ? aliasMatcher(data.exactProgram) : regExpMatcher(this.exact());
      return exactRun;
    },
    fuzzyAnchors() {
      fuzzyAnchorRe ??= new RegExp(data.fuzzyAnchorSource, 'g');
      return fuzzyAnchorRe;
    },
    fuzzy() {
      fuzzyMatcher ??= createFuzzyMatcher(fuzzyTargets);
      return fuzzyMatcher;
    },
  };
}

/** Builds the lexicon from the dataset's vendors (`lexiconData`, then `lexiconFromData`). */
export function buildLexicon(vendors: readonly Vendor[]): Lexicon {
  return lexiconFromData(lexiconData(vendors));
}

/**
 * Gate anchors. Every alias match and every accepted near miss starts with one, so the gate is a superset of
 * the matcher:
 * - `fuzzy`: the first three letters of each fuzzy target (`hik`, `dah`, `hyt`, `ezv`); near misses are only
 *   tried where one starts a word.
 * - `latin`: for each Latin anchor, `stem` (the letters the tolerant pattern looks for), `literal` (the letters
 *   the literal prefilter looks for) and `quick` (a RegExp source that also demands what must follow, to keep
 *   the gate quiet on ordinary words: `hik` needs four more letters or a separator, since no name or near miss
 *   is shorter, so `hike`, `hiker` and `hiking` pass).
 * - `han`: CJK anchors (the shortest alias, up to four characters, that no other anchor covers).
 */
export interface Anchors {
  latin: readonly { stem: string; literal: string; quick: string }[];
  han: readonly string[];
  fuzzy: readonly string[];
}

const GATE_LETTER = '[a-z\\u00c0-\\u024f]';
const GATE_SEPARATOR = '[\\s\\-\\u2010-\\u2015\\u00ad\\u200b-\\u200f\\u2060\\ufeff]';

function deriveAnchors(
  entries: readonly Omit<LexiconEntry, 'context'>[],
  fuzzyTargets: readonly FuzzyTarget[],
): Anchors {
  // Fuzzy stems: letters that must follow (`min`), and whether a separator may follow directly.
  const fuzzy = new Map<string, { min: number; separator: boolean }>();
  for (const target of fuzzyTargets) {
    const stem = target.key.slice(0, FUZZY_ANCHOR_LENGTH);
    const min = target.key.length - maxDistanceFor(target.key) - stem.length;
    const known = fuzzy.get(stem);
    fuzzy.set(stem, { min: Math.min(min, known?.min ?? min), separator: true });
  }
  // Own anchors of aliases no fuzzy stem covers: first word → required starts of the next word ('' = none).
  const own = new Map<string, Set<string>>();
  const han = new Set<string>();
  const latinEntries: string[][] = [];
  for (const entry of [...entries].sort((a, b) => a.key.length - b.key.length)) {
    if (entry.han) {
      // CJK has no word boundaries: an anchor anywhere inside the alias covers it.
      if ([...han].some((a) => entry.key.includes(a))) continue;
      const chars = [...entry.key].filter((ch) => isHanCode(ch.codePointAt(0) ?? 0));
      han.add(chars.slice(0, 4).join(''));
      continue;
    }
    const words = wordsOf(entry.norm);
    if (words.length > 0) latinEntries.push(words);
  }
  latinEntries.sort((a, b) => a.length - b.length);
  for (const words of latinEntries) {
    const first = words[0] ?? '';
    const compact = words.join('');
    const stem = [...fuzzy.keys()].find((s) => first.startsWith(s));
    const info = stem === undefined ? undefined : fuzzy.get(stem);
    if (stem !== undefined && info !== undefined) {
      // Matches start with the stem, then either the rest of the first word or (with a separator) the next.
      if (first.length > stem.length) info.min = Math.min(info.min, first.length - stem.length);
      else info.min = Math.min(info.min, compact.length - stem.length);
      continue;
    }
    const next = words.length > 1 ? (words[1] ?? '').slice(0, 2) : '';
    const starts = own.get(first) ?? new Set<string>();
    starts.add(next);
    own.set(first, starts);
  }

  const latin: { stem: string; literal: string; quick: string }[] = [];
  for (const [stem, info] of fuzzy) {
    const letters = info.min > 0 ? `${GATE_LETTER}{${info.min}}` : '';
    const quick =
      letters === '' ? escapeRegExp(stem) : `${escapeRegExp(stem)}(?:${letters}|${GATE_SEPARATOR})`;
    latin.push({ stem, literal: stem, quick });
  }
  for (const [first, starts] of own) {
    // A one-word alias ends at a word boundary; a longer one continues (maybe glued) into its next word.
    const alternatives = [...starts].map((next) =>
      next === ''
        ? `${escapeRegExp(first)}(?!${GATE_LETTER})`
        : `${escapeRegExp(first)}${GATE_SEPARATOR}*${escapeRegExp(next)}`,
    );
    latin.push({ stem: first.slice(0, ANCHOR_LENGTH), literal: first, quick: alternatives.join('|') });
  }
  return { latin, han: [...han], fuzzy: [...fuzzy.keys()] };
}

/**
 * The gate's RegExp sources: plain strings, so they can be computed ahead of time (at build time, or once per
 * extension version) and handed to `scanDocument` through `ScanOptions.gate`, which spares a page without
 * mentions the cost of building the lexicon.
 */
export interface GateSources {
  prefilter: string;
  anchored: string;
  wordStart: string;
  exotic: string;
  tolerant: string;
  plain: string;
}

/** `[hH][iI][kK]`: explicit case for letters (the prefilter has no `i` flag). */
function caseClasses(value: string): string {
  let out = '';
  for (const ch of value) {
    const upper = ch.toUpperCase();
    out += upper !== ch && upper.length === 1 ? `[${ch}${upper}]` : escapeRegExp(ch);
  }
  return out;
}

export function gateSources(anchors: Anchors): GateSources {
  // Prefilter: literals grouped by their first character, then the exotic class.
  const groups = new Map<string, string[]>();
  const literals = [...new Set([...anchors.latin.map((a) => a.literal), ...anchors.han])];
  for (const literal of literals) {
    const first = literal.slice(0, 1);
    groups.set(first, [...(groups.get(first) ?? []), literal.slice(1)]);
  }
  const prefilter = [...groups].map(
    ([first, rests]) => `${caseClasses(first)}(?:${rests.map((rest) => caseClasses(rest)).join('|')})`,
  );
  prefilter.push(GATE_EXOTIC);
  const quick = anchors.latin.map((a) => a.quick);
  const anchored = [...quick, ...anchors.han];
  const wordStart = [...anchors.han];
  if (quick.length > 0) wordStart.unshift(`${GATE_LEFT_BOUNDARY}(?:${quick.join('|')})`);
  const tolerant = [...anchors.han];
  const plain = [...anchors.han];
  const stems = [...new Set(anchors.latin.map((a) => a.stem))];
  if (stems.length > 0) {
    tolerant.unshift(`${GATE_LEFT_BOUNDARY_CASED}(?:${stems.map(gateLatinPattern).join('|')})`);
    plain.unshift(`${GATE_LEFT_BOUNDARY_CASED}(?:${stems.map(caseClasses).join('|')})`);
  }
  return {
    prefilter: prefilter.join('|'),
    anchored: anchored.join('|') || '(?!)',
    wordStart: wordStart.join('|') || '(?!)',
    exotic: GATE_EXOTIC,
    tolerant: tolerant.join('|') || '(?!)',
    plain: plain.join('|') || '(?!)',
  };
}

/** Compiles gate sources (from `gateSources` or `Lexicon.gateSources()`). */
/** The patterns `mayHoldMention` needs (the whole-text test), without the large `tolerant` one. */
export type WholeTextGate = Pick<GatePatterns, 'prefilter' | 'anchored' | 'wordStart' | 'exotic'>;

/** Compiles only the whole-text test's patterns: what the content script's boot needs on every page. */
export function compileWholeTextGate(sources: Omit<GateSources, 'tolerant' | 'plain'>): WholeTextGate {
  return {
    prefilter: new RegExp(sources.prefilter),
    anchored: new RegExp(sources.anchored, 'i'),
    wordStart: new RegExp(sources.wordStart, 'i'),
    exotic: new RegExp(sources.exotic),
  };
}

export function compileGate(sources: GateSources): GatePatterns {
  return {
    prefilter: new RegExp(sources.prefilter),
    anchored: new RegExp(sources.anchored, 'i'),
    wordStart: new RegExp(sources.wordStart, 'i'),
    exotic: new RegExp(sources.exotic),
    tolerant: new RegExp(sources.tolerant),
    plain: new RegExp(sources.plain),
  };
}

/**
 * The exact pattern: every alias's pattern, longest first. The aliases that start with a letter or digit and
 * end with a non-Han character share one word boundary on each side, `(?<!w)(?:a|b|…)(?!w)`, which matches
 * what `(?<!w)a(?!w)|(?<!w)b(?!w)|…` matches (a backtracking engine tries `b` with the boundary after it once
 * `a` with it failed, in the same order), in 1.5 KB instead of 8.6 KB. The Han aliases follow, alone: no
 * alias of the first group can match where one of them starts (a Han character), so their order against the
 * group does not matter. `factorBoundaries: false` gives the plain alternation (for the test of their equality).
 * The content script does not compile it: the build turns it into a program (`alias-matcher.ts`).
 */
export function exactSource(
  entries: readonly Omit<LexiconEntry, 'context'>[],
  fuzzyTargets: readonly FuzzyTarget[],
  { factorBoundaries = true } = {},
): string {
  const splittable = new Set(fuzzyTargets.map((t) => t.entry));
  const patterns = entries.map((entry, index) => ({
    entry,
    parts: aliasParts(entry.norm, splittable.has(index)),
  }));
  patterns.sort(
    // Longest first; ties by code unit order (localeCompare would build a collator: ~15 ms in a page).
    (a, b) =>
      b.entry.norm.length - a.entry.norm.length ||
      (a.entry.norm < b.entry.norm ? -1 : a.entry.norm > b.entry.norm ? 1 : 0),
  );
  const bounded = patterns.filter(
    (p) => p.parts.startsLatin && p.parts.endsLatin && isWordCode(p.entry.norm.charCodeAt(0)),
  );
  const rest = patterns.filter((p) => !bounded.includes(p));
  // Anything else that does not start with a Han character could compete with the group where it starts.
  const separable = rest.every((p) => isHanCode(p.entry.norm.codePointAt(0) ?? 0));
  if (!factorBoundaries || !separable || bounded.length === 0) {
    return patterns.map((p) => withBoundaries(p.parts)).join('|') || '(?!)';
  }
  return [
    `${WORD_BEFORE}(?:${bounded.map((p) => p.parts.body).join('|')})${WORD_AFTER}`,
    ...rest.map((p) => withBoundaries(p.parts)),
  ].join('|');
}

/**
 * The lexicon's data computed at build time (`wxt.config.ts`), as JSON text: V8 reads a large JSON string and
 * `JSON.parse` faster than the same object literal. Undefined outside a build (tests, CLI).
 */
declare const __VENDOR_LENS_LEXICON_JSON__: string | undefined;

let cachedDefault: Lexicon | undefined;

/**
 * The lexicon of the bundled `data/vendors.json` (built once, on first call): from the data computed at build
 * time in the extension, from the vendors themselves elsewhere.
 */
export function defaultLexicon(): Lexicon {
  cachedDefault ??=
    typeof __VENDOR_LENS_LEXICON_JSON__ !== 'undefined'
      ? lexiconFromData(JSON.parse(__VENDOR_LENS_LEXICON_JSON__) as LexiconData)
      : buildLexicon(vendorsJson as readonly Vendor[]);
  return cachedDefault;
}
