/**
 * Background wiring: message handlers, the badge and the keyboard command. `entrypoints/background.ts` only
 * calls `registerBackground`.
 */
import { browser } from 'wxt/browser';
import { getDataset } from '../dataset';
import {
  isBadgeUpdate,
  isCardRequest,
  isFromOwnContentScript,
  isMuteAliasRequest,
  onMessage,
  sendMessage,
} from '../messaging';
import { isExtractRequest } from '../extract/protocol';
import { loadSettings, saveSettings, settingsItem, watchSettings } from '../settings';
import { badgeText } from './badge';
import { cardData } from './card';
import { extractInBackground } from './extraction';
import { ringTabs, siteSettingsFor, withAliasMutedBy } from './settings-sync';

/** The manifest command that moves to the next mention. */
export const NEXT_MENTION_COMMAND = 'next-mention';

export function registerBackground(): void {
  const ownId = browser.runtime.id;
  // Defining the settings item runs its migrations once per start, so the content script can read plainly.
  void settingsItem()
    .getValue()
    .catch(() => undefined);

  // The content scripts read the settings through here (see settings-sync.ts).
  onMessage('getSiteSettings', async (message) => {
    if (!isFromOwnContentScript(message.sender, ownId))
      throw new Error('getSiteSettings: not from our content script');
    return siteSettingsFor(await loadSettings(), message.sender);
  });

  onMessage('muteAliasOnSite', async (message) => {
    if (!isFromOwnContentScript(message.sender, ownId) || !isMuteAliasRequest(message.data)) return;
    const next = withAliasMutedBy(await loadSettings(), message.sender, message.data.alias);
    if (next !== null) await saveSettings(next);
  });

  watchSettings(() => {
    void browser.tabs
      .query({})
      .then((tabs) =>
        ringTabs(
          tabs.map((tab) => tab.id),
          (tabId) => sendMessage('settingsChanged', undefined, tabId),
        ),
      )
      .catch(() => undefined);
  });

  onMessage('updateBadge', async (message) => {
    const tabId = message.sender.tab?.id;
    if (!isFromOwnContentScript(message.sender, ownId) || tabId === undefined) return;
    if (!isBadgeUpdate(message.data)) return;
    await browser.action.setBadgeText({ tabId, text: badgeText(message.data.count) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2d4d8f' });
  });

  onMessage('getVendorCard', (message) => {
    if (!isFromOwnContentScript(message.sender, ownId))
      throw new Error('getVendorCard: not from our content script');
    if (!isCardRequest(message.data)) throw new Error('getVendorCard: bad request');
    return cardData(getDataset(), message.data.vendor);
  });

  onMessage('extractArticle', (message) => {
    if (!isFromOwnContentScript(message.sender, ownId))
      throw new Error('extractArticle: not from our content script');
    if (!isExtractRequest(message.data)) throw new Error('extractArticle: bad request');
    return extractInBackground(message.data);
  });

  onMessage('openReport', async (message) => {
    const tabId = message.sender.tab?.id;
    if (!isFromOwnContentScript(message.sender, ownId) || tabId === undefined) return;
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`), index: undefined });
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const send = (tabId: number) => sendMessage('focusNextMention', undefined, tabId).catch(() => false);
    if (tab?.id !== undefined) void send(tab.id);
    else {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
        if (active?.id !== undefined) void send(active.id);
      });
    }
  });
}
