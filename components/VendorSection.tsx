/**
 * One vendor's part of the report: who it is (and, for a brand or subsidiary, whose actions apply), its
 * mentions on the page, a compact timeline, the rows of government actions and responses, the statements that
 * answer no action, background facts, and a button that copies all of it as a citation.
 */
import type { SourceList } from '@/utils/dataset/query';
import { citeVendor } from '@/utils/citation';
import { getDataset } from '@/utils/dataset';
import type { Relation, SectionModel } from '@/utils/popup/report-model';
import { formatFactDate } from '@/utils/popup/format';
import { citationLabels, countLabel, relationLabel, uiLocale } from '@/utils/popup/labels';
import { t } from '@/utils/i18n';
import { FactRow, ResponseBlock } from './FactRow';
import { FactSources } from './FactSources';
import { Timeline } from './Timeline';
import { useCopy } from './CopyStatus';

function RelationLine({
  relation,
  sources,
  count,
}: {
  relation: Relation;
  sources: SourceList;
  count?: number;
}) {
  return (
    <div class="relation" data-testid="relation" data-relation={relation.relation}>
      <p class="relation__label">
        <strong>{relationLabel(relation.name, relation.relation, relation.parentName)}</strong>
        {count !== undefined && <> · {countLabel(count, 'mentionCountOne', 'mentionCount')}</>}
      </p>
      {relation.note && <p class="relation__note">{relation.note}</p>}
      <FactSources factId={relation.id} list={sources} collapsed />
    </div>
  );
}

export interface VendorSectionProps {
  section: SectionModel;
  sources: SourceList;
  idPrefix: string;
  /** True when filters hide some of the vendor's actions. */
  filtered: boolean;
  /** Render only the first rows (and nothing below them) until the rest follows; see ReportBody. */
  rowLimit?: number;
}

export function VendorSection({ section, sources, idPrefix, filtered, rowLimit }: VendorSectionProps) {
  const { copy, format } = useCopy();
  const { report, onPage, parentRelation } = section;
  const base = `${idPrefix}-${section.vendor}`;
  const headingId = `${base}-heading`;
  const rowId = (actionId: string) => `${base}-${actionId}`;
  const parentName = report.actionsVendor.name;
  const locale = uiLocale();
  const partial = rowLimit !== undefined && report.rows.length > rowLimit;
  const rows = partial ? report.rows.slice(0, rowLimit) : report.rows;
  // Brands and subsidiaries found on the page (not former ones) get the parent's actions, so the wording says so.
  const viaBrand = (onPage?.brands ?? []).some((b) => b.relation !== 'former subsidiary');
  const viaParentText = report.viaParent
    ? t('viaParent', parentName)
    : viaBrand
      ? t('viaParent', section.name)
      : null;

  const onCopyAll = () => {
    const ds = getDataset();
    void copy(
      citeVendor(report, {
        format,
        datasetVersion: ds.version,
        datasetAsOf: ds.asOf,
        labels: citationLabels(),
      }),
      section.name,
    );
  };

  return (
    <section
      class="vendor"
      id={base}
      aria-labelledby={headingId}
      data-testid="vendor-section"
      data-vendor={section.vendor}
    >
      <header class="vendor__head">
        <h3 id={headingId} class="vendor__name">
          {section.name}
          {onPage && (
            <span class="vendor__count">
              {' '}
              · {countLabel(onPage.count, 'mentionCountOne', 'mentionCount')}
            </span>
          )}
        </h3>
        {onPage && onPage.texts.length > 0 && (
          <p class="vendor__texts">{t('foundAs', onPage.texts.map((x) => `“${x}”`).join(', '))}</p>
        )}
        {parentRelation && <RelationLine relation={parentRelation} sources={sources} />}
        {onPage?.brands.map((b) => (
          <RelationLine key={b.id} relation={b} sources={sources} count={b.count} />
        ))}
        {viaParentText && (
          <p class="vendor__via">
            {t('actionsShownFor', report.viaParent ? parentName : section.name)}{' '}
            <strong data-testid="via-parent">{viaParentText}</strong>
          </p>
        )}
        <p class="vendor__counts" data-testid="vendor-counts">
          {filtered
            ? t('actionCountFiltered', [String(report.rows.length), String(report.totalActions)])
            : countLabel(report.rows.length, 'actionCountOne', 'actionCount')}
          {' · '}
          {countLabel(report.counts.responses, 'responseCountOne', 'responseCount')}
        </p>
        <button
          type="button"
          class="copy-button"
          data-testid="copy-vendor"
          onClick={onCopyAll}
          disabled={report.rows.length === 0 && report.generalResponses.length === 0}
        >
          {t('copyVendor', section.name)}
        </button>
      </header>

      {section.timeline.length > 0 && (
        <div class="timeline-wrap">
          <h4 class="small-heading" id={`${base}-timeline`}>
            {t('timeline')}
          </h4>
          <p class="timeline-legend" aria-hidden="true">
            <span class="timeline__mark timeline__mark--action" /> {t('columnAction')}
            <span class="timeline__mark timeline__mark--response" /> {t('columnResponse')}
          </p>
          <Timeline years={section.timeline} rowId={rowId} labelledBy={`${base}-timeline`} />
        </div>
      )}

      {report.rows.length === 0 ? (
        <p class="note" data-testid="no-rows">
          {filtered ? t('noActionsFiltered') : t('noActions')}
        </p>
      ) : (
        rows.length > 0 && (
          <>
            <div class="facts-head" aria-hidden="true">
              <span>{t('columnAction')}</span>
              <span>{t('columnResponse')}</span>
            </div>
            <ol class="facts" aria-label={t('factsListLabel', section.name)}>
              {rows.map((row) => (
                <FactRow
                  key={row.action.id}
                  row={row}
                  id={rowId(row.action.id)}
                  vendor={{ name: section.name, parentName: report.viaParent ? parentName : null }}
                  sources={sources}
                />
              ))}
            </ol>
          </>
        )
      )}

      {!partial && report.generalResponses.length > 0 && (
        <div class="general">
          <h4 class="small-heading">{t('generalStatements')}</h4>
          {report.generalResponses.map((r) => (
            <ResponseBlock key={r.id} response={r} sources={sources} />
          ))}
        </div>
      )}

      {!partial && section.context.length > 0 && (
        <details class="context">
          <summary>{t('contextHeading', String(section.context.length))}</summary>
          <ul class="context__list">
            {section.context.map((c) => (
              <li key={c.id} class="context__item">
                <p class="context__title">
                  <strong>{c.title}</strong> <span class="fact-id">{c.id}</span>
                </p>
                <p class="fact__meta">
                  <time dateTime={c.date.date}>{formatFactDate(c.date, locale)}</time>
                  {c.kind === 'private-sector' && <> · {t('privateSector')}</>}
                </p>
                <p>{c.summary}</p>
                <FactSources factId={c.id} list={sources} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
