/**
 * The gate: one cheap pass over the page's text nodes that finds the few that may hold a mention.
 *
 * It is a plain `SHOW_TEXT` TreeWalker (no JS filter callback per node, no string join, no layout) testing one
 * precompiled, non-global RegExp (`GatePatterns.prefilter`: short anchors such as `hik`, `dah`, `hyt`, `ezv`,
 * `hilook`, `海康威视`, `大华`, plus full-width letters and zero-width characters) against each node's data;
 * the rare nodes where it fires are confirmed with stricter patterns (see `GatePatterns`). Every alias match and
 * every near-miss candidate starts with an anchor, so a page the gate passes over cannot contain a mention.
 *
 * Before the walk, `mayHoldMention` tests the whole text of the root at once (`textContent`, one native string,
 * no JS per node). On most pages it finds no anchor and the walk never runs; it is a necessary condition only,
 * so a page where it fires still gets the exact walk below.
 *
 * Two refinements keep the walk exact without slowing it down:
 * - An anchor split across text nodes (`H<b>ik</b>vision`, `海<b>康威视</b>`, `<a>Hik</a><a>-Connect</a>`) is
 *   caught by testing the last characters of the previous node joined with the first characters of the next
 *   one, only when the word visibly continues (a letter on both sides of the boundary) or the previous node
 *   ended in a letter and held an anchor's letters.
 * - Exclusions (script, textarea, hidden, contenteditable, our own UI...) are checked only for the rare nodes
 *   that hit, by walking their ancestors; large script/style text is skipped by a parent check.
 */
import { isInExcludedSubtree } from './dom';
import type { GatePatterns, WholeTextGate } from './lexicon';

const SHOW_TEXT = 0x4;
/** Characters of each side joined to test an anchor split across two text nodes. */
const SEAM = 12;
/** Text nodes longer than this are checked for a script/style parent before being tested. */
const LARGE_NODE = 2048;
const RAW_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

export interface GateResult {
  /** Text nodes (outside excluded subtrees) where an anchor was found, in document order. */
  hits: Text[];
  /** Text nodes visited. */
  nodes: number;
  /** Nodes where an anchor was found but that lie in an excluded subtree. */
  excluded: number;
}

/** A letter-like character code: ASCII letter, or anything non-ASCII except spaces, punctuation and symbols. */
function isLetterish(code: number): boolean {
  if (code < 0x80) return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return (
    code >= 0xc0 &&
    !(code >= 0x2000 && code <= 0x2bff) &&
    !(code >= 0x3000 && code <= 0x303f) &&
    !(code >= 0xff00 && code <= 0xff0f) &&
    code !== 0xfeff
  );
}

/** Ignorable characters the tolerant patterns skip between letters (soft hyphen, zero-width, word joiner...). */
const IGNORABLE = /[\u00AD\u200B-\u200F\u2060\uFEFF\u180E]|\u034F/g;
/** Full-width Latin letters (and the few signs between them), folded to ASCII by subtracting this offset. */
const FULL_WIDTH = /[\uFF21-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xff21 - 0x41;

/** `text` with ignorable characters removed and full-width Latin folded to ASCII. */
export function foldExotic(text: string): string {
  return text
    .replace(IGNORABLE, '')
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/**
 * A necessary condition for `text` (a whole subtree's `textContent`) to hold a mention: an anchor with what
 * must follow it (`anchored`), found in the text as it is or, when it holds full-width letters or ignorable
 * characters, in the text with those folded. Joining the text nodes without separators can only add matches
 * (`H<b>ik</b>vision` reads `Hikvision`, as the walk's seams do), never remove one, so `false` means the walk
 * would find no candidate either.
 */
export function mayHoldMention(text: string, patterns: WholeTextGate): boolean {
  if (!patterns.prefilter.test(text)) return false;
  if (patterns.anchored.test(text)) return true;
  if (!patterns.exotic.test(text)) return false;
  return patterns.anchored.test(foldExotic(text));
}

/**
 * Runs the gate over the text under `root`: `mayHoldMention` on its whole text (unless the caller just did:
 * `wholeTextChecked`), then the walk. The patterns are non-global, so `test` keeps no state between
 * nodes.
 */
export function runGate(
  doc: Document,
  root: Node,
  patterns: GatePatterns,
  wholeTextChecked = false,
): GateResult {
  if (!wholeTextChecked && !mayHoldMention(root.textContent ?? '', patterns)) {
    return { hits: [], nodes: 0, excluded: 0 };
  }
  const { prefilter, anchored, exotic, tolerant } = patterns;
  const confirm = (value: string): boolean =>
    (anchored.test(value) || exotic.test(value)) && tolerant.test(value);
  const raw: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let nodes = 0;
  let prev: Text | null = null;
  // The previous node's text when it ended in a letter (its tail may join the next node), else ''. Kept as a
  // reference: the tail is only sliced off when a seam is actually tested.
  let prevData = '';
  // Letters carried over several short nodes (`E<i>z</i>viz`); '' when the tail is just `prevData`'s.
  let carry = '';
  // The previous node held an anchor's letters, so a separator or the next word may follow in the next node.
  let prevLiteral = false;
  // ' ' when whitespace-only nodes sit between a node with anchor letters and the current one.
  let gap = '';
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes += 1;
    const text = node as Text;
    const data = text.data;
    const length = data.length;
    // Whitespace-only nodes (most of the nodes of an indented page) need no RegExp call.
    let first = 0;
    while (first < length && data.charCodeAt(first) <= 0x20) first += 1;
    if (first === length) {
      if (length > 0 && prevLiteral) gap = ' ';
      else if (length > 0) prevData = carry = '';
      continue;
    }
    if (length > LARGE_NODE) {
      const parent = text.parentElement;
      if (parent !== null && RAW_TEXT_PARENTS.has(parent.localName)) {
        prevData = carry = gap = '';
        prevLiteral = false;
        continue;
      }
    }
    const candidate = prefilter.test(data);
    // A word continues across the boundary (`H<b>ik</b>vision`), or the previous node had an anchor that
    // may continue here (`<a>Hik</a><a>-Connect</a>`).
    const joined = prevData !== '' && gap === '' && first === 0 && isLetterish(data.charCodeAt(0));
    if (candidate && confirm(data)) {
      raw.push(text);
    } else if (prevData !== '' && (joined || prevLiteral)) {
      const seam = (carry !== '' ? carry : prevData.slice(-SEAM)) + gap + data.slice(0, SEAM);
      if (prefilter.test(seam) && confirm(seam)) {
        if (prev !== null && raw[raw.length - 1] !== prev) raw.push(prev);
        raw.push(text);
      }
    }
    if (isLetterish(data.charCodeAt(length - 1))) {
      carry =
        joined && length < SEAM ? ((carry !== '' ? carry : prevData.slice(-SEAM)) + data).slice(-SEAM) : '';
      prevData = data;
      prevLiteral = candidate;
    } else {
      prevData = carry = '';
      prevLiteral = false;
    }
    gap = '';
    prev = text;
  }
  if (raw.length === 0) return { hits: raw, nodes, excluded: 0 };
  const cache = new Map<Element, boolean>();
  const hits = raw.filter((t) => !isInExcludedSubtree(t, cache));
  return { hits, nodes, excluded: raw.length - hits.length };
}
