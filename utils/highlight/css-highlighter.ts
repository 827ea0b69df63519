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

  const names = [...STYLES.flatMap((s) => VENDOR_IDS.map((v) => highlightName(v, s))), ACTIVE_HIGHLIGHT];
  const removeAll = () => {
    for (const name of names) registry.delete(name);
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
        registry.set(highlightName(vendor, style), highlight);
      }
    },
    setActive(target) {
      registry.delete(ACTIVE_HIGHLIGHT);
      if (target) registry.set(ACTIVE_HIGHLIGHT, new HighlightCtor(target.range));
    },
    clear: removeAll,
  };
}
