/**
 * Near-miss matching for the vendors' display names (Hikvison, Dahau, Hyterra, Ezvis...).
 *
 * fuse.js (basic build) ranks the vendor names against a candidate token; a stricter guard then decides: the
 * candidate must keep the name's first letters, have about the same length, and be within a small *weighted*
 * edit distance, where substituting a letter costs 1 only for a likely typo (neighbouring keys on a QWERTY
 * keyboard, vowel for vowel, c/k, v/w) and 2 otherwise. That is what keeps look-alikes unflagged: `Ezvis` is a
 * typo of Ezviz (s is next to z) but `Ezvid` is a different product (d is not); `Dahuk` (a city) is rejected the
 * same way, `Dahlia`, `hysteria` and `Hydra` are two edits away, and `HiVision`/`Hi-Vision` never reach this
 * code because they lack the `hik` anchor.
 *
 * Only tokens that start at an anchor (see `Lexicon.fuzzyAnchors`) are ever tried, never every word.
 */
import Fuse from 'fuse.js/basic';

export interface FuzzyTarget {
  /** Index into `Lexicon.entries` of the alias this target stands for. */
  entry: number;
  /** Compact normalised alias, e.g. `hikvision`. */
  key: string;
}

export interface FuzzyHit {
  entry: number;
  /** Plain (unweighted) Damerau–Levenshtein distance between the candidate and the name. */
  distance: number;
}

/** Real words and names within reach of a vendor name that must never be flagged (belt and braces). */
const STOPWORDS = new Set([
  'ezvid',
  'hyatt',
  'hysteria',
  'hydra',
  'hikari',
  'hiker',
  'hikers',
  'hikes',
  'hiked',
  'hiking',
  'dahlia',
  'dahlias',
  'dahuk',
  'dahab',
  'dahui',
  'dahi',
  'hivision',
]);

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VOWELS = 'aeiouy';
const SOUND_ALIKES = ['ck', 'vw', 'sz', 'iy'];

/** Weighted substitution cost: 1 for a plausible typo, 2 otherwise. */
export function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.includes(a) && VOWELS.includes(b)) return 1;
  for (const pair of SOUND_ALIKES) {
    if (pair.includes(a) && pair.includes(b)) return 1;
  }
  return keyboardNeighbours(a, b) ? 1 : 2;
}

function keyPosition(ch: string): [number, number] | null {
  for (let row = 0; row < KEYBOARD_ROWS.length; row += 1) {
    const col = KEYBOARD_ROWS[row]?.indexOf(ch) ?? -1;
    if (col >= 0) return [row, col];
  }
  return null;
}

/** Neighbouring keys on a QWERTY keyboard (rows are staggered: `s` touches w, e, a, d, z, x). */
export function keyboardNeighbours(a: string, b: string): boolean {
  const pa = keyPosition(a);
  const pb = keyPosition(b);
  if (pa === null || pb === null) return false;
  const [ra, ca] = pa;
  const [rb, cb] = pb;
  if (ra === rb) return Math.abs(ca - cb) === 1;
  if (rb === ra - 1) return cb === ca || cb === ca + 1;
  if (rb === ra + 1) return cb === ca || cb === ca - 1;
  return false;
}

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance. With `weighted`, substitutions cost
 * `substitutionCost`, except that the last letter of `b` (the name) may only be swapped for a neighbouring
 * key: pinyin names differ from a vendor name by a final vowel (Dahui, a Zen master; Dahua is the vendor).
 * Insertions, deletions and adjacent transpositions cost 1.
 */
export function editDistance(a: string, b: string, weighted = false): number {
  const m = a.length;
  const n = b.length;
  const width = n + 1;
  const d = new Array<number>((m + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= m; i += 1) d[i * width] = i;
  for (let j = 0; j <= n; j += 1) d[j] = j;
  for (let i = 1; i <= m; i += 1) {
    for (let j = 1; j <= n; j += 1) {
      const ca = a[i - 1] ?? '';
      const cb = b[j - 1] ?? '';
      let sub = ca === cb ? 0 : 1;
      if (weighted && sub === 1) {
        sub = j === n && i === m ? (keyboardNeighbours(ca, cb) ? 1 : 2) : substitutionCost(ca, cb);
      }
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + sub);
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * width + j] = best;
    }
  }
  return at(m, n);
}

/** Largest weighted distance accepted for a name of this length. */
export function maxDistanceFor(key: string): number {
  return key.length >= 8 ? 2 : 1;
}

/** Fuse's own score cut-off (0 = perfect, 1 = anything); the guard below is the real decision. */
const FUSE_THRESHOLD = 0.5;

export interface FuzzyMatcher {
  match(candidate: string): FuzzyHit | null;
}

/**
 * Whether `guard` could accept `candidate` for some target: about the same length and the same first two
 * letters. Most anchored tokens fail it (`HikariFlower`, `hiking`, `Dahlonega`), so Fuse is never asked about
 * them; `guard` would reject whatever Fuse ranked first, so the answer is the same.
 */
function withinReach(candidate: string, targets: readonly FuzzyTarget[]): boolean {
  for (const { key } of targets) {
    if (
      Math.abs(candidate.length - key.length) <= maxDistanceFor(key) &&
      candidate.charCodeAt(0) === key.charCodeAt(0) &&
      candidate.charCodeAt(1) === key.charCodeAt(1)
    ) {
      return true;
    }
  }
  return false;
}

export interface FuzzyMatcherOptions {
  /**
   * Skip Fuse for candidates no target's guard could accept (`withinReach`; default true). Only a test turns
   * it off, to check that the results do not change.
   */
  screen?: boolean;
}

/** Builds a matcher over the given targets. Cheap: a handful of short strings; Fuse is built on first use. */
export function createFuzzyMatcher(
  targets: readonly FuzzyTarget[],
  { screen = true }: FuzzyMatcherOptions = {},
): FuzzyMatcher {
  let fuse: Fuse<string> | undefined;
  return {
    match(candidate) {
      if (candidate.length < 4 || candidate.length > 32 || STOPWORDS.has(candidate)) return null;
      if (screen && !withinReach(candidate, targets)) return null;
      fuse ??= new Fuse(
        targets.map((t) => t.key),
        {
          includeScore: true,
          threshold: FUSE_THRESHOLD,
          ignoreLocation: true,
          isCaseSensitive: true,
          shouldSort: true,
        },
      );
      for (const result of fuse.search(candidate, { limit: 2 })) {
        const target = targets[result.refIndex];
        if (target === undefined) continue;
        const hit = guard(candidate, target);
        if (hit !== null) return hit;
      }
      return null;
    },
  };
}

function guard(candidate: string, target: FuzzyTarget): FuzzyHit | null {
  const key = target.key;
  const max = maxDistanceFor(key);
  if (candidate === key) return null; // exact matching handles it
  if (Math.abs(candidate.length - key.length) > max) return null;
  if (candidate.slice(0, 2) !== key.slice(0, 2)) return null;
  if (editDistance(candidate, key, true) > max) return null;
  return { entry: target.entry, distance: editDistance(candidate, key) };
}
