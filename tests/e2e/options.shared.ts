/**
 * The options page, written once and run in each browser, light and dark: every setting saves to storage at
 * once, a change made elsewhere shows without a reload, axe-core finds no WCAG 2.2 AA violation, and screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './harness';
import type { BrowserName, E2EBrowser, E2EPage } from './harness';
import { attrsOf, describeViolations, readStorage, runAxe, setValue, writeStorage } from './popup.helpers';

type Scheme = 'light' | 'dark';

async function expectNoAxeViolations(page: E2EPage, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `axe on ${where}:\n${describeViolations(violations)}`).toEqual([]);
}

function settings(browser: E2EBrowser): Promise<Record<string, unknown>> {
  return readStorage(browser, 'settings').then((v) => (v ?? {}) as Record<string, unknown>);
}

/** Polls storage until `check` passes (saving is asynchronous). */
async function eventually(
  browser: E2EBrowser,
  check: (s: Record<string, unknown>) => boolean,
): Promise<void> {
  const end = Date.now() + 5_000;
  for (;;) {
    const s = await settings(browser);
    if (check(s)) return;
    if (Date.now() > end) throw new Error(`settings never matched: ${JSON.stringify(s)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export function optionsSuite(name: BrowserName): void {
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    describe(`options: ${name}, ${scheme}`, () => {
      let browser: E2EBrowser;

      beforeAll(async () => {
        browser = await launch(name, { colorScheme: scheme });
      });

      afterAll(async () => {
        await browser?.close();
      });

      it('renders every setting with no axe violations', async () => {
        await writeStorage(browser, 'settings', {
          disabledSites: ['example.org'],
          snoozedSites: { 'news.example.com': new Date(Date.now() + 5 * 86_400_000).toISOString() },
          mutedVendors: ['hytera'],
          mutedAliases: [
            { site: 'a.org', alias: 'Dahua' },
            { site: '*', alias: 'Imou' },
          ],
          highlightStyle: 'background',
          fuzzy: true,
        });
        const page = await browser.openExtensionPage('options.html');
        await page.colorScheme(scheme);
        await page.setViewport(1280, 800);
        expect(await page.textOf('h1')).toBe('Vendor Lens settings');
        expect(
          await page.evaluate(
            () => (document.querySelector('[data-testid="style-background"]') as HTMLInputElement).checked,
          ),
        ).toBe(true);
        expect(
          await page.evaluate(
            () => (document.querySelector('[data-testid="vendor-hytera"]') as HTMLInputElement).checked,
          ),
        ).toBe(false);
        expect(await attrsOf(page, '[data-testid="snoozed-sites"] li', 'data-site')).toEqual([
          'news.example.com',
        ]);
        expect(await attrsOf(page, '[data-testid="muted-aliases"] li', 'data-alias')).toEqual([
          'Dahua',
          'Imou',
        ]);
        await page.screenshot(`options-${scheme}`);
        await expectNoAxeViolations(page, `the options page (${scheme})`);
        await page.close();
      });

      if (scheme !== 'light') return;

      it('falls back to defaults for corrupted settings and keeps the readable sites', async () => {
        // What a broken write, an old version or another tool could leave in storage.
        await writeStorage(browser, 'settings', {
          disabledSites: ['WWW.Good.org', 42, '<img src=x onerror=alert(1)>', null, 'also.example', {}],
          snoozedSites: 'tomorrow',
          mutedVendors: ['dahua', 'acme', 7],
          mutedAliases: [{ site: 'a.org' }, 'Imou', { site: '*', alias: 'HiLook' }],
          highlightStyle: 'neon',
          fuzzy: 'yes',
          version: 99,
        });
        const page = await browser.openExtensionPage('options.html');
        expect(await attrsOf(page, '[data-testid="disabled-sites"] li', 'data-site')).toEqual([
          'good.org',
          'also.example',
        ]);
        expect(await attrsOf(page, '[data-testid="muted-aliases"] li', 'data-alias')).toEqual(['HiLook']);
        expect(await attrsOf(page, '[data-testid="snoozed-sites"] li', 'data-site')).toEqual([]);
        const checked = await page.evaluate(() => ({
          underline: (document.querySelector('[data-testid="style-underline"]') as HTMLInputElement).checked,
          fuzzy: (document.querySelector('[data-testid="fuzzy"]') as HTMLInputElement).checked,
          dahua: (document.querySelector('[data-testid="vendor-dahua"]') as HTMLInputElement).checked,
        }));
        // Defaults where the value was unreadable; Dahua muted as stored (its box shows "highlighted" off).
        expect(checked).toEqual({ underline: true, fuzzy: true, dahua: false });
        // The first change writes a clean object with everything readable kept.
        await page.click('[data-testid="style-wavy"]');
        await eventually(browser, (s) => s.highlightStyle === 'wavy');
        expect(await settings(browser)).toMatchObject({
          disabledSites: ['good.org', 'also.example'],
          snoozedSites: {},
          mutedVendors: ['dahua'],
          mutedAliases: [{ site: '*', alias: 'HiLook' }],
          fuzzy: true,
        });
        await page.close();
      });

      it('saves each change at once and follows changes made elsewhere', async () => {
        await writeStorage(browser, 'settings', null);
        const page = await browser.openExtensionPage('options.html');

        await page.click('[data-testid="style-wavy"]');
        await eventually(browser, (s) => s.highlightStyle === 'wavy');
        await page.click('[data-testid="fuzzy"]');
        await eventually(browser, (s) => s.fuzzy === false);
        await page.click('[data-testid="vendor-dahua"]');
        await eventually(browser, (s) => JSON.stringify(s.mutedVendors) === '["dahua"]');
        expect(await page.textOf('[data-testid="options-status"]')).toBe('Saved.');

        await setValue(page, '#new-site', 'https://www.Example.org/x');
        await page.click('[data-testid="add-site"] button[type="submit"]');
        await eventually(browser, (s) => JSON.stringify(s.disabledSites) === '["example.org"]');

        const day = await page.evaluate(() => {
          const d = new Date();
          d.setDate(d.getDate() + 3);
          return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        });
        await setValue(page, '#snooze-site', 'news.example.com');
        await setValue(page, '#snooze-until', day);
        await page.click('[data-testid="add-snooze"] button[type="submit"]');
        await eventually(
          browser,
          (s) => typeof (s.snoozedSites as Record<string, string>)?.['news.example.com'] === 'string',
        );
        await page.waitForSelector('[data-testid="snoozed-sites"] li[data-site="news.example.com"]');

        // The hover card mutes an alias in another context: the list updates without a reload.
        await writeStorage(browser, 'settings', {
          ...(await settings(browser)),
          mutedAliases: [{ site: 'b.org', alias: 'HiLook' }],
        });
        await page.waitForSelector('[data-testid="muted-aliases"] li[data-alias="HiLook"]');
        await page.click('[data-testid="muted-aliases"] li[data-alias="HiLook"] button');
        await eventually(browser, (s) => Array.isArray(s.mutedAliases) && s.mutedAliases.length === 0);
        // Nothing else was lost on the way.
        const final = await settings(browser);
        expect(final).toMatchObject({
          highlightStyle: 'wavy',
          fuzzy: false,
          mutedVendors: ['dahua'],
          disabledSites: ['example.org'],
        });
        await page.close();
      });
    });
  }
}
