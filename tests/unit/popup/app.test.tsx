/** The popup's entry component: which tab it reports on, "Open in a tab", and the page flags. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as Messaging from '@/utils/messaging';
import type { PageReport } from '@/utils/messaging';
import { useEnglishMessages } from './i18n-en';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof Messaging>()),
  sendMessage: (...args: unknown[]) => sendMessage(...args),
}));

const { App } = await import('@/entrypoints/popup/App');

const REPORT: PageReport = {
  url: 'https://news.example.org/a',
  title: 'An article',
  siteName: null,
  byline: null,
  publishedTime: null,
  readerable: true,
  enabled: true,
  site: 'news.example.org',
  mentions: [{ vendor: 'hytera', text: 'Hytera', alias: 'Hytera', match: 'exact', inArticle: true }],
  truncated: false,
  scanning: false,
};

let root: HTMLElement;

async function mount(search: string): Promise<void> {
  act(() => render(<App search={search} />, root));
  const end = Date.now() + 5000;
  while (document.body.dataset.complete !== 'true' && Date.now() < end) {
    await act(async () => {
      await new Promise((done) => setTimeout(done, 20));
    });
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  delete document.body.dataset.ready;
  delete document.body.dataset.complete;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('popup App', () => {
  it('reports on the active tab and opens the same report in a tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() => Promise.resolve([{ id: 7 }])) as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    sendMessage.mockResolvedValue(REPORT);
    await mount('');
    expect(sendMessage).toHaveBeenCalledWith('getPageReport', undefined, 7);
    expect(document.body.dataset.ready).toBe('true');
    expect(root.querySelector('[data-vendor="hytera"]')).not.toBeNull();
    const link = root.querySelector('[data-testid="open-in-tab"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('chrome-extension://test-extension-id/popup.html?tab=7');
    await act(async () => {
      link.click();
      await new Promise((done) => setTimeout(done, 0));
    });
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/popup.html?tab=7' });
    expect(close).toHaveBeenCalled();
    // The browser is behind a closed disclosure and not rendered until opened.
    expect(root.querySelector('[data-testid="browse-toggle"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="browse"]')).toBeNull();
  });

  it('renders `?tab=<id>` as a page titled after the article, without "Open in a tab"', async () => {
    sendMessage.mockResolvedValue(REPORT);
    await mount('?tab=3');
    expect(sendMessage).toHaveBeenCalledWith('getPageReport', undefined, 3);
    expect(root.querySelector('[data-testid="open-in-tab"]')).toBeNull();
    expect(document.title).toBe('An article — Vendor Lens');
    expect(performance.getEntriesByName('vendor-lens:popup-render').length).toBeGreaterThan(0);
  });

  it('says the page is still being read, and asks again until the tab has finished', async () => {
    sendMessage.mockReset();
    sendMessage
      .mockResolvedValueOnce({ ...REPORT, mentions: [], scanning: true })
      .mockResolvedValueOnce({ ...REPORT, mentions: [], scanning: true })
      .mockResolvedValue(REPORT);
    act(() => render(<App search="?tab=3" />, root));
    await act(async () => {
      await new Promise((done) => setTimeout(done, 20));
    });
    expect(root.querySelector('[data-testid="scanning"]')?.textContent).toBe('Still reading this page…');
    expect(root.querySelector('[data-testid="no-mentions"]')).toBeNull();
    expect(document.body.dataset.complete).toBeUndefined();
    await mount('?tab=3');
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(root.querySelector('[data-testid="scanning"]')).toBeNull();
    expect(root.querySelector('[data-vendor="hytera"]')).not.toBeNull();
    expect(document.body.dataset.complete).toBe('true');
  });

  it('offers the dataset browser when the tab does not answer', async () => {
    sendMessage.mockRejectedValue(new Error('no receiver'));
    await mount('?tab=9');
    expect(root.querySelector('.note')?.textContent).toMatch(/does not run on this page/);
    expect(root.querySelector('[data-testid="browse"]')).not.toBeNull();
    expect(document.body.dataset.complete).toBe('true');
  });

  it('turns the site off and asks the tab again', async () => {
    sendMessage
      .mockResolvedValueOnce(REPORT)
      .mockResolvedValueOnce({ ...REPORT, enabled: false, mentions: [] });
    await mount('?tab=3');
    await act(async () => {
      (root.querySelector('[data-testid="site-switch"]') as HTMLInputElement).click();
      await new Promise((done) => setTimeout(done, 20));
    });
    const { loadSettings } = await import('@/utils/settings');
    expect((await loadSettings()).disabledSites).toEqual(['news.example.org']);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(root.querySelector('[data-testid="site-off"]')).not.toBeNull();
  });
});
