/**
 * Highlights through the CSS Custom Highlight API (Chromium 105+, Firefox 140+): ranges are registered in
 * `CSS.highlights`, and the page's DOM is never modified, so frameworks that re-render (React hydration, Quill,
 * Notion) have nothing to strip or trip over.
 */
import { VENDOR_IDS } from '../dataset/types';
import type { HighlightStyle } from '../settings';
import { ACTIVE_HIGHLIGHT, highlightName } from './names';
import type { Highlighter } from './types';

/** The parts of `window` the API needs (feature-detected; absent on old browsers). */
export interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

export function supportsCustomHighlights(win: HighlightWindow): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

const STYLES: readonly HighlightStyle[] = ['underline', 'background', 'wavy'];

export function createCssHighlighter(win: HighlightWindow): Highlighter {
  const registry = win.CSS?.highlights;
  const HighlightCtor = win.Highlight;
  if (!registry || !HighlightCtor) throw new Error('CSS Custom Highlight API not available');

  /** Names this highlighter registered (deleting the others would be calls into the browser for nothing). */
  const registered = new Set<string>();
  let swept = false;
  const removeAll = () => {
    if (!swept) {
      swept = true;
      // Highlights left by an earlier instance (the extension updated or reloaded on an open page), if any.
      if (registry.size > 0) {
        for (const s of STYLES) for (const v of VENDOR_IDS) registry.delete(highlightName(v, s));
        registry.delete(ACTIVE_HIGHLIGHT);
      }
    }
    for (const name of registered) registry.delete(name);
    registered.clear();
  };

  return {
    kind: 'css',
    set(targets, style) {
      removeAll();
      for (const vendor of VENDOR_IDS) {
        const ranges = targets.filter((t) => t.vendor === vendor).map((t) => t.range);
        if (ranges.length === 0) continue;
        const highlight = new HighlightCtor(...ranges);
        // Below the page's own highlights (e.g. a search tool's), which are what the user is acting on.
        highlight.priority = -1;
        const name = highlightName(vendor, style);
        registry.set(name, highlight);
        registered.add(name);
      }
    },
    setActive(target) {
      if (registered.delete(ACTIVE_HIGHLIGHT)) registry.delete(ACTIVE_HIGHLIGHT);
      if (target) {
        registry.set(ACTIVE_HIGHLIGHT, new HighlightCtor(target.range));
        registered.add(ACTIVE_HIGHLIGHT);
      }
    },
    clear: removeAll,
  };
}
