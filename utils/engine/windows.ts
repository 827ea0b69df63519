/**
 * Matching a large block in windows around the gate's hits.
 *
 * Every alias match and every near miss starts with an anchor, and the gate reports the text nodes that hold
 * one (or the two nodes of a seam: an anchor split across nodes starts at most `SEAM` characters before the
 * second). So in a block of tens of thousands of characters (archive-of-our-own's kudos list is one paragraph
 * of 50,680) a mention can only start next to a hit node, and matching needs that text and its context, not
 * the whole block: normalising and matching 50 K characters is one long step.
 *
 * A window is a span of the block's `TextIndex.text` around one or more hit nodes, with `margin` visible
 * characters on each side (whitespace and ignorable characters do not count, so a long run of spaces, which
 * normalisation collapses, never leaves a match short of context); overlapping windows are merged. A window
 * keeps only the matches that start in its core (its hit nodes, from `CORE_LEAD` characters before the first):
 * away from the window's edges, where a word cut at the edge could look like a match or a context rule could
 * see less than it would in the whole block. Each window is matched as its own step.
 */
import type { TextIndex } from './text-index';

/** Blocks with more text than this are matched in windows (below, one pass over the block costs less). */
export const WINDOWED_TEXT = 8192;
/** Visible characters of context on each side of a window's hit nodes. */
export const WINDOW_MARGIN = 512;
/**
 * Characters before a hit node where a match may still start: an anchor split across nodes (`gate.ts` joins
 * the last 12 characters of the text before a node to its start).
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

/** A character that normalisation keeps (not whitespace, a block separator or an ignorable character). */
function isVisible(code: number): boolean {
  return (
    code > 0x20 &&
    code !== 0xa0 &&
    code !== 0x2029 &&
    code !== 0x00ad &&
    code !== 0x034f &&
    code !== 0x180e &&
    code !== 0x2060 &&
    code !== 0xfeff &&
    !(code >= 0x2000 && code <= 0x200f) &&
    !(code >= 0x2028 && code <= 0x202f) &&
    code !== 0x3000
  );
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
    const coreStart = Math.max(0, seg.start - CORE_LEAD);
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
