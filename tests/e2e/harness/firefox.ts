/**
 * Debian Firefox ESR with the built MV3 extension as a temporary add-on, through puppeteer-core over WebDriver
 * BiDi (see ../shared/reference/browser-e2e.md: --remote-allow-system-access, a pinned moz-extension UUID, and
 * no awaiting `goto` to a moz-extension URL, which never fires load).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { FIREFOX_BUILD, SCREENSHOT_DIR, requireBuild } from './paths';
import { startLoggingProxy } from './proxy';
import type { E2EBrowser, E2EPage } from './types';

/** Pinned so that extension URLs are known before the add-on loads. */
export const FIREFOX_UUID = '6f1c3a8e-2b4d-4e7f-9a10-5c2d8e4b7f31';

export interface FirefoxOptions {
  colorScheme?: 'light' | 'dark';
  /** The extension to install (default: the Firefox build); it must use the gecko id `GECKO_ID`. */
  extensionDir?: string;
}

/**
 * Firefox writes every uncaught error to its own output as `JavaScript error: <script URL>, line N: <message>`,
 * the errors of a content script's sandbox included; BiDi reports them as page errors too, but without the
 * script's URL in the stack, so they cannot be told from the page's own. Lines naming a script of `origin`.
 */
function extensionErrorLines(output: string, origin: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(`JavaScript error: ${origin}/`));
}

/** Collects `extensionErrorLines` from a child process's stdout and stderr, line by line. */
function watchProcessErrors(proc: ChildProcess | null, origin: string): string[] {
  const found: string[] = [];
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const text = pending + chunk.toString('utf8');
      const end = text.lastIndexOf('\n');
      pending = end === -1 ? text : text.slice(end + 1);
      if (end !== -1) found.push(...extensionErrorLines(text.slice(0, end), origin));
    });
  }
  return found;
}

/**
 * BiDi's errors when the realm a script ran in was replaced under it: a tab still navigating from about:blank
 * to a moz-extension page, or a page settling after navigation. puppeteer wraps them ("Waiting for selector
 * failed", caused by "Waiting failed", caused by the protocol error), so the whole `cause` chain is read.
 */
const TRANSIENT =
  /right-hand side of 'in' should be an object|Protocol error|Execution context|realm|discarded|destroyed/i;

function isTransient(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (TRANSIENT.test(String(e)) || TRANSIENT.test(String((e as { message?: unknown }).message ?? '')))
      return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `run` on that transient error only, a few times; any other error fails at once. */
async function retrying<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 4 || !isTransient(error)) throw error;
      await sleep(150);
    }
  }
}

/**
 * Runs a wait (`waitForSelector`, `waitForFunction`) until `timeoutMs`, restarting it when the realm it polls in
 * vanishes mid-call. A real timeout is still a failure.
 */
async function waitAcross(timeoutMs: number, wait: (remainingMs: number) => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await wait(Math.max(1, deadline - Date.now()));
      return;
    } catch (error) {
      if (!isTransient(error) || Date.now() >= deadline) throw error;
      await sleep(100);
    }
  }
}

/**
 * Resolves once `check()` (an `evaluate` in the page) is truthy, asking every 100 ms until `timeoutMs`; a realm
 * replaced mid-call is retried (`waitAcross`), a real timeout fails.
 */
function pollUntil(page: Page, timeoutMs: number, check: () => Promise<unknown>): Promise<void> {
  return waitAcross(timeoutMs, async (remainingMs) => {
    const deadline = Date.now() + remainingMs;
    for (;;) {
      if (await check()) return;
      if (Date.now() >= deadline)
        throw new Error(`Waiting failed: ${timeoutMs} ms exceeded on ${page.url()}`);
      await sleep(100);
    }
  });
}

/**
 * Records what the extension's scripts threw or logged as errors in `page`, as far as BiDi reports them (its
 * `log.entryAdded` events; whether Firefox sends them for a content script's sandbox is what the hostile
 * suite's control case shows). Subscribed when the tab's target appears, so the first task may be missed.
 */
function watchErrors(page: Page, extensionOrigin: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    if (text.includes(extensionOrigin)) errors.push(text);
  });
  page.on('console', (message) => {
    const url = message.location().url ?? '';
    if (message.type() === 'error' && url.startsWith(extensionOrigin))
      errors.push(`console.error: ${message.text()} (${url})`);
  });
  return errors;
}

/**
 * Puppeteer sends BiDi's `browsingContext.setViewport` and `emulation.setScreenOrientationOverride` together; a
 * Firefox ESR without the second (140 has none) still applies the first. That one refusal is let through, and the
 * size is then checked in the page, so a viewport that did not change still fails.
 */
async function setViewport(page: Page, width: number, height: number): Promise<void> {
  try {
    await page.setViewport({ width, height });
  } catch (error) {
    if (!String(error).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
    await pollUntil(page, 5_000, () =>
      page.evaluate(
        (w: number, h: number) => window.innerWidth === w && window.innerHeight === h,
        width,
        height,
      ),
    );
  }
}

function wrap(page: Page, scheme: 'light' | 'dark', errors: () => string[] = () => []): E2EPage {
  return {
    extensionErrors: errors,
    evaluate: (fn, arg) => retrying(() => page.evaluate(fn as never, arg) as never),
    // Polled with `evaluate`: puppeteer's `waitForFunction` builds its predicate with `Function()` in the page,
    // which a page's strict CSP refuses (Firefox 140 ESR).
    waitFor: (fn, arg, timeoutMs = 15_000) =>
      pollUntil(page, timeoutMs, () => page.evaluate(fn as never, arg)),
    waitForSelector: (selector, timeoutMs = 15_000) =>
      waitAcross(timeoutMs, (timeout) => page.waitForSelector(selector, { timeout })),
    textOf: (selector) => retrying(() => page.$eval(selector, (el) => el.textContent ?? '')),
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    setViewport: (width, height) => setViewport(page, width, height),
    async colorScheme(wanted) {
      // ESR 153's BiDi has no media emulation; the scheme is a launch option (a profile pref).
      if (wanted !== scheme)
        throw new Error(`Firefox was launched with colorScheme ${scheme}; relaunch for ${wanted}`);
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `firefox-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<E2EBrowser> {
  const ext = options.extensionDir ?? requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
  const scheme = options.colorScheme ?? 'light';
  // Every request that is not to 127.0.0.1 goes to the logging proxy, which refuses it: nothing leaves the
  // machine, and whatever tried is on record, from any context.
  const proxy = await startLoggingProxy();
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      // 0 = dark, 1 = light, for web content and extension pages.
      'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
      'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
    },
  });
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const processErrors = watchProcessErrors(browser.process(), extensionOrigin);
  await browser.installExtension(ext);
  const seen: string[] = [];

  const watch = (page: Page) => {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'moz-extension:' && url.protocol !== 'data:') {
        seen.push(url.href);
      }
    });
  };

  const openExtensionPage = async (pathAndQuery: string): Promise<Page> => {
    const page = await browser.newPage();
    page.goto(`${extensionOrigin}/${pathAndQuery}`).catch(() => {
      // Firefox sends no load event for moz-extension pages: wait for the page's own ready flag instead.
    });
    await waitAcross(15_000, (timeout) => page.waitForSelector('body[data-ready]', { timeout }));
    return page;
  };

  let control: Page | undefined;
  const controlPage = async () => {
    if (!control || control.isClosed()) control = await openExtensionPage('options.html');
    return control;
  };

  const e2e: E2EBrowser = {
    name: 'firefox',
    extensionOrigin,
    async inExtension(fn, arg) {
      const control = await controlPage();
      return retrying(() => control.evaluate(fn as never, arg) as never);
    },
    async openTab(url) {
      const targetPromise = browser.waitForTarget((t) => t.url() === url, { timeout: 15_000 });
      const tabId = await e2e.inExtension(
        (u: string) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.tabs
            .create({ url: u, active: true })
            .then((t) => t.id ?? -1),
        url,
      );
      const fromLine = processErrors.length;
      const page = await (await targetPromise).asPage();
      watch(page);
      const bidiErrors = watchErrors(page, extensionOrigin);
      // What BiDi attributed to the extension in this tab, and every error Firefox logged for the extension's
      // scripts (content script or background) while the tab was open.
      const errors = () => [...bidiErrors, ...processErrors.slice(fromLine)];
      await pollUntil(
        page,
        15_000,
        async () => (await page.evaluate(() => document.readyState)) === 'complete',
      );
      await page.bringToFront();
      return { page: wrap(page, scheme, errors), tabId };
    },
    async openExtensionPage(pathAndQuery) {
      return wrap(await openExtensionPage(pathAndQuery), scheme);
    },
    blockedRequests: () => [...seen, ...proxy.log().map((line) => `proxy: ${line}`)],
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
  return e2e;
}
