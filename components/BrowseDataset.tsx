/**
 * Browsing the dataset without a page: pick a vendor to see its report, or search every fact. Nothing is
 * computed until the reader asks (the popup's first render stays fast).
 */
import { useMemo, useState } from 'preact/hooks';
import { getDataset } from '@/utils/dataset';
import type { VendorId } from '@/utils/dataset/types';
import { VENDOR_IDS } from '@/utils/dataset/types';
import { searchView } from '@/utils/popup/browse';
import { vendorDisplayName } from '@/utils/popup/summary';
import { formatFactDate } from '@/utils/popup/format';
import { uiLocale } from '@/utils/popup/labels';
import { t } from '@/utils/i18n';
import { ReportBody } from './ReportBody';
import { FactRow, ResponseBlock } from './FactRow';
import { FactSources, SourcesSection } from './FactSources';

function SearchResults({ query }: { query: string }) {
  const view = useMemo(() => searchView(getDataset(), query), [query]);
  const locale = uiLocale();
  return (
    <div class="search-results" data-testid="search-results">
      <p aria-live="polite" data-testid="search-count">
        {t('searchCount', [view.query, String(view.total)])}
      </p>
      {view.rows.length > 0 && (
        <>
          <div class="facts-head" aria-hidden="true">
            <span>{t('columnAction')}</span>
            <span>{t('columnResponse')}</span>
          </div>
          <ol class="facts" aria-label={t('searchActions')}>
            {view.rows.map((row) => (
              <FactRow
                key={row.action.id}
                row={row}
                id={`search-${row.action.id}`}
                vendor={{ name: row.action.vendors.map(vendorDisplayName).join(', '), parentName: null }}
                sources={view.sources}
              />
            ))}
          </ol>
        </>
      )}
      {view.responses.length > 0 && (
        <div class="general">
          <h3 class="small-heading">{t('searchResponses')}</h3>
          {view.responses.map((r) => (
            <ResponseBlock key={r.id} response={r} sources={view.sources} />
          ))}
        </div>
      )}
      {view.context.length > 0 && (
        <div class="general">
          <h3 class="small-heading">{t('searchContext')}</h3>
          <ul class="context__list">
            {view.context.map((c) => (
              <li key={c.id} class="context__item">
                <p class="context__title">
                  <strong>{c.title}</strong> <span class="fact-id">{c.id}</span>
                </p>
                <p class="fact__meta">
                  <time dateTime={c.date.date}>{formatFactDate(c.date, locale)}</time>
                </p>
                <p>{c.summary}</p>
                <FactSources factId={c.id} list={view.sources} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <SourcesSection list={view.sources} idPrefix="search" level={3} />
    </div>
  );
}

export function BrowseDataset() {
  const [vendor, setVendor] = useState<VendorId | null>(null);
  const [query, setQuery] = useState('');
  const vendors = useMemo(() => (vendor ? [vendor] : []), [vendor]);
  const searching = query.trim().length > 0;
  return (
    <div class="browse" data-testid="browse">
      <p class="note">{t('browseIntro')}</p>
      <div class="browse__vendors" role="group" aria-label={t('browseVendors')}>
        {VENDOR_IDS.map((id) => (
          <button
            key={id}
            type="button"
            class="chip"
            aria-pressed={vendor === id && !searching}
            data-testid={`browse-${id}`}
            onClick={() => {
              setQuery('');
              setVendor(vendor === id ? null : id);
            }}
          >
            {vendorDisplayName(id)}
          </button>
        ))}
      </div>
      <p class="browse__search">
        <label for="browse-search">{t('searchLabel')}</label>{' '}
        <input
          id="browse-search"
          type="search"
          value={query}
          maxLength={200}
          data-testid="browse-search"
          placeholder={t('searchPlaceholder')}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </p>
      {searching ? (
        <SearchResults query={query} />
      ) : vendor ? (
        <ReportBody key={vendor} vendors={vendors} idPrefix="browse" sourcesLevel={3} />
      ) : null}
    </div>
  );
}
