/**
 * Matching a large block in windows around the gate's hits.
 *
 * Every alias match and every near miss starts with an anchor, and the gate reports the text nodes that hold
 * one (or the two nodes of a seam: an anchor split across nodes starts in the last letters of the first). So
 * in a block of tens of thousands of characters (archive-of-our-own's kudos list is one paragraph of 50,680) a
 * mention can only start next to a hit node, and matching needs that text and its context, not the whole
 * block: normalising and matching 50 K characters is one long step.
 *
 * A window is a span of the block's `TextIndex.text` around one or more hit nodes, with `margin` visible
 * characters on each side (whitespace and ignorable characters do not count, so a long run of spaces, which
 * normalisation collapses, never leaves a match short of context); overlapping windows are merged. A window
 * keeps only the matches that start in its core (its hit nodes, from `CORE_LEAD` visible characters before
 * the first): away from the window's edges, where a word cut at the edge could look like a match or a context
 * rule could see less than it would in the whole block. Each window is matched as its own step.
 *
 * The block is not indexed whole either (`hitIndexes`): indexing reads every element's tag and attributes, and
 * archive's paragraph holds 7,527 text nodes. Each group of nearby hit nodes gets an index of its own, from
 * the text node where `margin` visible characters (and some) lie before its first hit to the one where they
 * lie after its last.
 */
import { isInExcludedSubtree } from './dom';
import { BLOCK_SEPARATOR, isIgnorable, isSpace } from './normalize';
import { buildTextIndex } from './text-index';
import type { TextIndex } from './text-index';

const BLOCK_SEPARATOR_CODE = BLOCK_SEPARATOR.charCodeAt(0);

/** Blocks with more text than this are matched in windows (below, one pass over the block costs less). */
export const WINDOWED_TEXT = 8192;
/** Visible characters of context on each side of a window's hit nodes. */
export const WINDOW_MARGIN = 512;
/**
 * Visible characters before a hit node where a match may still start: the gate reports a node that holds an
 * anchor on its own without the node before it, so a name split across nodes (`<a>Hik</a> <a>vision and
 * Dahua</a>`) starts in the letters before it (`gate.ts` joins the last 12), with only whitespace between.
 */
const CORE_LEAD = 32;

export interface TextWindow {
  /** The window, `[start, end)` in `TextIndex.text`. */
  start: number;
  end: number;
  /** Matches are kept when they start in `[coreStart, coreEnd)`. */
  coreStart: number;
  coreEnd: number;
}

/** A character that normalisation keeps: not a space, an ignorable character or a block separator. */
function isVisible(code: number): boolean {
  return code > 0x20 && code !== BLOCK_SEPARATOR_CODE && !isSpace(code) && !isIgnorable(code);
}

/** Offset `margin` visible characters before `from` (or 0). */
function back(text: string, from: number, margin: number): number {
  let i = from;
  for (let seen = 0; i > 0 && seen < margin; i -= 1) if (isVisible(text.charCodeAt(i - 1))) seen += 1;
  return i;
}

/** Offset `margin` visible characters after `from` (or the end). */
function forward(text: string, from: number, margin: number): number {
  let i = from;
  for (let seen = 0; i < text.length && seen < margin; i += 1) if (isVisible(text.charCodeAt(i))) seen += 1;
  return i;
}

/** Visible characters in `data`. */
function visibleIn(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 1) if (isVisible(data.charCodeAt(i))) n += 1;
  return n;
}

/** Visible characters read past the margin on each side, for the core's lead and the separators. */
const INDEX_SLACK = 2 * CORE_LEAD;

/** An index of part of a block, and the windows to match in it. */
export interface HitIndex {
  index: TextIndex;
  windows: TextWindow[];
}

/** The next (or previous) text node of `walker` outside excluded subtrees, or null. */
function nextIncluded(walker: TreeWalker, ahead: boolean, cache: Map<Element, boolean>): Text | null {
  for (;;) {
    const node = (ahead ? walker.nextNode() : walker.previousNode()) as Text | null;
    if (node === null || !isInExcludedSubtree(node, cache)) return node;
  }
}

/**
 * Indexes of `root` around `hits` (text nodes under `root`, outside excluded subtrees, in document order): a hit
 * less than `margin + INDEX_SLACK` visible characters after the previous one shares its index. An index starts
 * that many visible characters before its first hit, or at the root's first text; it ends as far after its
 * last hit, or at the root's last text. So its windows (`hitWindows`, with the group's hits only: a hit is in
 * one group) are cut only where the root's text starts or ends, as in an index of the whole root.
 */
export function hitIndexes(root: Element, hits: readonly Text[], margin: number = WINDOW_MARGIN): HitIndex[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const cache = new Map<Element, boolean>();
  const all = new Set(hits);
  const need = margin + INDEX_SLACK;
  const out: HitIndex[] = [];
  const done = new Set<Text>();
  for (const hit of hits) {
    if (done.has(hit)) continue;
    let first = hit;
    walker.currentNode = hit;
    for (let seen = 0; seen < need;) {
      const prev = nextIncluded(walker, false, cache);
      if (prev === null) break;
      seen += visibleIn(prev.data);
      first = prev;
    }
    const group = [hit];
    let last = hit;
    walker.currentNode = hit;
    for (let seen = 0; seen < need;) {
      const next = nextIncluded(walker, true, cache);
      if (next === null) break;
      last = next;
      if (all.has(next)) {
        group.push(next); // the group's margin starts again after it
        seen = 0;
      } else {
        seen += visibleIn(next.data);
      }
    }
    for (const h of group) done.add(h);
    const index = buildTextIndex(root, first, last);
    out.push({ index, windows: hitWindows(index, new Set(group), margin) });
  }
  return out;
}

/**
 * The windows of `index` around the text nodes in `hits`, in order, merged where they overlap. Empty when no
 * hit node is in the index.
 */
export function hitWindows(
  index: TextIndex,
  hits: ReadonlySet<Text>,
  margin: number = WINDOW_MARGIN,
): TextWindow[] {
  const text = index.text;
  const windows: TextWindow[] = [];
  for (const seg of index.segments) {
    if (!hits.has(seg.node)) continue;
    const coreStart = back(text, seg.start, CORE_LEAD);
    const start = back(text, coreStart, margin);
    const last = windows[windows.length - 1];
    if (last !== undefined && start <= last.end) {
      last.coreEnd = seg.end;
      last.end = forward(text, seg.end, margin);
      continue;
    }
    windows.push({ start, end: forward(text, seg.end, margin), coreStart, coreEnd: seg.end });
  }
  return windows;
}
