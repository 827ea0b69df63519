import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishEngine } from '@/utils/content/engine-api';
import { startEngine } from '@/utils/content/engine';
// The hover card's CSS, as text for its shadow root.
import cardCss from './content/card.css?inline';
// The ::highlight() rules again, as text for the open shadow roots that hold mentions.
import highlightCss from './content/highlights.css?inline';

/**
 * The content script's engine, loaded by the boot with `import()` when a page may mention a vendor (see
 * utils/content/engine-api.ts). It runs in the content script's world and only hands `startEngine` over.
 */
export default defineUnlistedScript(() => {
  publishEngine(globalThis, (ctx, doc, win, init) =>
    startEngine(ctx, doc, win, init, { cardCss, highlightCss }),
  );
});
