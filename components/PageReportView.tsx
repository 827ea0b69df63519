import type { PageReport } from '@/utils/messaging';
import { countByVendor, vendorDisplayName } from '@/utils/popup/summary';
import { t } from '@/utils/i18n';
import { SiteSwitch } from './SiteSwitch';

export interface PageReportViewProps {
  report: PageReport;
  onSiteToggle: (enabled: boolean) => void;
}

/** The active tab's page: its title and source, the vendors found with their counts, and the site switch. */
export function PageReportView({ report, onSiteToggle }: PageReportViewProps) {
  const vendors = countByVendor(report.mentions);
  return (
    <section class="page-report" aria-labelledby="page-title">
      <h2 id="page-title" class="page-report__title" data-testid="page-title">
        {report.title || report.url}
      </h2>
      {(report.siteName || report.byline) && (
        <p class="page-report__meta">{[report.siteName, report.byline].filter(Boolean).join(' · ')}</p>
      )}
      <SiteSwitch site={report.site} enabled={report.enabled} onChange={onSiteToggle} />
      {!report.enabled ? (
        <p class="note">{t('siteDisabledNote')}</p>
      ) : vendors.length === 0 ? (
        <p class="note" data-testid="no-mentions">
          {t('noMentions')}
        </p>
      ) : (
        <>
          <h3>{t('vendorsFound')}</h3>
          <ul class="vendor-list" data-testid="vendor-list">
            {vendors.map((v) => (
              <li key={v.vendor} data-vendor={v.vendor}>
                <span class="vendor-list__name">{vendorDisplayName(v.vendor)}</span>
                <span class="vendor-list__count">{t('mentionCount', String(v.count))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
