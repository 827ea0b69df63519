/**
 * Hover intent for highlighted mentions: the pointer resting ~300 ms on a mention opens its card; leaving the
 * mention (unless into the card) closes it after a grace period; scrolling and Escape close it. Pointer moves
 * are read once per animation frame, and each read is one caret hit test (see hit-test.ts).
 */
export interface HoverTimers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverCallbacks<T> {
  /** The item under a viewport point, or null. */
  itemAt(x: number, y: number): T | null;
  /** Whether an event target is the card. */
  inCard(target: EventTarget | null): boolean;
  open(item: T): void;
  close(): void;
}

export const INTENT_MS = 300;
export const LEAVE_MS = 300;

export interface HoverState<T> {
  /** Feed a pointer position (already frame-throttled by the caller). */
  pointer(x: number, y: number, target: EventTarget | null): void;
  /** The card is open for this item (opened by hover or by keyboard). */
  opened(item: T): void;
  /** Close now (scroll, Escape, settings change). */
  closeNow(): void;
  openItem(): T | null;
  dispose(): void;
}

export function createHoverState<T>(callbacks: HoverCallbacks<T>, timers: HoverTimers): HoverState<T> {
  let pending: T | null = null;
  let open: T | null = null;
  let intentTimer: number | undefined;
  let leaveTimer: number | undefined;

  const clearIntent = () => {
    if (intentTimer !== undefined) timers.clearTimeout(intentTimer);
    intentTimer = undefined;
  };
  const clearLeave = () => {
    if (leaveTimer !== undefined) timers.clearTimeout(leaveTimer);
    leaveTimer = undefined;
  };
  const closeNow = () => {
    clearIntent();
    clearLeave();
    pending = null;
    if (open !== null) {
      open = null;
      callbacks.close();
    }
  };

  return {
    pointer(x, y, target) {
      if (callbacks.inCard(target)) {
        clearLeave();
        clearIntent();
        pending = null;
        return;
      }
      const item = callbacks.itemAt(x, y);
      if (item !== null && item === open) {
        clearLeave();
        return;
      }
      if (item !== pending) {
        clearIntent();
        pending = item;
        if (item !== null) {
          intentTimer = timers.setTimeout(() => {
            intentTimer = undefined;
            if (pending === item) {
              clearLeave();
              open = item;
              callbacks.open(item);
            }
          }, INTENT_MS);
        }
      }
      if (open !== null && item === null && leaveTimer === undefined) {
        leaveTimer = timers.setTimeout(() => {
          leaveTimer = undefined;
          closeNow();
        }, LEAVE_MS);
      }
    },
    opened(item) {
      clearIntent();
      clearLeave();
      pending = null;
      open = item;
    },
    closeNow,
    openItem: () => open,
    dispose: closeNow,
  };
}
