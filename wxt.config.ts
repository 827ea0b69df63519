import { defineConfig } from 'wxt';
import { cssAtDocumentStart } from './scripts/manifest-css-at-start';
import { nativeBrowserIn } from './scripts/vite-native-browser';
import { noHtmlSinks } from './scripts/vite-no-html-sinks';
import type { Vendor } from './utils/dataset/types';
import { gateSources, lexiconData } from './utils/engine/lexicon';
import vendorsJson from './data/vendors.json';

/** Fixed Firefox add-on id: needed for the store, for `storage` across installs, and to pin the e2e UUID. */
export const GECKO_ID = 'vendor-lens@vendorlens.org';

/** The extension pages' CSP in built packages (see PRIVACY.md). */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  manifestVersion: 3,
  // Explicit imports everywhere: every module says where its names come from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The highlight stylesheet is added before the page's DOM exists, not at `document_idle` (a full restyle of
    // the page in Firefox): see scripts/manifest-css-at-start.ts.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts) manifest.content_scripts = cssAtDocumentStart(manifest.content_scripts);
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [noHtmlSinks(), nativeBrowserIn(['entrypoints/content/index.ts', 'entrypoints/engine.ts'])],
    // The gate's RegExp sources, computed once here so the content script need not build the lexicon.
    build: {
      rolldownOptions: {
        treeshake: {
          // Their module bodies only build objects (the polyfill's wrapper, WXT storage's drivers): a bundle
          // that uses neither (the content script's engine) should not carry or run them. Everything else keeps
          // the bundler's defaults.
          moduleSideEffects: [
            { test: /[\\/]node_modules[\\/]webextension-polyfill[\\/]/, sideEffects: false },
            { test: /[\\/]node_modules[\\/]@wxt-dev[\\/]storage[\\/]/, sideEffects: false },
          ],
        },
      },
    },
    define: (() => {
      // The engine's lexicon (normalised aliases, anchors, the exact pattern's source), so a page that wakes
      // the engine does not derive it again; the gate's sources come from the same anchors.
      const lexicon = lexiconData(vendorsJson as readonly Vendor[]);
      const { prefilter, anchored, wordStart, exotic, tolerant, plain } = gateSources(lexicon.anchors);
      return {
        // As JSON text that the engine parses (`defaultLexicon`): a 20 KB object literal cost 1.23 ms to compile
        // and build against 0.72 ms for the same data through `JSON.parse` (Node, cold contexts, medians of 40).
        __VENDOR_LENS_LEXICON_JSON__: JSON.stringify(JSON.stringify(lexicon)),
        __VENDOR_LENS_GATE__: JSON.stringify({ prefilter, anchored, wordStart, exotic, tolerant, plain }),
        // The boot's whole-text test needs no `tolerant` (3 KB of pattern every page would parse).
        __VENDOR_LENS_WHOLE_TEXT_GATE__: JSON.stringify({ prefilter, anchored, wordStart, exotic }),
      };
    })(),
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (site list, muted aliases). The content script is declared statically for http(s)
    // pages and reads the page it runs on; the popup talks to the tab by messaging.
    // offscreen (Chrome only): a DOM outside the tab, to run Readability off the page's main thread.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'offscreen'],
    action: { default_title: '__MSG_extName__' },
    // The content script's engine, loaded with `import()` by the boot on pages that may mention a vendor. Chrome
    // serves it under a per-session URL so that pages cannot probe for the extension with a fixed one.
    web_accessible_resources: [
      {
        resources: ['engine.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Extension pages (popup, options, background, offscreen document) load only the package's own scripts,
    // styles and images, and can open no connection at all: no fetch, beacon, WebSocket or form post can leave
    // them. `wxt dev` (command "serve") keeps the default, which its reload connection needs.
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    commands: {
      // Keyboard path to the mentions: scrolls to the next one and opens its card (focus moves into the card).
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandNextMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
