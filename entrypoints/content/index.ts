import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/utils/content/controller';
// ::highlight() rules, injected by the browser as the content script's stylesheet (no DOM change).
import './highlights.css';
// The hover card's CSS, as text for its shadow root.
import cardCss from './card.css?inline';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void startContentScript(ctx, document, window, { cardCss });
  },
});
