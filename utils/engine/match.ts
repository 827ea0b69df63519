/**
 * Matching over plain text (no DOM): exact aliases first, then near misses of the vendor names, then context
 * rules for ambiguous aliases. Offsets in the results are raw offsets into the input string, so callers can
 * map them to DOM positions (`text-index.ts`).
 */
import { CONTEXT_WINDOW } from './context';
import type { MatchContext } from './context';
import { compactKey } from './lexicon';
import type { Lexicon, LexiconEntry } from './lexicon';
import { isWordCode, normalizeText, toRawSpan } from './normalize';
import type { NormalizedText } from './normalize';

export interface TextMatch {
  /** Raw offsets into the matched string, `[start, end)`. */
  start: number;
  end: number;
  entry: LexiconEntry;
  /** Set for near misses: plain edit distance to the vendor name. */
  fuzzyDistance?: number;
  /**
   * True for an ambiguous alias with no local cue: keep it only if the page has an unambiguous mention too
   * (see `resolveEvidence`).
   */
  needsEvidence: boolean;
}

export interface MatchTextOptions {
  /** Near-miss matching (default true). */
  fuzzy?: boolean;
}

function isLetterCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && isWordCode(code));
}

function contextAt(raw: string, norm: NormalizedText, normStart: number, normEnd: number): MatchContext {
  const [rawStart, rawEnd] = toRawSpan(norm, normStart, normEnd);
  return {
    before: norm.text.slice(Math.max(0, normStart - CONTEXT_WINDOW), normStart),
    after: norm.text.slice(normEnd, normEnd + CONTEXT_WINDOW),
    rawBefore: raw.slice(Math.max(0, rawStart - CONTEXT_WINDOW), rawStart),
    rawAfter: raw.slice(rawEnd, rawEnd + CONTEXT_WINDOW),
  };
}

/**
 * Applies the entry's context rule. Returns `null` to drop the match, or whether it still needs page-level
 * evidence.
 */
function judge(entry: LexiconEntry, raw: string, norm: NormalizedText, s: number, e: number): boolean | null {
  const rule = entry.context;
  if (rule === undefined) return false;
  const ctx = contextAt(raw, norm, s, e);
  if (rule.reject(ctx)) return null;
  return rule.needsEvidence && !rule.accept(ctx);
}

/** End (exclusive) of the run of letters starting at `i` in normalised text. */
function letterRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isLetterCode(text.charCodeAt(j))) j += 1;
  return j;
}

/**
 * Finds every mention in `raw`, in order, without overlaps. Pure; cost is one normalisation pass, one run of
 * the exact matcher, and a fuzzy check per anchor hit that no exact match covers.
 */
export function matchText(raw: string, lexicon: Lexicon, options: MatchTextOptions = {}): TextMatch[] {
  const norm = normalizeText(raw);
  const text = norm.text;
  const found: { s: number; e: number; entry: LexiconEntry; distance?: number; needsEvidence: boolean }[] =
    [];

  const exact = lexicon.exactMatcher();
  for (let m = exact.exec(text, 0); m !== null; m = exact.exec(text, m.end)) {
    const s = m.start;
    const e = m.end;
    const entry = lexicon.byKey.get(compactKey(text.slice(s, e)));
    if (entry === undefined) continue;
    const verdict = judge(entry, raw, norm, s, e);
    // A rejected ambiguous match still covers its text: no near miss is tried inside "Dahua Lin".
    found.push({
      s,
      e,
      entry,
      needsEvidence: verdict ?? false,
      ...(verdict === null ? { distance: -1 } : {}),
    });
  }

  if (options.fuzzy !== false && lexicon.fuzzyTargets.length > 0) {
    const anchors = lexicon.fuzzyAnchors();
    const matcher = lexicon.fuzzy();
    const stems = lexicon.anchors.fuzzy;
    let cursor = 0; // index into `found` (sorted by start) for covered-span checks
    anchors.lastIndex = 0;
    const fuzzyFound: typeof found = [];
    for (let m = anchors.exec(text); m !== null; m = anchors.exec(text)) {
      const s = m.index;
      while (cursor < found.length && (found[cursor]?.e ?? 0) <= s) cursor += 1;
      const cover = found[cursor];
      if (cover !== undefined && cover.s <= s) {
        anchors.lastIndex = Math.max(anchors.lastIndex, cover.e);
        continue;
      }
      const e1 = letterRunEnd(text, s);
      if (e1 < text.length && isWordCode(text.charCodeAt(e1))) {
        anchors.lastIndex = Math.max(anchors.lastIndex, e1);
        continue; // glued to digits or other letters: not a name
      }
      const first = text.slice(s, e1);
      let best: { e: number; entry: number; distance: number } | null = null;
      const hit1 = matcher.match(first);
      if (hit1 !== null) best = { e: e1, entry: hit1.entry, distance: hit1.distance };
      // "Hik vison", "Hik-visoin": the anchor, a separator, and the rest of the name with a typo.
      const sep = text.charCodeAt(e1);
      if ((sep === 0x20 || sep === 0x2d) && stems.includes(first)) {
        const e2 = letterRunEnd(text, e1 + 1);
        if (e2 > e1 + 1 && !(e2 < text.length && isWordCode(text.charCodeAt(e2)))) {
          const hit2 = matcher.match(first + text.slice(e1 + 1, e2));
          if (hit2 !== null && (best === null || hit2.distance < best.distance)) {
            best = { e: e2, entry: hit2.entry, distance: hit2.distance };
          }
        }
      }
      anchors.lastIndex = Math.max(anchors.lastIndex, best?.e ?? e1);
      if (best === null) continue;
      const entry = lexicon.entries[best.entry];
      if (entry === undefined) continue;
      const verdict = judge(entry, raw, norm, s, best.e);
      if (verdict === null) continue;
      fuzzyFound.push({ s, e: best.e, entry, distance: best.distance, needsEvidence: verdict });
    }
    found.push(...fuzzyFound);
    found.sort((a, b) => a.s - b.s || b.e - a.e);
  }

  const out: TextMatch[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.distance === -1 || f.s < lastEnd) continue; // rejected by context, or overlapping
    lastEnd = f.e;
    const [start, end] = toRawSpan(norm, f.s, f.e);
    const match: TextMatch = { start, end, entry: f.entry, needsEvidence: f.needsEvidence };
    if (f.distance !== undefined) match.fuzzyDistance = f.distance;
    out.push(match);
  }
  return out;
}

/**
 * Drops ambiguous matches that need evidence when no unambiguous match exists among `all` (one page) and
 * `known` is false. Returns the kept matches of `all`.
 */
export function resolveEvidence<T extends { needsEvidence: boolean }>(all: readonly T[], known = false): T[] {
  const hasEvidence = known || all.some((m) => !m.needsEvidence);
  return hasEvidence ? [...all] : all.filter((m) => !m.needsEvidence);
}
