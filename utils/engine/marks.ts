/**
 * Marker attributes that carry "this element holds mention N" from the live page into a clone of it, through
 * serialisation and through everything Readability does to the clone (including its retry path, which
 * restores the page from a cached copy: node identity is lost there, attributes are not).
 *
 * No Readability here: the content script uses this to prepare a page for extraction elsewhere.
 */
import { OWN_UI_ATTR } from './dom';

/** Attribute set on clone elements that hold mentions; value: space-separated marker ids. */
export const MARK_ATTR = 'data-vendor-lens-mark';

function follow(root: Node, path: readonly number[]): Node | null {
  let current: Node | null = root;
  for (const index of path) {
    current = current?.childNodes[index] ?? null;
    if (current === null) return null;
  }
  return current;
}

/**
 * A clone of `doc` whose elements holding `markers` carry a marker attribute (ids = indexes into `markers`),
 * without our own UI. It can be parsed here or serialised (`documentElement.outerHTML`) and parsed elsewhere:
 * the markers are plain attributes, so they survive serialisation and Readability alike.
 */
export function markedClone(doc: Document, markers: readonly Element[]): Document {
  const clone = doc.cloneNode(true) as Document;
  markers.forEach((marker, id) => {
    const path = pathFrom(doc, marker);
    const twin = path === null ? null : follow(clone, path);
    if (twin === null || twin.nodeType !== 1 || twin.nodeName !== marker.nodeName) return;
    const el = twin as Element;
    const previous = el.getAttribute(MARK_ATTR);
    el.setAttribute(MARK_ATTR, previous === null ? String(id) : `${previous} ${id}`);
  });
  for (const own of Array.from(clone.querySelectorAll(`[${OWN_UI_ATTR}]`))) own.remove();
  return clone;
}

/** Marker ids found in `root` (the article Readability returned). */
export function markersIn(root: Element): Set<number> {
  const ids = new Set<number>();
  for (const el of Array.from(root.querySelectorAll(`[${MARK_ATTR}]`))) {
    for (const id of (el.getAttribute(MARK_ATTR) ?? '').split(' ')) {
      if (id !== '') ids.add(Number(id));
    }
  }
  return ids;
}

/** Where a marker element sits: its child-index path from `<html>` and its tag, to find it again elsewhere. */
export interface MarkerPath {
  path: number[];
  nodeName: string;
}

/** Child-index path from `root` down to `node`, or null when `node` is not inside `root`. */
function pathFrom(root: Node, node: Node): number[] | null {
  const path: number[] = [];
  let current: Node = node;
  while (current !== root) {
    const parent = current.parentNode;
    if (parent === null) return null;
    let index = 0;
    for (let sib = current.previousSibling; sib !== null; sib = sib.previousSibling) index += 1;
    path.push(index);
    current = parent;
  }
  return path.reverse();
}

/**
 * Paths of `markers` from the document element, for a page serialised as `documentElement.outerHTML` and
 * parsed again elsewhere (no clone of the page is made in the tab). A marker whose path does not lead to the
 * same tag after parsing (markup the parser rearranges) is simply not found: its mention is not in the article.
 */
export function markerPaths(doc: Document, markers: readonly Element[]): (MarkerPath | null)[] {
  const root = doc.documentElement;
  return markers.map((marker) => {
    const path = pathFrom(root, marker);
    return path === null ? null : { path, nodeName: marker.nodeName };
  });
}

/** Sets the marker attributes in a parsed copy, following `markerPaths` from its document element. */
export function applyMarkerPaths(doc: Document, paths: readonly (MarkerPath | null)[]): void {
  paths.forEach((marker, id) => {
    if (marker === null) return;
    const twin = follow(doc.documentElement, marker.path);
    if (twin === null || twin.nodeType !== 1 || twin.nodeName !== marker.nodeName) return;
    const el = twin as Element;
    const previous = el.getAttribute(MARK_ATTR);
    el.setAttribute(MARK_ATTR, previous === null ? String(id) : `${previous} ${id}`);
  });
}
