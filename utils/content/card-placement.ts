/**
 * Where the hover card goes: below the mention, or above it when there is clearly more room above; never over
 * the mention itself, always inside the viewport (the card scrolls inside when it is taller than the room).
 *
 * No measuring: the card's width is fixed (`CARD_WIDTH`, narrower on small viewports) and its height is capped by
 * `maxHeight`; a card above the mention is anchored by its bottom edge. Measuring the card would force a
 * synchronous layout of the whole page (~17 ms on long pages), which is most of the card's time budget.
 */
export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  /** Set for a card below the mention. */
  top: number | null;
  /** Set for a card above the mention: distance from the viewport's bottom edge. */
  bottom: number | null;
  /** Height available on the chosen side; the card scrolls beyond it. */
  maxHeight: number;
  width: number;
  side: 'below' | 'above';
}

export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;
export const CARD_WIDTH = 360;
/** Below the mention whenever this much room is there: most cards are shorter. */
export const COMFORTABLE_HEIGHT = 380;

export function placeCard(anchor: RectLike, viewport: Size): Placement {
  const width = Math.min(CARD_WIDTH, viewport.width - 2 * VIEWPORT_MARGIN);
  const below = viewport.height - VIEWPORT_MARGIN - (anchor.bottom + CARD_GAP);
  const above = anchor.top - CARD_GAP - VIEWPORT_MARGIN;
  const side: Placement['side'] = below >= COMFORTABLE_HEIGHT || below >= above ? 'below' : 'above';
  const maxLeft = Math.max(VIEWPORT_MARGIN, viewport.width - VIEWPORT_MARGIN - width);
  const left = Math.min(Math.max(anchor.left, VIEWPORT_MARGIN), maxLeft);
  return side === 'below'
    ? { left, top: anchor.bottom + CARD_GAP, bottom: null, maxHeight: Math.max(0, below), width, side }
    : {
        left,
        top: null,
        bottom: viewport.height - (anchor.top - CARD_GAP),
        maxHeight: Math.max(0, above),
        width,
        side,
      };
}

export function rectContains(rect: RectLike, x: number, y: number, pad = 0): boolean {
  return x >= rect.left - pad && x <= rect.right + pad && y >= rect.top - pad && y <= rect.bottom + pad;
}
