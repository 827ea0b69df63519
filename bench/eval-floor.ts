/**
 * What evaluating a content script costs on this machine before any of Vendor Lens's own code runs: the
 * `EvaluateScript` of a content script in the page's trace (compile, top level), medians over corpus pages, for
 *
 * - `empty`: a probe extension whose content script is `void 0;`;
 * - `dom+runtime`: a probe whose content script only dispatches an event on `document` and reads
 *   `chrome.runtime.id`, the two first touches WXT's `ContentScriptContext` makes while the script is evaluated;
 * - the built extension (the bench's build, else `.output/chrome-mv3`), and any other build directory given.
 *
 *   npx tsx bench/eval-floor.ts [--pages N] [extra build dir...]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/e2e/harness';
import { defaultBuild, launchBenchContext } from './browser';
import { INIT_SCRIPT } from './inpage';
import { corpusPages, pageHtml } from './pages';
import { probeExtension } from './probe-extension';
import { startTrace, stringArg } from './trace';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pages: { type: 'string', default: '40' } },
});

const probes = [
  probeExtension('empty', 'void 0;\n'),
  probeExtension('touch', 'document.dispatchEvent(new CustomEvent("x")); chrome.runtime.id;\n'),
];
const variants: [string, string][] = [
  ['empty', probes[0]!],
  ['dom+runtime', probes[1]!],
  ['vendor-lens', defaultBuild()],
  ...positionals.map((dir): [string, string] => [dir, dir]),
];
const pages = corpusPages().slice(0, Number(values.pages));
const server = await startFixtureServer();
try {
  for (const [label, dir] of variants) {
    const ctx = await launchBenchContext(dir, INIT_SCRIPT);
    const evals: number[] = [];
    try {
      for (const name of pages) {
        const url = server.add(`/eval-floor/${evals.length}/${name}.html`, pageHtml(name, 'none'));
        const page = await ctx.context.newPage();
        const stop = await startTrace(await ctx.context.newCDPSession(page));
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(400);
        for (const e of await stop()) {
          if (e.name !== 'EvaluateScript' || e.ph !== 'X') continue;
          if (stringArg(e, 'data', 'url')?.startsWith('chrome-extension://')) evals.push((e.dur ?? 0) / 1000);
        }
        await page.close();
      }
    } finally {
      await ctx.close();
    }
    evals.sort((a, b) => a - b);
    const at = (q: number) =>
      (evals[Math.min(evals.length - 1, Math.floor(q * evals.length))] ?? NaN).toFixed(2);
    process.stdout.write(`${label.padEnd(12)} n=${evals.length}  median ${at(0.5)} ms  p90 ${at(0.9)} ms\n`);
  }
} finally {
  await server.close();
  for (const dir of probes) rmSync(dir, { recursive: true, force: true });
}
