import { describe, expect, it } from 'vitest';
import {
  markdownTables,
  pipelineMs,
  readabilityRan,
  summarizeBench,
  tracedWorkMs,
} from '../../../bench/report';
import type { BenchInput, PageRecord, TraceSummary } from '../../../bench/report';
import type { Variant } from '../../../bench/pages';

function trace(extensionMs: number, evalMs: number, caused = 0): TraceSummary {
  return {
    evalMs: [evalMs],
    extensionMs,
    longTasks: caused,
    causedByExtension: caused,
    withExtensionWork: caused,
    longestExtensionTaskMs: caused > 0 ? 80 : 10,
    longestCausedMs: caused > 0 ? 80 : 0,
    microtaskMs: 0,
    longTaskList: [],
  };
}

function record(
  page: string,
  variant: Variant,
  stages: Record<string, number>,
  extra: Partial<PageRecord> = {},
) {
  const r: PageRecord = {
    page,
    variant,
    expected: variant === 'none' ? 0 : variant === 'mentions' ? 4 : 50,
    found: variant === 'none' ? 0 : variant === 'mentions' ? 4 : 50,
    stages,
    measureCounts: {},
    baselines: { walk: { ms: 1, nodes: 10, chars: 100 } },
    bare: null,
    trace: null,
    bareTrace: null,
    apiLongTasks: { with: 0, without: 0 },
    ...extra,
  };
  return r;
}

const mentionBaselines = {
  walk: { ms: 1, nodes: 10, chars: 100 },
  readability: { ms: 20, cloneMs: 2, parseMs: 18, ok: true },
  mark: { ms: 40, marks: 4, sync: true },
};

function input(pages: PageRecord[]): BenchInput {
  return {
    pages,
    hover: [{ page: 'a', renderMs: 5, frameMs: 12, dataMs: 20, sincePointerMs: 305, measureMs: null }],
    popup: [{ page: 'a', readyMs: 120, fcpMs: 50, domContentLoadedMs: 40, measureMs: 80 }],
    bundle: { file: 'content-scripts/content.js', bytes: 2048, gzipBytes: 1024, cssBytes: 0 },
    traced: true,
  };
}

describe('per-page work', () => {
  it('adds highlighting to the scan, and takes the trace when it saw more (without evaluation)', () => {
    const r = record('a', 'mentions', { total: 10, highlight: 0.5 }, { trace: trace(40, 25) });
    expect(pipelineMs(r)).toBe(10.5);
    expect(pipelineMs({ ...r, stages: { gate: 2, match: 8, total: 10, highlight: 0.5, serialize: 3 } })).toBe(
      13.5,
    );
    expect(tracedWorkMs(r)).toBe(15);
    expect(tracedWorkMs({ ...r, trace: trace(30, 25) })).toBe(10.5);
    expect(tracedWorkMs({ ...r, trace: null })).toBeNull();
  });

  it('tells Readability ran from its own measure, or an extract measure above the noise with highlights', () => {
    expect(readabilityRan(record('a', 'none', { total: 1, extract: 0.005 }))).toBe(false);
    expect(readabilityRan(record('a', 'mentions', { total: 30, extract: 12 }))).toBe(true);
    // A GC pause in the extract span of a page where nothing was found.
    expect(readabilityRan(record('a', 'none', { total: 3, extract: 2.3 }))).toBe(false);
    expect(readabilityRan(record('a', 'none', { total: 3, readability: 2.3 }))).toBe(true);
    expect(readabilityRan(record('a', 'none', { total: 3, serialize: 1 }))).toBe(true);
  });
});

describe('summarizeBench', () => {
  const pages = [
    record('a', 'none', { gate: 1, match: 0, total: 1.5, extract: 0.005 }, { trace: trace(20, 19) }),
    record('b', 'none', { gate: 1, match: 0, total: 1.5 }, { trace: trace(20.5, 19) }),
    record(
      'a',
      'mentions',
      { total: 20, highlight: 1 },
      { baselines: mentionBaselines, trace: trace(40, 20) },
    ),
    record(
      'b',
      'mentions',
      { total: 22, highlight: 1 },
      { baselines: mentionBaselines, trace: trace(43, 20, 1) },
    ),
    record('c', 'dense', { total: 30, highlight: 0.8 }, { trace: trace(50, 20) }),
  ];
  const summary = summarizeBench(input(pages));
  const budget = (id: string) => summary.budgets.find((b) => b.id === id);

  it('computes every budget from per-page ratios', () => {
    expect(budget('none.median')?.value).toBeCloseTo(1.5);
    expect(budget('none.median')?.pass).toBe(true);
    expect(budget('none.readability')?.value).toBe(0);
    // max(measured 21, traced 40 - 20) / 20 and max(23, 43 - 20) / 20.
    expect(budget('mentions.readability')?.value).toBeCloseTo(1.1);
    expect(budget('mentions.mark')?.value).toBeCloseTo(0.55);
    expect(budget('highlight.50')?.value).toBe(0.8);
    expect(budget('eval')?.value).toBe(20);
    expect(budget('eval')?.pass).toBe(false);
    expect(budget('longTasks')?.value).toBe(1);
    expect(budget('longTasks')?.pass).toBe(false);
  });

  it("uses the extension's own measures for the popup and the main-world probe for the card when it has none", () => {
    expect(budget('popup')?.value).toBe(80);
    expect(budget('popup')?.label).toContain('vendor-lens:popup-render');
    expect(budget('hover')?.value).toBe(12);
    expect(budget('hover')?.label).toContain('probe');
  });

  it('renders a markdown table with every budget and its verdict', () => {
    const md = markdownTables(summary, input(pages).bundle);
    expect(md.split('\n')[0]).toBe('| budget | measured | limit | |');
    expect(md).toContain('**MISS**');
    expect((md.match(/\| (pass|\*\*MISS\*\*) \|/g) ?? []).length).toBe(summary.budgets.length);
  });
});

describe('the CPU view', () => {
  /** A trace whose CPU clock saw `work` ms of the extension besides 4 ms of evaluation, and these baselines. */
  const withCpu = (
    t: TraceSummary,
    work: number,
    baselines: Record<string, number>,
    caused = 0,
  ): TraceSummary => ({
    ...t,
    cpu: {
      extensionMs: work + 4,
      evalMs: [4],
      causedByExtension: caused,
      longestExtensionTaskMs: 60,
      baselines,
    },
  });
  const pages = [
    record('a', 'none', { gate: 1, total: 1.5 }, { trace: withCpu(trace(20, 19), 3, { walk: 1 }) }),
    record('b', 'none', { gate: 1, total: 1.5 }, { trace: withCpu(trace(20, 19), 5, { walk: 2 }) }),
    record(
      'a',
      'mentions',
      { total: 20, highlight: 1 },
      { baselines: mentionBaselines, trace: withCpu(trace(40, 20), 12, { readability: 16, mark: 30 }, 1) },
    ),
  ];
  const summary = summarizeBench(input(pages));
  const cpu = (id: string) => summary.cpuBudgets.find((b) => b.id === id);

  it("divides the extension's CPU time by the baselines' CPU time in the same page", () => {
    // 3 / 1 and 5 / 2.
    expect(cpu('cpu.none.median')?.value).toBeCloseTo(2.75);
    expect(cpu('cpu.mentions.readability')?.value).toBeCloseTo(0.75);
    expect(cpu('cpu.mentions.mark')?.value).toBeCloseTo(0.4);
    expect(cpu('cpu.eval')?.value).toBe(4);
    expect(cpu('cpu.longTasks')?.value).toBe(1);
    // The wall-clock budgets are unchanged by it.
    expect(summary.budgets.find((b) => b.id === 'eval')?.value).toBe(19);
  });

  it('is shown in its own table, which is not a budget', () => {
    const md = markdownTables(summary, input(pages).bundle);
    expect(md).toContain('| the same on CPU time (not a budget) |');
    expect(md).toContain(
      '| Mentions: extension CPU time ÷ Readability CPU time, median | 0.75× | 1.25× | within |',
    );
    expect((md.match(/\| (pass|\*\*MISS\*\*) \|/g) ?? []).length).toBe(summary.budgets.length);
  });

  it('is empty for results recorded before the CPU clock was', () => {
    expect(
      summarizeBench(input([record('a', 'none', { total: 1 }, { trace: trace(5, 2) })])).cpuBudgets,
    ).toEqual([]);
  });
});
