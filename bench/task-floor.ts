/**
 * What a content script's first task costs before any of Vendor Lens's own logic, against the bench's floor
 * (the text walk in the page's main world). Probe extensions whose content script does one thing in a task
 * after its evaluation, timed with `performance.now()` around it, on pages without a mention:
 *
 * - `walk`: the bench's own text walk (`BASELINES_SCRIPT`), in the content script's isolated world;
 * - `text+prefilter`: the least a whole-text test can do, `document.body.textContent` and one test of the
 *   boot's prefilter pattern (compiled at build time in the extension);
 * - `runtime`: the first use of the extension's API, `chrome.runtime.id` (WXT's context and every message
 *   listener need it);
 * - `body`: the first touch of the page's DOM, `document.body`.
 *
 * After the probe, the bench's walk runs in the page's main world, as `npm run bench` runs it, and each
 * probe's time is divided by it. The budget for a page without a mention is the extension's whole work ≤ 2×
 * that walk at the median.
 *
 *   npx tsx bench/task-floor.ts [--pages N]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/e2e/harness';
import { gateSources, lexiconData } from '../utils/engine/lexicon';
import type { Vendor } from '../utils/dataset/types';
import vendorsJson from '../data/vendors.json';
import { launchBenchContext } from './browser';
import { BASELINES_SCRIPT, INIT_SCRIPT, TEXT_WALK } from './inpage';
import type { BenchWindow, WalkResult } from './inpage';
import { corpusPages, pageHtml } from './pages';
import { probeExtension } from './probe-extension';
import { summarize } from './stats';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '130' } } });

const MEASURE = 'vl-floor';

/** A probe extension whose content script runs `body` in a task of its own and measures it as `MEASURE`. */
function probe(name: string, body: string): string {
  return probeExtension(
    `floor-${name}`,
    `setTimeout(() => {
  const start = performance.now();
  ${body}
  performance.measure(${JSON.stringify(MEASURE)}, { start, end: performance.now() });
}, 0);\n`,
  );
}

const { prefilter } = gateSources(lexiconData(vendorsJson as readonly Vendor[]).anchors);
const probes: [string, string][] = [
  ['walk', probe('walk', TEXT_WALK)],
  [
    'text+prefilter',
    probe('text', `new RegExp(${JSON.stringify(prefilter)}).test(document.body.textContent || '');`),
  ],
  ['runtime', probe('runtime', 'chrome.runtime.id;')],
  ['body', probe('body', 'document.body;')],
];

const pages = corpusPages().slice(0, Number(values.pages));
const server = await startFixtureServer();
const rows: string[] = [];
try {
  for (const [label, dir] of probes) {
    const ctx = await launchBenchContext(dir, INIT_SCRIPT);
    const times: number[] = [];
    const ratios: number[] = [];
    try {
      for (const name of pages) {
        const url = server.add(`/task-floor/${label}/${name}.html`, pageHtml(name, 'none'));
        const page = await ctx.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction((m: string) => performance.getEntriesByName(m).length > 0, MEASURE, {
          polling: 50,
          timeout: 15_000,
        });
        const ms = await page.evaluate((m: string) => performance.getEntriesByName(m)[0]!.duration, MEASURE);
        await page.evaluate(`${BASELINES_SCRIPT}\n;undefined`);
        const walk: WalkResult = await page.evaluate(() =>
          (window as unknown as BenchWindow).__vlBench.walk(),
        );
        times.push(ms);
        if (walk.ms > 0) ratios.push(ms / walk.ms);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
    const t = summarize(times);
    const r = summarize(ratios);
    rows.push(
      `${label.padEnd(16)} ${t.median.toFixed(2).padStart(6)} ms ${t.p90.toFixed(2).padStart(7)} ms` +
        `   ${r.median.toFixed(2).padStart(5)}× ${r.p90.toFixed(2).padStart(6)}×`,
    );
  }
} finally {
  await server.close();
  for (const [, dir] of probes) rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(
  `pages: ${pages.length}, one load per page and probe\n` +
    `probe            median      p90   ÷ main-world walk: median  p90\n${rows.join('\n')}\n`,
);
