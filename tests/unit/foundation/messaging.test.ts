import { describe, expect, it } from 'vitest';
import {
  isBadgeUpdate,
  isFromOwnContentScript,
  isFromOwnExtensionPage,
  isMentionBrief,
  isMuteAliasRequest,
  isPageReport,
  wantsFreshSettings,
} from '@/utils/messaging';
import type { PageReport } from '@/utils/messaging';

const report: PageReport = {
  url: 'https://example.org/a',
  title: 'A',
  siteName: null,
  byline: 'By B',
  publishedTime: null,
  readerable: true,
  enabled: true,
  site: 'example.org',
  mentions: [{ vendor: 'hikvision', text: 'Hikvision', alias: 'Hikvision', match: 'exact', inArticle: true }],
  truncated: false,
  scanning: false,
};

describe('message validation', () => {
  it('accepts a well-formed page report and rejects broken ones', () => {
    expect(isPageReport(report)).toBe(true);
    expect(isPageReport({ ...report, mentions: [{ ...report.mentions[0], vendor: 'acme' }] })).toBe(false);
    expect(isPageReport({ ...report, title: 1 })).toBe(false);
    expect(isPageReport({ ...report, siteName: undefined })).toBe(false);
    expect(isPageReport(null)).toBe(false);
    expect(isPageReport('{"url":"x"}')).toBe(false);
  });

  it('accepts a mute request only with an alias of a plausible length', () => {
    expect(isMuteAliasRequest({ alias: 'Hik Vision' })).toBe(true);
    expect(isMuteAliasRequest({ alias: '' })).toBe(false);
    expect(isMuteAliasRequest({ alias: 'x'.repeat(200) })).toBe(false);
    expect(isMuteAliasRequest({ alias: 3 })).toBe(false);
    expect(isMuteAliasRequest({ alias: 'Dahua', site: 'other.example' })).toBe(true);
    expect(isMuteAliasRequest(null)).toBe(false);
  });

  it('reads fresh settings only when the report request says so', () => {
    expect(wantsFreshSettings({ freshSettings: true })).toBe(true);
    expect(wantsFreshSettings({ freshSettings: 'yes' })).toBe(false);
    expect(wantsFreshSettings(undefined)).toBe(false);
    expect(wantsFreshSettings(null)).toBe(false);
  });

  it('validates mentions', () => {
    expect(
      isMentionBrief({ vendor: 'dahua', text: 'Dahau', alias: 'Dahua', match: 'fuzzy', inArticle: false }),
    ).toBe(true);
    expect(
      isMentionBrief({ vendor: 'dahua', text: 'Dahau', alias: 'Dahua', match: 'regex', inArticle: false }),
    ).toBe(false);
  });

  it.each([
    [{ count: 0 }, true],
    [{ count: 12 }, true],
    [{ count: -1 }, false],
    [{ count: 1.5 }, false],
    [{ count: 1e9 }, false],
    [{ count: '3' }, false],
    [{}, false],
    [null, false],
  ])('isBadgeUpdate(%j) = %s', (value, ok) => expect(isBadgeUpdate(value)).toBe(ok));

  it('checks senders', () => {
    expect(isFromOwnContentScript({ id: 'me', tab: { id: 3 } }, 'me')).toBe(true);
    expect(isFromOwnContentScript({ id: 'other', tab: { id: 3 } }, 'me')).toBe(false);
    expect(isFromOwnContentScript({ id: 'me' }, 'me')).toBe(false);
    const origin = 'chrome-extension://me/';
    expect(isFromOwnExtensionPage({ id: 'me', url: `${origin}popup.html` }, 'me', origin)).toBe(true);
    expect(isFromOwnExtensionPage({ id: 'me', url: 'https://evil.example/' }, 'me', origin)).toBe(false);
    expect(isFromOwnExtensionPage({ id: 'x', url: `${origin}popup.html` }, 'me', origin)).toBe(false);
  });
});
