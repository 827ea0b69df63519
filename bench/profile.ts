/**
 * Where the content script's time goes on one page: a V8 CPU profile (50 µs sampling) of one cold load, with
 * the extension loaded, reduced to the content script's functions (self and inclusive time), each shown with
 * the start of its minified source so it can be found in the code. `boot` frames are content-scripts/content.js,
 * `engine` frames the engine module (engine.js).
 *
 *   npx tsx bench/profile.ts <corpus page> [none|mentions|dense] [--top N] [--hover]
 *
 * With `--hover`, the profile covers only the hover card: from the pointer resting on the first Hikvision
 * (after the scan) until the card shows the vendor's facts.
 *
 * Uses the bench's build (.output/bench/chrome-mv3, made by `npm run bench`) when there is one, else
 * .output/chrome-mv3, as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/e2e/harness';
import { defaultBuild, launchBenchContext } from './browser';
import { INIT_SCRIPT } from './inpage';
import { pageHtml } from './pages';
import type { Variant } from './pages';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, hover: { type: 'boolean', default: false } },
});
const name = positionals[0] ?? 'bbc-1';
const variant = (positionals[1] ?? 'mentions') as Variant;
const dir = defaultBuild();
/** The content script's two files: the boot, and the engine module it loads on pages that may mention a vendor. */
const SOURCES = {
  boot: readFileSync(join(dir, 'content-scripts/content.js'), 'utf8').split('\n'),
  engine: readFileSync(join(dir, 'engine.js'), 'utf8').split('\n'),
};
const sourceOf = (url: string): keyof typeof SOURCES | null =>
  url.includes('/content-scripts/') ? 'boot' : url.endsWith('/engine.js') ? 'engine' : null;

const server = await startFixtureServer();
const ctx = await launchBenchContext(dir, INIT_SCRIPT);
try {
  const warm = await ctx.context.newPage();
  await warm.goto(server.add('/warm.html', '<p>warm</p>'));
  await warm.close();
  const url = server.add(`/profile/${name}.html`, pageHtml(name, variant));
  const page = await ctx.context.newPage();
  const cdp = await ctx.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const done = `performance.getEntriesByName('vendor-lens:${variant === 'none' ? 'total' : 'highlight'}').length > 0`;
  if (values.hover) {
    await page.goto(url);
    await page.waitForFunction(done, undefined, { timeout: 20_000 });
    const at = (await page.evaluate(`(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.data.indexOf('Hikvision');
        if (i < 0) continue;
        node.parentElement.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 9);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    })()`)) as { x: number; y: number } | null;
    if (at === null) throw new Error('no Hikvision on the page');
    await page.mouse.move(at.x - 30, at.y - 40);
    await page.waitForTimeout(200);
    await cdp.send('Profiler.start');
    await page.mouse.move(at.x, at.y);
    await page.mouse.move(at.x + 1, at.y);
    await page.waitForFunction(
      `!!document.querySelector('vendor-lens-card')?.shadowRoot?.querySelector('[data-testid="vendor-lens-card"] .card__count')`,
      undefined,
      { timeout: 5000 },
    );
  } else {
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction(done, undefined, { timeout: 20_000 });
  }
  await page.waitForTimeout(200);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const measures = (await page.evaluate(
    `performance.getEntriesByType('measure').map((e) => e.name + ' ' + e.duration.toFixed(2))`,
  )) as string[];

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${sourceOf(n.callFrame.url)} ${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 50) / 1000;
    const stack: ProfileNode[] = [];
    for (let n = byId.get(id); n !== undefined; n = byId.get(parent.get(n.id) ?? -1)) stack.push(n);
    const own = stack.filter((n) => sourceOf(n.callFrame.url) !== null);
    if (own.length === 0) return;
    total += dt;
    const top = stack[0] as ProfileNode;
    const selfKey =
      sourceOf(top.callFrame.url) !== null
        ? key(top)
        : `[native/other: ${top.callFrame.functionName || top.callFrame.url || '(program)'}]`;
    self.set(selfKey, (self.get(selfKey) ?? 0) + dt);
    for (const k of new Set(own.map(key))) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  });
  const snippet = (k: string) => {
    const m = / (boot|engine) (\d+):(\d+)$/.exec(k);
    if (!m) return '';
    const lines = SOURCES[m[1] as keyof typeof SOURCES];
    return (lines[Number(m[2])] ?? '').slice(Number(m[3]), Number(m[3]) + 90).replace(/\s+/g, ' ');
  };
  const top = Number(values.top);
  const print = (title: string, map: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`${v.toFixed(2).padStart(8)} ms  ${k.padEnd(28)} ${snippet(k)}\n`);
    }
  };
  process.stdout.write(`${name} (${variant}): ${total.toFixed(1)} ms of samples in the content script\n`);
  process.stdout.write(`measures: ${measures.join(', ')}\n`);
  print('inclusive', inclusive);
  print('self', self);
} finally {
  await ctx.close();
  await server.close();
}
