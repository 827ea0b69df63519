import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AboutDataset } from '@/components/AboutDataset';
import { BrowseDataset } from '@/components/BrowseDataset';
import { CopyStatusProvider } from '@/components/CopyStatus';
import { PageReportView } from '@/components/PageReportView';
import { isPageReport, sendMessage } from '@/utils/messaging';
import type { PageReport } from '@/utils/messaging';
import { reportPagePath } from '@/utils/popup/report-url';
import { resolveTargetTab, tabIdFromSearch } from '@/utils/popup/target-tab';
import { loadSettings, saveSettings, withSiteEnabled } from '@/utils/settings';
import { t } from '@/utils/i18n';

/** While the tab says it is still scanning, the popup asks again this often, this many times (15 s). */
const REPORT_RETRY_MS = 250;
const REPORT_RETRIES = 60;

type State =
  | { kind: 'loading' }
  | { kind: 'unsupported'; tabId: number | null }
  | { kind: 'ready'; tabId: number; report: PageReport };

/** The report for the tab; `freshSettings` right after the popup changed the settings (see `ReportRequest`). */
async function loadReport(search: string, freshSettings = false): Promise<State> {
  const tabId = await resolveTargetTab(search, browser.tabs).catch(() => null);
  if (tabId === null) return { kind: 'unsupported', tabId };
  try {
    const report: unknown = await sendMessage(
      'getPageReport',
      freshSettings ? { freshSettings } : undefined,
      tabId,
    );
    return isPageReport(report) ? { kind: 'ready', tabId, report } : { kind: 'unsupported', tabId };
  } catch {
    return { kind: 'unsupported', tabId };
  }
}

/**
 * The toolbar popup, and the same report as a full page for `?tab=<id>` (opened with "Open in a tab", by the
 * hover card's "Full report", and by the e2e tests).
 */
export function App({ search }: { search: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [factsRendered, setFactsRendered] = useState(false);
  const asPage = tabIdFromSearch(search) !== null;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;
    const load = () =>
      void loadReport(search).then((next) => {
        if (stopped) return;
        if (asked === 0) performance.mark('vendor-lens:report');
        asked += 1;
        setState(next);
        // The page is still being read (a long page is scanned in slices): ask again until it is done.
        if (next.kind === 'ready' && next.report.scanning && asked < REPORT_RETRIES)
          timer = setTimeout(load, REPORT_RETRY_MS);
      });
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [search]);

  useLayoutEffect(() => {
    // For benchmarks: navigation start to the report in the DOM (before paint; `data-ready` follows the paint).
    if (state.kind !== 'loading' && performance.getEntriesByName('vendor-lens:popup-render').length === 0) {
      performance.measure('vendor-lens:popup-render', { start: 0, end: performance.now() });
    }
  }, [state]);

  useEffect(() => {
    if (state.kind === 'loading') return;
    if (asPage && state.kind === 'ready')
      document.title = `${state.report.title || state.report.url} — Vendor Lens`;
    document.body.dataset.ready = 'true';
    performance.mark('vendor-lens:ready');
  }, [state, asPage]);

  const setSiteEnabled = async (site: string, enabled: boolean) => {
    await saveSettings(withSiteEnabled(await loadSettings(), site, enabled));
    setState(await loadReport(search, true));
  };

  const openInTab = (event: Event, tabId: number) => {
    event.preventDefault();
    void browser.tabs
      .create({ url: browser.runtime.getURL(reportPagePath(tabId)) })
      .then(() => window.close());
  };

  const tabId = state.kind === 'loading' ? null : state.tabId;
  const noFacts = state.kind !== 'ready' || !state.report.enabled || state.report.mentions.length === 0;

  useEffect(() => {
    // Everything rendered, the rows that follow the first paint included (see ReportBody).
    const scanning = state.kind === 'ready' && state.report.scanning;
    if (state.kind !== 'loading' && !scanning && (noFacts || factsRendered))
      document.body.dataset.complete = 'true';
  }, [state, noFacts, factsRendered]);

  return (
    <CopyStatusProvider>
      <main class="popup" aria-busy={state.kind === 'loading'}>
        <header class="popup__header">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          <h1>{t('popupTitle')}</h1>
          {!asPage && state.kind === 'ready' && tabId !== null && (
            <a
              class="popup__link"
              href={browser.runtime.getURL(reportPagePath(tabId))}
              data-testid="open-in-tab"
              onClick={(e) => openInTab(e, tabId)}
            >
              {t('openInTab')}
            </a>
          )}
          <a
            class="popup__link"
            href={browser.runtime.getURL('/options.html')}
            target="_blank"
            rel="noreferrer"
          >
            {t('openOptions')}
          </a>
        </header>
        {state.kind === 'loading' && <p role="status">{t('loading')}</p>}
        {state.kind === 'unsupported' && <p class="note">{t('unsupportedPage')}</p>}
        {state.kind === 'ready' && (
          <PageReportView
            report={state.report}
            onSiteToggle={(on) => void setSiteEnabled(state.report.site, on)}
            onComplete={() => setFactsRendered(true)}
          />
        )}
        {state.kind !== 'loading' && (
          <section class="browse-section" aria-labelledby="browse-heading">
            {noFacts ? (
              <>
                <h2 id="browse-heading">{t('browseHeading')}</h2>
                <BrowseDataset />
              </>
            ) : (
              <LazyDetails summaryId="browse-heading" summary={t('browseHeading')} />
            )}
          </section>
        )}
        {state.kind !== 'loading' && <AboutDataset />}
      </main>
    </CopyStatusProvider>
  );
}

/** The dataset browser behind a closed disclosure: rendered only once the reader opens it. */
function LazyDetails({ summary, summaryId }: { summary: string; summaryId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class="browse-details"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary id={summaryId} class="summary-heading" data-testid="browse-toggle">
        {summary}
      </summary>
      {opened && <BrowseDataset />}
    </details>
  );
}
