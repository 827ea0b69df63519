/**
 * The facts for a list of vendors (those on the page, or one picked in the dataset browser): filters, one
 * section per vendor, and the numbered sources of everything shown.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDataset } from '@/utils/dataset';
import type { VendorId } from '@/utils/dataset/types';
import { NO_FILTERS, activeFilterCount, facetsForVendors, toActionFilters } from '@/utils/popup/filters';
import type { FilterState } from '@/utils/popup/filters';
import { buildReportModel } from '@/utils/popup/report-model';
import type { VendorOnPage } from '@/utils/popup/report-model';
import { FilterBar } from './FilterBar';
import { SourcesSection } from './FactSources';
import { VendorSection } from './VendorSection';
import { CitationFormatPicker } from './CopyStatus';

export interface ReportBodyProps {
  vendors: readonly (VendorId | VendorOnPage)[];
  /** Prefix for element ids, unique per ReportBody on the page. */
  idPrefix: string;
  /** Level of the "Sources" heading: 2 in the page report, 3 inside the dataset browser. */
  sourcesLevel?: 2 | 3;
  /** Called once everything is rendered (see `FIRST_ROWS`). */
  onComplete?: () => void;
}

/**
 * Rows per vendor in the first render. A page naming all four vendors has over a hundred rows (thousands of
 * elements); the first render shows the newest few of each, which fill the popup, and the rest follow right
 * after the first paint, so the popup appears at once. `data-complete` marks the full render.
 */
export const FIRST_ROWS = 3;

/** Becomes true after the first paint. */
function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDone(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return done;
}

export function ReportBody({ vendors, idPrefix, sourcesLevel = 2, onComplete }: ReportBodyProps) {
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const complete = useAfterFirstPaint();
  useEffect(() => {
    if (complete) onComplete?.();
  }, [complete]);
  const ids = vendors.map((v) => (typeof v === 'string' ? v : v.vendor));
  const key = ids.join(',');
  const facets = useMemo(() => facetsForVendors(getDataset(), ids), [key]);
  const model = useMemo(
    () => buildReportModel(getDataset(), vendors, toActionFilters(filters)),
    [vendors, filters],
  );
  const filtered = activeFilterCount(filters) > 0;
  return (
    <div
      class="report-body"
      data-testid={`report-body-${idPrefix}`}
      data-complete={complete ? 'true' : undefined}
    >
      <div class="toolbar">
        <FilterBar
          idPrefix={idPrefix}
          facets={facets}
          filters={filters}
          onChange={setFilters}
          shown={model.shownActions}
          total={model.totalActions}
        />
        <CitationFormatPicker id={`${idPrefix}-format`} />
      </div>
      {model.sections.map((section) => (
        <VendorSection
          key={section.vendor}
          section={section}
          sources={model.sources}
          idPrefix={idPrefix}
          filtered={filtered}
          rowLimit={complete ? undefined : FIRST_ROWS}
        />
      ))}
      {complete && <SourcesSection list={model.sources} idPrefix={idPrefix} level={sourcesLevel} />}
    </div>
  );
}
