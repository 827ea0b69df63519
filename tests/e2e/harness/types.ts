/** One interface over Playwright (Chromium) and Puppeteer-over-BiDi (Firefox) pages, so tests run in both. */
export type BrowserName = 'chromium' | 'firefox';

export interface E2EPage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves when `fn(arg)` returns a truthy value in the page. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  waitForSelector(selector: string, timeoutMs?: number): Promise<void>;
  textOf(selector: string): Promise<string>;
  click(selector: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Light or dark `prefers-color-scheme` for this page. */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  screenshot(name: string): Promise<string>;
  /**
   * Uncaught errors, unhandled rejections and `console.error` calls whose stack or source is one of the
   * extension's scripts, in any world of this page (the content script's isolated world included), seen since the
   * tab was opened.
   */
  extensionErrors(): string[];
  close(): Promise<void>;
}

export interface E2EBrowser {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Opens `url` in a new tab through the extension (so we know its tab id). */
  openTab(url: string): Promise<{ page: E2EPage; tabId: number }>;
  /** Opens an extension page such as `popup.html?tab=3`, resolved once `body[data-ready]` is there. */
  openExtensionPage(pathAndQuery: string): Promise<E2EPage>;
  /** Runs `fn` in an extension page (the background's APIs: action, storage, tabs). */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Requests that tried to leave 127.0.0.1 and were stopped: the ones the harness saw in its pages (Chromium:
   * its routes; Firefox: the tabs' request events) and, prefixed `proxy: `, every one that reached the logging
   * proxy from any context of the browser.
   */
  blockedRequests(): string[];
  /** Runs `fn` in the background context where the harness can reach it (Chromium's service worker). */
  inBackground?<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}
