/**
 * Performance measures for each scan (`vendor-lens:gate`, `:match`, `:extract`, `:total`), visible in DevTools
 * and read by `npm run bench`. One `performance.measure` per stage with explicit start and duration: no timers,
 * no observers, cheap enough to stay on.
 */
import type { ScanStats } from '../engine';

export const MEASURE_PREFIX = 'vendor-lens:';

export function emitScanMeasures(
  perf: Performance | undefined,
  stats: ScanStats,
  end = perf?.now() ?? 0,
): void {
  if (!perf || typeof perf.measure !== 'function') return;
  const { gate, match, extract, total } = stats.timings;
  const start = end - total;
  try {
    perf.measure(`${MEASURE_PREFIX}gate`, { start, duration: gate });
    perf.measure(`${MEASURE_PREFIX}match`, { start: start + gate, duration: match });
    if (stats.readabilityRan || extract > 0) {
      perf.measure(`${MEASURE_PREFIX}extract`, { start: start + gate + match, duration: extract });
    }
    perf.measure(`${MEASURE_PREFIX}total`, { start, duration: total });
  } catch {
    // A page may have replaced `performance`; measures are optional.
  }
}

/** One measure `vendor-lens:<name>` from `start` to now. */
export function emitMeasure(perf: Performance | undefined, name: string, start: number): void {
  if (!perf || typeof perf.measure !== 'function') return;
  try {
    perf.measure(`${MEASURE_PREFIX}${name}`, { start, end: perf.now() });
  } catch {
    // optional
  }
}
