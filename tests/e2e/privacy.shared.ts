/**
 * Privacy, in each browser: nothing the extension runs opens a connection.
 *
 * - Extension pages (the options page here; in Chromium also the background service worker) cannot reach the
 *   network at all: the package's CSP (`connect-src 'none'`, `img-src 'self'`, see PRIVACY.md) stops a fetch, an
 *   image and a beacon to 127.0.0.1 and to another host, and the fixture server and the proxy see none of them.
 * - Browsing the 130 corpus pages with vendor sentences inserted (so the engine, the highlights, the badge and,
 *   as the page report is asked for on each, the off-thread extraction all run), with the popup opened on every
 *   tenth page, nothing tries to leave
 *   127.0.0.1. The pages are served with their scripts and absolute URLs removed, so that a request to another
 *   host can only come from the extension (or the browser itself). Both harnesses send every request that is not
 *   for 127.0.0.1 to a logging proxy, whatever context it comes from; Chromium's routes also see the tabs'.
 * - A control: a request made by a page itself is seen, so the empty lists above mean something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTIONS_PER_PAGE, corpusPages, pageHtml } from '../../bench/pages';
import { BROWSER_SERVICES, badge, launch, startFixtureServer } from './harness';
import type { BrowserName, E2EBrowser, FixtureServer } from './harness';

/**
 * The page without anything that would make the page itself request another host: absolute and
 * protocol-relative URLs become `data:,` (an empty `src` can keep a frame from ever loading, and whatever follows
 * a removed URL with spaces in it stays inside the data URL).
 */
export function offline(html: string): string {
  return html
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/url\(\s*(?:["']|&quot;)?(?:https?:)?\/\/[^)]*\)/gi, 'url(data:,)')
    .replace(/https?:\/\/[^\s"'<>]*/gi, 'data:,')
    .replace(/(["'(=,;\s])\/\/[^\s"'<>]+/g, '$1data:,');
}

/** Tries a fetch, an image and a beacon to each URL; says what happened to each (run in an extension context). */
async function probeNetwork(urls: string[]): Promise<string[]> {
  const results: string[] = [];
  for (const url of urls) {
    try {
      await fetch(`${url}/fetch`);
      results.push(`fetch ${url}: sent`);
    } catch {
      results.push(`fetch ${url}: blocked`);
    }
    if (typeof Image === 'function') {
      const loaded = await new Promise<boolean>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = `${url}/img.png`;
        setTimeout(() => resolve(false), 2000);
      });
      results.push(`img ${url}: ${loaded ? 'loaded' : 'blocked'}`);
    }
    if (typeof navigator.sendBeacon === 'function') {
      try {
        navigator.sendBeacon(`${url}/beacon`, 'x');
      } catch {
        // CSP may throw; the server log is what counts.
      }
    }
  }
  return results;
}

export function privacySuite(name: BrowserName): void {
  describe(`privacy: ${name}`, () => {
    let browser: E2EBrowser;
    let server: FixtureServer;
    const summary: string[] = [];

    beforeAll(async () => {
      server = await startFixtureServer();
      browser = await launch(name);
    });

    afterAll(async () => {
      console.log(`[privacy ${name}]\n  ${summary.join('\n  ')}`);
      await browser?.close();
      await server?.close();
    });

    it(
      'browsing the 130 corpus pages with mentions, the extension requests nothing',
      { timeout: 900_000 },
      async () => {
        const pages = corpusPages();
        expect(pages).toHaveLength(130);
        const servedBefore = server.hits().length;
        let popups = 0;
        /** Pages whose report came back complete (extraction done). */
        let reports = 0;
        let counted = 0;
        const other: string[] = [];
        for (const [i, page] of pages.entries()) {
          const path = `/privacy/${encodeURIComponent(page)}.html`;
          const { page: tab, tabId } = await browser
            .openTab(server.add(path, offline(pageHtml(page, 'mentions'))))
            .catch((error: unknown) => {
              throw new Error(`${page}: ${String(error)}`);
            });
          // The engine ran and the background counted its mentions. On 11 pages (the same in both browsers)
          // the count is lower, as some of the paragraphs the sentences went into are not shown (hidden-nodes,
          // visibility-hidden...): they are listed, and the bar is 110 of 130.
          let text = '';
          const deadline = Date.now() + 5_000;
          while (Date.now() < deadline && text !== String(MENTIONS_PER_PAGE)) {
            text = await badge(browser, tabId);
            if (text !== String(MENTIONS_PER_PAGE)) await new Promise((r) => setTimeout(r, 100));
          }
          if (text === String(MENTIONS_PER_PAGE)) counted += 1;
          else other.push(`${page} (${JSON.stringify(text)})`);
          // Asking for the page report (what the popup does) starts the off-thread extraction: ask until it is
          // back (at most 3 s), so that it runs on every page, not only where the popup opens.
          const reportDeadline = Date.now() + 3_000;
          while (Date.now() < reportDeadline) {
            const reply = await browser.inExtension(
              (id: number) =>
                ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs
                  .sendMessage(id, { id: 1, type: 'getPageReport', timestamp: Date.now() })
                  .catch(() => null) as Promise<{ res?: { scanning?: boolean } } | null>,
              tabId,
            );
            if (reply?.res?.scanning === false) {
              reports += 1;
              break;
            }
            await new Promise((r) => setTimeout(r, 100));
          }
          if (i % 10 === 0) {
            const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
            await popup.waitForSelector('[data-testid="vendor-section"]');
            await popup.close();
            popups += 1;
          }
          await tab.close();
        }
        // Give late work (the off-thread extraction, badge updates) time to do anything it would do.
        await new Promise((r) => setTimeout(r, 2000));
        const served = server.hits().slice(servedBefore);
        const all = browser.blockedRequests();
        const services = all.filter((r) => BROWSER_SERVICES[name].test(r));
        const external = all.filter((r) => !services.includes(r));
        summary.push(
          `${pages.length} corpus pages with ${MENTIONS_PER_PAGE} mentions each, ${reports} complete page reports ` +
            `(the extraction run), ${popups} popups: ` +
            `${external.length} requests tried to leave 127.0.0.1 (besides ${services.length} of the browser's own ` +
            `service requests); the fixture server answered ${served.length} ` +
            `requests (the pages and their relative links); badge ${MENTIONS_PER_PAGE} on ${counted} pages, ` +
            `another count on ${other.length}: ${other.join(', ')}`,
        );
        expect(external, [...new Set(external)].slice(0, 30).join('\n')).toEqual([]);
        expect(counted).toBeGreaterThanOrEqual(110);
        expect(reports).toBeGreaterThanOrEqual(110);
        // Everything the server saw was for the pages: their own paths, or relative links they hold.
        expect(served.filter((path) => path.startsWith('/probe'))).toEqual([]);
      },
    );

    it('extension pages cannot open a connection (the package CSP)', async () => {
      const before = browser.blockedRequests().length;
      const urls = [`${server.origin}/probe/options`, 'http://vendorlens-probe.test/options'];
      const fromOptions = await browser.inExtension(probeNetwork, urls);
      expect(fromOptions).toEqual(urls.flatMap((u) => [`fetch ${u}: blocked`, `img ${u}: blocked`]));
      let fromWorker: string[] = [];
      if (browser.inBackground) {
        const workerUrls = [`${server.origin}/probe/worker`, 'http://vendorlens-probe.test/worker'];
        fromWorker = await browser.inBackground(probeNetwork, workerUrls);
        expect(fromWorker).toEqual(workerUrls.map((u) => `fetch ${u}: blocked`));
      }
      await new Promise((r) => setTimeout(r, 500));
      expect(server.hits().filter((path) => path.startsWith('/probe'))).toEqual([]);
      expect(browser.blockedRequests().slice(before)).toEqual([]);
      summary.push(
        `extension pages: ${fromOptions.length + fromWorker.length} attempts (fetch, image${
          browser.inBackground ? ', service worker fetch' : ''
        }), 0 reached the server or the proxy`,
      );
    });

    it('control: a request the page itself makes to another host is seen', async () => {
      const { page } = await browser.openTab(server.add('/privacy/control.html', '<p>Control page.</p>'));
      await page.evaluate(() => {
        const img = new Image();
        img.src = 'http://vendorlens-control.test/pixel.png';
        document.body.append(img);
      });
      const deadline = Date.now() + 10_000;
      while (
        Date.now() < deadline &&
        !browser.blockedRequests().some((r) => r.includes('vendorlens-control.test'))
      )
        await new Promise((r) => setTimeout(r, 100));
      expect(browser.blockedRequests().some((r) => r.includes('vendorlens-control.test'))).toBe(true);
      await page.close();
    });
  });
}
