/**
 * From per-page records to the summary, the budgets and the markdown table. Pure: no browser, no I/O.
 */
import type { MarkResult, ReadabilityResult, WalkResult } from './inpage';
import type { LongTask } from './trace';
import type { Variant } from './pages';
import { checkBudget, fmt, median, p90, paired, ratios, summarize } from './stats';
import type { BudgetResult, Summary } from './stats';

export interface TraceSummary {
  /** Content-script `EvaluateScript` durations in this page load (ms). */
  evalMs: number[];
  /** The engine module's main-thread compilation and evaluation, when the boot loaded it (ms). */
  engineEvalMs?: number[];
  /** The extension's main-thread time in the page (ms), from the trace. */
  extensionMs: number;
  longTasks: number;
  causedByExtension: number;
  withExtensionWork: number;
  longestExtensionTaskMs: number;
  /** The longest task caused by the extension (ms), 0 when none. */
  longestCausedMs: number;
  /** Microtask checkpoint time on the main thread (ms): the control for the run without the extension. */
  microtaskMs: number;
  /** Every long task in the window: start after navigation, duration, extension share (ms). */
  longTaskList: LongTask[];
  /** The same on the thread's CPU clock (absent in results from before it was recorded); see `trace.ts`. */
  cpu?: {
    extensionMs: number;
    evalMs: number[];
    causedByExtension: number;
    longestExtensionTaskMs: number;
    /** CPU time of each baseline run in the page (`walk`, `readability`, `mark`), ms. */
    baselines: Record<string, number>;
  };
}

export interface PageRecord {
  page: string;
  variant: Variant;
  error?: string;
  expected: number;
  /** Ranges Vendor Lens registered in `CSS.highlights`. */
  found: number;
  /** First `vendor-lens:<stage>` measure of each stage (the full scan), in ms. */
  stages: Record<string, number>;
  /** How many measures of each name the page emitted (more than one: rescans). */
  measureCounts: Record<string, number>;
  baselines: { walk: WalkResult; readability?: ReadabilityResult; mark?: MarkResult } | null;
  /**
   * The same baselines, run first thing in the same page without the extension (cold DOM); only for the
   * `mentions` variant (the run without the extension loads each page once).
   */
  bare: { walk: WalkResult; readability?: ReadabilityResult; mark?: MarkResult } | null;
  trace: TraceSummary | null;
  bareTrace: TraceSummary | null;
  /** Long Tasks API entries seen in the page's main world (with, without the extension). */
  apiLongTasks: { with: number; without: number };
}

export interface HoverRecord {
  page: string;
  error?: string;
  /** Open (upper bound) to the card in the DOM, ms. */
  renderMs: number | null;
  /** Open (upper bound) to after the first frame that showed the card, ms. */
  frameMs: number | null;
  /** Open (upper bound) to the vendor's counts in the card, ms. */
  dataMs: number | null;
  /** Pointer rest to the card in the DOM (includes the 300 ms intent delay), ms. */
  sincePointerMs: number | null;
  /** `vendor-lens:card`, when the content script emits it. */
  measureMs: number | null;
}

export interface PopupRecord {
  page: string;
  error?: string;
  /** Navigation start to `body[data-ready]` (the report rendered), ms. */
  readyMs: number | null;
  fcpMs: number | null;
  domContentLoadedMs: number | null;
  /** `vendor-lens:popup-render`, when the popup emits it. */
  measureMs: number | null;
}

export interface BundleInfo {
  file: string;
  bytes: number;
  gzipBytes: number;
  cssBytes: number;
  /** The engine module the boot imports on pages that may mention a vendor (absent in older results). */
  engine?: { file: string; bytes: number; gzipBytes: number };
}

export interface BenchInput {
  pages: PageRecord[];
  hover: HoverRecord[];
  popup: PopupRecord[];
  bundle: BundleInfo;
  traced: boolean;
}

/** Measures that lie inside `vendor-lens:total` (the scan), and measures that are not part of a page scan. */
const INSIDE_SCAN = new Set(['gate', 'match', 'ranges', 'fuzzy', 'extract', 'readability', 'total']);
const NOT_SCAN = new Set(['card', 'popup-render']);

/**
 * The extension's work on a page from its own measures: the scan (`total`) plus every measure outside it
 * (`highlight`, `serialize` for the off-thread extraction...).
 */
export function pipelineMs(r: PageRecord): number | null {
  const total = r.stages.total;
  if (total === undefined) return null;
  let sum = total;
  for (const [name, ms] of Object.entries(r.stages))
    if (!INSIDE_SCAN.has(name) && !NOT_SCAN.has(name)) sum += ms;
  return sum;
}

/**
 * The extension's main-thread work on a page from the trace, without the content script's evaluation (a budget
 * of its own): the measured stages plus what no measure covers (settings, lexicon build, messages). Never less
 * than the measures. Null without a trace.
 */
export function tracedWorkMs(r: PageRecord): number | null {
  if (r.trace === null) return null;
  const evalMs = r.trace.evalMs.reduce((a, b) => a + b, 0);
  const measured = pipelineMs(r) ?? 0;
  return Math.max(measured, r.trace.extensionMs - evalMs);
}

/** The extension's CPU time on the page's main thread, without the content script's evaluation; null without it. */
export function cpuWorkMs(r: PageRecord): number | null {
  const cpu = r.trace?.cpu;
  if (cpu === undefined) return null;
  return cpu.extensionMs - cpu.evalMs.reduce((a, b) => a + b, 0);
}

/** A baseline's CPU time in the page, ms; null when the trace did not record it. */
export function baselineCpu(r: PageRecord, name: 'walk' | 'readability' | 'mark'): number | null {
  return r.trace?.cpu?.baselines[name] ?? null;
}

/** The work a budget compares: traced when there is a trace, else the measures. */
export function workMs(r: PageRecord): number | null {
  return tracedWorkMs(r) ?? pipelineMs(r);
}

/** The longest long task the extension caused on the page (ms), 0 when none. */
export function longestCaused(r: PageRecord): number {
  const caused = (r.trace?.longTaskList ?? []).filter(
    (t) => t.extensionMs >= 1 && t.ms - t.extensionMs <= 50,
  );
  return Math.max(0, ...caused.map((t) => t.ms));
}

/** An `extract` measure shorter than this is clock noise. */
export const READABILITY_MIN_MS = 0.5;

/**
 * Readability ran for the page. A `vendor-lens:readability` measure says so when the content script emits one,
 * and `vendor-lens:serialize` when it sent the page to be extracted off its thread;
 * otherwise: an `extract` measure longer than the clock's noise on a page with highlights (the pipeline extracts
 * only when it kept a mention; the `extract` measure is emitted on every scan, and a GC pause can make it
 * last a few ms on a page where nothing was extracted).
 */
export function readabilityRan(r: PageRecord): boolean {
  // `serialize`: the page was serialised for Readability off the page's thread.
  if (r.stages.readability !== undefined || r.stages.serialize !== undefined) return true;
  return (r.stages.extract ?? 0) >= READABILITY_MIN_MS && r.found > 0;
}

function ok(records: readonly PageRecord[], variant: Variant): PageRecord[] {
  return records.filter((r) => r.variant === variant && r.error === undefined);
}

function values<T>(list: readonly T[], get: (x: T) => number | null | undefined): number[] {
  const out: number[] = [];
  for (const x of list) {
    const v = get(x);
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

export interface BenchSummary {
  metrics: Record<string, Summary>;
  budgets: BudgetResult[];
  /**
   * The same budgets on the thread's CPU clock, where the trace recorded it: the extension's CPU time against
   * the baselines' CPU time, in the same page. Shown beside the budgets; the exit code follows `budgets`.
   */
  cpuBudgets: BudgetResult[];
  notes: string[];
}

export const LIMITS = {
  noMentionMedian: 2,
  noMentionP90: 6,
  noMentionReadability: 0,
  vsReadability: 1.25,
  vsMark: 1,
  highlight50: 1,
  longTasks: 0,
  evalMs: 2,
  hoverMs: 16,
  popupMs: 100,
} as const;

export function summarizeBench(input: BenchInput): BenchSummary {
  const none = ok(input.pages, 'none');
  const withMentions = ok(input.pages, 'mentions');
  const dense = ok(input.pages, 'dense');
  const all = input.pages.filter((r) => r.error === undefined);
  const m: Record<string, Summary> = {};
  const notes: string[] = [];
  const errors = input.pages.filter((r) => r.error !== undefined);
  if (errors.length > 0) {
    notes.push(
      `Page loads that failed: ${errors.map((r) => `${r.page}/${r.variant}: ${r.error}`).join('; ')}.`,
    );
  }
  const ratioOf = (
    list: readonly PageRecord[],
    num: (r: PageRecord) => number | null | undefined,
    den: (r: PageRecord) => number | null | undefined,
  ) => {
    const p = paired(list, num, den);
    return ratios(p.a, p.b);
  };

  // Pages without a mention.
  m['none.walk'] = summarize(values(none, (r) => r.baselines?.walk.ms));
  // The run without the extension loads each page once, as its `mentions` variant (three sentences more).
  const bareOf = new Map(withMentions.map((r) => [r.page, r.bare]));
  const coldWalk = (r: PageRecord) => bareOf.get(r.page)?.walk.ms;
  m['none.coldWalk'] = summarize(values(none, coldWalk));
  for (const stage of ['gate', 'match', 'total']) {
    m[`none.${stage}`] = summarize(values(none, (r) => r.stages[stage]));
  }
  m['none.traced'] = summarize(values(none, tracedWorkMs));
  m['none.unmeasured'] = summarize(values(none, (r) => (tracedWorkMs(r) ?? NaN) - (pipelineMs(r) ?? NaN)));
  const noneRatio = ratioOf(none, workMs, (r) => r.baselines?.walk.ms);
  m['none.ratio.walk'] = summarize(noneRatio);
  m['none.ratio.walk.measured'] = summarize(ratioOf(none, pipelineMs, (r) => r.baselines?.walk.ms));
  m['none.ratio.coldWalk'] = summarize(ratioOf(none, workMs, coldWalk));
  const readabilityOnNone = none.filter(readabilityRan);
  const extractWithoutMention = none.filter(
    (r) => !readabilityRan(r) && (r.stages.extract ?? 0) >= READABILITY_MIN_MS,
  );
  if (extractWithoutMention.length > 0) {
    notes.push(
      'An `extract` measure ≥ 0.5 ms on a page with no highlight (not counted as Readability): ' +
        extractWithoutMention.map((r) => `${r.page} (${fmt(r.stages.extract ?? NaN)} ms)`).join(', ') +
        '.',
    );
  }
  if (readabilityOnNone.length > 0) {
    notes.push(
      `Readability ran on pages without a mention: ${readabilityOnNone.map((r) => r.page).join(', ')}.`,
    );
  }
  const falsePositives = none.filter((r) => r.found > 0);
  if (falsePositives.length > 0) {
    notes.push(
      `Highlights on pages without a mention: ${falsePositives.map((r) => `${r.page} (${r.found})`).join(', ')}.`,
    );
  }

  // Pages with mentions.
  for (const stage of ['gate', 'match', 'extract', 'serialize', 'highlight', 'total']) {
    m[`mentions.${stage}`] = summarize(values(withMentions, (r) => r.stages[stage]));
  }
  m['mentions.pipeline'] = summarize(values(withMentions, pipelineMs));
  m['mentions.traced'] = summarize(values(withMentions, tracedWorkMs));
  m['mentions.unmeasured'] = summarize(
    values(withMentions, (r) => (tracedWorkMs(r) ?? NaN) - (pipelineMs(r) ?? NaN)),
  );
  m['mentions.walk'] = summarize(values(withMentions, (r) => r.baselines?.walk.ms));
  m['mentions.readability'] = summarize(values(withMentions, (r) => r.baselines?.readability?.ms));
  m['mentions.readability.parse'] = summarize(values(withMentions, (r) => r.baselines?.readability?.parseMs));
  m['mentions.mark'] = summarize(values(withMentions, (r) => r.baselines?.mark?.ms));
  m['mentions.mark.marks'] = summarize(values(withMentions, (r) => r.baselines?.mark?.marks));
  const vsReadability = ratioOf(withMentions, workMs, (r) => r.baselines?.readability?.ms);
  const vsMark = ratioOf(withMentions, workMs, (r) => r.baselines?.mark?.ms);
  m['mentions.ratio.readability'] = summarize(vsReadability);
  m['mentions.ratio.mark'] = summarize(vsMark);
  m['mentions.ratio.readability.measured'] = summarize(
    ratioOf(withMentions, pipelineMs, (r) => r.baselines?.readability?.ms),
  );
  m['mentions.ratio.mark.measured'] = summarize(
    ratioOf(withMentions, pipelineMs, (r) => r.baselines?.mark?.ms),
  );
  m['mentions.readability.ratio.walk'] = summarize(
    ratioOf(
      withMentions,
      (r) => r.baselines?.readability?.ms,
      (r) => r.baselines?.walk.ms,
    ),
  );
  m['mentions.ratio.coldReadability'] = summarize(
    ratioOf(withMentions, workMs, (r) => r.bare?.readability?.ms),
  );
  m['mentions.ratio.coldMark'] = summarize(ratioOf(withMentions, workMs, (r) => r.bare?.mark?.ms));
  const missed = withMentions.filter((r) => r.found !== r.expected);
  if (missed.length > 0) {
    notes.push(
      `Pages where the highlights differ from the ${withMentions[0]?.expected ?? 0} inserted mentions: ` +
        missed.map((r) => `${r.page} (${r.found})`).join(', ') +
        '.',
    );
  }

  // 50 mentions.
  m['dense.highlight'] = summarize(values(dense, (r) => r.stages.highlight));
  m['dense.pipeline'] = summarize(values(dense, pipelineMs));
  const denseMissed = dense.filter((r) => r.found !== r.expected);
  if (denseMissed.length > 0) {
    notes.push(
      `Dense pages where the highlights differ from ${dense[0]?.expected ?? 0}: ` +
        denseMissed.map((r) => `${r.page} (${r.found})`).join(', ') +
        '.',
    );
  }

  // Long tasks.
  let caused: number;
  if (input.traced) {
    caused = all.reduce((n, r) => n + (r.trace?.causedByExtension ?? 0), 0);
    m['longTasks.with'] = summarize(values(all, (r) => r.trace?.longTasks));
    m['longTasks.without'] = summarize(values(all, (r) => r.bareTrace?.longTasks));
    m['longTasks.longestExtensionTask'] = summarize(values(all, (r) => r.trace?.longestExtensionTaskMs));
    m['microtasks.without'] = summarize(values(all, (r) => r.bareTrace?.microtaskMs));
    const pagesWith = all
      .filter((r) => (r.trace?.causedByExtension ?? 0) > 0)
      .sort((a, b) => longestCaused(b) - longestCaused(a));
    const shown = pagesWith.slice(0, 12);
    notes.push(
      `Page loads with a long task caused by the extension: ${pagesWith.length} of ${all.length}` +
        (shown.length > 0
          ? `; longest: ${shown.map((r) => `${r.page}/${r.variant} ${fmt(longestCaused(r))} ms`).join(', ')}` +
            (pagesWith.length > shown.length ? ', …' : '')
          : '') +
        '.',
    );
  } else {
    // Without a trace, a scan measure over 50 ms is a long task by itself (a lower bound).
    caused = all.filter((r) => (pipelineMs(r) ?? 0) > 50).length;
    notes.push('Run without tracing: long tasks counted from the scan measures only (a lower bound).');
  }
  const apiWith = all.reduce((n, r) => n + r.apiLongTasks.with, 0);
  const apiWithout = all.reduce((n, r) => n + r.apiLongTasks.without, 0);
  notes.push(
    `Long Tasks API in the page: ${apiWith} entries with the extension, ${apiWithout} without ` +
      '(it does not report content-script tasks; the trace does).',
  );

  // Script evaluation, hover card, popup.
  const evals = all.flatMap((r) => r.trace?.evalMs ?? []);
  m['contentScript.evalMs'] = summarize(evals);
  // The engine's evaluation, on the page loads that loaded it (part of those pages' traced work).
  const engineLoads = all.filter((r) => (r.trace?.engineEvalMs ?? []).length > 0);
  m['engine.evalMs'] = summarize(
    engineLoads.map((r) => (r.trace?.engineEvalMs ?? []).reduce((a, b) => a + b, 0)),
  );
  const noneLoads = none.filter((r) => (r.trace?.engineEvalMs ?? []).length > 0).map((r) => r.page);
  notes.push(
    `Engine loaded on ${noneLoads.length} of ${none.length} pages without a mention` +
      (noneLoads.length > 0 ? ` (the whole-text test fired: ${noneLoads.join(', ')}).` : '.'),
  );
  const hover = input.hover.filter((h) => h.error === undefined);
  m['hover.renderMs'] = summarize(values(hover, (h) => h.renderMs));
  m['hover.measureMs'] = summarize(values(hover, (h) => h.measureMs));
  m['hover.frameMs'] = summarize(values(hover, (h) => h.frameMs));
  m['hover.dataMs'] = summarize(values(hover, (h) => h.dataMs));
  m['hover.sincePointerMs'] = summarize(values(hover, (h) => h.sincePointerMs));
  const popup = input.popup.filter((p) => p.error === undefined);
  m['popup.readyMs'] = summarize(values(popup, (p) => p.readyMs));
  m['popup.measureMs'] = summarize(values(popup, (p) => p.measureMs));
  m['popup.fcpMs'] = summarize(values(popup, (p) => p.fcpMs));
  m['popup.firstReadyMs'] = summarize(values(popup.slice(0, 1), (p) => p.readyMs));
  for (const h of input.hover.filter((x) => x.error !== undefined))
    notes.push(`Hover ${h.page}: ${h.error}.`);
  for (const p of input.popup.filter((x) => x.error !== undefined))
    notes.push(`Popup ${p.page}: ${p.error}.`);

  // The extension's own measures when it emits them (same definition on every run), else the bench's proxies.
  const hoverByMeasure = hover.length > 0 && hover.every((h) => h.measureMs !== null);
  const popupByMeasure = popup.length > 0 && popup.every((p) => p.measureMs !== null);
  const work = input.traced ? 'extension work (trace)' : 'extension work (measures)';
  const budgets = [
    {
      id: 'none.median',
      label: `No mention: ${work} ÷ text walk, median`,
      value: median(noneRatio),
      limit: LIMITS.noMentionMedian,
      unit: '×' as const,
    },
    {
      id: 'none.p90',
      label: `No mention: ${work} ÷ text walk, p90`,
      value: p90(noneRatio),
      limit: LIMITS.noMentionP90,
      unit: '×' as const,
    },
    {
      id: 'none.readability',
      label: `No mention: pages where Readability ran (of ${none.length})`,
      value: none.length > 0 ? readabilityOnNone.length : Number.NaN,
      limit: LIMITS.noMentionReadability,
      unit: 'pages' as const,
    },
    {
      id: 'mentions.readability',
      label: `Mentions: ${work} ÷ Readability alone, median`,
      value: median(vsReadability),
      limit: LIMITS.vsReadability,
      unit: '×' as const,
    },
    {
      id: 'mentions.mark',
      label: `Mentions: ${work} ÷ mark.js (4 names), median`,
      value: median(vsMark),
      limit: LIMITS.vsMark,
      unit: '×' as const,
    },
    {
      id: 'highlight.50',
      label: `Highlighting 50 mentions (${dense.length} pages), median`,
      value: median(values(dense, (r) => r.stages.highlight)),
      limit: LIMITS.highlight50,
      unit: 'ms' as const,
    },
    {
      id: 'longTasks',
      label: `Long tasks (> 50 ms) caused by the extension, all ${all.length} page loads`,
      value: all.length > 0 ? caused : Number.NaN,
      limit: LIMITS.longTasks,
      unit: 'tasks' as const,
    },
    {
      id: 'eval',
      label: 'Content script evaluation, median',
      value: median(evals),
      limit: LIMITS.evalMs,
      unit: 'ms' as const,
    },
    {
      id: 'hover',
      label: hoverByMeasure
        ? 'Hover card: open → rendered (`vendor-lens:card`), median'
        : 'Hover card: open → first frame with the card (main-world probe), median',
      value: median(values(hover, (h) => (hoverByMeasure ? h.measureMs : h.frameMs))),
      limit: LIMITS.hoverMs,
      unit: 'ms' as const,
    },
    {
      id: 'popup',
      label: popupByMeasure
        ? 'Popup: navigation → report in the DOM (`vendor-lens:popup-render`), median'
        : 'Popup: navigation → `body[data-ready]`, median',
      value: median(values(popup, (p) => (popupByMeasure ? p.measureMs : p.readyMs))),
      limit: LIMITS.popupMs,
      unit: 'ms' as const,
    },
  ].map(checkBudget);

  // The CPU view (traces that recorded it).
  const noneCpu = ratioOf(none, cpuWorkMs, (r) => baselineCpu(r, 'walk'));
  const vsReadabilityCpu = ratioOf(withMentions, cpuWorkMs, (r) => baselineCpu(r, 'readability'));
  const vsMarkCpu = ratioOf(withMentions, cpuWorkMs, (r) => baselineCpu(r, 'mark'));
  const evalsCpu = all.flatMap((r) => r.trace?.cpu?.evalMs ?? []);
  const withCpu = all.filter((r) => r.trace?.cpu !== undefined);
  m['cpu.none.work'] = summarize(values(none, cpuWorkMs));
  m['cpu.none.walk'] = summarize(values(none, (r) => baselineCpu(r, 'walk')));
  m['cpu.mentions.work'] = summarize(values(withMentions, cpuWorkMs));
  m['cpu.mentions.readability'] = summarize(values(withMentions, (r) => baselineCpu(r, 'readability')));
  m['cpu.mentions.mark'] = summarize(values(withMentions, (r) => baselineCpu(r, 'mark')));
  m['cpu.evalMs'] = summarize(evalsCpu);
  // How much of the extension's traced wall time its thread spent on the CPU.
  m['cpu.share'] = summarize(
    values(withCpu, (r) => {
      const cpu = r.trace?.cpu?.extensionMs ?? 0;
      const wall = r.trace?.extensionMs ?? 0;
      return wall > 0 ? cpu / wall : null;
    }),
  );
  const cpuBudgets =
    withCpu.length === 0
      ? []
      : [
          {
            id: 'cpu.none.median',
            label: 'No mention: extension CPU time ÷ text walk CPU time, median',
            value: median(noneCpu),
            limit: LIMITS.noMentionMedian,
            unit: '×' as const,
          },
          {
            id: 'cpu.none.p90',
            label: 'No mention: extension CPU time ÷ text walk CPU time, p90',
            value: p90(noneCpu),
            limit: LIMITS.noMentionP90,
            unit: '×' as const,
          },
          {
            id: 'cpu.mentions.readability',
            label: 'Mentions: extension CPU time ÷ Readability CPU time, median',
            value: median(vsReadabilityCpu),
            limit: LIMITS.vsReadability,
            unit: '×' as const,
          },
          {
            id: 'cpu.mentions.mark',
            label: 'Mentions: extension CPU time ÷ mark.js CPU time, median',
            value: median(vsMarkCpu),
            limit: LIMITS.vsMark,
            unit: '×' as const,
          },
          {
            id: 'cpu.longTasks',
            label: `Tasks with > 50 ms of CPU time caused by the extension, ${withCpu.length} page loads`,
            value: withCpu.reduce((n, r) => n + (r.trace?.cpu?.causedByExtension ?? 0), 0),
            limit: LIMITS.longTasks,
            unit: 'tasks' as const,
          },
          {
            id: 'cpu.eval',
            label: 'Content script evaluation, CPU time, median',
            value: median(evalsCpu),
            limit: LIMITS.evalMs,
            unit: 'ms' as const,
          },
        ].map(checkBudget);
  return { metrics: m, budgets, cpuBudgets, notes };
}

const METRIC_ROWS: [string, string][] = [
  ['none.walk', 'No mention: text walk (floor), ms'],
  ['none.coldWalk', 'Text walk in the page without the extension (cold DOM), ms'],
  ['none.gate', 'No mention: gate (measure), ms'],
  ['none.match', 'No mention: match (measure), ms'],
  ['none.total', 'No mention: scan total (measure), ms'],
  ['none.traced', 'No mention: extension work in the trace (without evaluation), ms'],
  ['none.unmeasured', 'No mention: extension work no measure covers, ms'],
  ['none.ratio.walk', 'No mention: extension work ÷ walk, ×'],
  ['none.ratio.walk.measured', 'No mention: measured scan ÷ walk, ×'],
  ['none.ratio.coldWalk', 'No mention: extension work ÷ cold walk, ×'],
  ['mentions.gate', 'Mentions: gate, ms'],
  ['mentions.match', 'Mentions: matching + range mapping, ms'],
  ['mentions.extract', 'Mentions: readerable check + Readability on the page, ms'],
  ['mentions.serialize', 'Mentions: serialising the page for Readability off its thread, ms'],
  ['mentions.highlight', 'Mentions: highlighting (4 mentions), ms'],
  ['mentions.total', 'Mentions: scan total (measure), ms'],
  ['mentions.pipeline', 'Mentions: every measure of the page scan, ms'],
  ['mentions.traced', 'Mentions: extension work in the trace (without evaluation), ms'],
  ['mentions.unmeasured', 'Mentions: extension work no measure covers, ms'],
  ['mentions.walk', 'Mentions: text walk, ms'],
  ['mentions.readability', 'Readability alone (clone + parse), ms'],
  ['mentions.readability.parse', 'Readability alone (parse only), ms'],
  ['mentions.readability.ratio.walk', 'Readability ÷ walk, ×'],
  ['mentions.mark', 'mark.js, 4 names, ms'],
  ['mentions.mark.marks', 'mark.js marks per page (4 inserted)'],
  ['mentions.ratio.readability', 'Mentions: extension work ÷ Readability, ×'],
  ['mentions.ratio.readability.measured', 'Mentions: measures ÷ Readability, ×'],
  ['mentions.ratio.mark', 'Mentions: extension work ÷ mark.js, ×'],
  ['mentions.ratio.mark.measured', 'Mentions: measures ÷ mark.js, ×'],
  [
    'mentions.ratio.coldReadability',
    'Mentions: extension work ÷ Readability in the page without the extension, ×',
  ],
  ['mentions.ratio.coldMark', 'Mentions: extension work ÷ mark.js in the page without the extension, ×'],
  ['dense.highlight', '50 mentions: highlighting, ms'],
  ['dense.pipeline', '50 mentions: every measure of the page scan, ms'],
  ['longTasks.with', 'Long tasks per page load, with the extension'],
  ['longTasks.without', 'Long tasks per page load, without the extension'],
  ['longTasks.longestExtensionTask', 'Longest task holding ≥ 1 ms of extension work, per page load, ms'],
  ['microtasks.without', 'Control: microtask time without the extension, ms'],
  ['contentScript.evalMs', 'Content script evaluation (EvaluateScript), ms'],
  ['engine.evalMs', 'Engine module compile + evaluation on the main thread, where loaded, ms'],
  ['cpu.none.work', 'CPU: no mention, extension CPU time (without evaluation), ms'],
  ['cpu.none.walk', 'CPU: no mention, text walk CPU time, ms'],
  ['cpu.mentions.work', 'CPU: mentions, extension CPU time (without evaluation), ms'],
  ['cpu.mentions.readability', 'CPU: Readability alone, CPU time, ms'],
  ['cpu.mentions.mark', 'CPU: mark.js, CPU time, ms'],
  ['cpu.evalMs', 'CPU: content script evaluation, CPU time, ms'],
  ['cpu.share', 'CPU: extension CPU time ÷ its traced wall time, per page load'],
  ['hover.renderMs', 'Hover card: open → card in the DOM (upper bound), ms'],
  ['hover.frameMs', 'Hover card: open → first frame after it, ms'],
  ['hover.measureMs', 'Hover card: `vendor-lens:card` measure, ms'],
  ['hover.dataMs', 'Hover card: open → facts shown, ms'],
  ['hover.sincePointerMs', 'Hover card: pointer rest → card (incl. 300 ms intent), ms'],
  ['popup.fcpMs', 'Popup: first contentful paint, ms'],
  ['popup.measureMs', 'Popup: navigation → report in the DOM (`vendor-lens:popup-render`), ms'],
  ['popup.readyMs', 'Popup: navigation → `body[data-ready]` (after the first paint), ms'],
  ['popup.firstReadyMs', 'Popup: navigation → `body[data-ready]`, first open in the browser, ms'],
];

/** One row of a budget table, with the verdict's words for a pass and a miss. */
function budgetRow(b: BudgetResult, pass: string, miss: string): string {
  const unit = b.unit === '×' ? '×' : b.unit === 'ms' ? ' ms' : '';
  const value = b.unit === 'pages' || b.unit === 'tasks' ? fmt(b.value, '', 0) : fmt(b.value, unit);
  return `| ${b.label} | ${value} | ${b.limit}${unit} | ${b.pass ? pass : miss} |`;
}

export function markdownTables(summary: BenchSummary, bundle: BundleInfo): string {
  const lines: string[] = [];
  lines.push('| budget | measured | limit | |', '| --- | ---: | ---: | --- |');
  for (const b of summary.budgets) lines.push(budgetRow(b, 'pass', '**MISS**'));
  if (summary.cpuBudgets.length > 0) {
    lines.push(
      '',
      '| the same on CPU time (not a budget) | measured | limit | |',
      '| --- | ---: | ---: | --- |',
    );
    for (const b of summary.cpuBudgets) lines.push(budgetRow(b, 'within', 'over'));
  }
  lines.push('', '| metric | n | median | p90 | max |', '| --- | ---: | ---: | ---: | ---: |');
  for (const [key, label] of METRIC_ROWS) {
    const s = summary.metrics[key];
    if (!s || s.n === 0) continue;
    lines.push(`| ${label} | ${s.n} | ${fmt(s.median)} | ${fmt(s.p90)} | ${fmt(s.max)} |`);
  }
  lines.push(
    `| Content script bundle (${bundle.file}), KiB | | ${fmt(bundle.bytes / 1024)} | gzip ${fmt(bundle.gzipBytes / 1024)} | |`,
  );
  if (bundle.engine) {
    lines.push(
      `| Engine module (${bundle.engine.file}), KiB | | ${fmt(bundle.engine.bytes / 1024)} | gzip ${fmt(bundle.engine.gzipBytes / 1024)} | |`,
    );
  }
  if (summary.notes.length > 0) lines.push('', ...summary.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}
