import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentBoot } from '@/utils/content/boot-wiring';
// ::highlight() rules, injected by the browser as the content script's stylesheet (no DOM change).
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void startContentBoot(ctx, document, window);
  },
});
