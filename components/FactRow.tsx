/**
 * One row of a vendor's report: the government action on the left and the company's response(s) to it on the
 * right (or the fixed "no public response" line). The two stack on narrow widths (see style.css).
 */
import type { ActionRow, SourceList } from '@/utils/dataset/query';
import type { Response } from '@/utils/dataset/types';
import { citeFact } from '@/utils/citation';
import type { CitedVendor } from '@/utils/citation';
import { formatFactDate, formatIsoDate, jurisdictionLabel } from '@/utils/popup/format';
import { citationLabels, statusLabel, typeLabel, uiLocale } from '@/utils/popup/labels';
import { getDataset } from '@/utils/dataset';
import { t } from '@/utils/i18n';
import { FactSources } from './FactSources';
import { useCopy } from './CopyStatus';

function Notes({ items }: { items: (string | undefined | null)[] }) {
  const notes = items.filter((n): n is string => Boolean(n));
  if (notes.length === 0) return null;
  return (
    <details class="fact-notes">
      <summary>{t('factNotesCount', String(notes.length))}</summary>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </details>
  );
}

export function ResponseBlock({ response: r, sources }: { response: Response; sources: SourceList }) {
  const locale = uiLocale();
  return (
    <figure class="response" data-testid="response" data-id={r.id}>
      <blockquote class="response__quote" lang={r.quoteLanguage}>
        “{r.quote}”
      </blockquote>
      <figcaption class="response__by">
        {r.speaker}, {r.venue} · <time dateTime={r.date.date}>{formatFactDate(r.date, locale)}</time>{' '}
        <span class="fact-id">{r.id}</span>
      </figcaption>
      {r.verification === 'partly-verified' && <p class="response__verification">{t('partlyVerified')}</p>}
      <Notes
        items={[
          r.respondsToNote,
          r.reportedAs ? t('reportedAs', r.reportedAs) : null,
          r.date.note,
          ...(r.caveats ?? []),
        ]}
      />
      <FactSources factId={r.id} list={sources} />
    </figure>
  );
}

export interface FactRowProps {
  row: ActionRow;
  /** The vendor the row is shown for (Ezviz rows are Hikvision's actions). */
  vendor: CitedVendor;
  sources: SourceList;
  /** Element id, unique on the page. */
  id: string;
}

export function FactRow({ row, vendor, sources, id }: FactRowProps) {
  const { copy, format } = useCopy();
  const a = row.action;
  const locale = uiLocale();
  const titleId = `${id}-title`;
  const onCopy = () => {
    const ds = getDataset();
    void copy(
      citeFact(row, vendor, {
        format,
        datasetVersion: ds.version,
        datasetAsOf: ds.asOf,
        labels: citationLabels(),
      }),
      a.id,
    );
  };
  return (
    <li class="fact" id={id} data-testid="fact" data-id={a.id} data-type={a.type} data-status={a.status}>
      <article class="fact__action" aria-labelledby={titleId}>
        <p class="fact__col-label">{t('columnAction')}</p>
        <h4 class="fact__title" id={titleId}>
          {a.title} <span class="fact-id">{a.id}</span>
        </h4>
        <p class="fact__meta">
          <time dateTime={a.date.date} data-testid="fact-date">
            {formatFactDate(a.date, locale)}
          </time>
          {' · '}
          <span data-testid="fact-jurisdiction">{jurisdictionLabel(a.jurisdiction)}</span>
          {' · '}
          <span class="fact__body">{a.body}</span>
        </p>
        <p class="fact__tags">
          {[a.type, ...(a.alsoTypes ?? [])].map((type) => (
            <span key={type} class="tag" data-testid="fact-type">
              {typeLabel(type)}
            </span>
          ))}{' '}
          <span class="tag tag--status" data-testid="fact-status">
            {statusLabel(a.status)} · {t('statusAsOf', formatIsoDate(a.statusAsOf, locale))}
          </span>
        </p>
        <p class="fact__summary">{a.summary}</p>
        {!a.namedExplicitly && <p class="fact__caution">{t('notNamedExplicitly')}</p>}
        <Notes
          items={[
            a.date.note,
            a.statusNote,
            ...(a.caveats ?? []),
            a.related?.length ? t('relatedActions', a.related.join(', ')) : null,
          ]}
        />
        <FactSources factId={a.id} list={sources} />
      </article>
      <div class="fact__responses">
        <p class="fact__col-label">{t('columnResponse')}</p>
        {row.responses.length === 0 ? (
          <p class="fact__none" data-testid="no-response">
            {t('noResponse')}
          </p>
        ) : (
          row.responses.map((r) => <ResponseBlock key={r.id} response={r} sources={sources} />)
        )}
      </div>
      <div class="fact__footer">
        <button type="button" class="copy-button" data-testid="copy-fact" onClick={onCopy}>
          {t('copyFact')}
          <span class="visually-hidden"> {a.id}</span>
        </button>
      </div>
    </li>
  );
}
