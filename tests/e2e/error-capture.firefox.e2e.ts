/**
 * Control for the Firefox harness's error capture, which the hostile suite relies on (`extensionErrors()` must be
 * empty on every page): a probe extension (`tests/fixtures/e2e/error-probe`, installed under Vendor Lens's gecko
 * id, so the harness treats it as the extension) throws, rejects a promise and rejects from an async function in
 * its content script. All three must reach `extensionErrors()`, and nothing from the page's own script may.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, startFixtureServer } from './harness';
import type { E2EBrowser, FixtureServer } from './harness';
import { REPO_ROOT } from './harness/paths';

const PROBE = resolve(REPO_ROOT, 'tests/fixtures/e2e/error-probe');

describe('error capture: firefox', () => {
  let browser: E2EBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchFirefox({ extensionDir: PROBE });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("sees a content script's throw and both kinds of unhandled rejection, and not the page's own error", async () => {
    const url = server.add(
      '/error-probe/page.html',
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body>' +
        '<p>Probe page</p><script>setTimeout(() => { throw new Error("page-own-error"); }, 120);</script>' +
        '</body></html>',
    );
    const { page } = await browser.openTab(url);
    const wanted = ['vl-error-probe: thrown', 'vl-error-probe: rejected', 'vl-error-probe: async rejected'];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const seen = page.extensionErrors().join('\n');
      if (wanted.every((w) => seen.includes(w))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const errors = page.extensionErrors();
    for (const w of wanted)
      expect(
        errors.some((e) => e.includes(w)),
        w,
      ).toBe(true);
    expect(errors.some((e) => e.includes('page-own-error'))).toBe(false);
    await page.close();
  });
});
