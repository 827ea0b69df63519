/**
 * Highlight names. Each vendor and style gets its own name so that switching the style or emphasising the active
 * mention re-registers ranges instead of touching the page's DOM (no attribute on <html>, no <style> element):
 * `entrypoints/content/highlights.css` has a `::highlight()` rule for every name.
 */
import type { VendorId } from '../dataset/types';
import type { HighlightStyle } from '../settings';

export const HIGHLIGHT_PREFIX = 'vendor-lens';

export function highlightName(vendor: VendorId, style: HighlightStyle): string {
  return `${HIGHLIGHT_PREFIX}-${style}-${vendor}`;
}

/** The mention whose card is open (or that the keyboard moved to). */
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-active`;

/** The custom element used by the wrapping fallback (see `wrap-highlighter.ts`). */
export const WRAP_TAG = 'vendor-lens-mark';
