/** The dataset's version and date, and a short note on how matching works. */
import { getDataset } from '@/utils/dataset';
import { formatIsoDate } from '@/utils/popup/format';
import { uiLocale } from '@/utils/popup/labels';
import { t } from '@/utils/i18n';

export function AboutDataset() {
  const ds = getDataset();
  return (
    <footer class="about" data-testid="about">
      <h2 id="about-heading">{t('aboutHeading')}</h2>
      <p data-testid="dataset-version">
        {t('datasetVersion', [ds.version, formatIsoDate(ds.asOf, uiLocale())])}
      </p>
      <p>{t('howMatchingWorks')}</p>
      <p>{t('howFactsWork')}</p>
    </footer>
  );
}
