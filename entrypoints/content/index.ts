import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/utils/content/controller';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startContentScript(ctx, document, window);
  },
});
