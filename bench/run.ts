/**
 * `npm run bench`: Vendor Lens's cost on the 130 corpus pages, in Debian Chromium with the built extension,
 * against the text-walk floor, Readability and mark.js run in the same page. See README.md, "Performance".
 *
 * Options: `--pages N` (first N corpus pages), `--only a,b`, `--dense N` (pages with 50 mentions, default 20),
 * `--hover N` / `--popup N` (default 10), `--no-trace` (no CDP tracing: long tasks from the measures only),
 * `--no-build` (measure .output/chrome-mv3 as it is; by default the bench builds its own copy into
 * .output/bench/chrome-mv3 with `bench/wxt.config.ts`, so that it never rewrites the folder e2e runs load), `--out FILE` (default bench/results/latest.json),
 * `--report FILE` (print the tables and budgets of a results file again, without measuring).
 *
 * Prints the markdown tables on stdout, progress on stderr; exits 1 when a budget is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../tests/e2e/harness';
import type { FixtureServer } from '../tests/e2e/harness';
import { CHROME_BUILD, REPO_ROOT } from '../tests/e2e/harness/paths';
import { BENCH_BUILD, CHROMIUM, launchBenchContext } from './browser';
import type { BenchContext } from './browser';
import { BASELINES_MARK, BASELINES_SCRIPT, BASELINE_SOURCES, CPU_MARK_PREFIX, INIT_SCRIPT } from './inpage';
import type { BenchWindow, HoverResult } from './inpage';
import { PLAIN_NAMES, corpusPages, densePages, expectedMentions, pageHtml } from './pages';
import type { Variant } from './pages';
import { markdownTables, summarizeBench } from './report';
import type { BundleInfo, HoverRecord, PageRecord, PopupRecord, TraceSummary } from './report';
import { summarize } from './stats';
import { analyzePageTrace, describeLongTask, startTrace } from './trace';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string' },
    only: { type: 'string' },
    dense: { type: 'string', default: '20' },
    hover: { type: 'string', default: '10' },
    popup: { type: 'string', default: '10' },
    'no-trace': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
    report: { type: 'string' },
  },
});
const TRACE = !args['no-trace'];
const WAIT_MS = 20_000;

type Stage = Record<string, number>;

const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (v: number) => Math.round(v * 1000) / 1000;

function build(): void {
  log('building: npx wxt build -c bench/wxt.config.ts (into .output/bench/chrome-mv3)');
  const result = spawnSync('npx', ['wxt', 'build', '-c', 'bench/wxt.config.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('npx wxt build failed');
  }
}

function bundleInfo(dir: string): BundleInfo {
  const file = join(dir, 'content-scripts/content.js');
  const source = readFileSync(file);
  const css = join(dir, 'content-scripts/content.css');
  const cssBytes = existsSync(css) ? statSync(css).size : 0;
  const engineFile = join(dir, 'engine.js');
  const engine = existsSync(engineFile) ? readFileSync(engineFile) : null;
  return {
    file: 'content-scripts/content.js',
    bytes: source.length,
    gzipBytes: gzipSync(source).length,
    cssBytes,
    ...(engine
      ? { engine: { file: 'engine.js', bytes: engine.length, gzipBytes: gzipSync(engine).length } }
      : {}),
  };
}

/** Measures read in the page's main world: the first of each `vendor-lens:*` name, and counts. */
async function readMeasures(page: Page): Promise<{ stages: Stage; counts: Stage }> {
  return page.evaluate(`(() => {
    const stages = {};
    const counts = {};
    for (const e of performance.getEntriesByType('measure')) {
      if (!e.name.startsWith('vendor-lens:')) continue;
      const key = e.name.slice('vendor-lens:'.length);
      counts[key] = (counts[key] || 0) + 1;
      if (stages[key] === undefined) stages[key] = e.duration;
    }
    return { stages, counts };
  })()`);
}

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    let n = 0;
    const registry = CSS.highlights;
    if (!registry) return 0;
    registry.forEach((h, name) => { if (/^vendor-lens-(underline|background|wavy)-/.test(name)) n += h.size; });
    return n;
  })()`);
}

/**
 * Waits until the page's scan has ended (and, with mentions, its highlights are drawn). The predicate is a
 * function, not a string: Playwright evaluates a string predicate with `eval` in the page, which a page's own
 * CSP can forbid (toc-missing: `script-src` without 'unsafe-eval').
 */
async function waitForScan(page: Page, variant: Variant): Promise<void> {
  await page.waitForFunction(
    (needHighlight: boolean) => {
      const t = performance.getEntriesByName('vendor-lens:total')[0];
      if (!t) return false;
      if (!needHighlight) return true;
      return (
        performance.getEntriesByName('vendor-lens:highlight').length > 0 ||
        performance.now() - (t.startTime + t.duration) > 1000
      );
    },
    variant !== 'none',
    { timeout: WAIT_MS, polling: 50 },
  );
}

const settle = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))');
const settleIdle = (page: Page) =>
  page.evaluate('new Promise((r) => requestIdleCallback(() => setTimeout(r, 100), { timeout: 2000 }))');

async function injectBaselines(page: Page, sources: readonly string[] = BASELINE_SOURCES): Promise<void> {
  for (const source of sources) await page.evaluate(`${source}\n;undefined`);
}

async function runBaselines(page: Page, variant: Variant): Promise<NonNullable<PageRecord['baselines']>> {
  const walk = await page.evaluate(() => (window as unknown as BenchWindow).__vlBench.walk());
  if (variant !== 'mentions') return { walk };
  const readability = await page.evaluate(() => (window as unknown as BenchWindow).__vlBench.readability());
  const mark = await page.evaluate(
    (names: string[]) => (window as unknown as BenchWindow).__vlBench.mark(names),
    PLAIN_NAMES,
  );
  return { walk, readability, mark };
}

function toTraceSummary(trace: ReturnType<typeof analyzePageTrace>): TraceSummary {
  return {
    microtaskMs: round(trace.microtaskMs),
    longTaskList: trace.longTasks.map((t) => describeLongTask(t, trace.navigationStart)),
    evalMs: trace.contentScriptEvalMs.map(round),
    engineEvalMs: trace.engineEvalMs.map(round),
    extensionMs: round(trace.extensionMs),
    longTasks: trace.longTasks.length,
    causedByExtension: trace.causedByExtension.length,
    withExtensionWork: trace.withExtensionWork.length,
    longestExtensionTaskMs: round(trace.longestExtensionTaskMs),
    longestCausedMs: round(trace.longestCausedMs),
    cpu: {
      extensionMs: round(trace.cpu.extensionMs),
      evalMs: trace.cpu.contentScriptEvalMs.map(round),
      causedByExtension: trace.cpu.causedByExtension,
      longestExtensionTaskMs: round(trace.cpu.longestExtensionTaskMs),
      baselines: Object.fromEntries(Object.entries(trace.cpu.baselines).map(([k, v]) => [k, round(v)])),
    },
  };
}

/** One cold load of `url` in `ctx`, then the baselines in the same page. */
async function measureLoad(
  ctx: BenchContext,
  url: string,
  variant: Variant,
): Promise<{
  stages: Stage;
  counts: Stage;
  found: number;
  baselines: NonNullable<PageRecord['baselines']>;
  trace: TraceSummary | null;
  apiLongTasks: number;
}> {
  const page = await ctx.context.newPage();
  const cdp = TRACE ? await ctx.context.newCDPSession(page) : null;
  try {
    const stop = cdp ? await startTrace(cdp) : null;
    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
    const withExtension = ctx.extensionOrigin !== null;
    if (withExtension) {
      await waitForScan(page, variant);
      await settle(page);
    } else {
      await settleIdle(page);
    }
    const { stages, counts } = withExtension ? await readMeasures(page) : { stages: {}, counts: {} };
    const found = withExtension ? await highlightCount(page) : 0;
    const apiLongTasks = await page.evaluate((mark: string) => {
      performance.mark(mark);
      return (window as unknown as BenchWindow).__vlLongTasks.length;
    }, BASELINES_MARK);
    await injectBaselines(page);
    const baselines = await runBaselines(page, variant);
    let trace: TraceSummary | null = null;
    if (stop) {
      const events = await stop();
      trace = toTraceSummary(
        analyzePageTrace(events, {
          url,
          extensionOrigin: ctx.extensionOrigin,
          endMark: BASELINES_MARK,
          cpuMarkPrefix: CPU_MARK_PREFIX,
        }),
      );
    }
    return { stages, counts, found, baselines, trace, apiLongTasks };
  } finally {
    await cdp?.detach().catch(() => undefined);
    await page.close();
  }
}

async function measurePage(
  ext: BenchContext,
  bare: BenchContext | null,
  server: FixtureServer,
  name: string,
  variant: Variant,
): Promise<PageRecord> {
  const url = server.add(`/bench/${variant}/${name}.html`, pageHtml(name, variant));
  const record: PageRecord = {
    page: name,
    variant,
    expected: expectedMentions(variant),
    found: 0,
    stages: {},
    measureCounts: {},
    baselines: null,
    bare: null,
    trace: null,
    bareTrace: null,
    apiLongTasks: { with: 0, without: 0 },
  };
  try {
    const withExt = await measureLoad(ext, url, variant);
    record.stages = Object.fromEntries(Object.entries(withExt.stages).map(([k, v]) => [k, round(v)]));
    record.measureCounts = withExt.counts;
    record.found = withExt.found;
    record.baselines = withExt.baselines;
    record.trace = withExt.trace;
    record.apiLongTasks.with = withExt.apiLongTasks;
    if (bare) {
      const without = await measureLoad(bare, url, variant);
      record.bare = without.baselines;
      record.bareTrace = without.trace;
      record.apiLongTasks.without = without.apiLongTasks;
    }
  } catch (error) {
    record.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return record;
}

async function measureHover(ext: BenchContext, server: FixtureServer, name: string): Promise<HoverRecord> {
  const url = server.add(`/bench/hover/${name}.html`, pageHtml(name, 'mentions'));
  const page = await ext.context.newPage();
  const record: HoverRecord = {
    page: name,
    renderMs: null,
    frameMs: null,
    dataMs: null,
    sincePointerMs: null,
    measureMs: null,
  };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
    await page.bringToFront();
    await waitForScan(page, 'mentions');
    await settle(page);
    await injectBaselines(page, [BASELINES_SCRIPT]);
    const target = await page.evaluate(`(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.data.indexOf('Hikvision');
        if (i < 0) continue;
        node.parentElement.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 'Hikvision'.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    })()`);
    if (target === null || typeof target !== 'object') throw new Error('no Hikvision on the page');
    const { x, y } = target as { x: number; y: number };
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))');
    await page.mouse.move(x - 30, y - 40);
    await page.evaluate(
      (timeout: number) => (window as unknown as BenchWindow).__vlBench.startHoverProbe(timeout),
      3000,
    );
    await page.mouse.move(x, y);
    await page.mouse.move(x + 1, y);
    const r: HoverResult = await page.evaluate(() =>
      (window as unknown as BenchWindow).__vlBench.hoverResult(),
    );
    if (r.cardSeen === null || r.openedAfter === null)
      throw new Error(`no card within 3 s (${r.polls} polls)`);
    record.renderMs = round(r.cardSeen - r.openedAfter);
    record.frameMs = r.framed === null ? null : round(r.framed - r.openedAfter);
    record.dataMs = r.dataSeen === null ? null : round(r.dataSeen - r.openedAfter);
    record.sincePointerMs = r.pointerAt === null ? null : round(r.cardSeen - r.pointerAt);
    record.measureMs = r.cardMeasure === null ? null : round(r.cardMeasure);
  } catch (error) {
    record.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await page.close();
  }
  return record;
}

/**
 * Resolves once the popup set `body[data-ready]` (noted by INIT_SCRIPT), polling every 50 ms for at most
 * WAIT_MS, with the popup's navigation timing and its `vendor-lens:popup-render` measure.
 */
const POPUP_READY_PROBE = `new Promise((resolve, reject) => {
  const until = performance.now() + ${WAIT_MS};
  const check = () => {
    if (window.__vlReadyAt === undefined) {
      if (performance.now() > until) reject(new Error('body[data-ready] did not appear'));
      else setTimeout(check, 50);
      return;
    }
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const m = performance.getEntriesByName('vendor-lens:popup-render')[0];
    resolve({
      ready: window.__vlReadyAt,
      fcp: fcp ? fcp.startTime : null,
      dcl: nav ? nav.domContentLoadedEventEnd : null,
      measure: m ? m.duration : null,
    });
  };
  check();
})`;

async function measurePopup(
  ext: BenchContext,
  control: Page,
  server: FixtureServer,
  name: string,
): Promise<PopupRecord> {
  const origin = ext.extensionOrigin as string;
  const url = server.add(`/bench/popup/${name}.html`, pageHtml(name, 'mentions'));
  const record: PopupRecord = {
    page: name,
    readyMs: null,
    fcpMs: null,
    domContentLoadedMs: null,
    measureMs: null,
  };
  let tab: Page | undefined;
  let popup: Page | undefined;
  try {
    const tabPromise = ext.context.waitForEvent('page', {
      timeout: WAIT_MS,
      predicate: (p) => p !== control,
    });
    const tabId = await control.evaluate(
      (u: string) => chrome.tabs.create({ url: u, active: true }).then((t) => t.id ?? -1),
      url,
    );
    tab = await tabPromise;
    await tab.waitForURL(url, { timeout: WAIT_MS });
    await tab.waitForLoadState('load');
    await waitForScan(tab, 'mentions');
    popup = await ext.context.newPage();
    // Waited for through CDP, not Playwright's selector engine: that engine's script is evaluated in the page
    // on first use, on the popup's main thread while it loads (about 15 ms more at the median here).
    const cdp = await ext.context.newCDPSession(popup);
    await popup.goto(`${origin}/popup.html?tab=${tabId}`, { waitUntil: 'commit' });
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression: POPUP_READY_PROBE,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: {
        value?: { ready: number | null; fcp: number | null; dcl: number | null; measure: number | null };
      };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    await cdp.detach().catch(() => undefined);
    if (exceptionDetails || !result.value)
      throw new Error(
        exceptionDetails?.exception?.description ?? exceptionDetails?.text ?? 'the popup probe failed',
      );
    const r = result.value;
    record.readyMs = r.ready === null ? null : round(r.ready);
    record.fcpMs = r.fcp === null ? null : round(r.fcp);
    record.domContentLoadedMs = r.dcl === null ? null : round(r.dcl);
    record.measureMs = r.measure === null ? null : round(r.measure);
    if (record.readyMs === null) throw new Error('body[data-ready] was not observed by the init script');
  } catch (error) {
    record.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await popup?.close();
    await tab?.close();
  }
  return record;
}

function machine(): Record<string, unknown> {
  const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const git = (a: string[]) => spawnSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  return {
    chromium: version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain']).length > 0,
  };
}

/** `--report FILE`: the tables and budgets again from a results file, without measuring. */
function reportOnly(file: string): number {
  const saved = JSON.parse(readFileSync(resolve(REPO_ROOT, file), 'utf8')) as {
    pages: PageRecord[];
    hover: HoverRecord[];
    popup: PopupRecord[];
    bundle: BundleInfo;
    options: { traced: boolean };
  };
  const summary = summarizeBench({ ...saved, traced: saved.options.traced });
  process.stdout.write(`${markdownTables(summary, saved.bundle)}\n`);
  const missed = summary.budgets.filter((b) => !b.pass);
  if (missed.length > 0) log(`budgets missed: ${missed.map((b) => b.id).join(', ')}`);
  return missed.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  if (args.report) return reportOnly(args.report);
  const started = Date.now();
  const loadBefore = loadavg();
  if (!args['no-build']) build();
  const extensionDir = args['no-build'] ? CHROME_BUILD : BENCH_BUILD;
  const bundle = bundleInfo(extensionDir);

  let names = corpusPages();
  if (args.only) {
    const wanted = new Set(args.only.split(','));
    names = names.filter((n) => wanted.has(n));
  }
  if (args.pages) names = names.slice(0, Number(args.pages));
  const dense = densePages(names, Number(args.dense));
  /** Pages spread over the list where every inserted mention was highlighted (so a card can open). */
  const spread = (count: number, records: readonly PageRecord[]) => {
    const fit = records
      .filter((r) => r.variant === 'mentions' && r.error === undefined && r.found === r.expected)
      .map((r) => r.page);
    const step = Math.max(1, fit.length / Math.max(1, count));
    return fit.length <= count
      ? fit
      : Array.from({ length: count }, (_, i) => fit[Math.floor(i * step)] as string);
  };
  let hoverPages: string[] | undefined;

  const server = await startFixtureServer();
  const ext = await launchBenchContext(extensionDir, INIT_SCRIPT);
  const bare = await launchBenchContext(null, INIT_SCRIPT);
  const pages: PageRecord[] = [];
  const loadSamples: number[] = [];
  const hover: HoverRecord[] = [];
  const popup: PopupRecord[] = [];
  try {
    // Warm the browsers up (process start, first extension load) on a page that is not measured.
    const warm = server.add('/bench/warm.html', '<!doctype html><title>warm</title><p>warm up</p>');
    for (const ctx of [ext, bare]) {
      const page = await ctx.context.newPage();
      await page.goto(warm);
      await page.close();
    }

    const jobs: [string, Variant][] = [
      ...names.flatMap((n) => [[n, 'none'] as [string, Variant], [n, 'mentions'] as [string, Variant]]),
      ...dense.map((n) => [n, 'dense'] as [string, Variant]),
    ];
    for (const [i, [name, variant]] of jobs.entries()) {
      // Without the extension, each page is loaded once (its `mentions` variant: the same page plus three
      // sentences), for long tasks and the cold-DOM cross-check of the baselines.
      const r = await measurePage(ext, variant === 'mentions' ? bare : null, server, name, variant);
      pages.push(r);
      loadSamples.push(loadavg()[0] ?? 0);
      const walk = r.baselines?.walk.ms;
      log(
        `[${i + 1}/${jobs.length}] ${variant.padEnd(8)} ${name.padEnd(40)} ` +
          (r.error
            ? `ERROR ${r.error}`
            : `total ${r.stages.total?.toFixed(2)} ms, walk ${walk?.toFixed(2)} ms, found ${r.found}` +
              (r.stages.extract !== undefined ? `, extract ${r.stages.extract.toFixed(1)} ms` : '') +
              (r.baselines?.readability ? `, readability ${r.baselines.readability.ms.toFixed(1)} ms` : '') +
              (r.baselines?.mark ? `, mark.js ${r.baselines.mark.ms.toFixed(1)} ms` : '') +
              (r.trace && r.trace.causedByExtension > 0 ? `, LONG TASK ${r.trace.longestCausedMs} ms` : '')),
      );
    }
    hoverPages = spread(Number(args.hover), pages);
    const popupPages = spread(Number(args.popup), pages);
    for (const name of hoverPages) {
      const h = await measureHover(ext, server, name);
      hover.push(h);
      log(
        `hover ${name}: ${h.error ?? `render ≤ ${h.renderMs} ms, frame ${h.frameMs} ms, data ${h.dataMs} ms`}`,
      );
    }
    const control = await ext.context.newPage();
    await control.goto(`${ext.extensionOrigin}/options.html`);
    await control.waitForSelector('body[data-ready]', { timeout: WAIT_MS, state: 'attached' });
    for (const name of popupPages) {
      const p = await measurePopup(ext, control, server, name);
      popup.push(p);
      log(`popup ${name}: ${p.error ?? `ready ${p.readyMs} ms, fcp ${p.fcpMs} ms`}`);
    }
  } finally {
    await ext.close();
    await bare.close();
    await server.close();
  }

  const summary = summarizeBench({ pages, hover, popup, bundle, traced: TRACE });
  const table = markdownTables(summary, bundle);
  const out = resolve(REPO_ROOT, args.out);
  mkdirSync(dirname(out), { recursive: true });
  const result = {
    date: new Date().toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    machine: {
      ...machine(),
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg(),
      // 1-minute load average sampled after each page (2 cores: above 2, others were competing for the CPU).
      loadDuringRun: summarize(loadSamples),
    },
    options: {
      traced: TRACE,
      extension: extensionDir,
      pages: names.length,
      dense: dense.length,
      hover: hoverPages?.length ?? 0,
    },
    blockedRequests: ext.blocked.length + bare.blocked.length,
    bundle,
    budgets: summary.budgets,
    cpuBudgets: summary.cpuBudgets,
    metrics: summary.metrics,
    notes: summary.notes,
    pages,
    hover,
    popup,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  process.stdout.write(`${table}\n`);
  const missed = summary.budgets.filter((b) => !b.pass);
  log(
    `\nwrote ${out} in ${result.durationS} s; load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`,
  );
  if (missed.length > 0) {
    log(`budgets missed: ${missed.map((b) => b.id).join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
