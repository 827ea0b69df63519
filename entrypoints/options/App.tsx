import { useEffect, useState } from 'preact/hooks';
import { isSiteKey, loadSettings, saveSettings, watchSettings, withSiteEnabled } from '@/utils/settings';
import type { Settings } from '@/utils/settings';
import { t } from '@/utils/i18n';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [newSite, setNewSite] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  useEffect(() => {
    if (settings) document.body.dataset.ready = 'true';
  }, [settings]);

  if (!settings) return <p role="status">{t('loading')}</p>;

  const update = async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
    setStatus(t('optionsSaved'));
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    const site = newSite
      .trim()
      .toLowerCase()
      .replace(/^www\./, '');
    if (!isSiteKey(site)) return;
    setNewSite('');
    void update(withSiteEnabled(settings, site, false));
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="matching-heading">
        <h2 id="matching-heading" class="visually-hidden">
          {t('optionsFuzzy')}
        </h2>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.fuzzy}
            data-testid="fuzzy"
            onChange={(e) =>
              void update({ ...settings, fuzzy: (e.currentTarget as HTMLInputElement).checked })
            }
          />
          <span>{t('optionsFuzzy')}</span>
        </label>
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsDisabledSites')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="note">{t('optionsNoDisabledSites')}</p>
        ) : (
          <ul class="site-list" data-testid="disabled-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" onClick={() => void update(withSiteEnabled(settings, site, true))}>
                  {t('optionsRemoveSite', site)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={addSite}>
          <label for="new-site">{t('optionsAddSite')}</label>
          <input
            id="new-site"
            type="text"
            inputMode="url"
            placeholder="example.org"
            value={newSite}
            onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('optionsAddSiteButton')}</button>
        </form>
      </section>
      <p role="status" class="status">
        {status}
      </p>
    </main>
  );
}
