/**
 * Fallback for browsers without the CSS Custom Highlight API: wraps each mention's text nodes in a custom
 * element, as Hypothesis does (a custom tag so page CSS such as `span { display: block }` does not hit it; split
 * at the range edges; whitespace-only runs inside tables and lists left alone; removal puts the original nodes
 * back). This does modify the DOM, which is why it is only the fallback.
 */
import type { HighlightStyle } from '../settings';
import { WRAP_TAG } from './names';
import type { HighlightTarget, Highlighter } from './types';

const RESTRICTED_PARENTS = new Set(['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'OL', 'DL', 'SELECT']);

/** Text nodes inside `range`, split so that each lies wholly inside it. */
export function textNodesInRange(range: Range): Text[] {
  if (range.collapsed) return [];
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  let { startContainer, startOffset, endContainer, endOffset } = range;

  if (startContainer.nodeType === Node.TEXT_NODE && startOffset > 0) {
    const text = startContainer as Text;
    const tail = text.splitText(startOffset);
    if (endContainer === text) {
      endContainer = tail;
      endOffset -= startOffset;
    }
    startContainer = tail;
    startOffset = 0;
  }
  if (endContainer.nodeType === Node.TEXT_NODE && endOffset < (endContainer as Text).length) {
    (endContainer as Text).splitText(endOffset);
  }

  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(
    root.nodeType === Node.TEXT_NODE ? (root.parentNode ?? root) : root,
    NodeFilter.SHOW_TEXT,
  );
  const nodes: Text[] = [];
  const bounded = doc.createRange();
  bounded.setStart(startContainer, startOffset);
  bounded.setEnd(endContainer, endOffset);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!bounded.intersectsNode(node)) continue;
    const text = node as Text;
    if (text.length === 0) continue;
    const parent = text.parentElement;
    if (parent && RESTRICTED_PARENTS.has(parent.tagName) && text.data.trim() === '') continue;
    nodes.push(text);
  }
  return nodes;
}

export function createWrapHighlighter(doc: Document): Highlighter {
  const wrappers = new Map<HighlightTarget, HTMLElement[]>();
  let active: HighlightTarget | null = null;

  const unwrapAll = () => {
    for (const elements of wrappers.values()) {
      for (const el of elements) {
        if (el.parentNode) el.replaceWith(...el.childNodes);
      }
    }
    wrappers.clear();
  };

  return {
    kind: 'wrap',
    set(targets, style: HighlightStyle) {
      unwrapAll();
      // Last first: splitting text for a later mention cannot shift an earlier one.
      const ordered = [...targets].sort((a, b) =>
        b.range.compareBoundaryPoints(Range.START_TO_START, a.range),
      );
      for (const target of ordered) {
        const elements: HTMLElement[] = [];
        for (const text of textNodesInRange(target.range)) {
          const el = doc.createElement(WRAP_TAG);
          el.dataset.vendor = target.vendor;
          el.dataset.style = style;
          text.replaceWith(el);
          el.append(text);
          elements.push(el);
        }
        const first = elements[0];
        const last = elements[elements.length - 1];
        if (first && last) {
          // Moving the text nodes collapsed the range: point it at the wrappers again.
          target.range.setStartBefore(first);
          target.range.setEndAfter(last);
          wrappers.set(target, elements);
        }
      }
    },
    setActive(target) {
      if (active) for (const el of wrappers.get(active) ?? []) el.removeAttribute('data-active');
      active = target;
      if (target) for (const el of wrappers.get(target) ?? []) el.dataset.active = '';
    },
    clear: unwrapAll,
  };
}
