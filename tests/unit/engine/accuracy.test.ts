/**
 * The eval's core assertions (`npm run eval` prints the full report): `npm test` fails when accuracy regresses.
 */
import { describe, expect, it } from 'vitest';
import { THRESHOLDS, loadCases, runEval } from '../../fixtures/engine/harness';

describe('labeled corpus', () => {
  const cases = loadCases();

  it('has at least 150 cases covering every variant class, real-page insertions and hard negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const classes = new Set(cases.map((c) => c.class));
    for (const cls of [
      'plain',
      'legal',
      'possessive',
      'case',
      'separator',
      'zero-width',
      'nfkc',
      'typo',
      'chinese',
      'brand',
      'split',
      'excluded',
      'lookalike',
      'context',
      'insertion',
      'insertion-negative',
    ]) {
      expect(classes, cls).toContain(cls);
    }
    expect(
      new Set(cases.filter((c) => c.insertInto).map((c) => c.insertInto?.page)).size,
    ).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('meets the precision and recall bar on the core cases', async () => {
    const report = await runEval({ cases, corpus: false });
    const coreFailures = report.failures
      .filter((f) => !f.hard)
      .map((f) => ({ id: f.id, missing: f.missing, extra: f.extra }));
    expect(coreFailures).toEqual([]);
    expect(report.core.precision).toBeGreaterThanOrEqual(THRESHOLDS.precision);
    expect(report.core.recall).toBeGreaterThanOrEqual(THRESHOLDS.recall);
    expect(report.kindErrors).toEqual([]);
    expect(report.articleChecks.missed).toBe(0);
    // Hard cases are reported, not required; they must at least never flag a look-alike.
    expect(report.hard.fp).toBe(0);
    expect(report.summaryChecks.mismatches.length).toBeLessThanOrEqual(report.summaryChecks.compared * 0.02);
  }, 180_000);
});
