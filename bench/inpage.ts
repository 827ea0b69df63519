/**
 * Code that runs in the page's main world. Kept as plain JavaScript strings (not functions passed to
 * `page.evaluate`), so that nothing the TypeScript loader adds to functions (name helpers) reaches the page.
 *
 * - `INIT_SCRIPT`: installed in every document before it parses (Playwright init script). Records Long Tasks
 *   API entries (for the record: Chromium does not report content-script tasks there) and, in extension pages,
 *   when `body[data-ready]` appears (the popup's first render with its report).
 * - `BASELINES_SCRIPT`: the baselines, defined on `window.__vlBench` after the content script has finished:
 *   `walk()`, `readability()`, `mark(names)`, and the hover-card probe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @mozilla/readability's browser build (defines the global `Readability`). */
export const READABILITY_SOURCE = readFileSync(
  require.resolve('@mozilla/readability/Readability.js'),
  'utf8',
);
/** mark.js's UMD build (defines the global `Mark`). */
export const MARKJS_SOURCE = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');

/** The mark made just before the baselines run: the long-task window ends there. */
export const BASELINES_MARK = 'vl-bench:baselines';

/**
 * Each baseline runs between two marks, `vl-bench:cpu:<name>:start` and `:end` (`walk`, `readability`, `mark`).
 * A trace records each mark with the thread's CPU clock (`tts`), so the bench reads what the baseline cost in
 * CPU time as well as on the wall clock (`baselineCpuMs` in `trace.ts`).
 */
export const CPU_MARK_PREFIX = 'vl-bench:cpu:';

export const INIT_SCRIPT = `(() => {
  const w = window;
  w.__vlLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__vlLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  if (location.protocol === 'chrome-extension:') {
    const watch = () => {
      const body = document.body;
      if (!body) return false;
      if (body.hasAttribute('data-ready')) { w.__vlReadyAt = performance.now(); return true; }
      const mo = new MutationObserver(() => {
        if (body.hasAttribute('data-ready') && w.__vlReadyAt === undefined) {
          w.__vlReadyAt = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(body, { attributes: true, attributeFilter: ['data-ready'] });
      return true;
    };
    if (!watch()) document.addEventListener('DOMContentLoaded', watch, { once: true });
  }
})();`;

export interface WalkResult {
  ms: number;
  nodes: number;
  chars: number;
}

export interface ReadabilityResult {
  /** Clone + parse. */
  ms: number;
  cloneMs: number;
  parseMs: number;
  ok: boolean;
}

export interface MarkResult {
  ms: number;
  marks: number;
  /** mark.js called `done` before `mark()` returned (it is synchronous). */
  sync: boolean;
}

export interface HoverResult {
  /** Main-world poll before the task that opened the card (upper bound of the open's start). */
  openedAfter: number | null;
  /** First poll that saw the card's element in its shadow root. */
  cardSeen: number | null;
  /** After the first frame that followed (rAF, then a task): the card was painted. */
  framed: number | null;
  /** First poll that saw the vendor's counts (facts from the background). */
  dataSeen: number | null;
  pointerAt: number | null;
  /** Poll iterations (a sanity check that the loop ran). */
  polls: number;
  /** `vendor-lens:card` measure, when the content script emits one. */
  cardMeasure: number | null;
}

export interface BenchWindow {
  __vlBench: {
    walk(): WalkResult;
    readability(): ReadabilityResult;
    mark(names: string[]): MarkResult;
    startHoverProbe(timeoutMs: number): void;
    hoverResult(): Promise<HoverResult>;
  };
  __vlLongTasks: [number, number][];
  __vlReadyAt?: number;
}

/**
 * The floor: one TreeWalker pass over every text node under <body>, reading each node's data (statements that
 * leave `nodes` and `chars`). Shared by the baseline below and `task-floor.ts`, which runs it in a content script.
 */
export const TEXT_WALK = `const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      nodes += 1;
      chars += n.data.length;
    }`;

export const BASELINES_SCRIPT = `(() => {
  const w = window;
  const bench = {};
  // Each baseline is bracketed by two marks (see CPU_MARK_PREFIX), outside its own clock.
  const cpuMark = (name, edge) => performance.mark('${CPU_MARK_PREFIX}' + name + ':' + edge);
  bench.walk = () => {
    cpuMark('walk', 'start');
    const t0 = performance.now();
    ${TEXT_WALK}
    const ms = performance.now() - t0;
    cpuMark('walk', 'end');
    return { ms, nodes, chars };
  };
  // Readability alone, with its defaults, on a clone of the document (parse() mutates its input).
  bench.readability = () => {
    cpuMark('readability', 'start');
    const t0 = performance.now();
    const clone = document.cloneNode(true);
    const t1 = performance.now();
    let ok = false;
    try { ok = new Readability(clone).parse() !== null; } catch (e) { ok = false; }
    const t2 = performance.now();
    cpuMark('readability', 'end');
    return { ms: t2 - t0, cloneMs: t1 - t0, parseMs: t2 - t1, ok };
  };
  // mark.js with its defaults on a detached clone of <body> (the clone is made before the clock starts).
  bench.mark = (names) => {
    const clone = (document.body || document.documentElement).cloneNode(true);
    let marks = 0;
    let doneAt = -1;
    cpuMark('mark', 'start');
    const t0 = performance.now();
    new Mark(clone).mark(names, { done: (n) => { marks = n; doneAt = performance.now(); } });
    const t1 = performance.now();
    cpuMark('mark', 'end');
    return { ms: (doneAt >= 0 ? doneAt : t1) - t0, marks, sync: doneAt >= 0 };
  };
  // Hover card: a MessageChannel loop of tiny tasks that notes when the card appears. The content script opens
  // the card in one task (timer + microtasks), so the gap between the poll before it and the poll that sees the
  // card bounds the open-to-render time from above.
  let probe = null;
  bench.startHoverProbe = (timeoutMs) => {
    const r = { openedAfter: null, cardSeen: null, framed: null, dataSeen: null, pointerAt: null, polls: 0,
      cardMeasure: null };
    const started = performance.now();
    let last = started;
    const onMove = (e) => { r.pointerAt = e.timeStamp; };
    w.addEventListener('pointermove', onMove, { capture: true, passive: true });
    probe = new Promise((resolve) => {
      const ch = new MessageChannel();
      const finish = () => {
        w.removeEventListener('pointermove', onMove, { capture: true });
        const m = performance.getEntriesByName('vendor-lens:card');
        if (m.length > 0) r.cardMeasure = m[0].duration;
        resolve(r);
      };
      ch.port1.onmessage = () => {
        const now = performance.now();
        r.polls += 1;
        const root = document.querySelector('vendor-lens-card')?.shadowRoot;
        const card = root ? root.querySelector('[data-testid="vendor-lens-card"]') : null;
        if (card && r.cardSeen === null) {
          r.cardSeen = now;
          r.openedAfter = last;
          requestAnimationFrame(() => setTimeout(() => { r.framed = performance.now(); }, 0));
        }
        if (card && r.dataSeen === null && card.querySelector('.card__count')) r.dataSeen = now;
        if ((r.dataSeen !== null && r.framed !== null) || now - started > timeoutMs) { finish(); return; }
        last = performance.now();
        ch.port2.postMessage(0);
      };
      ch.port2.postMessage(0);
    });
  };
  bench.hoverResult = () => probe;
  w.__vlBench = bench;
})();`;

/** Every script the baselines need, in order: Readability, mark.js, then the harness itself. */
export const BASELINE_SOURCES = [READABILITY_SOURCE, MARKJS_SOURCE, BASELINES_SCRIPT];
