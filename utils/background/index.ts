/**
 * Background wiring: message handlers and the badge. `entrypoints/background.ts` only calls this.
 */
import { browser } from 'wxt/browser';
import { isBadgeUpdate, isFromOwnContentScript, onMessage } from '../messaging';
import { badgeText } from './badge';

export function registerBackground(): void {
  const ownId = browser.runtime.id;

  onMessage('updateBadge', async (message) => {
    const tabId = message.sender.tab?.id;
    if (!isFromOwnContentScript(message.sender, ownId) || tabId === undefined) return;
    if (!isBadgeUpdate(message.data)) return;
    await browser.action.setBadgeText({ tabId, text: badgeText(message.data.count) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
  });
}
