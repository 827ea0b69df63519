/** The popup's components rendered in happy-dom with the English messages. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageReportView } from '@/components/PageReportView';
import { BrowseDataset } from '@/components/BrowseDataset';
import { CopyStatusProvider } from '@/components/CopyStatus';
import { FIRST_ROWS, ROWS_PER_STEP, rowLimits, stepsAfterFirst } from '@/components/ReportBody';
import { NO_RESPONSE_TEXT, VIA_PARENT_WORDING } from '@/utils/dataset/query';
import type { MentionBrief, PageReport } from '@/utils/messaging';
import { useEnglishMessages } from './i18n-en';

const mention = (vendor: MentionBrief['vendor'], text: string, match: MentionBrief['match'] = 'exact') => ({
  vendor,
  text,
  alias: text,
  match,
  inArticle: true,
});

const report = (mentions: MentionBrief[], extra: Partial<PageReport> = {}): PageReport => ({
  url: 'https://news.example.org/a',
  title: 'An article',
  siteName: 'Example News',
  byline: 'A. Writer',
  publishedTime: '2025-11-04T08:30:00Z',
  readerable: true,
  enabled: true,
  site: 'news.example.org',
  mentions,
  truncated: false,
  scanning: false,
  ...extra,
});

const ALL = [
  mention('hikvision', 'Hikvision'),
  mention('hikvision', 'HiLook', 'brand'),
  mention('dahua', 'Dahua'),
  mention('hytera', 'Hytera'),
  mention('ezviz', 'Ezviz'),
  mention('hikvision', 'Hikvision'),
];

let root: HTMLElement;

/** Waits (up to 5 s: the machine may be busy) until every report body has rendered all its rows. */
async function untilComplete(): Promise<void> {
  const end = Date.now() + 5000;
  do {
    await act(async () => {
      await new Promise((done) => setTimeout(done, 20));
    });
  } while (root.querySelector('.report-body:not([data-complete])') && Date.now() < end);
}

/** Renders, then waits for the rows that follow the first paint. */
async function mount(node: preact.ComponentChild): Promise<void> {
  renderNow(node);
  await untilComplete();
}

/** Renders, without waiting for the rows that follow the first paint. */
function renderNow(node: preact.ComponentChild): void {
  act(() => render(<CopyStatusProvider>{node}</CopyStatusProvider>, root));
}

/** How many rows each vendor section shows. */
const rowsPerSection = () =>
  [...root.querySelectorAll('[data-testid="vendor-section"]')].map(
    (s) => s.querySelectorAll('[data-testid="fact"]').length,
  );

const $ = (sel: string) => root.querySelector(sel);
const $$ = (sel: string) => [...root.querySelectorAll(sel)];
const text = (sel: string) => ($(sel)?.textContent ?? '').trim();

/** Clicks and lets the click's promises (clipboard, storage) settle. */
async function click(el: Element | null): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
    await new Promise((done) => setTimeout(done, 0));
  });
}

async function change(sel: string, value: string): Promise<void> {
  const el = $(sel) as HTMLSelectElement | HTMLInputElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
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

describe('PageReportView', () => {
  it('shows the page, the vendors with their counts and a section per vendor', async () => {
    await mount(<PageReportView report={report(ALL)} onSiteToggle={() => undefined} />);
    expect(text('[data-testid="page-title"]')).toBe('An article');
    expect(text('[data-testid="page-meta"]')).toBe('Example News · A. Writer · Nov 4, 2025');
    expect($$('[data-testid="vendor-list"] li').map((li) => li.textContent)).toEqual([
      'Hikvision3 mentionsHiLook — a Hikvision brand',
      'Dahua1 mention',
      'Hytera1 mention',
      'Ezviz1 mention',
    ]);
    expect($$('[data-testid="vendor-section"]').map((s) => s.getAttribute('data-vendor'))).toEqual([
      'hikvision',
      'dahua',
      'hytera',
      'ezviz',
    ]);
    expect(text('[data-vendor="ezviz"] [data-testid="via-parent"]')).toBe(VIA_PARENT_WORDING);
    expect(text('[data-vendor="hikvision"] [data-testid="via-parent"]')).toBe(VIA_PARENT_WORDING);
    expect($('[data-vendor="dahua"] [data-testid="via-parent"]')).toBeNull();
    expect(text('[data-vendor="ezviz"] [data-testid="relation"] .relation__label')).toBe(
      'Ezviz — a Hikvision subsidiary',
    );
  });

  it('pairs each action with responses or the no-response line, newest first, with numbered sources', async () => {
    await mount(<PageReportView report={report(ALL)} onSiteToggle={() => undefined} />);
    const rows = $$('[data-vendor="hikvision"] [data-testid="fact"]');
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const responses = row.querySelectorAll('.fact__responses [data-testid="response"]').length;
      const none = row.querySelector('.fact__responses [data-testid="no-response"]')?.textContent;
      expect(responses > 0 || none === NO_RESPONSE_TEXT).toBe(true);
    }
    const dates = rows.map(
      (r) => r.querySelector('[data-testid="fact-date"]')?.getAttribute('datetime') ?? '',
    );
    expect(dates).toEqual([...dates].sort().reverse());
    const ns = $$('[data-testid="sources"] .source').map((s) => Number(s.getAttribute('data-n')));
    expect(ns).toEqual(ns.map((_, i) => i + 1));
    for (const a of $$('[data-testid="sources"] a')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // A quote stays verbatim and keeps its language.
    const quote = $('[data-testid="response"] blockquote');
    expect(quote?.getAttribute('lang')).toMatch(/^(en|zh)/);
  });

  it('filters the rows and says how many are shown', async () => {
    await mount(
      <PageReportView report={report([mention('dahua', 'Dahua')])} onSiteToggle={() => undefined} />,
    );
    const all = $$('[data-testid="fact"]').length;
    await change('[data-testid="filter-type"]', 'procurement-ban');
    const rows = $$('[data-testid="fact"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(all);
    for (const r of rows) expect(r.textContent).toContain('Procurement ban');
    expect(text('[data-testid="filter-summary"]')).toBe(
      `Showing ${rows.length} of ${all} government actions.`,
    );
    expect(text('[data-vendor="dahua"] [data-testid="vendor-counts"]')).toMatch(
      new RegExp(`^${rows.length} of ${all} government actions`),
    );
    await act(() => ($('[data-testid="filter-clear"]') as HTMLButtonElement).click());
    expect($$('[data-testid="fact"]')).toHaveLength(all);
  });

  it('copies a fact and all of a vendor’s facts, and says so', async () => {
    const writeText = vi.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await mount(
      <PageReportView report={report([mention('hytera', 'Hytera')])} onSiteToggle={() => undefined} />,
    );
    const first = $('[data-testid="fact"]')!;
    const id = first.getAttribute('data-id');
    await click(first.querySelector('[data-testid="copy-fact"]'));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]![0]).toMatch(new RegExp(`^\\*\\*Hytera — ${id}: `));
    expect(text('[data-testid="copy-status"]')).toBe(`Copied ${id} as a citation.`);

    await change('[data-testid="citation-format"]', 'text');
    await click($('[data-testid="copy-vendor"]'));
    const all = writeText.mock.calls[1]![0];
    expect(all.split('\n')[0]).toBe('Hytera: government actions and company responses');
    for (const row of $$('[data-testid="fact"]')) expect(all).toContain(`${row.getAttribute('data-id')}: `);
    expect(text('[data-testid="copy-status"]')).toBe('Copied Hytera as a citation.');
  });

  it('says when copying failed', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    const exec = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    await mount(
      <PageReportView report={report([mention('hytera', 'Hytera')])} onSiteToggle={() => undefined} />,
    );
    await click($('[data-testid="copy-fact"]'));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(text('[data-testid="copy-status"]')).toBe(
      'Could not copy: the browser refused access to the clipboard.',
    );
  });

  it('renders a page without mentions, and a site turned off, without sections', async () => {
    await mount(<PageReportView report={report([])} onSiteToggle={() => undefined} />);
    expect(text('[data-testid="no-mentions"]')).toBe(
      'No mention of Hikvision, Dahua, Hytera or Ezviz on this page.',
    );
    expect($$('[data-testid="vendor-section"]')).toHaveLength(0);
    await mount(<PageReportView report={report(ALL, { enabled: false })} onSiteToggle={() => undefined} />);
    expect($('[data-testid="site-off"]')).not.toBeNull();
    expect($$('[data-testid="vendor-section"]')).toHaveLength(0);
  });

  it('spends the rows shown in section order, and counts the steps to show them all', () => {
    expect(rowLimits(FIRST_ROWS, [36, 23, 20, 36])).toEqual([3, 0, 0, 0]);
    expect(rowLimits(3, [1, 0, 5, 9])).toEqual([1, 0, 2, 0]);
    expect(rowLimits(43, [36, 23, 20, 36])).toEqual([36, 7, 0, 0]);
    expect(rowLimits(Infinity, [36, 23])).toEqual([36, 23]);
    expect(rowLimits(3, [])).toEqual([]);
    expect(stepsAfterFirst(0)).toBe(1);
    expect(stepsAfterFirst(FIRST_ROWS)).toBe(1);
    expect(stepsAfterFirst(FIRST_ROWS + 1)).toBe(2);
    expect(stepsAfterFirst(FIRST_ROWS + ROWS_PER_STEP)).toBe(2);
    expect(stepsAfterFirst(FIRST_ROWS + ROWS_PER_STEP + 1)).toBe(3);
  });

  it('renders the newest rows first and the rest after the first paint', async () => {
    renderNow(<PageReportView report={report(ALL)} onSiteToggle={() => undefined} />);
    const first = rowsPerSection();
    // The first vendor's newest rows fill the first screen; the other sections start with their headings.
    expect(first).toEqual([FIRST_ROWS, 0, 0, 0]);
    expect($$('[data-testid="vendor-section"] h3').length).toBe(4);
    expect($('[data-testid="report-body-page"]')?.hasAttribute('data-complete')).toBe(false);
    expect($('[data-testid="sources"]')).toBeNull();
    await untilComplete();
    expect($('[data-testid="report-body-page"]')?.getAttribute('data-complete')).toBe('true');
    expect($$('[data-testid="fact"]').length).toBeGreaterThan(4 * FIRST_ROWS);
    expect($('[data-testid="sources"]')).not.toBeNull();
  });

  it('adds the other rows a few at a time, in section order, then shows the sources', async () => {
    const seen: string[] = [];
    const counts = () => rowsPerSection().join(',') + ($('[data-testid="sources"]') ? '+sources' : '');
    const observer = new MutationObserver(() => {
      const now = counts();
      if (seen.at(-1) !== now) seen.push(now);
    });
    observer.observe(root, { childList: true, subtree: true });
    renderNow(<PageReportView report={report(ALL)} onSiteToggle={() => undefined} />);
    await untilComplete();
    observer.disconnect();
    const whole = rowsPerSection();
    const total = whole.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(FIRST_ROWS + 4 * ROWS_PER_STEP);
    const expected: string[] = [];
    for (let shown = FIRST_ROWS; shown < total + ROWS_PER_STEP; shown += ROWS_PER_STEP) {
      expected.push(rowLimits(shown, whole).join(','));
    }
    expected.push(`${whole.join(',')}+sources`);
    expect(seen).toEqual(expected);
  });

  it('renders every row at once when a timeline link points at a row not rendered yet, then follows it', async () => {
    renderNow(<PageReportView report={report(ALL)} onSiteToggle={() => undefined} />);
    const link = $$('[data-testid="vendor-section"]:last-of-type a.timeline__link').find(
      (a) => !document.getElementById(a.getAttribute('href')!.slice(1)),
    );
    expect(link).toBeDefined();
    const id = link!.getAttribute('href')!.slice(1);
    // Sections whose rows are not in yet show no empty list.
    expect($$('[data-testid="vendor-section"]:last-of-type ol.facts')).toHaveLength(0);
    act(() => (link as HTMLElement).click());
    expect(document.getElementById(id)).not.toBeNull();
    expect(location.hash).toBe(`#${id}`);
    expect($('[data-testid="report-body-page"]')?.getAttribute('data-complete')).toBe('true');
    expect($('[data-testid="sources"]')).not.toBeNull();
  });

  it('reports the site switch', async () => {
    const toggle = vi.fn();
    await mount(<PageReportView report={report([])} onSiteToggle={toggle} />);
    await act(() => ($('[data-testid="site-switch"]') as HTMLInputElement).click());
    expect(toggle).toHaveBeenCalledWith(false);
  });
});

describe('BrowseDataset', () => {
  it('renders nothing heavy until a vendor is picked, then its report; search lists matches', async () => {
    await mount(<BrowseDataset />);
    expect($$('[data-testid="vendor-section"]')).toHaveLength(0);
    await act(() => ($('[data-testid="browse-ezviz"]') as HTMLButtonElement).click());
    await untilComplete();
    expect($$('[data-testid="vendor-section"]').map((s) => s.getAttribute('data-vendor'))).toEqual(['ezviz']);
    expect(text('[data-testid="via-parent"]')).toBe(VIA_PARENT_WORDING);
    expect($('[data-testid="browse-ezviz"]')?.getAttribute('aria-pressed')).toBe('true');

    await change('[data-testid="browse-search"]', 'Copenhagen');
    expect($$('[data-testid="vendor-section"]')).toHaveLength(0);
    expect(text('[data-testid="search-count"]')).toMatch(/^Results for “Copenhagen”: [1-9]/);
    expect($$('[data-testid="search-results"] [data-testid="fact"]').length).toBeGreaterThan(0);
  });
});
