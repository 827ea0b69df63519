/**
 * The content scripts' view of the stored settings. A content script never touches the extension's storage: it
 * asks the background for its own site's settings (`getSiteSettings`), mutes an alias through it
 * (`muteAliasOnSite`), and hears from it when the settings change (`settingsChanged`, a doorbell to every tab:
 * the tabs whose page uses the settings ask again). The site is always the sender's URL as the browser reports
 * it, never one the page could name.
 */
import type { Settings } from '../settings';
import { settingsForSite, siteKey, withAliasMuted } from '../settings';
import type { SenderLike } from '../messaging';

/** The settings site key of a content script's sender ('' when the browser gave no URL: no site setting applies). */
export function senderSite(sender: SenderLike): string {
  return typeof sender.url === 'string' ? siteKey(sender.url) : '';
}

/** What `getSiteSettings` answers a content script on `sender`'s page. */
export function siteSettingsFor(settings: Settings, sender: SenderLike): Settings {
  return settingsForSite(settings, senderSite(sender));
}

/** The settings after `sender`'s page muted `alias` on its site, or null when the sender has no site. */
export function withAliasMutedBy(settings: Settings, sender: SenderLike, alias: string): Settings | null {
  const site = senderSite(sender);
  return site === '' ? null : withAliasMuted(settings, site, alias);
}

/**
 * Rings every tab's content script with `ring(tabId)` (a message that may find no listener: such failures are
 * dropped). Resolves when every ring has been answered or failed.
 */
export async function ringTabs(
  tabIds: readonly (number | undefined)[],
  ring: (tabId: number) => Promise<unknown>,
): Promise<void> {
  await Promise.all(tabIds.map((id) => (id === undefined ? undefined : ring(id).catch(() => undefined))));
}
