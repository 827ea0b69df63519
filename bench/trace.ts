/**
 * Chromium trace analysis (CDP `Tracing`): the page's main-thread tasks, the long ones (> 50 ms), and how much
 * of each was the extension's work.
 *
 * Why tracing: in Chromium 156 the Long Tasks API and Long Animation Frames do not report work done by an
 * extension's content script (a 380 ms scan in the isolated world yields no `longtask` entry and a LoAF with
 * `blockingDuration: 0`), so an in-page observer cannot prove "no long task caused by the extension".
 *
 * A task here is a top-level `ThreadControllerImpl::RunTask` slice on the page's renderer main thread, with the
 * microtask checkpoint that follows it (the content script's scan runs in promise reactions, which the trace
 * shows as a sibling `BlinkScheduler_PerformMicrotaskCheckpoint` slice right after the task).
 *
 * The extension's work is the union of: `EvaluateScript` and `FunctionCall` slices whose script is under the
 * extension's origin, the engine module's compilation and evaluation (`v8.compileModule` of an extension URL,
 * `v8.evaluateModule` in an isolated world: the content script imports `/engine.js` on pages that may mention a
 * vendor; its parse is streamed off the main thread), the `vendor-lens:*` user-timing measures, and every microtask checkpoint on the page's
 * main thread. The content script does most of its work in promise reactions after `await loadSettings()`
 * (building the lexicon, the scan, the badge message), which the trace shows only as checkpoint slices with no
 * `FunctionCall` of their own; the bench's pages have their scripts removed, so the only script that runs in
 * them is the content script (the same count in the run without the extension is the control: `microtaskMs`).
 */
import type { CDPSession } from 'playwright-core';
import { overlapLength, unionLength } from './stats';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
  /** The thread's CPU time during a complete slice (µs), where the trace records it. */
  tdur?: number;
  /** The thread's CPU clock at the event (µs), where the trace records it. */
  tts?: number;
  id2?: { local?: string; global?: string };
  id?: string;
}

/** Categories: tasks (`toplevel`), script slices (`devtools.timeline`), marks and measures (`blink.user_timing`). */
export const TRACE_CATEGORIES = 'toplevel,devtools.timeline,blink.user_timing';

export const LONG_TASK_MS = 50;
/** A microtask checkpoint starting within this many ms of a task's end belongs to that task. */
const CHECKPOINT_GAP_MS = 2;
/** Less extension work than this in a task is not counted as the task holding extension work. */
const EXTENSION_MIN_MS = 1;

export interface Interval {
  start: number;
  end: number;
}

export interface TaskSlice extends Interval {
  /** Milliseconds of extension work inside the task. */
  extensionMs: number;
}

export interface LongTask {
  /** Start, relative to the page's navigation start, ms. */
  at: number;
  ms: number;
  extensionMs: number;
}

export interface PageTrace {
  /** The renderer main thread of the page, or null when its navigation is not in the trace. */
  thread: { pid: number; tid: number } | null;
  /** Duration of each `EvaluateScript` of a content script of the extension (normally one), in ms. */
  contentScriptEvalMs: number[];
  /** Main-thread compilation and evaluation of the engine module (`/engine.js`), when it was loaded, in ms. */
  engineEvalMs: number[];
  /** Main-thread time of the extension in the window (union of its slices and measures), in ms. */
  extensionMs: number;
  /** Every task longer than 50 ms in the window. */
  longTasks: TaskSlice[];
  /** Long tasks that hold extension work and would not be long without it (duration − extension ≤ 50 ms). */
  causedByExtension: TaskSlice[];
  /** Long tasks that hold at least 1 ms of extension work. */
  withExtensionWork: TaskSlice[];
  /** The longest task that holds at least 1 ms of extension work (ms), 0 when none. */
  longestExtensionTaskMs: number;
  /** The longest task caused by the extension (ms), 0 when none. */
  longestCausedMs: number;
  /** Microtask checkpoint time on the page's main thread in the window (ms). */
  microtaskMs: number;
  /** Trace clock of the page's navigation start (ms). */
  navigationStart: number;
  /**
   * The same work on the thread's CPU clock (see `cpuOf`): the extension's slices, its content script's
   * evaluations, and the long tasks it caused counted by their CPU time (more than 50 ms of it, and no more
   * than 50 ms without the extension's).
   */
  cpu: {
    extensionMs: number;
    contentScriptEvalMs: number[];
    causedByExtension: number;
    /** CPU time of the longest task holding ≥ 1 ms of extension CPU time, 0 when none. */
    longestExtensionTaskMs: number;
    /** Each baseline run after the end mark (`CPU_MARK_PREFIX` marks), by name. */
    baselines: Record<string, number>;
  };
}

export function describeLongTask(t: TaskSlice, navigationStart: number): LongTask {
  const r = (v: number) => Math.round(v * 100) / 100;
  return { at: r(t.start - navigationStart), ms: r(t.end - t.start), extensionMs: r(t.extensionMs) };
}

export function stringArg(event: TraceEvent, ...path: string[]): string | undefined {
  let current: unknown = event.args;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

const ms = (us: number) => us / 1000;

/**
 * A complete slice's CPU time on its thread, ms: `tdur`, where the trace records it, else its wall time. The
 * wall time of a slice includes the time its thread was off the CPU: on this 2-core machine, with the browser's
 * other processes and the bench itself running, the renderer's main thread is often off the CPU in the middle
 * of a task (a 22.6 ms evaluation of the content script held 5.2 ms of CPU time in a trace here). The CPU time
 * is closer to what the work costs on a machine with a core to spare.
 */
export function cpuOf(e: TraceEvent): number {
  return ms(e.tdur ?? e.dur ?? 0);
}

/** The slices of `slices` that no other of them contains, by start (a nested slice's time is its parent's). */
function outermost(slices: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...slices].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of sorted) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

/** The CPU time (ms) of each baseline bracketed by `<prefix><name>:start` and `:end` marks on one thread. */
export function baselineCpuMs(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  prefix: string,
): Record<string, number> {
  const starts = new Map<string, number>();
  const out: Record<string, number> = {};
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || !e.cat.includes('blink.user_timing') || e.tts === undefined)
      continue;
    if (!e.name.startsWith(prefix)) continue;
    const [name, edge] = e.name.slice(prefix.length).split(':');
    if (name === undefined) continue;
    if (edge === 'start') starts.set(name, e.tts);
    else if (edge === 'end' && starts.has(name)) out[name] = ms(e.tts - (starts.get(name) ?? e.tts));
  }
  return out;
}

/**
 * The renderer main thread of the page: where the page's own mark `endMark` was made (the most reliable: the
 * `navigationStart` event often carries an empty URL when tracing starts with the navigation), else where a
 * `navigationStart` or `ParseHTML` names `url`. `navigationStart` is the first event naming `url` on that
 * thread, else the thread's first event.
 */
export function findPageThread(
  events: readonly TraceEvent[],
  url: string,
  endMark?: string,
): { pid: number; tid: number; navigationStart: number } | null {
  const names = (e: TraceEvent) =>
    (e.name === 'navigationStart' && stringArg(e, 'data', 'documentLoaderURL') === url) ||
    (e.name === 'ParseHTML' && stringArg(e, 'beginData', 'url') === url);
  const anchor =
    (endMark ? events.find((e) => e.name === endMark && e.cat.includes('blink.user_timing')) : undefined) ??
    events.find(names);
  if (anchor === undefined) return null;
  const { pid, tid } = anchor;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph !== 'M');
  const start =
    onThread.find(names) ??
    onThread.reduce<TraceEvent | undefined>((a, e) => (a && a.ts <= e.ts ? a : e), undefined);
  return { pid, tid, navigationStart: ms(start?.ts ?? anchor.ts) };
}

/** Timestamp (ms) of the first user-timing mark named `name` in the trace, or null. */
export function markTime(events: readonly TraceEvent[], name: string): number | null {
  for (const e of events) if (e.name === name && e.cat.includes('blink.user_timing')) return ms(e.ts);
  return null;
}

/** The complete slices on one thread that make up its tasks: each `RunTask`, and each microtask checkpoint. */
function taskLevelSlices(events: readonly TraceEvent[], pid: number, tid: number): TraceEvent[] {
  return events.filter(
    (e) =>
      e.pid === pid &&
      e.tid === tid &&
      e.ph === 'X' &&
      e.dur !== undefined &&
      (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint'),
  );
}

/** Top-level tasks on one thread, each merged with the microtask checkpoint that follows it. */
export function taskSlices(events: readonly TraceEvent[], pid: number, tid: number): Interval[] {
  const slices = taskLevelSlices(events, pid, tid)
    .map((e) => ({ name: e.name, start: ms(e.ts), end: ms(e.ts + (e.dur ?? 0)) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const tasks: Interval[] = [];
  for (const s of slices) {
    const last = tasks[tasks.length - 1];
    if (last !== undefined && s.start < last.end) {
      // Nested (a checkpoint inside a task, or a nested run loop): already counted.
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    if (
      last !== undefined &&
      s.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' &&
      s.start - last.end <= CHECKPOINT_GAP_MS
    ) {
      last.end = s.end;
      continue;
    }
    tasks.push({ start: s.start, end: s.end });
  }
  return tasks;
}

/** Microtask checkpoint slices (ms) on one thread. */
export function microtaskIntervals(events: readonly TraceEvent[], pid: number, tid: number): Interval[] {
  return events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        e.dur !== undefined &&
        e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint',
    )
    .map((e) => ({ start: ms(e.ts), end: ms(e.ts + (e.dur ?? 0)) }));
}

/**
 * Intervals (ms) of extension work on one thread: its script slices, its `vendor-lens:*` measures, and (when
 * `microtasks` is true) every microtask checkpoint.
 */
export function extensionIntervals(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  extensionOrigin: string,
  microtasks = true,
  measurePrefix = 'vendor-lens:',
): Interval[] {
  const out: Interval[] = microtasks ? microtaskIntervals(events, pid, tid) : [];
  const open = new Map<string, number[]>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && e.dur !== undefined && (e.name === 'EvaluateScript' || e.name === 'FunctionCall')) {
      const url = stringArg(e, 'data', 'url') ?? '';
      if (url.startsWith(extensionOrigin)) out.push({ start: ms(e.ts), end: ms(e.ts + e.dur) });
    } else if (isEngineModuleEvent(e, extensionOrigin)) {
      out.push({ start: ms(e.ts), end: ms(e.ts + (e.dur ?? 0)) });
    } else if (e.cat.includes('blink.user_timing') && e.name.startsWith(measurePrefix)) {
      if (e.ph === 'b') {
        const starts = open.get(e.name) ?? [];
        starts.push(ms(e.ts));
        open.set(e.name, starts);
      } else if (e.ph === 'e') {
        const start = open.get(e.name)?.shift();
        if (start !== undefined) out.push({ start, end: ms(e.ts) });
      }
    }
  }
  return out;
}

/**
 * The engine module's main-thread compilation (`v8.compileModule` of a script under the extension's origin) or
 * evaluation (`v8.evaluateModule` in an isolated world: the trace names the world, not the script; the bench's
 * pages have their scripts removed and no other extension is loaded).
 */
export function isEngineModuleEvent(e: TraceEvent, extensionOrigin: string): boolean {
  if (e.ph !== 'X' || e.dur === undefined) return false;
  if (e.name === 'v8.compileModule') return (stringArg(e, 'data', 'url') ?? '').startsWith(extensionOrigin);
  if (e.name === 'v8.evaluateModule') {
    const worldId = (e.args as { worldId?: unknown } | undefined)?.worldId;
    return typeof worldId === 'number' && worldId !== 0;
  }
  return false;
}

export interface AnalyzeOptions {
  /** The page's URL (to find its thread when there is no end mark). */
  url: string;
  /** `chrome-extension://<id>`, or null for a run without the extension. */
  extensionOrigin: string | null;
  /** Only tasks that start before this mark count (the baselines run after it). */
  endMark?: string;
  /** Prefix of the marks around the baselines, for their CPU time (`baselineCpuMs`). */
  cpuMarkPrefix?: string;
}

/**
 * Long tasks and extension work on the page's main thread, from the start of the trace (started just before the
 * navigation) to `endMark`.
 */
export function analyzePageTrace(events: readonly TraceEvent[], options: AnalyzeOptions): PageTrace {
  const empty: PageTrace = {
    thread: null,
    contentScriptEvalMs: [],
    engineEvalMs: [],
    extensionMs: 0,
    longTasks: [],
    causedByExtension: [],
    withExtensionWork: [],
    longestExtensionTaskMs: 0,
    longestCausedMs: 0,
    microtaskMs: 0,
    navigationStart: 0,
    cpu: {
      extensionMs: 0,
      contentScriptEvalMs: [],
      causedByExtension: 0,
      longestExtensionTaskMs: 0,
      baselines: {},
    },
  };
  const page = findPageThread(events, options.url, options.endMark);
  if (page === null) return empty;
  const { pid, tid, navigationStart } = page;
  const end = (options.endMark ? markTime(events, options.endMark) : null) ?? Number.POSITIVE_INFINITY;
  // From the start of the trace (started just before the navigation, with no other page open in the browser)
  // to the end mark, on the page's thread.
  const inWindow = (i: Interval) => i.start < end;

  const ext = options.extensionOrigin
    ? extensionIntervals(events, pid, tid, options.extensionOrigin).filter(inWindow)
    : [];
  const extPairs = ext.map((i) => [i.start, i.end] as const);
  const contentScriptEvals = options.extensionOrigin
    ? events.filter(
        (e) =>
          e.pid === pid &&
          e.tid === tid &&
          e.name === 'EvaluateScript' &&
          e.ph === 'X' &&
          (stringArg(e, 'data', 'url') ?? '').startsWith(`${options.extensionOrigin}/content-scripts/`) &&
          inWindow({ start: ms(e.ts), end: ms(e.ts) }),
      )
    : [];
  const contentScriptEvalMs = contentScriptEvals.map((e) => ms(e.dur ?? 0));
  const engineEvalMs = options.extensionOrigin
    ? events
        .filter(
          (e) =>
            e.pid === pid &&
            e.tid === tid &&
            isEngineModuleEvent(e, options.extensionOrigin ?? '') &&
            inWindow({ start: ms(e.ts), end: ms(e.ts) }),
        )
        .map((e) => ms(e.dur ?? 0))
    : [];

  const tasks: TaskSlice[] = taskSlices(events, pid, tid)
    .filter(inWindow)
    .map((t) => ({ ...t, extensionMs: overlapLength(extPairs, t.start, t.end) }));
  const longTasks = tasks.filter((t) => t.end - t.start > LONG_TASK_MS);
  // An empty microtask checkpoint after a page task is a few µs: not extension work worth naming.
  const holdsWork = (t: TaskSlice) => t.extensionMs >= EXTENSION_MIN_MS;
  const withExtensionWork = longTasks.filter(holdsWork);
  const causedByExtension = withExtensionWork.filter((t) => t.end - t.start - t.extensionMs <= LONG_TASK_MS);
  const longestExtensionTaskMs = Math.max(0, ...tasks.filter(holdsWork).map((t) => t.end - t.start));
  const longestCausedMs = Math.max(0, ...causedByExtension.map((t) => t.end - t.start));
  // CPU time. The extension's wall-clock intervals (`ext`) include its measures, and some of its work shows in
  // the trace only through them (in a trace of aclu here, the boot's first task was a 13.7 ms `TimerFire` with
  // no script slice naming the extension), so its CPU time is apportioned: each outermost slice of a task (its `RunTask`,
  // the checkpoint merged with it) gives the extension the CPU time of the part of its wall time that the
  // extension's intervals cover (a slice that is all extension work gives its whole CPU time).
  const taskParts = outermost(taskLevelSlices(events, pid, tid)).filter((e) =>
    inWindow({ start: ms(e.ts), end: ms(e.ts) }),
  );
  const extensionCpu = (e: TraceEvent) => {
    const start = ms(e.ts);
    const wall = ms(e.dur ?? 0);
    return wall > 0 ? (overlapLength(extPairs, start, start + wall) / wall) * cpuOf(e) : 0;
  };
  const inTask = (e: TraceEvent, t: Interval) => ms(e.ts) >= t.start && ms(e.ts) < t.end;
  const taskCpu = tasks.map((t) => {
    const parts = taskParts.filter((e) => inTask(e, t));
    return {
      cpu: parts.reduce((sum, e) => sum + cpuOf(e), 0),
      ext: parts.reduce((sum, e) => sum + extensionCpu(e), 0),
    };
  });
  const cpuWithWork = taskCpu.filter((t) => t.ext >= EXTENSION_MIN_MS);
  const cpu = {
    extensionMs: taskParts.reduce((sum, e) => sum + extensionCpu(e), 0),
    contentScriptEvalMs: contentScriptEvals.map(cpuOf),
    causedByExtension: cpuWithWork.filter((t) => t.cpu > LONG_TASK_MS && t.cpu - t.ext <= LONG_TASK_MS)
      .length,
    longestExtensionTaskMs: Math.max(0, ...cpuWithWork.map((t) => t.cpu)),
    baselines: options.cpuMarkPrefix ? baselineCpuMs(events, pid, tid, options.cpuMarkPrefix) : {},
  };
  const microtaskMs = unionLength(
    microtaskIntervals(events, pid, tid)
      .filter(inWindow)
      .map((i) => [i.start, i.end] as const),
  );
  return {
    thread: { pid, tid },
    contentScriptEvalMs,
    engineEvalMs,
    extensionMs: unionLength(extPairs),
    longTasks,
    causedByExtension,
    withExtensionWork,
    longestExtensionTaskMs,
    longestCausedMs,
    microtaskMs,
    navigationStart,
    cpu,
  };
}

/** Starts a trace on `cdp` (`categories`: the bench's by default); the returned function ends it and resolves with every event. */
export async function startTrace(
  cdp: CDPSession,
  categories = TRACE_CATEGORIES,
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => {
    for (const e of data.value) events.push(e as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}
