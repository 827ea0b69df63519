/**
 * Public types of the mention engine.
 */
import type { BrandRelation, VendorId } from '../dataset/types';

/**
 * How a mention matched. A discriminated union on `kind`:
 * - `exact`: one of the vendor's own names (display, legal, other or Chinese name), after normalisation
 *   (case, NFKC, quotes, hyphens, spaces, zero-width characters).
 * - `fuzzy`: a near miss of the vendor's display name (`Hikvison`); `distance` is the plain
 *   Damerau–Levenshtein distance (1 or 2).
 * - `brand`: a brand, product line or subsidiary of the vendor (`HiLook`, `Imou`); `parent` is the vendor it
 *   maps to (always equal to `Mention.vendor`), `brand` the brand's name and `relation` how it relates.
 */
export type MentionMatch =
  | { kind: 'exact' }
  | { kind: 'fuzzy'; distance: number }
  | { kind: 'brand'; parent: VendorId; brand: string; relation: BrandRelation };

export type MatchKind = MentionMatch['kind'];

export interface Mention {
  vendor: VendorId;
  /** The text as it appears on the page (the range's text; may include zero-width characters). */
  text: string;
  /** The canonical lexicon alias it matched (the spelling in `data/vendors.json`). */
  alias: string;
  match: MentionMatch;
  /** A live range over the page's text nodes (may span several nodes: `Hik<em>vision</em>`). */
  range: Range;
  /** True when Readability ran and kept this text in the article. */
  inArticle: boolean;
}

/** What the page says about itself, from Readability when it ran, else from `<title>` and `<meta>` tags. */
export interface PageSummary {
  title: string | null;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: string | null;
  /** `isProbablyReaderable` verdict. */
  readerable: boolean;
  source: 'readability' | 'metadata';
}

export interface ScanTimings {
  gate: number;
  match: number;
  extract: number;
  total: number;
}

export interface ScanStats {
  /** The gate found at least one candidate text node. */
  gateHit: boolean;
  /** Text nodes the gate visited. */
  textNodes: number;
  /** Characters in those text nodes. */
  textChars: number;
  /** Candidate text nodes (outside excluded subtrees). */
  candidates: number;
  /** Block containers the matcher indexed. */
  containers: number;
  /** Windows matched in the containers too large to match whole (`windows.ts`). */
  windows: number;
  /** Mentions before `maxMentions` and muting. */
  found: number;
  /** More mentions than `maxMentions`. */
  truncated: boolean;
  /** `null` when the readerable check was not needed. */
  readerable: boolean | null;
  readabilityRan: boolean;
  /** Milliseconds per stage, measured with `ScanOptions.now`. */
  timings: ScanTimings;
}

export interface ScanResult {
  /** `null` when the page needed no extraction (no mention and `summary` not `'always'`). */
  summary: PageSummary | null;
  mentions: Mention[];
  stats: ScanStats;
}
