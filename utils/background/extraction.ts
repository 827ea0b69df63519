/**
 * Where the background runs extraction: in its own DOM when it has one (Firefox's background page), else in an
 * offscreen document (Chrome's service worker has no DOMParser). The offscreen document is created on first
 * use and closed after a minute without work.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import { extractFromHtml } from '../extract/remote';
import type { ExtractReply, ExtractRequest } from '../extract/protocol';

export const OFFSCREEN_PATH = '/offscreen.html';
const IDLE_CLOSE_MS = 60_000;

interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let creating: Promise<void> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

async function ensureOffscreen(api: OffscreenApi): Promise<void> {
  if (creating) return creating;
  creating = (async () => {
    if (api.hasDocument && (await api.hasDocument())) return;
    try {
      await api.createDocument({
        url: browser.runtime.getURL(OFFSCREEN_PATH),
        reasons: ['DOM_PARSER'],
        justification: 'Parse pages that mention a vendor with Readability, off the page main thread.',
      });
    } catch (error) {
      // Another call won the race: one offscreen document is all Chrome allows, and all we need.
      if (!String(error).includes('single offscreen')) throw error;
    }
  })();
  try {
    await creating;
  } catch (error) {
    creating = null;
    throw error;
  }
}

function scheduleClose(api: OffscreenApi): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    creating = null;
    void api.closeDocument().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

export async function extractInBackground(request: ExtractRequest): Promise<ExtractReply> {
  if (typeof DOMParser === 'function') return extractFromHtml(request, new DOMParser());
  const api = offscreenApi();
  if (!api) throw new Error('No DOM to parse in: neither DOMParser nor chrome.offscreen');
  await ensureOffscreen(api);
  try {
    return await sendMessage('offscreenExtract', request);
  } finally {
    scheduleClose(api);
  }
}
