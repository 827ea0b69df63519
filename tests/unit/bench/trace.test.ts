import { describe, expect, it } from 'vitest';
import { analyzePageTrace, baselineCpuMs, cpuOf, findPageThread, taskSlices } from '../../../bench/trace';
import type { TraceEvent } from '../../../bench/trace';

const EXT = 'chrome-extension://abc';
const URL_ = 'http://127.0.0.1:1/p.html';
const PID = 7;
const TID = 7;

/** A complete slice on the page's main thread; times in ms (the trace is in µs). */
function slice(name: string, start: number, dur: number, args?: Record<string, unknown>): TraceEvent {
  return { name, cat: 'toplevel', ph: 'X', ts: start * 1000, dur: dur * 1000, pid: PID, tid: TID, args };
}

function userTiming(name: string, ph: string, at: number): TraceEvent {
  return { name, cat: 'blink.user_timing', ph, ts: at * 1000, pid: PID, tid: TID, args: {} };
}

const task = (start: number, dur: number) => slice('ThreadControllerImpl::RunTask', start, dur);
const checkpoint = (start: number, dur: number) =>
  slice('BlinkScheduler_PerformMicrotaskCheckpoint', start, dur);

const navigation: TraceEvent = {
  name: 'navigationStart',
  cat: 'blink.user_timing',
  ph: 'R',
  ts: 0,
  pid: PID,
  tid: TID,
  args: { data: { documentLoaderURL: URL_ } },
};

describe('taskSlices', () => {
  it('merges a task with the microtask checkpoint right after it, and skips nested slices', () => {
    const tasks = taskSlices(
      [task(0, 10), checkpoint(11, 60), task(100, 20), checkpoint(105, 2), task(200, 5), checkpoint(220, 3)],
      PID,
      TID,
    );
    expect(tasks).toEqual([
      { start: 0, end: 71 },
      { start: 100, end: 120 },
      { start: 200, end: 205 },
      { start: 220, end: 223 },
    ]);
  });

  it('ignores other threads', () => {
    expect(taskSlices([{ ...task(0, 80), tid: 99 }], PID, TID)).toEqual([]);
  });
});

describe('findPageThread', () => {
  it('prefers the thread of the end mark, and takes the navigation from the URL on it', () => {
    const events = [
      { ...navigation, pid: 1, tid: 1, args: { data: { documentLoaderURL: '' } } },
      { ...navigation, ts: 5000 },
      userTiming('end', 'R', 900),
    ];
    expect(findPageThread(events, URL_, 'end')).toEqual({ pid: PID, tid: TID, navigationStart: 5 });
  });

  it('falls back to ParseHTML naming the URL', () => {
    const parse: TraceEvent = { ...slice('ParseHTML', 3, 1), args: { beginData: { url: URL_ } } };
    expect(findPageThread([parse], URL_)).toEqual({ pid: PID, tid: TID, navigationStart: 3 });
    expect(findPageThread([], URL_)).toBeNull();
  });
});

describe('analyzePageTrace', () => {
  const evaluate = slice('EvaluateScript', 100, 30, { data: { url: `${EXT}/content-scripts/content.js` } });
  const events: TraceEvent[] = [
    navigation,
    // Parsing: a long task of the page's own.
    task(10, 80),
    // The content script's evaluation: a 31 ms task.
    task(100, 31),
    evaluate,
    // Settings loaded: a short IPC task, then the scan in the microtask checkpoint (70 ms, measured 40 ms).
    task(200, 2),
    checkpoint(202.5, 70),
    userTiming('vendor-lens:total', 'b', 230),
    userTiming('vendor-lens:total', 'e', 270),
    // A page task with a little extension work in it (a 60 ms layout, a 1 ms listener).
    task(400, 60),
    slice('FunctionCall', 450, 1, { data: { url: `${EXT}/content-scripts/content.js` } }),
    userTiming('vl-bench:baselines', 'R', 500),
    // After the end mark: the baselines, not counted.
    task(510, 400),
  ];

  it('counts long tasks before the end mark and attributes the ones the extension made long', () => {
    const trace = analyzePageTrace(events, {
      url: URL_,
      extensionOrigin: EXT,
      endMark: 'vl-bench:baselines',
    });
    expect(trace.contentScriptEvalMs).toEqual([30]);
    expect(trace.longTasks.map((t) => Math.round(t.end - t.start))).toEqual([80, 73, 60]);
    expect(trace.withExtensionWork).toHaveLength(2);
    // The scan's task: 72.5 ms, of which 70 ms is the extension's (the checkpoint): caused by it.
    expect(trace.causedByExtension).toHaveLength(1);
    expect(trace.causedByExtension[0]?.start).toBe(200);
    expect(trace.longestExtensionTaskMs).toBeCloseTo(72.5);
    expect(trace.longestCausedMs).toBeCloseTo(72.5);
    // 30 (evaluation) + 70 (checkpoint, which holds the measure) + 1 (listener).
    expect(trace.extensionMs).toBeCloseTo(101);
    expect(trace.microtaskMs).toBeCloseTo(70);
  });

  it('sees no extension work in a run without the extension, but still counts long tasks', () => {
    const trace = analyzePageTrace(events, {
      url: URL_,
      extensionOrigin: null,
      endMark: 'vl-bench:baselines',
    });
    expect(trace.longTasks).toHaveLength(3);
    expect(trace.causedByExtension).toHaveLength(0);
    expect(trace.extensionMs).toBe(0);
    expect(trace.contentScriptEvalMs).toEqual([]);
  });

  it('is empty when the page is not in the trace', () => {
    const trace = analyzePageTrace([task(0, 100)], { url: URL_, extensionOrigin: EXT });
    expect(trace.thread).toBeNull();
    expect(trace.longTasks).toEqual([]);
  });
});

/** `e` with the thread's CPU time during it (ms). */
const onCpu = (e: TraceEvent, cpu: number): TraceEvent => ({ ...e, tdur: cpu * 1000 });
const cpuMark = (name: string, at: number, threadAt: number): TraceEvent => ({
  ...userTiming(name, 'R', at),
  tts: threadAt * 1000,
});

describe('the CPU view', () => {
  it("takes a slice's CPU time where the trace has it, else its wall time", () => {
    expect(cpuOf(onCpu(task(0, 20), 5))).toBe(5);
    expect(cpuOf(task(0, 20))).toBe(20);
  });

  it("reads each baseline's CPU time from the thread clock of the marks around it", () => {
    const events = [
      cpuMark('vl-bench:cpu:walk:start', 600, 40),
      cpuMark('vl-bench:cpu:walk:end', 603, 41.5),
      cpuMark('vl-bench:cpu:readability:start', 610, 50),
      cpuMark('vl-bench:cpu:readability:end', 650, 80),
      // Another thread's mark of the same name is not this page's.
      { ...cpuMark('vl-bench:cpu:mark:start', 700, 1), tid: 99 },
      cpuMark('vl-bench:cpu:mark:end', 720, 95),
    ];
    expect(baselineCpuMs(events, PID, TID, 'vl-bench:cpu:')).toEqual({ walk: 1.5, readability: 30 });
  });

  it("gives the extension each task's CPU time in the share of its wall time the extension covers", () => {
    const events: TraceEvent[] = [
      navigation,
      // The evaluation: 30 of the task's 31 ms of wall time, which held 6.2 ms of CPU (the thread was preempted).
      onCpu(task(100, 31), 6.2),
      onCpu(slice('EvaluateScript', 100, 30, { data: { url: `${EXT}/content-scripts/content.js` } }), 5),
      // A scan: 70 ms of wall time, 60 ms of CPU, a 10 ms listener nested in it (not counted twice).
      onCpu(task(200, 2), 1),
      onCpu(checkpoint(202.5, 70), 60),
      onCpu(slice('FunctionCall', 210, 10, { data: { url: `${EXT}/content-scripts/content.js` } }), 9),
      // A scan whose 80 ms of wall time held 20 ms of CPU: long on the wall clock only.
      onCpu(task(300, 1), 0.5),
      onCpu(checkpoint(301.5, 80), 20),
      // A timer of the extension's seen only through its measure: half the task, so half its CPU time.
      onCpu(task(400, 10), 4),
      userTiming('vendor-lens:gate', 'b', 402),
      userTiming('vendor-lens:gate', 'e', 407),
      userTiming('vl-bench:baselines', 'R', 500),
      cpuMark('vl-bench:cpu:walk:start', 510, 200),
      cpuMark('vl-bench:cpu:walk:end', 512, 201),
    ];
    const trace = analyzePageTrace(events, {
      url: URL_,
      extensionOrigin: EXT,
      endMark: 'vl-bench:baselines',
      cpuMarkPrefix: 'vl-bench:cpu:',
    });
    expect(trace.causedByExtension).toHaveLength(2);
    expect(trace.cpu.contentScriptEvalMs).toEqual([5]);
    expect(trace.cpu.extensionMs).toBeCloseTo(6 + 60 + 20 + 2);
    // 1 + 60 ms of CPU in the first scan's task, 60 of them the extension's; the second is 20.5 ms.
    expect(trace.cpu.causedByExtension).toBe(1);
    expect(trace.cpu.longestExtensionTaskMs).toBeCloseTo(61);
    expect(trace.cpu.baselines).toEqual({ walk: 1 });
  });
});
