/**
 * Connects the boot (`boot.ts`) to the extension: the settings (through the background: the content script
 * never touches the extension's storage, see `utils/background/settings-sync.ts`), the typed messages, the
 * build-time gate and the engine module. Kept apart from `boot.ts` so that the boot's logic is tested with fakes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { isFromOwnExtensionPage, onMessage, sendMessage, wantsFreshSettings } from '../messaging';
import { defaultSettings, sanitizeSettings } from '../settings';
import type { Settings } from '../settings';
import { buildTimeWholeTextGate } from './build-gate';
import { startBoot } from './boot';
import type { Boot } from './boot';
import { loadEngine } from './engine-api';
import { importEngine } from './import-engine';

/** The engine module's path in the build (`entrypoints/engine.ts`), a web-accessible resource. */
export const ENGINE_PATH = '/engine.js';

/**
 * This site's settings from the background, sanitized like every stored value (a reply is untrusted too); the
 * defaults when the background cannot answer, as a failed storage read gave before.
 */
function readSiteSettings(): Promise<Settings> {
  return sendMessage('getSiteSettings', undefined).then(sanitizeSettings, () => defaultSettings());
}

export function startContentBoot(ctx: ContentScriptContext, doc: Document, win: Window): Promise<Boot> {
  return startBoot(ctx, doc, win, {
    readSettings: readSiteSettings,
    watchSettings(onChange) {
      // The background rings every tab when the settings change; this page asks for its site's again.
      return onMessage('settingsChanged', (message) => {
        if (message.sender.id !== browser.runtime.id) return;
        void readSiteSettings().then(onChange);
      });
    },
    // The background mutes it on this page's site, which it takes from the sender's URL.
    muteAlias: (_site, alias) => void sendMessage('muteAliasOnSite', { alias }).catch(() => undefined),
    gate: () => {
      const gate = buildTimeWholeTextGate();
      if (gate === undefined) throw new Error('Vendor Lens: the build did not define the gate');
      return gate;
    },
    loadEngine: () => loadEngine(globalThis, browser.runtime.getURL(ENGINE_PATH), () => importEngine()),
    messages: {
      updateBadge: (count) => sendMessage('updateBadge', { count }),
      extractArticle: (request) => sendMessage('extractArticle', request),
      getVendorCard: (vendor) => sendMessage('getVendorCard', { vendor }),
      openReport: () => sendMessage('openReport', undefined),
    },
    listen(handlers) {
      const ownId = browser.runtime.id;
      const ownOrigin = browser.runtime.getURL('/');
      const removeReport = onMessage('getPageReport', (message) => {
        if (!isFromOwnExtensionPage(message.sender, ownId, ownOrigin)) {
          throw new Error('getPageReport: not from an extension page');
        }
        return handlers.report(wantsFreshSettings(message.data));
      });
      const removeNext = onMessage('focusNextMention', (message) => {
        if (message.sender.id !== ownId) return false;
        return handlers.focusNext();
      });
      return () => {
        removeReport();
        removeNext();
      };
    },
    onError: (error) => console.warn('Vendor Lens: the engine did not load', error),
  });
}
