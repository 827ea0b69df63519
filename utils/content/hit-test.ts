/**
 * Which mention is under the pointer, without touching the DOM: the browser's caret hit test gives the text
 * node and offset under the point, an index from text node to mentions gives the few candidates, and the
 * candidate's client rects confirm the point is really on its text (the caret snaps to the nearest character
 * even in margins). Only one layout query per candidate, so the cost does not grow with the page's mentions.
 */
import { rectContains } from './card-placement';

export interface Hittable {
  range: Range;
}

/** Maps each text node to the mentions whose range touches it. */
export function indexByTextNode<T extends Hittable>(items: readonly T[]): WeakMap<Node, T[]> {
  const index = new WeakMap<Node, T[]>();
  for (const item of items) {
    const { startContainer, endContainer, commonAncestorContainer } = item.range;
    const add = (node: Node) => {
      const list = index.get(node);
      if (list) {
        if (!list.includes(item)) list.push(item);
      } else index.set(node, [item]);
    };
    add(startContainer);
    add(endContainer);
    if (startContainer !== endContainer && commonAncestorContainer.ownerDocument) {
      const doc = commonAncestorContainer.ownerDocument;
      const walker = doc.createTreeWalker(commonAncestorContainer, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (item.range.intersectsNode(node)) add(node);
      }
    }
  }
  return index;
}

/**
 * The caret (node, offset) under a viewport point, with whichever API the browser has. A point over an open
 * shadow root listed in `shadowRoots` resolves inside it (otherwise the caret stops at the host).
 */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const pos =
      shadowRoots.length === 0
        ? withPosition.caretPositionFromPoint(x, y)
        : withPosition.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof withRange.caretRangeFromPoint === 'function') {
    const range = withRange.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The item under (x, y), or null. `pad` widens each text rect a little (line gaps, thin underlines);
 * `shadowRoots` are the open shadow roots holding items.
 */
export function itemAt<T extends Hittable>(
  doc: Document,
  index: WeakMap<Node, T[]>,
  x: number,
  y: number,
  pad = 2,
  shadowRoots: readonly ShadowRoot[] = [],
): T | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret) return null;
  const candidates = index.get(caret.node);
  if (!candidates) return null;
  for (const item of candidates) {
    for (const rect of item.range.getClientRects()) {
      if (rectContains(rect, x, y, pad)) return item;
    }
  }
  return null;
}
