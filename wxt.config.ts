import { defineConfig } from 'wxt';
import { noHtmlSinks } from './scripts/vite-no-html-sinks';

/** Fixed Firefox add-on id: needed for the store, for `storage` across installs, and to pin the e2e UUID. */
export const GECKO_ID = 'vendor-lens@vendorlens.org';

export default defineConfig({
  manifestVersion: 3,
  // Explicit imports everywhere: every module says where its names come from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [noHtmlSinks()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (site list, muted aliases). Nothing else is needed: the content script is declared
    // statically for http(s) pages and reads the page it runs on; the popup talks to the tab by messaging.
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
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
