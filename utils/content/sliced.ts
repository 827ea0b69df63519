/**
 * Runs a step generator (`scanSteps`) in slices: steps run back to back until a slice has lasted `sliceMs`,
 * then the rest waits for a later task (`later`), so that one long scan never becomes one long task for the
 * page. Resolves with the generator's result, or null when `cancelled()` turns true between slices (a newer
 * scan replaced this one, or the extension context went away).
 */
export interface SliceOptions {
  sliceMs: number;
  now(): number;
  /** Schedules `fn` in a later task (a 0 ms timeout). */
  later(fn: () => void): void;
  cancelled(): boolean;
}

export function runSliced<T>(steps: Generator<void, T, void>, options: SliceOptions): Promise<T | null> {
  return new Promise<T | null>((resolve, reject) => {
    const slice = () => {
      if (options.cancelled()) {
        steps.return(undefined as never);
        resolve(null);
        return;
      }
      const started = options.now();
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            resolve(step.value);
            return;
          }
          if (options.now() - started >= options.sliceMs) break;
        }
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      options.later(slice);
    };
    slice();
  });
}
