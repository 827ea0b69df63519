import type { Plugin } from 'vite';

/**
 * In the content script's two bundles (the boot that every http(s) page evaluates, and the engine it imports on
 * pages that may name a vendor), `wxt/browser` resolves to WXT's native namespace (`@wxt-dev/browser`:
 * `globalThis.browser` in Firefox, `globalThis.chrome` in Chrome) instead of webextension-polyfill.
 *
 * Why: the polyfill's evaluation (its API metadata and Proxy wrappers, plus the CommonJS interop) cost about
 * 1.5 ms per page in Chromium 156 (`npm run bench`, CPU profile of the boot), most of the 2 ms budget for the
 * content script's evaluation. These bundles only use APIs that are promise-based natively in MV3 in both
 * browsers (`runtime.id`, `runtime.getURL`, `storage.local`, `storage.onChanged`, `i18n.getMessage`; messaging
 * goes through @webext-core/messaging, which calls the native API itself). The background, popup, options and
 * offscreen pages keep the polyfill.
 */
export function nativeBrowserIn(entries: readonly string[]): Plugin {
  let active = false;
  return {
    name: 'vendor-lens:native-browser',
    enforce: 'pre',
    options(options) {
      const input = options.input;
      const list =
        typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      active = list.some((file) => entries.some((entry) => file.replace(/\\/g, '/').endsWith(entry)));
      return null;
    },
    async resolveId(source, importer, options) {
      if (!active) return null;
      // `wxt/browser` as written, or as WXT's polyfill module already aliased it.
      if (source !== 'wxt/browser' && source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}
