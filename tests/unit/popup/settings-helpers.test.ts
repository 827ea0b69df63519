import { describe, expect, it } from 'vitest';
import {
  activeSnoozes,
  defaultSettings,
  isSiteEnabled,
  siteKeyFromInput,
  snoozeEndFromDateInput,
  withSiteSnoozed,
  withSnoozeCleared,
  withoutExpiredSnoozes,
} from '@/utils/settings';

describe('snoozes', () => {
  const now = new Date('2026-04-01T12:00:00Z');
  const s = {
    ...defaultSettings(),
    snoozedSites: {
      'late.org': '2026-06-01T00:00:00.000Z',
      'old.org': '2026-03-01T00:00:00.000Z',
      'soon.org': '2026-04-02T00:00:00.000Z',
    },
  };

  it('lists active snoozes, soonest end first', () => {
    expect(activeSnoozes(s, now).map((x) => x.site)).toEqual(['soon.org', 'late.org']);
  });

  it('drops expired snoozes and clears one', () => {
    expect(Object.keys(withoutExpiredSnoozes(s, now).snoozedSites)).toEqual(['soon.org', 'late.org']);
    expect(withSnoozeCleared(s, 'soon.org').snoozedSites).not.toHaveProperty('soon.org');
    expect(isSiteEnabled(withSnoozeCleared(s, 'soon.org'), 'soon.org', now)).toBe(true);
  });

  it('turns a date input into the start of that day, local time', () => {
    const iso = snoozeEndFromDateInput('2026-05-03');
    expect(iso).not.toBeNull();
    const d = new Date(iso as string);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2026, 4, 3, 0, 0,
    ]);
    const snoozed = withSiteSnoozed(defaultSettings(), 'a.org', iso as string);
    expect(isSiteEnabled(snoozed, 'a.org', new Date(2026, 4, 2, 23, 59))).toBe(false);
    expect(isSiteEnabled(snoozed, 'a.org', new Date(2026, 4, 3, 0, 1))).toBe(true);
  });

  it.each(['', '2026-02-30', '2026-13-01', '03/05/2026', '2026-5-3'])('rejects the date %j', (v) =>
    expect(snoozeEndFromDateInput(v)).toBeNull(),
  );
});

describe('siteKeyFromInput', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  WWW.Example.org ', 'example.org'],
    ['https://www.example.org/path?q=1', 'example.org'],
    ['news.example.co.uk/section', 'news.example.co.uk'],
    ['example.org:8080', 'example.org'],
    ['', null],
    ['bad site', null],
    ['javascript:alert(1)', null],
  ])('%j -> %j', (input, key) => expect(siteKeyFromInput(input)).toBe(key));
});
