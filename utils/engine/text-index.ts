/**
 * The "text index": the visible text under an element as one string, with a map from string offsets back to
 * (text node, offset) pairs.
 *
 * Inline elements are joined without a separator, so `Hik<em>vision</em>` reads `Hikvision`; block boundaries
 * (`<p>`, `<li>`, `<td>`, `<br>`...) and form controls or images (`<button>`, `<img>`...) insert
 * `BLOCK_SEPARATOR`, which no alias pattern crosses. Excluded subtrees (`isExcludedElement`) are skipped.
 */
import { breaksText, isExcludedElement } from './dom';
import { BLOCK_SEPARATOR } from './normalize';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `TextIndex.text`. */
  start: number;
  /** `start + node.data.length`. */
  end: number;
}

export interface TextIndex {
  /** Root the index was built from. */
  root: Element;
  text: string;
  segments: TextSegment[];
}

export interface TextPosition {
  node: Text;
  offset: number;
}

/** Nearest ancestor (within `root`) whose boundaries separate words. */
function breakerOf(node: Node, root: Element): Element {
  let el = node.parentElement;
  while (el !== null && el !== root && !breaksText(el)) el = el.parentElement;
  return el ?? root;
}

/**
 * Indexes the visible text under `root` (which the caller has checked is not itself inside an excluded
 * subtree). A pending break (`<br>`, a block or a control) is set when such an element starts, and a change of
 * the nearest word-separating ancestor catches the end of one.
 *
 * With `first` and `last` (text nodes under `root`, outside excluded subtrees, `first` not after `last`), only
 * the text from `first` to `last` is indexed, as the whole index would read it there.
 */
export function buildTextIndex(
  root: Element,
  first: Text | null = null,
  last: Text | null = null,
): TextIndex {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;
  let lastBreaker: Element | null = null;
  // Manual depth-first walk: no NodeFilter callback (callbacks cannot run where page scripts are disabled,
  // and a callback per node costs more than a property read).
  let node: Node | null = first ?? root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      const data = text.data;
      if (data.length > 0) {
        const breaker = breakerOf(text, root);
        if (segments.length > 0 && (pendingBreak || breaker !== lastBreaker)) {
          parts.push(BLOCK_SEPARATOR);
          length += 1;
        }
        pendingBreak = false;
        lastBreaker = breaker;
        segments.push({ node: text, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
      }
      if (node === last) break;
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (breaksText(el)) pendingBreak = true;
      descend = !isExcludedElement(el);
    }
    if (descend && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    node = node === null || node === root ? null : node.nextSibling;
  }
  return { root, text: parts.join(''), segments };
}

/** Index of the segment containing `offset` (with `end` inclusive when `preferEnd`), or -1. */
function findSegment(index: TextIndex, offset: number, preferEnd: boolean): number {
  const segs = index.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segs[mid];
    if (seg === undefined) break;
    if (preferEnd ? offset <= seg.start : offset < seg.start) hi = mid - 1;
    else if (preferEnd ? offset > seg.end : offset >= seg.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Maps a start offset in `index.text` to a DOM position (the node holding the character at `offset`). */
export function positionAt(index: TextIndex, offset: number): TextPosition | null {
  const i = findSegment(index, offset, false);
  const seg = index.segments[i];
  return seg === undefined ? null : { node: seg.node, offset: offset - seg.start };
}

/** Maps an end offset (exclusive) to a DOM position (the node holding the character before `offset`). */
export function positionBefore(index: TextIndex, offset: number): TextPosition | null {
  const i = findSegment(index, offset, true);
  const seg = index.segments[i];
  return seg === undefined ? null : { node: seg.node, offset: offset - seg.start };
}

/** The text nodes a span `[start, end)` of `index.text` touches, in document order. */
export function nodesInSpan(index: TextIndex, start: number, end: number): Text[] {
  const first = findSegment(index, start, false);
  const nodes: Text[] = [];
  for (let i = Math.max(first, 0); i < index.segments.length; i += 1) {
    const seg = index.segments[i];
    if (seg === undefined || seg.start >= end) break;
    if (seg.end > start) nodes.push(seg.node);
  }
  return nodes;
}
