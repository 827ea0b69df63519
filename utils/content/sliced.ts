/**
 * Runs a step generator (`scanSteps`) in slices: steps run back to back while the next one is expected to end
 * within `sliceMs` of the slice's start, then the rest waits for a later task (`later`), so that one long scan
 * never becomes one long task for the page. The next step is expected to last as long as the longest step of
 * the slice so far: a slice that stopped only once it had lasted `sliceMs` overran it by up to a whole step (a
 * slice of the engine's scan on wordpress lasted 29 ms against 20 in a trace here). A slice always runs at least
 * one step. Resolves with the generator's result, or null when `cancelled()` turns true between slices
 * (a newer scan replaced this one, or the extension context went away).
 */
export interface SliceOptions {
  sliceMs: number;
  now(): number;
  /** Schedules `fn` in a later task (a `SLICE_PAUSE_MS` timeout). */
  later(fn: () => void): void;
  cancelled(): boolean;
  /**
   * Runs the first slice in a later task too, not in the caller's: for a caller whose own task is already
   * long (the engine's start, right after the module's evaluation).
   */
  startLater?: boolean;
}

/**
 * The pause between two slices. Not 0: in Chromium a 0 ms timeout posted at the end of a slice ran before the
 * page's own timers that fell due during the slice, so two slices ran back to back (on the 100,000-element
 * hostile page, one 29 ms and one 47 ms slice of ours in a single 82 ms heartbeat gap, `bench/stall.ts`). With
 * a 1 ms timeout the page's timers ran between our slices: worst gaps, five loads, 77-118 ms → 37-104 ms on that
 * page (the rest are garbage collection and paint) and 48-61 → 36-51 ms on the 10,000-mention page.
 */
export const SLICE_PAUSE_MS = 1;

export function runSliced<T>(steps: Generator<void, T, void>, options: SliceOptions): Promise<T | null> {
  return new Promise<T | null>((resolve, reject) => {
    const slice = () => {
      if (options.cancelled()) {
        steps.return(undefined as never);
        resolve(null);
        return;
      }
      const started = options.now();
      let stepStarted = started;
      let longest = 0;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            resolve(step.value);
            return;
          }
          const now = options.now();
          longest = Math.max(longest, now - stepStarted);
          if (now - started + longest > options.sliceMs || now - started >= options.sliceMs) break;
          stepStarted = now;
        }
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      options.later(slice);
    };
    if (options.startLater === true) options.later(slice);
    else slice();
  });
}
