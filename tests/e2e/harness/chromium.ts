/**
 * Debian Chromium with the built MV3 extension, through playwright-core (see ../shared/reference/browser-e2e.md:
 * a persistent context, an absolute path, and --disable-extensions-except with --load-extension).
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROME_BUILD, SCREENSHOT_DIR, requireBuild } from './paths';
import { startLoggingProxy } from './proxy';
import type { E2EBrowser, E2EPage } from './types';

/**
 * Records what the extension's scripts threw or logged as errors in `page`. Playwright attaches to a new tab
 * before it runs any script and its CDP session hears every execution context of the page, the content
 * script's isolated world included (`Runtime.exceptionThrown`, `Runtime.consoleAPICalled`).
 */
function watchErrors(page: Page, extensionOrigin: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    const text = `${error.message}\n${error.stack ?? ''}`;
    if (text.includes(extensionOrigin)) errors.push(text);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && message.location().url.startsWith(extensionOrigin))
      errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

function wrap(page: Page, errors: string[] = []): E2EPage {
  return {
    extensionErrors: () => [...errors],
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = 15_000) {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs });
    },
    async waitForSelector(selector, timeoutMs = 15_000) {
      await page.waitForSelector(selector, { timeout: timeoutMs, state: 'attached' });
    },
    textOf: async (selector) => (await page.textContent(selector)) ?? '',
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `chromium-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}

/** Flags for Debian Chromium here: no sandbox as root, and none of its background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface ChromiumOptions {
  /** The extension to load (default: the Chromium build); it needs a service worker and an `options.html`. */
  extensionDir?: string;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<E2EBrowser> {
  const ext = options.extensionDir ?? requireBuild(CHROME_BUILD, 'npm run build');
  const profile = mkdtempSync(join(tmpdir(), 'vl-chromium-'));
  // Requests the context's routes do not see (a service worker's, the browser's own) go to the logging proxy,
  // which refuses them; 127.0.0.1 is never proxied.
  const proxy = await startLoggingProxy();
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'chrome-extension:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });

  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node gives non-special schemes an origin of "null": build it from the host.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  let control: Page | undefined;
  const controlPage = async (): Promise<Page> => {
    if (!control || control.isClosed()) {
      control = await context.newPage();
      await control.goto(`${extensionOrigin}/options.html`);
      await control.waitForSelector('body[data-ready]');
    }
    return control;
  };

  const browser: E2EBrowser = {
    name: 'chromium',
    extensionOrigin,
    async inExtension(fn, arg) {
      return (await controlPage()).evaluate(fn as never, arg) as never;
    },
    async openTab(url) {
      await controlPage(); // before listening for the new page, so that it is not the one caught
      const pagePromise = context.waitForEvent('page', { timeout: 15_000, predicate: (p) => p !== control });
      const tabId = await browser.inExtension(
        (u: string) => chrome.tabs.create({ url: u, active: true }).then((t) => t.id ?? -1),
        url,
      );
      const page = await pagePromise;
      const errors = watchErrors(page, extensionOrigin);
      await page.waitForURL(url, { timeout: 15_000 });
      await page.waitForLoadState('load');
      await page.bringToFront();
      return { page: wrap(page, errors), tabId };
    },
    async openExtensionPage(pathAndQuery) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${pathAndQuery}`);
      await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
      return wrap(page);
    },
    async inBackground(fn, arg) {
      const current = context.serviceWorkers()[0] ?? worker;
      return current.evaluate(fn as never, arg) as never;
    },
    blockedRequests: () => [...blocked, ...proxy.log().map((line) => `proxy: ${line}`)],
    async close() {
      await context.close();
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}
