/**
 * The settings migration story: values stored by older (or newer, or broken) builds load without losing the
 * user's site list. Each test imports a fresh copy of `utils/settings` so that its storage item (and the WXT
 * migration that runs when the item is defined) sees the value the test stored.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as SettingsModuleNs from '@/utils/settings';

type SettingsModule = typeof SettingsModuleNs;

async function freshSettings(): Promise<SettingsModule> {
  vi.resetModules();
  return import('@/utils/settings');
}

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads a value stored without version metadata, keeping the site list', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        disabledSites: ['example.org', 'news.example.com'],
        snoozedSites: 'garbage',
        mutedAliases: null,
        highlightStyle: 'outline',
        fuzzy: false,
      },
    });
    const { loadSettings } = await freshSettings();
    const loaded = await loadSettings();
    expect(loaded.disabledSites).toEqual(['example.org', 'news.example.com']);
    expect(loaded.snoozedSites).toEqual({});
    expect(loaded.mutedAliases).toEqual([]);
    expect(loaded.highlightStyle).toBe('wavy'); // the development builds' "outline" became "wavy"
    expect(loaded.fuzzy).toBe(false);
  });

  it('records the settings version on first save', async () => {
    const { defaultSettings, saveSettings, SETTINGS_VERSION } = await freshSettings();
    await saveSettings({ ...defaultSettings(), disabledSites: ['a.org'] });
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings).toMatchObject({ disabledSites: ['a.org'] });
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('runs a migration to a new version and sanitizes its result', async () => {
    // A hypothetical v1 shape that kept sites under another key, upgraded by a v2 migration.
    await fakeBrowser.storage.local.set({
      settings: { sites: { off: ['a.org', 'Bad Site', 'b.org'] }, fuzzy: false },
      settings$: { v: 1 },
    });
    const { defineSettingsItem, sanitizeSettings } = await freshSettings();
    const item = defineSettingsItem(2, {
      2: (old: unknown) => {
        const o = old as { sites?: { off?: unknown }; fuzzy?: unknown };
        return { disabledSites: o.sites?.off, fuzzy: o.fuzzy };
      },
    });
    const migrated = sanitizeSettings(await item.getValue());
    expect(migrated.disabledSites).toEqual(['a.org', 'b.org']);
    expect(migrated.fuzzy).toBe(false);
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
  });

  it('still reads the site list of a value written by a newer version', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      settings: { disabledSites: ['example.org'], somethingNew: { x: 1 } },
      settings$: { v: 99 },
    });
    const { loadSettings } = await freshSettings();
    expect((await loadSettings()).disabledSites).toEqual(['example.org']);
    expect(error).toHaveBeenCalled(); // WXT refuses the downgrade migration and says so
  });

  it('falls back to the defaults for a value that is not settings at all', async () => {
    await fakeBrowser.storage.local.set({ settings: 'corrupted' });
    const { defaultSettings, loadSettings } = await freshSettings();
    expect(await loadSettings()).toEqual(defaultSettings());
  });
});
