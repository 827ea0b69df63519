import type { VendorId } from '../dataset/types';
import type { HighlightStyle } from '../settings';

/** What the highlighter needs of a mention. */
export interface HighlightTarget {
  vendor: VendorId;
  range: Range;
}

export interface Highlighter {
  /** 'css' (CSS Custom Highlight API: the DOM is untouched) or 'wrap' (fallback: custom elements). */
  readonly kind: 'css' | 'wrap';
  /** Replaces every highlight with these. */
  set(targets: readonly HighlightTarget[], style: HighlightStyle): void;
  /** Emphasises one target (its card is open), or none. */
  setActive(target: HighlightTarget | null): void;
  /** Removes every highlight and restores anything that was changed. */
  clear(): void;
}
