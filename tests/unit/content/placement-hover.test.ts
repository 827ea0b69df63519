import { describe, expect, it, vi } from 'vitest';
import { CARD_GAP, VIEWPORT_MARGIN, placeCard } from '@/utils/content/card-placement';
import { INTENT_MS, LEAVE_MS, createHoverState } from '@/utils/content/hover';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 200 };

describe('placeCard', () => {
  it('goes below the mention when there is room, never over it', () => {
    const anchor = { left: 100, top: 100, right: 180, bottom: 120 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBe(anchor.bottom + CARD_GAP);
    expect(p.left).toBe(100);
  });

  it('goes above when the mention is near the bottom', () => {
    const anchor = { left: 100, top: 700, right: 180, bottom: 720 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(anchor.top - CARD_GAP);
  });

  it('stays inside the viewport horizontally', () => {
    const p = placeCard({ left: 950, top: 100, right: 990, bottom: 120 }, card, viewport);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - VIEWPORT_MARGIN);
    const q = placeCard({ left: -50, top: 100, right: 10, bottom: 120 }, card, viewport);
    expect(q.left).toBe(VIEWPORT_MARGIN);
  });

  it('scrolls inside when neither side fits, without covering the mention', () => {
    const tall = { width: 360, height: 900 };
    const anchor = { left: 10, top: 300, right: 50, bottom: 320 };
    const p = placeCard(anchor, tall, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(viewport.height - VIEWPORT_MARGIN - (anchor.bottom + CARD_GAP));
    expect(p.top).toBeGreaterThanOrEqual(anchor.bottom);
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
