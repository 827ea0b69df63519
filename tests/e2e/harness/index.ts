export { launchChromium } from './chromium';
export { launchFirefox, FIREFOX_UUID } from './firefox';
export { startFixtureServer } from './server';
export { BROWSER_SERVICES, withoutBrowserServices } from './proxy';
export { badge, waitForBadge } from './badge';
export { CHROMIUM_ARGS } from './chromium';
export type { FixtureServer } from './server';
export type { BrowserName, E2EBrowser, E2EPage } from './types';
export { CORPUS_DIR, SCREENSHOT_DIR } from './paths';

import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { FirefoxOptions } from './firefox';
import type { BrowserName, E2EBrowser } from './types';

export function launch(name: BrowserName, options: FirefoxOptions = {}): Promise<E2EBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox(options);
}

/** The popup's report for a tab, as a full page (`popup.html?tab=<id>`). */
export function popupPathForTab(tabId: number): string {
  return `popup.html?tab=${tabId}`;
}
