import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  isSiteEnabled,
  loadSettings,
  sanitizeSettings,
  saveSettings,
  siteKey,
  withSiteEnabled,
} from '@/utils/settings';

describe('sanitizeSettings', () => {
  it('returns defaults for anything that is not an object', () => {
    for (const raw of [null, undefined, 42, 'x', [], true])
      expect(sanitizeSettings(raw)).toEqual(defaultSettings());
  });

  it('keeps the readable parts of a corrupted value', () => {
    const raw = {
      disabledSites: ['Example.org', 42, '', 'news.example.com', 'bad site', 'www.example.org', null],
      snoozedSites: { 'a.org': '2099-01-01T00:00:00Z', 'b.org': 'not a date', '': '2099-01-01' },
      mutedVendors: ['dahua', 'acme', 7],
      mutedAliases: [
        { site: 'a.org', alias: 'Dahua' },
        { site: 3, alias: 'x' },
        'junk',
        { site: '*', alias: 'Imou' },
      ],
      highlightStyle: 'blink',
      fuzzy: 'yes',
    };
    expect(sanitizeSettings(raw)).toEqual({
      disabledSites: ['example.org', 'news.example.com'],
      snoozedSites: { 'a.org': '2099-01-01T00:00:00Z' },
      mutedVendors: ['dahua'],
      mutedAliases: [
        { site: 'a.org', alias: 'Dahua' },
        { site: '*', alias: 'Imou' },
      ],
      highlightStyle: 'underline',
      fuzzy: true,
    });
  });

  it('keeps a valid value as it is', () => {
    const valid = { ...defaultSettings(), disabledSites: ['a.org'], highlightStyle: 'wavy', fuzzy: false };
    expect(sanitizeSettings(valid)).toEqual(valid);
  });
});

describe('site keys and switches', () => {
  it.each([
    ['https://www.Example.org/path?q=1', 'example.org'],
    ['http://news.example.co.uk/', 'news.example.co.uk'],
    ['http://127.0.0.1:5175/x.html', '127.0.0.1'],
    ['not a url', ''],
  ])('siteKey(%s) = %s', (url, key) => expect(siteKey(url)).toBe(key));

  it('turns a site off and on, clearing its snooze', () => {
    const base = { ...defaultSettings(), snoozedSites: { 'a.org': '2099-01-01T00:00:00Z' } };
    const off = withSiteEnabled(base, 'b.org', false);
    expect(isSiteEnabled(off, 'b.org')).toBe(false);
    expect(isSiteEnabled(off, 'a.org')).toBe(false); // still snoozed
    const on = withSiteEnabled(withSiteEnabled(off, 'a.org', true), 'b.org', true);
    expect(isSiteEnabled(on, 'a.org')).toBe(true);
    expect(isSiteEnabled(on, 'b.org')).toBe(true);
  });

  it('ends a snooze at its date', () => {
    const s = { ...defaultSettings(), snoozedSites: { 'a.org': '2026-01-02T00:00:00Z' } };
    expect(isSiteEnabled(s, 'a.org', new Date('2026-01-01T00:00:00Z'))).toBe(false);
    expect(isSiteEnabled(s, 'a.org', new Date('2026-01-03T00:00:00Z'))).toBe(true);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('round-trips through storage.local', async () => {
    const s = withSiteEnabled(defaultSettings(), 'example.org', false);
    await saveSettings(s);
    expect(await loadSettings()).toEqual(s);
  });

  it('recovers the site list from a corrupted stored value', async () => {
    await fakeBrowser.storage.local.set({
      settings: { disabledSites: ['example.org', { evil: true }], fuzzy: 3 },
    });
    const loaded = await loadSettings();
    expect(loaded.disabledSites).toEqual(['example.org']);
    expect(loaded.fuzzy).toBe(true);
  });
});
