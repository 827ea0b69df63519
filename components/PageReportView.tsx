import { useMemo } from 'preact/hooks';
import type { PageReport } from '@/utils/messaging';
import { getDataset } from '@/utils/dataset';
import { vendorsOnPage } from '@/utils/popup/report-model';
import { formatIsoDate } from '@/utils/popup/format';
import { countLabel, relationLabel, uiLocale } from '@/utils/popup/labels';
import { vendorDisplayName } from '@/utils/popup/summary';
import { t } from '@/utils/i18n';
import { SiteSwitch } from './SiteSwitch';
import { ReportBody } from './ReportBody';

export interface PageReportViewProps {
  report: PageReport;
  onSiteToggle: (enabled: boolean) => void;
  /** Called once the facts are fully rendered (at once when there are none). */
  onComplete?: () => void;
}

/**
 * The page's part of the popup: its title, site and byline, the site switch, the vendors found with their
 * counts (linking to their sections), then the facts for those vendors.
 */
export function PageReportView({ report, onSiteToggle, onComplete }: PageReportViewProps) {
  const vendors = useMemo(() => vendorsOnPage(getDataset(), report.mentions), [report.mentions]);
  const published = report.publishedTime
    ? formatIsoDate(report.publishedTime.slice(0, 10), uiLocale())
    : null;
  const meta = [report.siteName ?? report.site, report.byline, published].filter(Boolean).join(' · ');
  return (
    <section class="page-report" aria-labelledby="page-title">
      <h2 id="page-title" class="page-report__title" data-testid="page-title">
        {report.title || report.url}
      </h2>
      {meta && (
        <p class="page-report__meta" data-testid="page-meta">
          {meta}
        </p>
      )}
      <SiteSwitch site={report.site} enabled={report.enabled} onChange={onSiteToggle} />
      {!report.enabled ? (
        <p class="note" data-testid="site-off">
          {t('siteDisabledNote')}
        </p>
      ) : vendors.length === 0 && report.scanning ? (
        <p class="note" role="status" data-testid="scanning">
          {t('scanningPage')}
        </p>
      ) : vendors.length === 0 ? (
        <p class="note" data-testid="no-mentions">
          {t('noMentions')}
        </p>
      ) : (
        <>
          <h2 class="section-heading">{t('vendorsFound')}</h2>
          <ul class="vendor-list" data-testid="vendor-list">
            {vendors.map((v) => (
              <li key={v.vendor} data-vendor={v.vendor}>
                <a class="vendor-list__name" href={`#page-${v.vendor}`}>
                  {vendorDisplayName(v.vendor)}
                </a>
                <span class="vendor-list__count">
                  {countLabel(v.count, 'mentionCountOne', 'mentionCount')}
                </span>
                {v.brands.length > 0 && (
                  <span class="vendor-list__brands">
                    {v.brands.map((b) => relationLabel(b.name, b.relation, b.parentName)).join('; ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {report.truncated && (
            <p class="note" role="status" data-testid="truncated-note">
              {t('truncatedNote', String(report.mentions.length))}
            </p>
          )}
          <ReportBody vendors={vendors} idPrefix="page" onComplete={onComplete} />
        </>
      )}
    </section>
  );
}
