import { describe, expect, it } from 'vitest';
import {
  checkBudget,
  failedBudgets,
  fmt,
  median,
  overlapLength,
  p90,
  paired,
  quantile,
  ratios,
  summarize,
  unionLength,
} from '../../../bench/stats';

describe('quantiles', () => {
  it('interpolates linearly between closest ranks', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(9.1);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2], 0)).toBe(1);
    expect(quantile([1, 2], 1)).toBe(2);
  });

  it('ignores non-finite values, is NaN for none, and rejects q outside [0, 1]', () => {
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
    expect(median([])).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    median(input);
    expect(input).toEqual([3, 1, 2]);
  });

  it('summarizes', () => {
    expect(summarize([2, 4, 6, 8])).toEqual({ n: 4, median: 5, p90: 7.4, min: 2, max: 8, mean: 5 });
    expect(summarize([]).n).toBe(0);
    expect(summarize([]).median).toBeNaN();
  });
});

describe('ratios', () => {
  it('divides page by page, skipping missing or zero baselines', () => {
    expect(ratios([2, 3, 4, 5], [1, 0, Number.NaN, 2])).toEqual([2, 2.5]);
  });

  it('rejects lists of different lengths', () => {
    expect(() => ratios([1], [1, 2])).toThrow(RangeError);
  });

  it('takes the median of the per-page ratios, not the ratio of the medians', () => {
    const ext = [1, 10, 100];
    const walk = [1, 1, 100];
    expect(median(ratios(ext, walk))).toBe(1);
    expect(median(ext) / median(walk)).toBe(10);
  });

  it('pairs two fields of the same records', () => {
    const records = [
      { a: 1, b: 2 },
      { a: null, b: 3 },
      { a: 4, b: undefined },
      { a: 5, b: 6 },
    ];
    expect(
      paired(
        records,
        (r) => r.a,
        (r) => r.b,
      ),
    ).toEqual({ a: [1, 5], b: [2, 6] });
  });
});

describe('budgets', () => {
  it('passes at or under the limit, fails over it or when unmeasured', () => {
    const base = { id: 'x', label: 'x', limit: 2, unit: '×' as const };
    expect(checkBudget({ ...base, value: 2 }).pass).toBe(true);
    expect(checkBudget({ ...base, value: 2.01 }).pass).toBe(false);
    expect(checkBudget({ ...base, value: Number.NaN }).pass).toBe(false);
    const results = [checkBudget({ ...base, value: 1 }), checkBudget({ ...base, id: 'y', value: 3 })];
    expect(failedBudgets(results).map((r) => r.id)).toEqual(['y']);
  });

  it('counts zero-limit budgets (long tasks, Readability runs) exactly', () => {
    const base = { id: 'lt', label: 'long tasks', limit: 0, unit: 'tasks' as const };
    expect(checkBudget({ ...base, value: 0 }).pass).toBe(true);
    expect(checkBudget({ ...base, value: 1 }).pass).toBe(false);
  });
});

describe('intervals', () => {
  it('measures the union of overlapping intervals', () => {
    expect(
      unionLength([
        [0, 10],
        [5, 15],
        [20, 25],
        [21, 22],
        [30, 30],
      ]),
    ).toBe(20);
    expect(unionLength([])).toBe(0);
  });

  it('measures the part inside a window', () => {
    expect(
      overlapLength(
        [
          [0, 10],
          [8, 12],
          [40, 50],
        ],
        5,
        45,
      ),
    ).toBe(12);
  });
});

describe('fmt', () => {
  it('keeps 2 significant decimals for small numbers, fewer for large, and a dash for NaN', () => {
    expect(fmt(0.123)).toBe('0.12');
    expect(fmt(12.34, ' ms')).toBe('12.3 ms');
    expect(fmt(387.6)).toBe('388');
    expect(fmt(Number.NaN)).toBe('—');
    expect(fmt(3, '', 0)).toBe('3');
  });
});
