/**
 * The content script's controller: owns the page state (report, settings) and answers the popup.
 * `entrypoints/content` only calls `startContentScript`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { isFromOwnExtensionPage, onMessage, sendMessage } from '../messaging';
import type { PageReport } from '../messaging';
import { isSiteEnabled, loadSettings, siteKey, watchSettings } from '../settings';
import type { Settings } from '../settings';
import { basicPageFacts, buildPageReport } from './page-report';

export interface ContentController {
  report(): PageReport;
  destroy(): void;
}

export async function startContentScript(
  ctx: ContentScriptContext,
  doc: Document,
  win: Window,
): Promise<ContentController> {
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('/');
  let settings: Settings = await loadSettings();
  const site = siteKey(win.location.href);

  const report = (): PageReport =>
    buildPageReport(win.location.href, basicPageFacts(doc), [], {
      enabled: isSiteEnabled(settings, site),
      truncated: false,
    });

  const removeReportListener = onMessage('getPageReport', (message) => {
    if (!isFromOwnExtensionPage(message.sender, ownId, ownOrigin)) {
      throw new Error('getPageReport: not from an extension page');
    }
    return report();
  });

  const publishBadge = () => {
    const count = report().enabled ? report().mentions.length : 0;
    sendMessage('updateBadge', { count }).catch(() => {
      // The background may be restarting; the next change sends the count again.
    });
  };

  const unwatch = watchSettings((next) => {
    settings = next;
    publishBadge();
  });
  publishBadge();

  const controller: ContentController = {
    report,
    destroy() {
      removeReportListener();
      unwatch();
    },
  };
  ctx.onInvalidated(() => controller.destroy());
  return controller;
}
