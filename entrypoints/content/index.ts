import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentBoot } from '@/utils/content/boot-wiring';
// ::highlight() rules, injected by the browser as the content script's stylesheet (no DOM change).
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // WXT's extra `window.postMessage` on start-up (kept for old WXT versions) would tell every page the
  // extension is there, reach the page's own message handlers, and cost a structured clone per page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void startContentBoot(ctx, document, window);
  },
});
