import { useEffect, useState } from 'preact/hooks';
import { getDataset } from '@/utils/dataset';
import { VENDOR_IDS } from '@/utils/dataset/types';
import { formatIsoDate, toDateInputValue } from '@/utils/popup/format';
import { uiLocale } from '@/utils/popup/labels';
import { vendorDisplayName } from '@/utils/popup/summary';
import {
  HIGHLIGHT_STYLES,
  activeSnoozes,
  loadSettings,
  saveSettings,
  siteKeyFromInput,
  snoozeEndFromDateInput,
  watchSettings,
  withAliasUnmuted,
  withSiteEnabled,
  withSiteSnoozed,
  withSnoozeCleared,
  withVendorMuted,
  withoutExpiredSnoozes,
} from '@/utils/settings';
import type { HighlightStyle, Settings } from '@/utils/settings';
import type { MessageKey } from '@/utils/i18n';
import { t } from '@/utils/i18n';

const STYLE_KEYS: Record<HighlightStyle, MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  wavy: 'styleWavy',
};

function addDays(date: Date, days: number): Date {
  const d = new Date(date);
  d.setDate(d.getDate() + days);
  return d;
}

/** The options page. Every change is saved at once; the content scripts pick it up from storage. */
export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
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
    const clean = withoutExpiredSnoozes(next);
    setSettings(clean);
    try {
      await saveSettings(clean);
      setStatus(t('optionsSaved'));
    } catch {
      setStatus(t('optionsSaveFailed'));
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="highlight-heading">
        <h2 id="highlight-heading">{t('optionsHighlighting')}</h2>
        <fieldset class="choices" data-testid="highlight-style">
          <legend>{t('optionsHighlightStyle')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label class="row" key={style}>
              <input
                type="radio"
                name="highlight-style"
                value={style}
                checked={settings.highlightStyle === style}
                data-testid={`style-${style}`}
                onChange={() => void update({ ...settings, highlightStyle: style })}
              />
              <span>{t(STYLE_KEYS[style])}</span>
              <span class={`style-sample style-sample--${style}`} aria-hidden="true">
                Hikvision
              </span>
            </label>
          ))}
        </fieldset>
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

      <section aria-labelledby="vendors-heading">
        <h2 id="vendors-heading">{t('optionsVendors')}</h2>
        <fieldset class="choices" data-testid="vendor-mutes">
          <legend>{t('optionsVendorsLegend')}</legend>
          {VENDOR_IDS.map((id) => (
            <label class="row" key={id}>
              <input
                type="checkbox"
                checked={!settings.mutedVendors.includes(id)}
                data-testid={`vendor-${id}`}
                onChange={(e) =>
                  void update(withVendorMuted(settings, id, !(e.currentTarget as HTMLInputElement).checked))
                }
              />
              <span>{vendorDisplayName(id)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <DisabledSites settings={settings} update={update} />
      <SnoozedSites settings={settings} update={update} />
      <MutedAliases settings={settings} update={update} />

      <p role="status" class="status" data-testid="options-status">
        {status}
      </p>
      <p class="note">
        {t('datasetVersion', [getDataset().version, formatIsoDate(getDataset().asOf, uiLocale())])}
      </p>
    </main>
  );
}

interface SectionProps {
  settings: Settings;
  update: (next: Settings) => Promise<void>;
}

function DisabledSites({ settings, update }: SectionProps) {
  const [newSite, setNewSite] = useState('');
  const [error, setError] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const site = siteKeyFromInput(newSite);
    if (!site) {
      setError(t('optionsBadSite'));
      return;
    }
    setError('');
    setNewSite('');
    void update(withSiteEnabled(settings, site, false));
  };
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('optionsDisabledSites')}</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="note">{t('optionsNoDisabledSites')}</p>
      ) : (
        <ul class="site-list" data-testid="disabled-sites">
          {settings.disabledSites.map((site) => (
            <li key={site} data-site={site}>
              <span>{site}</span>
              <button type="button" onClick={() => void update(withSiteEnabled(settings, site, true))}>
                {t('optionsRemoveSite', site)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row row--wrap" onSubmit={add} data-testid="add-site">
        <label for="new-site">{t('optionsAddSite')}</label>
        <input
          id="new-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder="example.org"
          value={newSite}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-site-error' : undefined}
          onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('optionsAddSiteButton')}</button>
        {error && (
          <span id="new-site-error" class="error" role="alert">
            {error}
          </span>
        )}
      </form>
    </section>
  );
}

function SnoozedSites({ settings, update }: SectionProps) {
  const tomorrow = toDateInputValue(addDays(new Date(), 1));
  const [site, setSite] = useState('');
  const [until, setUntil] = useState(toDateInputValue(addDays(new Date(), 7)));
  const [error, setError] = useState('');
  const snoozes = activeSnoozes(settings);
  const locale = uiLocale();
  const add = (event: Event) => {
    event.preventDefault();
    const key = siteKeyFromInput(site);
    const end = snoozeEndFromDateInput(until);
    if (!key) return setError(t('optionsBadSite'));
    if (!end || Date.parse(end) <= Date.now()) return setError(t('optionsBadDate'));
    setError('');
    setSite('');
    void update(withSiteSnoozed(settings, key, end));
  };
  return (
    <section aria-labelledby="snooze-heading">
      <h2 id="snooze-heading">{t('optionsSnoozedSites')}</h2>
      {snoozes.length === 0 ? (
        <p class="note">{t('optionsNoSnoozedSites')}</p>
      ) : (
        <ul class="site-list" data-testid="snoozed-sites">
          {snoozes.map((s) => (
            <li key={s.site} data-site={s.site}>
              <span>
                {t('optionsSnoozedUntil', [
                  s.site,
                  formatIsoDate(toDateInputValue(new Date(s.until)), locale),
                ])}
              </span>
              <button type="button" onClick={() => void update(withSnoozeCleared(settings, s.site))}>
                {t('optionsEndSnooze', s.site)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row row--wrap" onSubmit={add} data-testid="add-snooze">
        <label for="snooze-site">{t('optionsSnoozeSite')}</label>
        <input
          id="snooze-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder="example.org"
          value={site}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'snooze-error' : undefined}
          onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)}
        />
        <label for="snooze-until">{t('optionsSnoozeUntil')}</label>
        <input
          id="snooze-until"
          type="date"
          min={tomorrow}
          value={until}
          onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('optionsSnoozeButton')}</button>
        {error && (
          <span id="snooze-error" class="error" role="alert">
            {error}
          </span>
        )}
      </form>
    </section>
  );
}

function MutedAliases({ settings, update }: SectionProps) {
  return (
    <section aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">{t('optionsMutedAliases')}</h2>
      <p class="note">{t('optionsMutedAliasesHelp')}</p>
      {settings.mutedAliases.length === 0 ? (
        <p class="note">{t('optionsNoMutedAliases')}</p>
      ) : (
        <ul class="site-list" data-testid="muted-aliases">
          {settings.mutedAliases.map((m) => {
            const where = m.site === '*' ? t('optionsEverywhere') : m.site;
            return (
              <li key={`${m.site}\u0000${m.alias}`} data-alias={m.alias} data-site={m.site}>
                <span>{t('optionsMutedAlias', [m.alias, where])}</span>
                <button
                  type="button"
                  onClick={() => void update(withAliasUnmuted(settings, m.site, m.alias))}
                >
                  {t('optionsUnmuteAlias', [m.alias, where])}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
