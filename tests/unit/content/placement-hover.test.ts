import { describe, expect, it, vi } from 'vitest';
import {
  CARD_GAP,
  CARD_WIDTH,
  COMFORTABLE_HEIGHT,
  VIEWPORT_MARGIN,
  placeCard,
} from '@/utils/content/card-placement';
import { INTENT_MS, LEAVE_MS, createHoverState } from '@/utils/content/hover';

const viewport = { width: 1000, height: 800 };

describe('placeCard', () => {
  it('goes below the mention when there is room, never over it', () => {
    const anchor = { left: 100, top: 100, right: 180, bottom: 120 };
    const p = placeCard(anchor, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBe(anchor.bottom + CARD_GAP);
    expect(p.bottom).toBeNull();
    expect(p.left).toBe(100);
    expect(p.maxHeight).toBe(viewport.height - VIEWPORT_MARGIN - (anchor.bottom + CARD_GAP));
  });

  it('goes above when the mention is near the bottom, its bottom edge above the mention', () => {
    const anchor = { left: 100, top: 700, right: 180, bottom: 720 };
    const p = placeCard(anchor, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBeNull();
    // The card's bottom edge sits CARD_GAP above the mention's top.
    expect(viewport.height - (p.bottom ?? 0)).toBe(anchor.top - CARD_GAP);
    expect(p.maxHeight).toBe(anchor.top - CARD_GAP - VIEWPORT_MARGIN);
  });

  it('stays inside the viewport horizontally, and narrows on small viewports', () => {
    const p = placeCard({ left: 950, top: 100, right: 990, bottom: 120 }, viewport);
    expect(p.left + p.width).toBeLessThanOrEqual(viewport.width - VIEWPORT_MARGIN);
    const q = placeCard({ left: -50, top: 100, right: 10, bottom: 120 }, viewport);
    expect(q.left).toBe(VIEWPORT_MARGIN);
    const small = placeCard({ left: 10, top: 10, right: 50, bottom: 30 }, { width: 300, height: 600 });
    expect(small.width).toBe(300 - 2 * VIEWPORT_MARGIN);
    expect(small.width).toBeLessThan(CARD_WIDTH);
  });

  it('prefers below whenever a comfortable height fits there', () => {
    const anchor = { left: 10, top: 500, right: 50, bottom: 520 };
    expect(
      placeCard(anchor, { width: 1000, height: 520 + CARD_GAP + VIEWPORT_MARGIN + COMFORTABLE_HEIGHT }).side,
    ).toBe('below');
  });
});

describe('hover intent', () => {
  function setup() {
    vi.useFakeTimers();
    let under: string | null = null;
    let inCard = false;
    const open = vi.fn();
    const close = vi.fn();
    const state = createHoverState<string>(
      { itemAt: () => under, inCard: () => inCard, open, close },
      {
        setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      },
    );
    return {
      state,
      open,
      close,
      over: (item: string | null) => {
        under = item;
        state.pointer(0, 0, null);
      },
      intoCard: () => {
        inCard = true;
        state.pointer(0, 0, null);
      },
    };
  }

  it('opens only after the pointer rests on a mention', () => {
    const t = setup();
    t.over('a');
    vi.advanceTimersByTime(INTENT_MS - 50);
    expect(t.open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(t.open).toHaveBeenCalledWith('a');
  });

  it('does not open when the pointer only passes over', () => {
    const t = setup();
    t.over('a');
    vi.advanceTimersByTime(100);
    t.over(null);
    vi.advanceTimersByTime(INTENT_MS * 2);
    expect(t.open).not.toHaveBeenCalled();
  });

  it('stays open while the pointer moves into the card, closes after leaving both', () => {
    const t = setup();
    t.over('a');
    vi.advanceTimersByTime(INTENT_MS + 1);
    t.over(null);
    vi.advanceTimersByTime(LEAVE_MS / 2);
    t.intoCard();
    vi.advanceTimersByTime(LEAVE_MS * 2);
    expect(t.close).not.toHaveBeenCalled();
    t.state.closeNow();
    expect(t.close).toHaveBeenCalledTimes(1);
  });

  it('closes after the grace period when the pointer leaves', () => {
    const t = setup();
    t.over('a');
    vi.advanceTimersByTime(INTENT_MS + 1);
    t.over(null);
    vi.advanceTimersByTime(LEAVE_MS + 1);
    expect(t.close).toHaveBeenCalledTimes(1);
    expect(t.state.openItem()).toBeNull();
  });

  it('moves from one mention to another', () => {
    const t = setup();
    t.over('a');
    vi.advanceTimersByTime(INTENT_MS + 1);
    t.over('b');
    vi.advanceTimersByTime(INTENT_MS + 1);
    expect(t.open).toHaveBeenLastCalledWith('b');
  });
});
