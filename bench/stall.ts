/**
 * Where a hostile page's worst heartbeat gap comes from, in Chromium: loads a page of the e2e hostile suite
 * (`tests/e2e/hostile-pages.ts`) several times with a CDP trace, finds the page's largest gap between two 10 ms
 * heartbeat ticks (the same probe the e2e suite reads; here it also marks the tick that ends a new worst gap), and
 * prints the page's main-thread slices over 1.5 ms inside that gap, nested: our content script's tasks
 * (`FunctionCall` of content.js, microtask checkpoints), garbage collections, style, layout and paint.
 *
 *   npx tsx bench/stall.ts "<case name>[|<case name>...]" [runs=5] [on|off]
 *
 * `off` loads the page in a Chromium without the extension, for comparison. Uses `.output/chrome-mv3`.
 */
import { startFixtureServer } from '../tests/e2e/harness';
import { CHROME_BUILD } from '../tests/e2e/harness/paths';
import { hostileCases } from '../tests/e2e/hostile-pages';
import { launchBenchContext } from './browser';
import { findPageThread, startTrace } from './trace';
import type { TraceEvent } from './trace';

const CATEGORIES = 'toplevel,devtools.timeline,blink.user_timing,v8,disabled-by-default-devtools.timeline';
const GAP_MARK = 'vl-gap';
const MIN_SLICE_US = 1500;
const WINDOW_MS = 2500;

interface Heartbeat {
  __hb: { since: number; max: number };
}

function slicesInGap(events: readonly TraceEvent[], url: string, gapMs: number): string[] {
  const marks = events.filter((e) => e.name === GAP_MARK);
  const last = marks[marks.length - 1];
  const thread = findPageThread(events, url, GAP_MARK);
  if (last === undefined || thread === null) return ['(no gap mark in the trace)'];
  const end = last.ts;
  const start = end - gapMs * 1000;
  const inGap = events
    .filter(
      (e) =>
        e.pid === thread.pid &&
        e.tid === thread.tid &&
        e.ph === 'X' &&
        (e.dur ?? 0) > MIN_SLICE_US &&
        e.ts < end &&
        e.ts + (e.dur ?? 0) > start,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const lines: string[] = [];
  const open: TraceEvent[] = [];
  for (const e of inGap) {
    while (open.length > 0 && open[open.length - 1]!.ts + (open[open.length - 1]!.dur ?? 0) <= e.ts)
      open.pop();
    const data = (e.args?.data ?? {}) as Record<string, unknown>;
    const detail = String(data.url ?? data.functionName ?? data.type ?? '').slice(0, 80);
    const ms = ((e.dur ?? 0) / 1000).toFixed(1);
    lines.push(
      `${'  '.repeat(open.length)}${e.name} ${ms} ms at +${((e.ts - start) / 1000).toFixed(1)} ${detail}`,
    );
    open.push(e);
  }
  return lines;
}

async function main(): Promise<void> {
  const names = (process.argv[2] ?? '5 MB of text').split('|');
  const runs = Number(process.argv[3] ?? 5);
  const withExtension = process.argv[4] !== 'off';
  const server = await startFixtureServer();
  const bench = await launchBenchContext(withExtension ? CHROME_BUILD : null, '');
  try {
    for (const c of hostileCases().filter((x) => names.includes(x.name))) {
      const probe = 'if (measuring && t - last > w.__hb.max) w.__hb.max = t - last;';
      if (!c.html.includes(probe))
        throw new Error("The hostile pages' heartbeat changed: update bench/stall.ts");
      const html = c.html.replace(
        probe,
        `if (measuring && t - last > w.__hb.max) { w.__hb.max = t - last; performance.mark('${GAP_MARK}'); }`,
      );
      for (let run = 0; run < runs; run++) {
        const url = server.add(`/stall/${encodeURIComponent(c.name)}/${run}.html`, html);
        const page = await bench.context.newPage();
        const endTrace = await startTrace(await bench.context.newCDPSession(page), CATEGORIES);
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(
          (ms: number) => {
            const hb = (window as unknown as Heartbeat).__hb;
            return hb.since > 0 && performance.now() - hb.since > ms;
          },
          c.windowMs ?? WINDOW_MS,
          { timeout: 60_000 },
        );
        const gap = await page.evaluate(() => (window as unknown as Heartbeat).__hb.max);
        const events = await endTrace();
        console.log(
          `\n== ${c.name}, run ${run + 1}, extension ${withExtension ? 'on' : 'off'}: worst gap ${gap.toFixed(1)} ms`,
        );
        for (const line of slicesInGap(events, url, gap)) console.log(line);
        await page.close();
      }
    }
  } finally {
    await bench.close();
    await server.close();
  }
}

void main();
