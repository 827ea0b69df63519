/**
 * Hostile pages, in each browser: for every page of `hostile-pages.ts` the badge and the highlights are right
 * (or capped at 500), the page's main world sees no error, nothing of the extension's own scripts throws or logs
 * an error in any world of the page, its own MutationObserver sees nothing from us, its checks pass (form fields
 * unchanged, no XSS ran), and the page's 10 ms heartbeat does not stall more than 100 ms longer than with
 * Vendor Lens off.
 *
 * "Off" = the site (127.0.0.1) is in `disabledSites` before the page loads: the content script is still
 * injected, reads the settings and stops, so the baseline includes its evaluation but not the scan.
 *
 * Each page is loaded `ROUNDS` times off and on, alternating, and the heartbeat bound holds between the medians:
 * on a busy 2-core machine a single load of the 5 MB page showed gaps of 130-254 ms with no extension installed
 * at all and no main-thread slice over 1.5 ms inside the gap (`bench/stall.ts`: the renderer was not scheduled),
 * so one sample against one sample failed or passed on luck. A stall of ours is in every load, so the median
 * keeps it; every other check runs on every load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { median } from '../../bench/stats';
import { badge, launch, startFixtureServer, waitForBadge, withoutBrowserServices } from './harness';
import type { BrowserName, E2EBrowser, E2EPage, FixtureServer } from './harness';
import { hostileCases } from './hostile-pages';
import type { HostileCase } from './hostile-pages';
import { sendFocusNext } from './popup.helpers';

const SLACK_MS = 100;
/** Loads of each page with Vendor Lens off and on (alternating); the bound compares the medians. */
const ROUNDS = 3;
const DEFAULT_WINDOW_MS = 2_500;

interface Probe {
  max: number;
  ticks: number;
  errors: string[];
  mutations: number;
  check: string;
}

function highlightTotal(page: E2EPage): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
    registry?.forEach((highlight, name) => {
      if (/^vendor-lens-/.test(name)) total += highlight.size;
    });
    return total;
  });
}

async function setDisabled(browser: E2EBrowser, sites: string[]): Promise<void> {
  await browser.inExtension(async (list: string[]) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const { settings } = (await api.storage.local.get('settings')) as { settings?: object };
    await api.storage.local.set({ settings: { ...(settings ?? {}), disabledSites: list } });
  }, sites);
}

async function probe(page: E2EPage, windowMs: number, check: string): Promise<Probe> {
  await page.waitFor(
    (ms: number) => {
      const hb = (window as unknown as { __hb?: { since: number } }).__hb;
      return !!hb && hb.since > 0 && performance.now() - hb.since > ms;
    },
    windowMs,
    windowMs + 60_000,
  );
  return page.evaluate((code: string) => {
    const w = window as unknown as {
      __hb: { max: number; ticks: number };
      __errors: string[];
      __mutations: number;
    };
    // The check is test-authored page code, run in the page.
    const result: unknown = code ? (0, eval)(code) : '';
    return {
      max: w.__hb.max,
      ticks: w.__hb.ticks,
      errors: w.__errors,
      mutations: w.__mutations,
      check: String(result),
    };
  }, check);
}

/** Heartbeat gaps of each load (ms), for the README figures (printed at the end). */
const figures: { name: string; off: number[]; on: number[] }[] = [];

const ms = (values: readonly number[]) => values.map((v) => v.toFixed(0)).join('/');

export function hostileSuite(name: BrowserName): void {
  describe(`hostile pages: ${name}`, () => {
    let browser: E2EBrowser;
    let server: FixtureServer;
    /** A second origin (another port), for the cross-origin iframe. */
    let other: FixtureServer;
    let cases: HostileCase[] = [];

    beforeAll(async () => {
      server = await startFixtureServer();
      other = await startFixtureServer();
      cases = hostileCases(other.origin);
      for (const c of cases)
        for (const f of c.frames ?? []) (f.crossOrigin ? other : server).add(f.path, f.html);
      browser = await launch(name);
    });

    afterAll(async () => {
      const worstOff = Math.max(0, ...figures.flatMap((f) => f.off));
      const worstOn = Math.max(0, ...figures.flatMap((f) => f.on));
      console.log(
        `[hostile ${name}] heartbeat gaps, ms, each load (median); worst single load off ${worstOff.toFixed(1)}, ` +
          `on ${worstOn.toFixed(1)}; blocked requests ` +
          `${browser ? withoutBrowserServices(name, browser.blockedRequests()).length : 'n/a'}\n` +
          figures
            .map(
              (f) =>
                `  ${f.name}: off ${ms(f.off)} (${median(f.off).toFixed(1)}) ` +
                `on ${ms(f.on)} (${median(f.on).toFixed(1)})`,
            )
            .join('\n'),
      );
      await browser?.close();
      await server?.close();
      await other?.close();
    });

    // The names are known before the servers start; the pages (which need the second origin) after.
    hostileCases().forEach(({ name: caseName }, i) => {
      it(
        `${caseName}: right count, page unchanged and responsive, no error`,
        { timeout: 300_000 },
        async () => {
          const c = cases[i]!;
          const windowMs = c.windowMs ?? DEFAULT_WINDOW_MS;
          const check = c.check ?? '';
          const gaps = { name: c.name, off: [] as number[], on: [] as number[] };

          for (let round = 0; round < ROUNDS; round++) {
            // Baseline: the same page with Vendor Lens off for the site.
            await setDisabled(browser, ['127.0.0.1']);
            const offTab = await browser.openTab(server.add(`/h/${i}-off-${round}.html`, c.html));
            const off = await probe(offTab.page, windowMs, check);
            expect(await badge(browser, offTab.tabId)).toBe('');
            await offTab.page.close();

            await setDisabled(browser, []);
            const { page, tabId } = await browser.openTab(server.add(`/h/${i}-${round}.html`, c.html));
            const on = await probe(page, windowMs, check);
            await waitForBadge(browser, tabId, c.badge);
            gaps.off.push(off.max);
            gaps.on.push(on.max);

            expect(await highlightTotal(page)).toBe(c.highlights ?? Number(c.badge));
            expect(on.errors).toEqual(off.errors);
            expect(on.errors).toEqual([]);
            // Nothing thrown or logged as an error by the extension's own scripts, in any world of the page.
            expect(offTab.page.extensionErrors()).toEqual([]);
            expect(page.extensionErrors()).toEqual([]);
            expect(on.check).toBe('');
            if (!c.mutates) expect(on.mutations).toBe(0);
            expect(on.ticks).toBeGreaterThan(0);
            if (c.badge === '500' && round === 0) {
              // Capped: the popup says so instead of pretending the count is complete.
              const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
              await popup.waitForSelector('[data-testid="truncated-note"]');
              expect(await popup.textOf('[data-testid="truncated-note"]')).toContain(
                'Showing the first 500 mentions',
              );
              await popup.close();
            }
            await page.close();
          }

          figures.push(gaps);
          expect(
            median(gaps.on),
            `heartbeat gaps on ${ms(gaps.on)} ms vs off ${ms(gaps.off)} ms (medians compared)`,
          ).toBeLessThanOrEqual(median(gaps.off) + SLACK_MS);
        },
      );
    });

    it("shows the page's markup-like title, byline and mention text as inert text in the popup and the card", async () => {
      const title = '<img src=x onerror="window.__xss=5">Hikvision report';
      const author = '<script>window.__xss=6</script> A. Writer';
      const site = '<b onmouseover="window.__xss=7">Bold</b> News';
      const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      const text = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const article = Array.from(
        { length: 6 },
        (_, i) =>
          `<p>Paragraph ${i + 1} of a long enough article about procurement and public buildings, ` +
          `with sentences that readers expect in a news story about city councils and budgets.</p>`,
      ).join('');
      const html =
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${text(title)}</title>` +
        `<meta name="author" content="${attr(author)}"><meta property="og:site_name" content="${attr(site)}">` +
        `</head><body><article><h1>${text(title)}</h1>${article}` +
        `<p>Cameras by Hikvision &lt;img src=x onerror="window.__xss=8"&gt; were listed.</p></article></body></html>`;
      const { page, tabId } = await browser.openTab(server.add('/h/xss-report.html', html));
      await waitForBadge(browser, tabId, '2');

      const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitForSelector('[data-testid="page-title"]');
      expect((await popup.textOf('[data-testid="page-title"]')).trim()).toBe(title);
      // The byline and site name arrive with the off-thread extraction; when present they are text too.
      const injected = await popup.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
        elements: [
          ...document.querySelectorAll('img:not([src^="/icon/"]),script:not([src]),b,svg[onload]'),
        ].map((el) => el.outerHTML),
        meta: document.querySelector('[data-testid="page-meta"]')?.textContent ?? '',
      }));
      expect(injected.xss).toBeNull();
      expect(injected.elements).toEqual([]);
      for (const part of injected.meta.split(' · '))
        expect([site, author, '127.0.0.1']).toContain(part.trim());
      await popup.close();

      const moved = await sendFocusNext(browser, tabId);
      expect(moved).toMatchObject({ res: true });
      await page.waitFor(
        () =>
          !!document
            .querySelector('vendor-lens-card')
            ?.shadowRoot?.querySelector('[data-testid="vendor-lens-card"]'),
      );
      const card = await page.evaluate(() => {
        const root = document.querySelector('vendor-lens-card')?.shadowRoot;
        return {
          elements: [...(root?.querySelectorAll('img,script,b,iframe') ?? [])].map((el) => el.outerHTML),
          text: root?.querySelector('[data-testid="vendor-lens-card"]')?.textContent ?? '',
          xss: (window as unknown as { __xss?: number }).__xss ?? null,
        };
      });
      expect(card.elements).toEqual([]);
      expect(card.text).toContain('Hikvision');
      expect(card.xss).toBeNull();
      await page.close();
    });

    it('made no request outside 127.0.0.1 while browsing the hostile pages', () => {
      // The browsers' own service requests (sign-in, update checks, remote settings) reach the proxy too.
      expect(withoutBrowserServices(name, browser.blockedRequests())).toEqual([]);
    });
  });
}
