/**
 * The popup and its report page (`popup.html?tab=<id>`), written once and run in each browser, in light and
 * dark: a page that mentions all four vendors and a page that mentions none, with axe-core (WCAG 2.2 AA) and
 * screenshots of the popup as a tab at 400×600 and of the report at 1280×800. The light run also exercises the
 * filters, the timeline, search, copying a citation and the site switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_RESPONSE_TEXT, VIA_PARENT_WORDING } from '../../utils/dataset/query';
import { launch, popupPathForTab, startFixtureServer } from './harness';
import type { BrowserName, E2EBrowser, E2EPage, FixtureServer } from './harness';
import { attrsOf, describeViolations, readStorage, runAxe, setValue, textsOf } from './popup.helpers';

const ALL_VENDORS = '/fixtures/all-vendors.html';
const NO_VENDORS = '/corpus/001';

type Scheme = 'light' | 'dark';

async function expectNoAxeViolations(page: E2EPage, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `axe on ${where}:\n${describeViolations(violations)}`).toEqual([]);
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The boxes of the first row's action and response cells. */
function firstRowBoxes(page: E2EPage, scope: string): Promise<{ action: Box; response: Box } | null> {
  return page.evaluate((sel: string) => {
    const row = document.querySelector(`${sel} [data-testid="fact"]`);
    const a = row?.querySelector('.fact__action')?.getBoundingClientRect();
    const r = row?.querySelector('.fact__responses')?.getBoundingClientRect();
    if (!a || !r) return null;
    const box = (b: DOMRect) => ({ top: b.top, bottom: b.bottom, left: b.left, right: b.right });
    return { action: box(a), response: box(r) };
  }, scope);
}

export function popupSuite(name: BrowserName): void {
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    describe(`popup: ${name}, ${scheme}`, () => {
      let browser: E2EBrowser;
      let server: FixtureServer;

      beforeAll(async () => {
        server = await startFixtureServer();
        browser = await launch(name, { colorScheme: scheme });
      });

      afterAll(async () => {
        await browser?.close();
        await server?.close();
      });

      /** Opens `path` in a tab and its report as a page, at 400×600 in the scheme under test. */
      async function openReport(path: string): Promise<{ page: E2EPage; popup: E2EPage; tabId: number }> {
        const { page, tabId } = await browser.openTab(server.url(path));
        const popup = await browser.openExtensionPage(popupPathForTab(tabId));
        await popup.colorScheme(scheme);
        await popup.setViewport(400, 600);
        await popup.waitForSelector('[data-testid="page-title"]');
        return { page, popup, tabId };
      }

      it('a page that mentions none of the vendors: the title, the switch, and the dataset browser', async () => {
        const { page, popup } = await openReport(NO_VENDORS);
        const title = await page.evaluate(() => document.title);
        expect((await popup.textOf('[data-testid="page-title"]')).trim()).toBe(title.trim());
        await popup.waitForSelector('[data-testid="no-mentions"]');
        expect(
          await popup.evaluate(() => document.querySelectorAll('[data-testid="vendor-section"]').length),
        ).toBe(0);
        expect(
          await popup.evaluate(
            () => (document.querySelector('[data-testid="site-switch"]') as HTMLInputElement | null)?.checked,
          ),
        ).toBe(true);
        await popup.waitForSelector('[data-testid="browse"]');
        expect(await popup.textOf('[data-testid="dataset-version"]')).toMatch(/\d+\.\d+\.\d+/);
        expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');

        await popup.screenshot(`popup-none-${scheme}`);
        await expectNoAxeViolations(popup, `the popup (none, ${scheme}, 400×600)`);

        await popup.setViewport(1280, 800);
        await popup.screenshot(`report-none-${scheme}`);
        await expectNoAxeViolations(popup, `the report (none, ${scheme}, 1280×800)`);

        // With a vendor picked in the browser, as a reader would check facts on a page without mentions.
        await popup.click('[data-testid="browse-dahua"]');
        await popup.waitForSelector('[data-testid="report-body-browse"][data-complete]');
        await popup.screenshot(`report-none-browse-${scheme}`);
        await expectNoAxeViolations(popup, `the report (none, dahua picked, ${scheme}, 1280×800)`);
        await popup.close();
        await page.close();
      }, 150_000);

      it('a page that mentions all four vendors: a section each, actions beside responses, sources', async () => {
        const { page, popup } = await openReport(ALL_VENDORS);
        expect((await popup.textOf('[data-testid="page-title"]')).trim()).toBe(
          'Councils weigh what to do with cameras already on their walls',
        );
        await popup.waitForSelector('[data-testid="vendor-list"]', 20_000);
        await popup.waitForSelector('[data-testid="report-body-page"][data-complete]');
        const vendors = await attrsOf(popup, '[data-testid="vendor-section"]', 'data-vendor');
        expect([...vendors].sort()).toEqual(['dahua', 'ezviz', 'hikvision', 'hytera']);

        // Every section has rows; each row pairs the action with a response or the fixed no-response line.
        for (const v of vendors) {
          const rows = await popup.evaluate(
            (id: string) =>
              [
                ...document.querySelectorAll(
                  `[data-testid="vendor-section"][data-vendor="${id}"] [data-testid="fact"]`,
                ),
              ].map((row) => ({
                action: Boolean(row.querySelector('.fact__action [data-testid="fact-date"]')),
                jurisdiction: row.querySelector('[data-testid="fact-jurisdiction"]')?.textContent ?? '',
                status: row.querySelector('[data-testid="fact-status"]')?.textContent ?? '',
                responses: row.querySelectorAll('.fact__responses [data-testid="response"]').length,
                none: row.querySelector('.fact__responses [data-testid="no-response"]')?.textContent ?? null,
              })),
            v,
          );
          expect(rows.length, v).toBeGreaterThan(0);
          for (const r of rows) {
            expect(r.action).toBe(true);
            expect(r.jurisdiction).toMatch(/\([A-Z]{2}(-[A-Z0-9]+)?\)$/);
            expect(r.status).toMatch(/as of/);
            expect(r.responses > 0 || r.none === NO_RESPONSE_TEXT).toBe(true);
          }
        }
        // Newest first.
        const dates = await attrsOf(popup, '[data-vendor="hikvision"] [data-testid="fact-date"]', 'datetime');
        expect(dates).toEqual([...dates].sort().reverse());

        // Ezviz: Hikvision's actions, with the exact wording.
        expect((await popup.textOf('[data-vendor="ezviz"] [data-testid="via-parent"]')).trim()).toBe(
          VIA_PARENT_WORDING,
        );
        expect(await popup.textOf('[data-vendor="ezviz"] [data-testid="relation"]')).toContain(
          'Ezviz — a Hikvision subsidiary',
        );
        // HiLook on the page: labelled as a Hikvision brand.
        expect(
          (await textsOf(popup, '[data-vendor="hikvision"] [data-testid="relation"]')).join(' '),
        ).toContain('HiLook — a Hikvision brand');

        // Sources: numbered, each link opens in a new tab.
        const links = await popup.evaluate(() =>
          [...document.querySelectorAll('[data-testid="sources"] a')].map((a) => ({
            target: a.getAttribute('target'),
            rel: a.getAttribute('rel') ?? '',
            href: a.getAttribute('href') ?? '',
          })),
        );
        expect(links.length).toBeGreaterThan(10);
        for (const l of links) {
          expect(l.target).toBe('_blank');
          expect(l.rel).toContain('noopener');
          expect(l.href).toMatch(/^https?:\/\//);
        }
        const numbers = await attrsOf(popup, '[data-testid="sources"] .source', 'data-n');
        expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));

        // Narrow: the response sits under its action.
        const narrow = await firstRowBoxes(popup, '[data-vendor="hikvision"]');
        expect(narrow).not.toBeNull();
        expect(narrow!.response.top).toBeGreaterThanOrEqual(narrow!.action.bottom - 1);
        await popup.screenshot(`popup-all-vendors-${scheme}`);
        await expectNoAxeViolations(popup, `the popup (all vendors, ${scheme}, 400×600)`);

        // Wide: side by side on the same row.
        await popup.setViewport(1280, 800);
        const wide = await firstRowBoxes(popup, '[data-vendor="hikvision"]');
        expect(wide).not.toBeNull();
        expect(Math.abs(wide!.response.top - wide!.action.top)).toBeLessThan(2);
        expect(wide!.response.left).toBeGreaterThan(wide!.action.right - 1);
        await popup.screenshot(`report-all-vendors-${scheme}`);
        // Every disclosure open (filters, notes, relation sources, background), so axe checks what they hold.
        await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await expectNoAxeViolations(popup, `the report (all vendors, ${scheme}, 1280×800)`);
        await popup.close();
        await page.close();
      }, 150_000);

      if (scheme !== 'light') return;

      it('filters by type, year, jurisdiction and status, with a timeline, in the dataset browser', async () => {
        const { page, popup } = await openReport(NO_VENDORS);
        await popup.click('[data-testid="browse-hikvision"]');
        const section = '[data-testid="vendor-section"][data-vendor="hikvision"]';
        await popup.waitForSelector('[data-testid="report-body-browse"][data-complete]');
        const count = () =>
          popup.evaluate(
            (s: string) => document.querySelectorAll(`${s} [data-testid="fact"]`).length,
            section,
          );
        const all = await count();
        expect(all).toBeGreaterThan(5);

        // Timeline: one entry per year, each year with actions linking to a row on the page.
        const hrefs = await attrsOf(popup, `${section} [data-testid="timeline"] a`, 'href');
        expect(hrefs.length).toBeGreaterThan(1);
        for (const h of hrefs) {
          expect(await popup.evaluate((id: string) => document.getElementById(id) !== null, h.slice(1))).toBe(
            true,
          );
        }

        await popup.click('[data-testid="report-body-browse"] [data-testid="filters-toggle"] summary');
        await setValue(popup, '[data-testid="filter-type"]', 'procurement-ban');
        const types = await popup.evaluate(
          (s: string) =>
            [...document.querySelectorAll(`${s} [data-testid="fact"]`)].map((row) =>
              [...row.querySelectorAll('[data-testid="fact-type"]')].map((x) => x.textContent),
            ),
          section,
        );
        expect(types.length).toBeGreaterThan(0);
        expect(types.length).toBeLessThan(all);
        for (const t of types) expect(t).toContain('Procurement ban');
        expect(await popup.textOf('[data-testid="filter-summary"]')).toMatch(/Showing \d+ of \d+/);

        await popup.click('[data-testid="filter-clear"]');
        expect(await count()).toBe(all);

        const year = await popup.evaluate(
          () =>
            (document.querySelector('[data-testid="filter-year"] option:nth-child(2)') as HTMLOptionElement)
              .value,
        );
        await setValue(popup, '[data-testid="filter-year"]', year);
        const years = await attrsOf(popup, `${section} [data-testid="fact-date"]`, 'datetime');
        expect(years.length).toBeGreaterThan(0);
        for (const d of years) expect(d.startsWith(year)).toBe(true);

        await setValue(popup, '[data-testid="filter-year"]', '');
        await setValue(popup, '[data-testid="filter-jurisdiction"]', 'DK');
        for (const j of await textsOf(popup, `${section} [data-testid="fact-jurisdiction"]`))
          expect(j).toMatch(/\(DK\)$/);
        await setValue(popup, '[data-testid="filter-jurisdiction"]', '');
        await setValue(popup, '[data-testid="filter-status"]', 'in-force');
        for (const s of await textsOf(popup, `${section} [data-testid="fact-status"]`))
          expect(s).toMatch(/^In force/);
        await popup.close();
        await page.close();
      });

      it('searches the dataset and copies a citation', async () => {
        const { page, popup } = await openReport(NO_VENDORS);
        await setValue(popup, '[data-testid="browse-search"]', 'Denmark');
        await popup.waitForSelector('[data-testid="search-results"] [data-testid="fact"]');
        expect(await popup.textOf('[data-testid="search-count"]')).toMatch(
          /^Results for “Denmark”: [1-9]\d*$/,
        );
        expect(
          (await textsOf(popup, '[data-testid="search-results"] [data-testid="fact-jurisdiction"]')).join(
            ' ',
          ),
        ).toContain('(DK)');

        await popup.click('[data-testid="search-results"] [data-testid="copy-fact"]');
        await popup.waitFor(
          () => (document.querySelector('[data-testid="copy-status"]')?.textContent ?? '') !== '',
        );
        expect(await popup.textOf('[data-testid="copy-status"]')).toMatch(/^Copied A\d+ as a citation\.$/);
        await popup.close();
        await page.close();
      });

      it('turns Vendor Lens off and on for the site from the popup', async () => {
        const { page, popup } = await openReport(NO_VENDORS);
        await popup.click('[data-testid="site-switch"]');
        await popup.waitForSelector('[data-testid="site-off"]');
        expect(await readStorage(browser, 'settings')).toMatchObject({ disabledSites: ['127.0.0.1'] });
        await popup.click('[data-testid="site-switch"]');
        await popup.waitForSelector('[data-testid="no-mentions"]');
        expect(await readStorage(browser, 'settings')).toMatchObject({ disabledSites: [] });
        await popup.close();
        await page.close();
      });

      it('still offers the dataset browser where the content script cannot run', async () => {
        const popup = await browser.openExtensionPage(popupPathForTab(999_999));
        await popup.waitForSelector('[data-testid="browse"]');
        expect(await popup.evaluate(() => document.querySelector('[data-testid="open-in-tab"]'))).toBeNull();
        await popup.close();
      });
    });
  }
}
