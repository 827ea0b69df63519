/**
 * Filters for the government actions shown: type, jurisdiction, status and year, one choice each, offering
 * only values present for the vendors shown (with counts). No scores, no ratings: only the facts' own fields.
 */
import type { Facets, FacetValue } from '@/utils/dataset/query';
import { NO_FILTERS, activeFilterCount, filterValue, withFilter } from '@/utils/popup/filters';
import type { FilterKey, FilterState } from '@/utils/popup/filters';
import { statusLabel, typeLabel } from '@/utils/popup/labels';
import type { MessageKey } from '@/utils/i18n';
import { t } from '@/utils/i18n';

export interface FilterBarProps {
  idPrefix: string;
  facets: Facets;
  filters: FilterState;
  onChange: (filters: FilterState) => void;
  shown: number;
  total: number;
}

interface FacetSpec {
  key: FilterKey;
  label: MessageKey;
  all: MessageKey;
  options: FacetValue<string | number>[];
  text: (v: FacetValue<string | number>) => string;
}

export function FilterBar({ idPrefix, facets, filters, onChange, shown, total }: FilterBarProps) {
  const specs: FacetSpec[] = [
    {
      key: 'type',
      label: 'filterType',
      all: 'filterAllTypes',
      options: facets.types,
      text: (v) => typeLabel(v.value as never),
    },
    {
      key: 'jurisdiction',
      label: 'filterJurisdiction',
      all: 'filterAllJurisdictions',
      options: facets.jurisdictions,
      text: (v) => `${v.label} (${v.value})`,
    },
    {
      key: 'status',
      label: 'filterStatus',
      all: 'filterAllStatuses',
      options: facets.statuses,
      text: (v) => statusLabel(v.value as never),
    },
    { key: 'year', label: 'filterYear', all: 'filterAllYears', options: facets.years, text: (v) => v.label },
  ];
  const active = activeFilterCount(filters);
  return (
    <div class="filter-bar">
      <details class="filters-details" data-testid="filters-toggle">
        <summary>
          {t('filtersLegend')}
          {active > 0 && <> · {t('filtersActive', String(active))}</>}
        </summary>
        <fieldset class="filters" data-testid="filters">
          <legend class="visually-hidden">{t('filtersLegend')}</legend>
          <div class="filters__grid">
            {specs.map((spec) => {
              const id = `${idPrefix}-filter-${spec.key}`;
              const current = filterValue(filters, spec.key);
              const present = current === '' || spec.options.some((o) => String(o.value) === current);
              return (
                <div class="filters__field" key={spec.key}>
                  <label for={id}>{t(spec.label)}</label>
                  <select
                    id={id}
                    value={current}
                    data-testid={`filter-${spec.key}`}
                    onChange={(e) =>
                      onChange(withFilter(filters, spec.key, (e.currentTarget as HTMLSelectElement).value))
                    }
                  >
                    <option value="">{t(spec.all)}</option>
                    {!present && <option value={current}>{current}</option>}
                    {spec.options.map((o) => (
                      <option key={String(o.value)} value={String(o.value)}>
                        {spec.text(o)} ({o.count})
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        </fieldset>
      </details>
      <p class="filters__summary">
        <span aria-live="polite" data-testid="filter-summary">
          {active ? t('filterShowing', [String(shown), String(total)]) : t('filterShowingAll', String(total))}
        </span>{' '}
        {active > 0 && (
          <button
            type="button"
            class="link-button"
            data-testid="filter-clear"
            onClick={() => onChange(NO_FILTERS)}
          >
            {t('filterClear')}
          </button>
        )}
      </p>
    </div>
  );
}
