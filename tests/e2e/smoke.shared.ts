/**
 * The smoke suite, written once and run in each browser: the content script ran on a real corpus page (the
 * popup shows the title that only the content script can report), the badge is empty on a page without
 * mentions, and the popup and options pages render. Screenshots go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, launch, popupPathForTab, startFixtureServer } from './harness';
import type { BrowserName, E2EBrowser, FixtureServer } from './harness';

export function smokeSuite(name: BrowserName): void {
  describe(`smoke: ${name}`, () => {
    let browser: E2EBrowser;
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startFixtureServer();
      browser = await launch(name);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('runs the content script on a corpus page and the popup shows its report', async () => {
      const meta = JSON.parse(readFileSync(join(CORPUS_DIR, 'bbc-1.meta.json'), 'utf8')) as { title: string };
      const { page, tabId } = await browser.openTab(server.url('/corpus/bbc-1'));
      const pageTitle = await page.evaluate(() => document.title);
      expect(pageTitle.length).toBeGreaterThan(0);

      const popup = await browser.openExtensionPage(popupPathForTab(tabId));
      await popup.waitForSelector('[data-testid="page-title"]');
      expect((await popup.textOf('[data-testid="page-title"]')).trim()).toBe(pageTitle.trim());
      expect(meta.title.length).toBeGreaterThan(0);
      expect(await popup.textOf('h1')).toBe('Vendor Lens');
      await popup.waitForSelector('[data-testid="no-mentions"]');

      await popup.setViewport(400, 600);
      await popup.screenshot('smoke-popup');
      await page.screenshot('smoke-page');
      await popup.close();
      await page.close();
    });

    it('keeps the badge empty on a page without mentions', async () => {
      const { page, tabId } = await browser.openTab(server.url('/corpus/001'));
      // The content script reports its count once it has run; give it until the popup can answer.
      const popup = await browser.openExtensionPage(popupPathForTab(tabId));
      await popup.waitForSelector('[data-testid="page-title"]');
      const text = await browser.inExtension(
        (id: number) =>
          (globalThis as unknown as { browser?: typeof chrome }).browser?.action.getBadgeText({
            tabId: id,
          }) ?? chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
      expect(text).toBe('');
      await popup.close();
      await page.close();
    });

    it('says the popup cannot run on a tab without the content script', async () => {
      const popup = await browser.openExtensionPage(popupPathForTab(999_999));
      expect(await popup.evaluate(() => document.querySelector('.note')?.textContent ?? '')).toMatch(
        /does not run on this page/,
      );
      await popup.close();
    });

    it('renders the options page', async () => {
      const options = await browser.openExtensionPage('options.html');
      expect(await options.textOf('h1')).toBe('Vendor Lens settings');
      await options.screenshot('smoke-options');
      await options.close();
    });

    it('loads pages with every request off 127.0.0.1 blocked', async () => {
      const { page } = await browser.openTab(server.url('/corpus/ars-1'));
      const external = await page.evaluate(
        () => [...document.querySelectorAll('img[src^="http"], script[src^="http"]')].length,
      );
      expect(external).toBeGreaterThan(0);
      await page.close();
    });
  });
}
