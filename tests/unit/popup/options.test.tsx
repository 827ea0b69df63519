/** The options page rendered in happy-dom over WXT's fake storage. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { defaultSettings, loadSettings, saveSettings } from '@/utils/settings';
import { toDateInputValue } from '@/utils/popup/format';
import { useEnglishMessages } from './i18n-en';

let root: HTMLElement;
const $ = (sel: string) => root.querySelector(sel);
const $$ = (sel: string) => [...root.querySelectorAll(sel)];

const settle = () => new Promise((done) => setTimeout(done, 10));

async function mount(): Promise<void> {
  await act(async () => {
    render(<App />, root);
    await settle();
  });
  await act(async () => {
    await settle();
  });
}

async function click(sel: string): Promise<void> {
  await act(async () => {
    ($(sel) as HTMLElement).click();
    await settle();
  });
}

async function type(sel: string, value: string): Promise<void> {
  await act(() => {
    const el = $(sel) as HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(sel: string): Promise<void> {
  await act(async () => {
    ($(sel) as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('options page', () => {
  it('saves the highlight style, fuzzy matching and vendor mutes at once', async () => {
    await mount();
    expect(($('[data-testid="style-underline"]') as HTMLInputElement).checked).toBe(true);
    await click('[data-testid="style-wavy"]');
    await click('[data-testid="fuzzy"]');
    await click('[data-testid="vendor-dahua"]');
    const s = await loadSettings();
    expect(s.highlightStyle).toBe('wavy');
    expect(s.fuzzy).toBe(false);
    expect(s.mutedVendors).toEqual(['dahua']);
    expect($('[data-testid="options-status"]')?.textContent).toBe('Saved.');
    expect(($('[data-testid="vendor-dahua"]') as HTMLInputElement).checked).toBe(false);
    await click('[data-testid="vendor-dahua"]');
    expect((await loadSettings()).mutedVendors).toEqual([]);
  });

  it('turns a site off from what the user typed, and refuses what is not a site', async () => {
    await mount();
    await type('#new-site', 'not a site');
    await submit('[data-testid="add-site"]');
    expect($('#new-site-error')?.textContent).toBe('Enter a site such as example.org.');
    expect($('#new-site')?.getAttribute('aria-invalid')).toBe('true');
    await type('#new-site', 'https://www.Example.org/page');
    await submit('[data-testid="add-site"]');
    expect((await loadSettings()).disabledSites).toEqual(['example.org']);
    expect($$('[data-testid="disabled-sites"] li')).toHaveLength(1);
    await click('[data-testid="disabled-sites"] button');
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('snoozes a site until a date, lists it, and ends the snooze', async () => {
    await mount();
    const day = new Date();
    day.setDate(day.getDate() + 3);
    await type('#snooze-site', 'news.example.org');
    await type('#snooze-until', toDateInputValue(day));
    await submit('[data-testid="add-snooze"]');
    const until = (await loadSettings()).snoozedSites['news.example.org'];
    expect(until).toBeDefined();
    expect(toDateInputValue(new Date(until!))).toBe(toDateInputValue(day));
    expect($('[data-testid="snoozed-sites"] li')?.textContent).toMatch(/^news\.example\.org: off until /);
    await type('#snooze-site', 'a.org');
    await type('#snooze-until', '2001-01-01');
    await submit('[data-testid="add-snooze"]');
    expect($('#snooze-error')?.textContent).toBe('Choose a date after today.');
    await click('[data-testid="snoozed-sites"] button');
    expect((await loadSettings()).snoozedSites).toEqual({});
  });

  it('lists muted aliases, unmutes one, and follows changes made elsewhere', async () => {
    await saveSettings({
      ...defaultSettings(),
      mutedAliases: [
        { site: 'a.org', alias: 'Dahua' },
        { site: '*', alias: 'Imou' },
      ],
    });
    await mount();
    expect($$('[data-testid="muted-aliases"] li').map((li) => li.querySelector('span')?.textContent)).toEqual(
      ['“Dahua” on a.org', '“Imou” on every site'],
    );
    await click('[data-testid="muted-aliases"] li:first-child button');
    expect((await loadSettings()).mutedAliases).toEqual([{ site: '*', alias: 'Imou' }]);

    // Another context (the hover card) mutes an alias: the page shows it without a reload.
    await act(async () => {
      await saveSettings({ ...(await loadSettings()), mutedAliases: [{ site: 'b.org', alias: 'HiLook' }] });
      await settle();
    });
    expect($$('[data-testid="muted-aliases"] li').map((li) => li.getAttribute('data-alias'))).toEqual([
      'HiLook',
    ]);
  });
});
