/**
 * What counts as page text: the elements the engine never reads, and block boundaries.
 *
 * Decisions are made from tag names and attributes only (no `getComputedStyle`, no layout), so they are cheap
 * enough for the hot path and identical in a browser and in happy-dom.
 */

/**
 * Attribute the extension puts on its own UI (the shadow host of the hover card, any marker elements).
 * Elements carrying it, and everything inside them, are never scanned.
 */
export const OWN_UI_ATTR = 'data-vendor-lens';

/** Elements whose text is not page prose (code, form fields, metadata, embedded documents). */
const EXCLUDED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'title',
  'head',
  'iframe',
  'object',
  'embed',
  'canvas',
]);

/** Elements that start a new block of text: a mention never spans one of these boundaries. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Inline elements that still separate the text around them (form controls, replaced content). */
const SEPARATING_TAGS = new Set([
  'button',
  'input',
  'select',
  'textarea',
  'img',
  'svg',
  'video',
  'audio',
  'canvas',
  'iframe',
  'object',
  'embed',
  'picture',
  'meter',
  'progress',
]);

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/** Lower-case local name of an element (`localName` is already lower case for HTML; SVG keeps its case). */
function nameOf(el: Element): string {
  return el.localName.toLowerCase();
}

/**
 * True when `el` and its subtree must not be scanned: excluded tags, `hidden`, `aria-hidden="true"`, inline
 * `display:none` / `visibility:hidden`, editable content, and the extension's own UI.
 */
export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(nameOf(el))) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTR)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** True for elements that start a new block of text. */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(nameOf(el));
}

/** True for elements whose boundaries separate words: blocks, `<br>`, form controls, images. */
export function breaksText(el: Element): boolean {
  const name = nameOf(el);
  return BLOCK_TAGS.has(name) || SEPARATING_TAGS.has(name);
}

/**
 * True when `node` lies inside an excluded element (checked up to the document). `cache` memoises answers per
 * element for one pass.
 */
export function isInExcludedSubtree(node: Node, cache?: Map<Element, boolean>): boolean {
  const visited: Element[] = [];
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  let result = false;
  while (el !== null) {
    const known = cache?.get(el);
    if (known !== undefined) {
      result = known;
      break;
    }
    visited.push(el);
    if (isExcludedElement(el)) {
      result = true;
      break;
    }
    el = el.parentElement;
  }
  if (cache !== undefined) for (const v of visited) cache.set(v, result);
  // A text node inside a shadow root has no parentElement at the root level; that is fine (not excluded).
  return result;
}

/** Nearest block-level ancestor of `node` (the node itself if it is a block element), or `null`. */
export function nearestBlock(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el !== null && !isBlockElement(el)) el = el.parentElement;
  return el;
}
