/**
 * Chrome's offscreen document: the one place a MV3 Chrome extension has a DOM without a tab. It answers only
 * the background's `offscreenExtract` (our extension id, not a tab: content scripts go through the background,
 * which validates them).
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import { isExtractRequest } from './protocol';
import { extractFromHtml } from './remote';

export function registerOffscreen(): void {
  const ownId = browser.runtime.id;
  onMessage('offscreenExtract', (message) => {
    if (message.sender.id !== ownId || message.sender.tab !== undefined) {
      throw new Error('offscreenExtract: only from the background');
    }
    if (!isExtractRequest(message.data)) throw new Error('offscreenExtract: bad request');
    return extractFromHtml(message.data, new DOMParser());
  });
}
