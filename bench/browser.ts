/**
 * Two Chromium contexts for the benchmark: one with the built extension, one without it. Same executable and
 * launch flags as the e2e harness (`tests/e2e/harness/chromium.ts`), but the bench needs the raw Playwright
 * objects (init scripts, CDP sessions), which the harness's cross-browser interface hides.
 *
 * Every request that is not to 127.0.0.1 (or the extension) is blocked, as in the harness (aborted; a frame gets
 * an empty document instead of an error page). Responses from
 * 127.0.0.1 get COOP/COEP headers, so that the pages are cross-origin isolated: `performance.now()` then has
 * 5 µs resolution instead of 100 µs, which matters when a text walk takes half a millisecond.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/harness/chromium';
import { CHROME_BUILD, REPO_ROOT, requireBuild } from '../tests/e2e/harness/paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where `npm run bench` builds the extension (`bench/wxt.config.ts`): not the folder e2e runs load. */
export const BENCH_BUILD = resolve(REPO_ROOT, '.output/bench/chrome-mv3');

/** The bench's own build when there is one, else the regular one. */
export function defaultBuild(): string {
  return existsSync(join(BENCH_BUILD, 'manifest.json')) ? BENCH_BUILD : CHROME_BUILD;
}

export interface BenchContext {
  context: BrowserContext;
  /** `chrome-extension://<id>`, or null for the context without the extension. */
  extensionOrigin: string | null;
  blocked: string[];
  close(): Promise<void>;
}

async function isolate(route: Route): Promise<void> {
  // The local server can reset a connection under load (ECONNRESET once in 280 loads on a busy machine): try
  // again once, then fail the request, never the whole run (an error thrown in a route handler is unhandled).
  let response;
  try {
    response = await route.fetch().catch(() => route.fetch());
  } catch {
    await route.abort('failed').catch(() => undefined);
    return;
  }
  await route
    .fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    })
    .catch(() => undefined); // the page went away meanwhile
}

/** A persistent Chromium context, with the extension built in `extensionDir` when it is given. */
export async function launchBenchContext(
  extensionDir: string | null,
  initScript: string,
): Promise<BenchContext> {
  const profile = mkdtempSync(join(tmpdir(), 'vl-bench-'));
  const ext = extensionDir === null ? null : requireBuild(extensionDir, 'npm run bench (it builds)');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : ['--disable-extensions']),
      ...CHROMIUM_ARGS,
    ],
  });
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.hostname === '127.0.0.1') return isolate(route);
    blocked.push(url.href);
    // A blocked frame gets an empty document, not an abort: an aborted frame navigation renders Chromium's
    // error page (chrome-error://chromewebdata, with its own scripts) on the page's main thread, and its
    // microtasks would be counted as the extension's (see trace.ts): 21 ms on bbc-1, where the extension's
    // own work was 3 ms.
    if (route.request().resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html', body: '' });
    }
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: initScript });

  let extensionOrigin: string | null = null;
  if (ext) {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  return {
    context,
    extensionOrigin,
    blocked,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The tab id of `page`, asked from an extension page (the extension has the `tabs` API there). */
export async function tabIdOf(control: Page, url: string): Promise<number> {
  return control.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({ url: u });
    return tabs[0]?.id ?? -1;
  }, url);
}
