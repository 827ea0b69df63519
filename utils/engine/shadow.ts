/**
 * Open shadow roots: text a page renders from a shadow tree (web components, embedded widgets) is text the
 * reader reads, but a TreeWalker, `textContent` and `Range`s stop at a shadow boundary. These helpers find the
 * open roots under a node (closed roots stay closed: the page asked for that) and order nodes across trees.
 * Our own UI (the hover card, a host marked `OWN_UI_ATTR`) is never searched: the card quotes the vendors'
 * statements, and a scan while it was open read "Hikvision USA" in it as a mention on the page.
 */
import { OWN_UI_ATTR } from './dom';

/** Elements the search visits between two pauses of `shadowRootSteps`. */
export const SHADOW_ELEMENTS_PER_STEP = 4096;
/** Most shadow roots read on one page (a page with thousands of components is read up to here). */
export const MAX_SHADOW_ROOTS = 500;

const SHOW_ELEMENT = 0x1;

/**
 * The open shadow roots under `root` and the roots nested inside them, at most `MAX_SHADOW_ROOTS`: each tree's
 * roots in the order of their hosts, a tree's roots before the roots inside them (mentions are sorted later, with
 * `compareRanges`); pauses every `SHADOW_ELEMENTS_PER_STEP` elements so that a page of 100,000 elements can
 * be searched over several tasks. `root` itself may be a host.
 */
export function* shadowRootSteps(root: Node, limit = MAX_SHADOW_ROOTS): Generator<void, ShadowRoot[], void> {
  const doc = root.ownerDocument ?? (root as Document);
  const found: ShadowRoot[] = [];
  const queue: Node[] = [root];
  let visited = 0;
  while (queue.length > 0 && found.length < limit) {
    const start = queue.shift()!;
    const walker = doc.createTreeWalker(start, SHOW_ELEMENT);
    const nested: Node[] = [];
    for (
      let el: Node | null = start.nodeType === 1 ? start : walker.nextNode();
      el !== null;
      el = walker.nextNode()
    ) {
      if (++visited % SHADOW_ELEMENTS_PER_STEP === 0) yield;
      const shadow = (el as Element).shadowRoot;
      if (shadow != null && !(el as Element).hasAttribute(OWN_UI_ATTR)) {
        found.push(shadow);
        nested.push(shadow);
        if (found.length >= limit) break;
      }
    }
    queue.unshift(...nested);
  }
  return found;
}

/** Elements whose name has a hyphen: custom elements (web components), the usual hosts of open shadow roots. */
const CUSTOM_ELEMENTS = "descendant-or-self::*[contains(local-name(), '-')]";
const ORDERED_NODE_SNAPSHOT_TYPE = 7;

/**
 * The whole-text test's cheaper search: the open shadow roots of the custom elements under `root` (web
 * components), with the roots nested inside them (`shadowRootSteps` inside each root, which is small). The
 * hosts come from one XPath query, answered natively: `shadowRootSteps` must ask every element of the page
 * for its `shadowRoot`, and in a content script's isolated world each element asked gets a wrapper (2.5 ms
 * against 0.53 ms on the corpus pages, Chromium, medians; the text walk took 1.5 ms on that machine). Roots
 * attached to a standard element (`div.attachShadow`, rare outside widgets) are left to the engine's full
 * search, which runs once the page holds a candidate anywhere else. Without XPath (happy-dom), the same hosts
 * are found with an element walk.
 */
export function* customElementShadowRootSteps(
  root: Node,
  limit = MAX_SHADOW_ROOTS,
): Generator<void, ShadowRoot[], void> {
  const doc = root.ownerDocument ?? (root as Document);
  const found: ShadowRoot[] = [];
  const take = function* (host: Element): Generator<void, boolean, void> {
    const shadow = host.shadowRoot;
    if (shadow == null || host.hasAttribute(OWN_UI_ATTR)) return false;
    found.push(shadow);
    if (found.length < limit) found.push(...(yield* shadowRootSteps(shadow, limit - found.length)));
    return found.length >= limit;
  };
  if (typeof doc.evaluate === 'function' && root.getRootNode() === doc) {
    const hosts = doc.evaluate(CUSTOM_ELEMENTS, root, null, ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < hosts.snapshotLength; i++) {
      if (i > 0 && i % SHADOW_ELEMENTS_PER_STEP === 0) yield;
      if (yield* take(hosts.snapshotItem(i) as Element)) break;
    }
    return found;
  }
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  let visited = 0;
  for (
    let el: Node | null = root.nodeType === 1 ? root : walker.nextNode();
    el !== null;
    el = walker.nextNode()
  ) {
    if (++visited % SHADOW_ELEMENTS_PER_STEP === 0) yield;
    if ((el as Element).localName.includes('-') && (yield* take(el as Element))) break;
  }
  return found;
}

/** `shadowRootSteps` run to the end in one go (small subtrees, tests). */
export function openShadowRoots(root: Node, limit = MAX_SHADOW_ROOTS): ShadowRoot[] {
  const steps = shadowRootSteps(root, limit);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `node`, then the host of its shadow root, that host's host, and so on up to the document's tree. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); isShadowRoot(root); root = root.host.getRootNode())
    chain.push(root.host);
  return chain.reverse();
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && (node as ShadowRoot).host != null;
}

const PRECEDING = 0x02;
/** `Node.DOCUMENT_POSITION_FOLLOWING`. */
export const FOLLOWING = 0x04;

/**
 * Tree order across shadow boundaries (negative when `a` comes first): nodes are compared where their trees
 * meet, a node in a shadow tree standing at its host's place. The content of a host's shadow root comes before
 * the host's light-DOM children (it is what the host renders first, typically around its slots).
 */
export function composedCompare(a: Node, b: Node): number {
  if (a === b) return 0;
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  let i = 0;
  while (i < chainA.length && i < chainB.length && chainA[i] === chainB[i]) i += 1;
  // One node is the host of (a tree holding) the other: the host comes first.
  if (i === chainA.length) return -1;
  if (i === chainB.length) return 1;
  const x = chainA[i]!;
  const y = chainB[i]!;
  const position = x.compareDocumentPosition(y);
  if (position & FOLLOWING) return -1;
  if (position & PRECEDING) return 1;
  return 0;
}

/** Two ranges in tree order, across shadow boundaries (`compareBoundaryPoints` throws across trees). */
export function compareRanges(a: Range, b: Range): number {
  if (a.startContainer.getRootNode() === b.startContainer.getRootNode()) {
    return a.compareBoundaryPoints(0 /* START_TO_START */, b);
  }
  return composedCompare(a.startContainer, b.startContainer);
}

/** `ancestor.contains(node)`, looking through the shadow roots between them (`contains` stops at a root). */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current !== null;) {
    if (ancestor.contains(current)) return true;
    const root = current.getRootNode();
    current = isShadowRoot(root) ? root.host : null;
  }
  return false;
}

/** The shadow root `node` is in, or null in the document's own tree. */
export function shadowRootOf(node: Node): ShadowRoot | null {
  const root = node.getRootNode();
  return isShadowRoot(root) ? root : null;
}
