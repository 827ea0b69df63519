/**
 * Control for the harnesses' error capture, which the hostile suite relies on (`extensionErrors()` must be empty
 * on every page): a probe extension (`tests/fixtures/e2e/error-probe`, installed in Firefox under Vendor Lens's
 * gecko id, so the harness treats it as the extension) throws, rejects a promise, rejects from an async function
 * and calls `console.error` in its content script, which runs in its own world (Chromium's isolated world,
 * Firefox's sandbox). All four must reach `extensionErrors()`, and nothing from the page's own script may.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, startFixtureServer } from './harness';
import type { BrowserName, E2EBrowser, FixtureServer } from './harness';
import { REPO_ROOT } from './harness/paths';

const PROBE = resolve(REPO_ROOT, 'tests/fixtures/e2e/error-probe');
const WANTED = [
  'vl-error-probe: thrown',
  'vl-error-probe: rejected',
  'vl-error-probe: async rejected',
  'vl-error-probe: logged',
];

export function errorCaptureSuite(name: BrowserName): void {
  describe(`error capture: ${name}`, () => {
    let browser: E2EBrowser;
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startFixtureServer();
      browser =
        name === 'chromium'
          ? await launchChromium({ extensionDir: PROBE })
          : await launchFirefox({ extensionDir: PROBE });
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("sees a content script's throw, both kinds of unhandled rejection and its console.error, and not the page's own error", async () => {
      const url = server.add(
        '/error-probe/page.html',
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body>' +
          '<p>Probe page</p><script>setTimeout(() => { throw new Error("page-own-error"); }, 120);' +
          'setTimeout(() => { console.error("page-own-log"); }, 160);</script>' +
          '</body></html>',
      );
      const { page } = await browser.openTab(url);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const seen = page.extensionErrors().join('\n');
        if (WANTED.every((w) => seen.includes(w))) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Long enough for the page's own error and log (120 and 160 ms after its load) to have been reported.
      await new Promise((r) => setTimeout(r, 300));
      const errors = page.extensionErrors();
      for (const w of WANTED)
        expect(
          errors.some((e) => e.includes(w)),
          w,
        ).toBe(true);
      expect(errors.some((e) => e.includes('page-own-error') || e.includes('page-own-log'))).toBe(false);
      await page.close();
    });
  });
}
