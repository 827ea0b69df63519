import { describe, expect, it } from 'vitest';
import { ringTabs, senderSite, siteSettingsFor, withAliasMutedBy } from '@/utils/background/settings-sync';
import {
  defaultSettings,
  isSiteEnabled,
  settingsForSite,
  withSiteEnabled,
  withSiteSnoozed,
} from '@/utils/settings';
import type { Settings } from '@/utils/settings';

/** Settings with two sites off, a snooze, and muted aliases on several sites. */
function stored(): Settings {
  let s = withSiteEnabled(defaultSettings(), 'news.example', false);
  s = withSiteEnabled(s, 'private.example', false);
  s = withSiteSnoozed(s, 'shop.example', '2999-01-01T00:00:00.000Z');
  return {
    ...s,
    mutedVendors: ['ezviz'],
    mutedAliases: [
      { site: 'news.example', alias: 'Dahua' },
      { site: 'other.example', alias: 'HiLook' },
      { site: '*', alias: 'Imou' },
    ],
    fuzzy: false,
  };
}

describe('settingsForSite', () => {
  it("keeps what applies everywhere and only the site's own entries", () => {
    expect(settingsForSite(stored(), 'news.example')).toEqual({
      ...stored(),
      disabledSites: ['news.example'],
      snoozedSites: {},
      mutedAliases: [
        { site: 'news.example', alias: 'Dahua' },
        { site: '*', alias: 'Imou' },
      ],
    });
    const shop = settingsForSite(stored(), 'shop.example');
    expect(shop.disabledSites).toEqual([]);
    expect(shop.snoozedSites).toEqual({ 'shop.example': '2999-01-01T00:00:00.000Z' });
  });

  it('gives the site the same verdict as the whole settings', () => {
    for (const site of ['news.example', 'private.example', 'shop.example', 'open.example', '']) {
      expect(isSiteEnabled(settingsForSite(stored(), site), site)).toBe(isSiteEnabled(stored(), site));
    }
  });

  it('shares no array or object with the stored settings', () => {
    const s = stored();
    const site = settingsForSite(s, 'news.example');
    site.mutedVendors.push('dahua');
    site.mutedAliases.push({ site: '*', alias: 'x' });
    expect(s.mutedVendors).toEqual(['ezviz']);
    expect(s.mutedAliases).toHaveLength(3);
  });
});

describe('the background side of the settings', () => {
  it("takes the site from the sender's URL, never from the message", () => {
    expect(senderSite({ id: 'x', url: 'https://www.News.example/a?b', tab: { id: 1 } })).toBe('news.example');
    expect(senderSite({ id: 'x', tab: { id: 1 } })).toBe('');
    expect(siteSettingsFor(stored(), { url: 'https://private.example/' }).disabledSites).toEqual([
      'private.example',
    ]);
  });

  it("mutes an alias on the sender's site, and not at all without one", () => {
    const next = withAliasMutedBy(stored(), { url: 'https://other.example/x' }, 'Hytera');
    expect(next?.mutedAliases).toContainEqual({ site: 'other.example', alias: 'Hytera' });
    expect(withAliasMutedBy(stored(), { url: 'not a url' }, 'Hytera')).toBeNull();
  });

  it('rings every tab, and a tab that cannot answer does not stop the others', async () => {
    const rung: number[] = [];
    await ringTabs([1, undefined, 2, 3], async (id) => {
      rung.push(id);
      if (id === 2) throw new Error('no receiving end');
    });
    expect(rung).toEqual([1, 2, 3]);
  });
});
