/**
 * Sources, numbered once per page: under each fact (the numbers it uses), and the page's "Sources" section.
 * Every link opens in a new tab; only http(s) URLs become links.
 */
import type { NumberedSource, SourceList } from '@/utils/dataset/query';
import { formatIsoDate, safeHref } from '@/utils/popup/format';
import { uiLocale } from '@/utils/popup/labels';
import { t } from '@/utils/i18n';

function SourceTitle({ source }: { source: NumberedSource }) {
  const href = safeHref(source.url);
  const title = source.titleInferred ? source.title : `“${source.title}”`;
  const cls = source.titleInferred ? 'source__title source__title--inferred' : 'source__title';
  if (!href) return <span class={cls}>{title}</span>;
  return (
    <a class={cls} href={href} target="_blank" rel="noopener noreferrer">
      {title}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}

export function SourceItem({ source, id }: { source: NumberedSource; id?: string }) {
  return (
    <li class="source" id={id} data-n={source.n}>
      <span class="source__n">[{source.n}]</span> <span class="source__publisher">{source.publisher}</span>
      {source.date && (
        <>
          {', '}
          <time dateTime={source.date}>{formatIsoDate(source.date, uiLocale())}</time>
        </>
      )}
      {': '}
      <SourceTitle source={source} />
      {source.httpOnly && <span class="source__note"> ({t('sourceHttpOnly')})</span>}
      {source.note && <span class="source__note"> — {source.note}</span>}
    </li>
  );
}

/** Each list's sources by number, built once per list (a report has hundreds of facts). */
const indexes = new WeakMap<SourceList, Map<number, NumberedSource>>();

function byNumber(list: SourceList): Map<number, NumberedSource> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.sources.map((s) => [s.n, s]));
    indexes.set(list, index);
  }
  return index;
}

/** The sources of one fact, by their page-wide numbers; `collapsed` puts them behind a disclosure. */
export function FactSources({
  factId,
  list,
  collapsed,
}: {
  factId: string;
  list: SourceList;
  collapsed?: boolean;
}) {
  const nums = list.refs[factId] ?? [];
  if (nums.length === 0) return null;
  const byN = byNumber(list);
  const items = (
    <ul class="sources sources--fact">
      {nums.map((n) => {
        const s = byN.get(n);
        return s ? <SourceItem key={n} source={s} /> : null;
      })}
    </ul>
  );
  if (collapsed) {
    return (
      <details class="fact-sources">
        <summary>{t('factSourcesCount', String(nums.length))}</summary>
        {items}
      </details>
    );
  }
  return (
    <div class="fact-sources">
      <span class="fact-sources__label">{t('factSources')}</span>
      {items}
    </div>
  );
}

/** Every source used on the page, numbered. */
export function SourcesSection({
  list,
  idPrefix,
  level = 2,
}: {
  list: SourceList;
  idPrefix: string;
  level?: 2 | 3;
}) {
  if (list.sources.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="sources-section" aria-labelledby={`${idPrefix}-sources-heading`} data-testid="sources">
      <Heading id={`${idPrefix}-sources-heading`}>{t('sourcesHeading')}</Heading>
      <ul class="sources">
        {list.sources.map((s) => (
          <SourceItem key={s.n} source={s} id={`${idPrefix}-src-${s.n}`} />
        ))}
      </ul>
    </section>
  );
}
