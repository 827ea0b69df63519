/**
 * Where the hover card goes: below the mention, or above it when there is no room below; never over the
 * mention itself, always inside the viewport (the card scrolls inside when neither side has room for all of it).
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
  top: number;
  /** Height available on the chosen side; the card scrolls beyond it. */
  maxHeight: number;
  side: 'below' | 'above';
}

export const CARD_GAP = 6;
export const VIEWPORT_MARGIN = 8;

export function placeCard(anchor: RectLike, card: Size, viewport: Size): Placement {
  const below = viewport.height - VIEWPORT_MARGIN - (anchor.bottom + CARD_GAP);
  const above = anchor.top - CARD_GAP - VIEWPORT_MARGIN;
  const side: Placement['side'] = card.height <= below || below >= above ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - height;
  const maxLeft = Math.max(VIEWPORT_MARGIN, viewport.width - VIEWPORT_MARGIN - card.width);
  const left = Math.min(Math.max(anchor.left, VIEWPORT_MARGIN), maxLeft);
  return { left, top, maxHeight, side };
}

export function rectContains(rect: RectLike, x: number, y: number, pad = 0): boolean {
  return x >= rect.left - pad && x <= rect.right + pad && y >= rect.top - pad && y <= rect.bottom + pad;
}
