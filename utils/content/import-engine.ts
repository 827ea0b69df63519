/**
 * The one dynamic `import()` of the content script: the engine module, from the extension's own package.
 *
 * Written as `chrome.runtime.getURL` with a literal path (Firefox has the `chrome` namespace too) so that
 * Mozilla's addons-linter can see that the URL comes from the extension: it accepts exactly
 * `browser.runtime.getURL(...)` / `chrome.runtime.getURL(...)` as the argument (mozilla/addons-linter#4739).
 * `browser` would not do: the bundle's own `browser` binding (wxt/browser) gets renamed by the minifier.
 */
export function importEngine(): Promise<unknown> {
  return import(/* @vite-ignore */ chrome.runtime.getURL('/engine.js'));
}
