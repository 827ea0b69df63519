/**
 * Pure statistics for the benchmark: medians, p90, per-page ratios and budget checks. No I/O, no browser.
 */

export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  mean: number;
}

function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

/**
 * The q-quantile (0 ≤ q ≤ 1) with linear interpolation between closest ranks (NumPy's default, Excel's
 * PERCENTILE.INC). NaN for an empty list; non-finite values are ignored.
 */
export function quantile(values: readonly number[], q: number): number {
  if (q < 0 || q > 1 || Number.isNaN(q)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function p90(values: readonly number[]): number {
  return quantile(values, 0.9);
}

export function summarize(values: readonly number[]): Summary {
  const list = finite(values);
  if (list.length === 0) {
    return { n: 0, median: Number.NaN, p90: Number.NaN, min: Number.NaN, max: Number.NaN, mean: Number.NaN };
  }
  return {
    n: list.length,
    median: median(list),
    p90: p90(list),
    min: Math.min(...list),
    max: Math.max(...list),
    mean: list.reduce((s, v) => s + v, 0) / list.length,
  };
}

/**
 * Per-page ratios `numerator[i] / denominator[i]`, for the pages where both are finite and the denominator is
 * positive (a 0 ms baseline says nothing about a ratio).
 */
export function ratios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length) {
    throw new RangeError(`ratios: ${numerators.length} numerators for ${denominators.length} denominators`);
  }
  const out: number[] = [];
  numerators.forEach((n, i) => {
    const d = denominators[i] as number;
    if (Number.isFinite(n) && Number.isFinite(d) && d > 0) out.push(n / d);
  });
  return out;
}

/** Paired values of two fields of the same records, skipping records where either is missing. */
export function paired<T>(
  records: readonly T[],
  a: (r: T) => number | null | undefined,
  b: (r: T) => number | null | undefined,
): { a: number[]; b: number[] } {
  const out = { a: [] as number[], b: [] as number[] };
  for (const r of records) {
    const x = a(r);
    const y = b(r);
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      out.a.push(x);
      out.b.push(y);
    }
  }
  return out;
}

export interface Budget {
  /** Short id, e.g. `no-mention.median-ratio`. */
  id: string;
  /** What is measured, for the table. */
  label: string;
  /** The measured value (NaN when it could not be measured: a failed budget). */
  value: number;
  /** The value must be ≤ limit. */
  limit: number;
  unit: '×' | 'ms' | 'pages' | 'tasks';
}

export interface BudgetResult extends Budget {
  pass: boolean;
}

/** A budget passes when its value was measured and is at most its limit. */
export function checkBudget(budget: Budget): BudgetResult {
  return { ...budget, pass: Number.isFinite(budget.value) && budget.value <= budget.limit };
}

export function failedBudgets(results: readonly BudgetResult[]): BudgetResult[] {
  return results.filter((r) => !r.pass);
}

/** Length of the union of half-open intervals `[start, end)`. */
export function unionLength(intervals: readonly (readonly [number, number])[]): number {
  const sorted = intervals.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** Length of the part of `intervals` that lies inside `[start, end)`. */
export function overlapLength(
  intervals: readonly (readonly [number, number])[],
  start: number,
  end: number,
): number {
  return unionLength(
    intervals.map(([s, e]) => [Math.max(s, start), Math.min(e, end)] as const).filter(([s, e]) => e > s),
  );
}

/** A number for the table: fixed decimals by magnitude (or `digits`), `—` for NaN. */
export function fmt(value: number, unit = '', digits?: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  digits ??= abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit}`;
}
