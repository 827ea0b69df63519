import { createCssHighlighter, supportsCustomHighlights } from './css-highlighter';
import type { HighlightWindow } from './css-highlighter';
import type { Highlighter } from './types';
import { createWrapHighlighter } from './wrap-highlighter';

export type { HighlightTarget, Highlighter } from './types';
export { ACTIVE_HIGHLIGHT, WRAP_TAG, highlightName } from './names';

/** The CSS Custom Highlight API where the browser has it (no DOM change), else the wrapping fallback. */
export function createHighlighter(doc: Document, win: HighlightWindow): Highlighter {
  return supportsCustomHighlights(win) ? createCssHighlighter(win) : createWrapHighlighter(doc);
}
