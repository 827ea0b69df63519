/**
 * Follows page changes: a MutationObserver collects the changed subtrees, a debounce (300 ms; 600 ms when a
 * burst is large) and an idle callback batch them, and a budget caps the work a page that mutates constantly
 * can cost (at most `BUDGET_MS` of rescanning per second; past that the next rescan waits). Our own nodes (the
 * card's host, the fallback's wrappers) are ignored.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export const DEBOUNCE_MS = 300;
export const LARGE_BURST_DEBOUNCE_MS = 600;
export const LARGE_BURST = 50;
/** A page that never stops changing still gets rescanned at least this often (the debounce cannot starve it). */
export const MAX_WAIT_MS = 1000;
/** Above this many changed roots, one full scan is cheaper than many partial ones. */
export const MAX_PARTIAL_ROOTS = 40;
export const BUDGET_MS = 50;
export const BUDGET_WINDOW_MS = 1000;

export interface RescanOptions {
  ctx: Pick<ContentScriptContext, 'setTimeout' | 'isValid'>;
  win: Window;
  root: Element;
  isOwnNode(node: Node): boolean;
  /** Rescan these subtrees, or everything. */
  rescan(roots: readonly Element[] | 'all'): void;
  now?: () => number;
}

export interface RescanScheduler {
  /** Drop mutation records our own highlighting just caused (the wrapping fallback). */
  discardOwnMutations(): void;
  /** Follows changes inside an open shadow root as well (a MutationObserver stops at shadow boundaries). */
  observe(shadow: ShadowRoot): void;
  dispose(): void;
}

/** The outermost elements among `elements` (an element inside another one is dropped). */
export function outermost(elements: Iterable<Element>): Element[] {
  const list = [...new Set(elements)];
  return list.filter((el) => !list.some((other) => other !== el && other.contains(el)));
}

export function createRescanScheduler(options: RescanOptions): RescanScheduler {
  const { ctx, win, root, isOwnNode } = options;
  const now = options.now ?? (() => win.performance.now());
  const pending = new Set<Element>();
  let burst = 0;
  let firstPendingAt: number | null = null;
  let timer: number | undefined;
  let idle: number | undefined;
  let spent: { at: number; ms: number }[] = [];

  const flush = () => {
    timer = undefined;
    idle = undefined;
    if (!ctx.isValid || pending.size === 0) return;
    const t = now();
    spent = spent.filter((s) => t - s.at < BUDGET_WINDOW_MS);
    const used = spent.reduce((sum, s) => sum + s.ms, 0);
    if (used >= BUDGET_MS) {
      // Over budget: come back when the oldest work leaves the window.
      const wait = BUDGET_WINDOW_MS - (t - (spent[0]?.at ?? t));
      timer = ctx.setTimeout(flush, Math.max(wait, DEBOUNCE_MS));
      return;
    }
    const roots = outermost([...pending].filter((el) => el.isConnected));
    pending.clear();
    burst = 0;
    firstPendingAt = null;
    const started = now();
    options.rescan(roots.length > MAX_PARTIAL_ROOTS || roots.includes(root) ? 'all' : roots);
    spent.push({ at: started, ms: now() - started });
  };

  const schedule = () => {
    if (idle !== undefined) return; // a flush is already waiting for idle time
    const t = now();
    firstPendingAt ??= t;
    if (timer !== undefined) clearTimeout(timer);
    const debounce = burst > LARGE_BURST ? LARGE_BURST_DEBOUNCE_MS : DEBOUNCE_MS;
    const delay = Math.max(0, Math.min(debounce, MAX_WAIT_MS - (t - firstPendingAt)));
    timer = ctx.setTimeout(() => {
      timer = undefined;
      const requestIdle = (win as Window & { requestIdleCallback?: Window['requestIdleCallback'] })
        .requestIdleCallback;
      if (typeof requestIdle === 'function') idle = requestIdle.call(win, flush, { timeout: 1000 });
      else flush();
    }, delay);
  };

  const take = (records: readonly MutationRecord[]) => {
    let added = false;
    for (const record of records) {
      if (isOwnNode(record.target)) continue;
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) {
          pending.add(parent);
          added = true;
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (isOwnNode(node)) continue;
        const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
        if (el) {
          pending.add(el);
          added = true;
        }
      }
      if (record.removedNodes.length > 0 && record.target.nodeType === Node.ELEMENT_NODE) {
        // Removed text may have held mentions: rescan its parent so they are dropped.
        pending.add(record.target as Element);
        added = true;
      }
    }
    if (added) {
      burst += records.length;
      schedule();
    }
  };

  const observer = new (win as Window & typeof globalThis).MutationObserver(take);
  const observed = new WeakSet<Node>();
  const follow = (target: Node) => {
    if (observed.has(target)) return;
    observed.add(target);
    observer.observe(target, { childList: true, subtree: true, characterData: true });
  };
  follow(root);

  return {
    discardOwnMutations() {
      observer.takeRecords();
    },
    observe: follow,
    dispose() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      const cancelIdle = (win as Window & { cancelIdleCallback?: Window['cancelIdleCallback'] })
        .cancelIdleCallback;
      if (idle !== undefined && typeof cancelIdle === 'function') cancelIdle.call(win, idle);
      pending.clear();
    },
  };
}
