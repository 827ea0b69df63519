import type { E2EBrowser } from './types';

/** The toolbar badge text of a tab, read through the extension's own `action` API. */
export function badge(browser: E2EBrowser, tabId: number): Promise<string> {
  return browser.inExtension(
    (id: number) =>
      ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).action.getBadgeText({
        tabId: id,
      }),
    tabId,
  );
}

/** Polls the badge until it reads `text`; fails with the last value seen. */
export async function waitForBadge(browser: E2EBrowser, tabId: number, text: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await badge(browser, tabId);
    if (last === text) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`badge stayed ${JSON.stringify(last)}, expected ${JSON.stringify(text)}`);
}
