import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PageReportView } from '@/components/PageReportView';
import { isPageReport, sendMessage } from '@/utils/messaging';
import type { PageReport } from '@/utils/messaging';
import { resolveTargetTab } from '@/utils/popup/target-tab';
import { loadSettings, saveSettings, withSiteEnabled } from '@/utils/settings';
import { t } from '@/utils/i18n';

type State = { kind: 'loading' } | { kind: 'unsupported' } | { kind: 'ready'; report: PageReport };

async function loadReport(search: string): Promise<State> {
  const tabId = await resolveTargetTab(search, browser.tabs);
  if (tabId === null) return { kind: 'unsupported' };
  try {
    const report: unknown = await sendMessage('getPageReport', undefined, tabId);
    return isPageReport(report) ? { kind: 'ready', report } : { kind: 'unsupported' };
  } catch {
    return { kind: 'unsupported' };
  }
}

export function App({ search }: { search: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void loadReport(search).then(setState);
  }, [search]);

  useEffect(() => {
    if (state.kind !== 'loading') document.body.dataset.ready = 'true';
  }, [state]);

  const setSiteEnabled = async (site: string, enabled: boolean) => {
    await saveSettings(withSiteEnabled(await loadSettings(), site, enabled));
    setState(await loadReport(search));
  };

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header class="popup__header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('popupTitle')}</h1>
        <a
          class="popup__options"
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
        />
      )}
    </main>
  );
}
