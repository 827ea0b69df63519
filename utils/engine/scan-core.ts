/**
 * `scanCore`: the whole mention pipeline on one document, shared by the content script and the CLI. Extraction
 * (Readability) is passed in, so this module does not import Readability: the content script scans with no
 * extractor and has the page parsed off its main thread; `scanDocument` (pipeline.ts) passes Readability.
 *
 * 1. Gate (`gate.ts`): one pass over the text nodes with a precompiled anchor RegExp. No candidate: stop.
 * 2. Match (`match.ts`): only the block containers of candidate nodes are indexed (`text-index.ts`) and
 *    matched: exact aliases, near misses of the vendor names, context rules; a large block only in windows
 *    around its candidate nodes (`windows.ts`). No mention: stop.
 * 3. Extract (`extract.ts`): `isProbablyReaderable`, then Readability on a clone, to flag mentions that lie in
 *    the article and to summarise the page. Readability never runs on a page without a mention.
 */
import type { VendorId } from '../dataset/types';
import { isBlockElement } from './dom';
import type { ExtractResult } from './extract';
import { readMetadata } from './metadata';
import { gateSteps } from './gate';
import type { GateResult } from './gate';
import { compactKey, defaultLexicon } from './lexicon';
import type { GatePatterns, Lexicon } from './lexicon';
import { matchText, resolveEvidence } from './match';
import type { TextMatch } from './match';
import { normalizeString } from './normalize';
import { rangeFor } from './ranges';
import { buildTextIndex } from './text-index';
import type { TextIndex } from './text-index';
import type { Mention, MentionMatch, PageSummary, ScanResult, ScanStats } from './types';
import { WINDOWED_TEXT, WINDOW_MARGIN, hitIndexes } from './windows';

export interface ScanOptions {
  /**
   * Alias lexicon (default: `defaultLexicon()`, built from `data/vendors.json`). A function is called only when
   * the gate finds a candidate.
   */
  lexicon?: Lexicon | (() => Lexicon);
  /**
   * Precompiled gate (`compileGate(lexicon.gateSources())`, e.g. computed at build time): with it, a page
   * without candidates never builds the lexicon. Must come from the same lexicon.
   */
  gate?: GatePatterns;
  /** The caller already found `mayHoldMention` true for the root's whole text: go straight to the walk. */
  wholeTextChecked?: boolean;
  /** Subtree to scan (default: `<body>`). Use it to rescan added content. */
  root?: Element;
  /**
   * The page is already known to mention a vendor unambiguously (an earlier scan found one): ambiguous aliases
   * such as 大华 then need no evidence inside `root`. For incremental rescans of added content.
   */
  knownEvidence?: boolean;
  /** Near-miss matching of the vendor names (default true). */
  fuzzy?: boolean;
  mutedVendors?: readonly VendorId[];
  /** Canonical aliases not to report (compared after normalisation: `hikvision` mutes `Hikvision`). */
  mutedAliases?: readonly string[];
  /** Most mentions returned, in document order (default 500); `stats.truncated` says when more were found. */
  maxMentions?: number;
  /** Run the readerable check and Readability when mentions are found (default true). */
  extract?: boolean;
  /**
   * `'when-mentions'` (default): a summary only when extraction ran. `'always'`: also summarise pages without
   * mentions from `<title>`/`<meta>` and `isProbablyReaderable` (never Readability). `'readability'`: summarise
   * every readerable page with Readability — for offline tools only (the scan CLI); the content script must not
   * use it, since Readability would then run on pages without a candidate.
   */
  summary?: 'when-mentions' | 'always' | 'readability';
  /**
   * Extra visibility check for the element holding each mention (e.g. `el => el.checkVisibility()`), called
   * only for found mentions, never in the gate. Default: attribute-based exclusions only.
   */
  isVisible?: (el: Element) => boolean;
  /** Clock for `stats.timings` (default `performance.now`). */
  now?: () => number;
  /**
   * Blocks with more text than `minText` are matched in windows of `margin` visible characters around the
   * gate's hits (`windows.ts`; defaults `WINDOWED_TEXT`, `WINDOW_MARGIN`). Tests lower them to check that the
   * mentions found do not change.
   */
  windows?: { minText: number; margin: number };
}

/** Readability and its readerable check, injected (see the module comment). */
export interface Extractor {
  checkReaderable(doc: Document): boolean;
  extractArticle(doc: Document, markers: readonly Element[], readerable: boolean): ExtractResult;
}

const DEFAULT_MAX_MENTIONS = 500;

function defaultNow(): number {
  return performance.now();
}

/** Block containers (nearest block ancestor within `root`) of the candidate nodes, outermost only, in order. */
export function containersFor(hits: readonly Text[], root: Element): Element[] {
  const seen = new Set<Element>();
  const ordered: Element[] = [];
  for (const text of hits) {
    let el = text.parentElement;
    while (el !== null && el !== root && !isBlockElement(el)) el = el.parentElement;
    const container = el ?? root;
    if (!seen.has(container)) {
      seen.add(container);
      ordered.push(container);
    }
  }
  return ordered.filter((container) => {
    for (let p = container.parentElement; p !== null; p = p.parentElement) {
      if (seen.has(p)) return false;
      if (p === root) break;
    }
    return true;
  });
}

function toMentionMatch(m: TextMatch): MentionMatch {
  const entry = m.entry;
  if (entry.brand !== undefined) {
    return { kind: 'brand', parent: entry.vendor, brand: entry.brand.name, relation: entry.brand.relation };
  }
  if (m.fuzzyDistance !== undefined) return { kind: 'fuzzy', distance: m.fuzzyDistance };
  return { kind: 'exact' };
}

/**
 * Scans `doc` for vendor mentions. Pure with respect to the page: reads the DOM, never changes it. Without an
 * `extractor`, no extraction happens whatever `options.extract` says (mentions are not `inArticle`).
 */
export function scanCore(doc: Document, options: ScanOptions, extractor: Extractor | null): ScanResult {
  const steps = scanSteps(doc, options, extractor);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `scanCore` as steps: the generator pauses every few thousand text nodes of the gate's walk, after the gate,
 * after building the lexicon, and after each block container (or window of one) it matched, so that a caller
 * can spread a long scan over several tasks (the content script yields to the page between steps once a task
 * has run long enough). The DOM must not change between steps in a way that matters (the content script
 * restarts a scan that page changes overtook). `stats.timings` count only
 * the time spent inside the steps, not the pauses between them.
 */
export function* scanSteps(
  doc: Document,
  options: ScanOptions,
  extractor: Extractor | null,
): Generator<void, ScanResult, void> {
  const now = options.now ?? defaultNow;
  let paused = 0;
  function* pause(): Generator<void, void, void> {
    const before = now();
    yield;
    paused += now() - before;
  }
  const start = now();
  let lexicon: Lexicon | undefined;
  const getLexicon = (): Lexicon => {
    const given = options.lexicon;
    lexicon ??= given === undefined ? defaultLexicon() : typeof given === 'function' ? given() : given;
    return lexicon;
  };
  const root = options.root ?? doc.body ?? doc.documentElement;
  const stats: ScanStats = {
    gateHit: false,
    textNodes: 0,
    textChars: 0,
    candidates: 0,
    containers: 0,
    windows: 0,
    found: 0,
    truncated: false,
    readerable: null,
    readabilityRan: false,
    timings: { gate: 0, match: 0, extract: 0, total: 0 },
  };

  const walk = gateSteps(doc, root, options.gate ?? getLexicon().gate(), options.wholeTextChecked === true);
  let gate: GateResult;
  for (;;) {
    const step = walk.next();
    if (step.done) {
      gate = step.value;
      break;
    }
    yield* pause();
  }
  const gateEnd = now();
  stats.timings.gate = gateEnd - start - paused;
  const pausedBeforeMatch = paused;
  stats.textNodes = gate.nodes;
  stats.textChars = gate.chars;
  stats.candidates = gate.hits.length;
  stats.gateHit = gate.hits.length > 0;

  const mentions: Mention[] = [];
  const markers: Element[] = [];
  if (stats.gateHit) {
    yield* pause();
    const lexicon = getLexicon();
    const containers = containersFor(gate.hits, root);
    stats.containers = containers.length;
    const pending: { index: TextIndex; match: TextMatch; needsEvidence: boolean }[] = [];
    const matchOptions = { fuzzy: options.fuzzy !== false };
    const { minText, margin } = options.windows ?? { minText: WINDOWED_TEXT, margin: WINDOW_MARGIN };
    for (const container of containers) {
      yield* pause();
      if ((container.textContent ?? '').length <= minText) {
        const index = buildTextIndex(container);
        for (const match of matchText(index.text, lexicon, matchOptions)) {
          pending.push({ index, match, needsEvidence: match.needsEvidence });
        }
        continue;
      }
      const inside = gate.hits.filter((hit) => container.contains(hit));
      for (const { index, windows } of hitIndexes(container, inside, margin)) {
        for (const w of windows) {
          yield* pause();
          stats.windows += 1;
          for (const match of matchText(index.text.slice(w.start, w.end), lexicon, matchOptions)) {
            const start = match.start + w.start;
            if (start < w.coreStart || start >= w.coreEnd) continue;
            match.start = start;
            match.end += w.start;
            pending.push({ index, match, needsEvidence: match.needsEvidence });
          }
        }
      }
    }
    yield* pause();
    const kept = resolveEvidence(pending, options.knownEvidence === true);
    stats.found = kept.length;
    const mutedVendors = new Set(options.mutedVendors ?? []);
    const mutedKeys = new Set((options.mutedAliases ?? []).map((a) => compactKey(normalizeString(a))));
    const max = options.maxMentions ?? DEFAULT_MAX_MENTIONS;
    for (const { index, match } of kept) {
      if (mutedVendors.has(match.entry.vendor) || mutedKeys.has(match.entry.key)) continue;
      const range = rangeFor(doc, index, match.start, match.end);
      if (range === null) continue;
      const holder = range.startContainer.parentElement;
      if (holder === null) continue;
      if (options.isVisible !== undefined && !options.isVisible(holder)) continue;
      if (mentions.length >= max) {
        stats.truncated = true;
        break;
      }
      markers.push(holder);
      mentions.push({
        vendor: match.entry.vendor,
        text: index.text.slice(match.start, match.end),
        alias: match.entry.alias,
        match: toMentionMatch(match),
        range,
        inArticle: false,
      });
    }
  }
  const matchEnd = now();
  stats.timings.match = matchEnd - gateEnd - (paused - pausedBeforeMatch);

  let summary: PageSummary | null = null;
  // Whether this scan had an extraction stage at all: without one its time is 0, never the clock's tick.
  let extracting = true;
  if (mentions.length > 0 && options.extract !== false && extractor !== null) {
    stats.readerable = extractor.checkReaderable(doc);
    const extracted = extractor.extractArticle(doc, markers, stats.readerable);
    stats.readabilityRan = extracted.readabilityRan;
    summary = extracted.summary;
    mentions.forEach((mention, id) => {
      mention.inArticle = extracted.inArticle.has(id);
    });
  } else if (options.summary === 'always' || options.summary === 'readability') {
    stats.readerable = extractor?.checkReaderable(doc) ?? false;
    if (options.summary === 'readability' && stats.readerable && extractor !== null) {
      const extracted = extractor.extractArticle(doc, [], true);
      stats.readabilityRan = extracted.readabilityRan;
      summary = extracted.summary;
    } else {
      summary = readMetadata(doc, stats.readerable);
    }
  } else {
    extracting = false;
  }
  const end = now();
  stats.timings.extract = extracting ? end - matchEnd : 0;
  stats.timings.total = end - start - paused;
  return { summary, mentions, stats };
}
