/**
 * The facts for a list of vendors (those on the page, or one picked in the dataset browser): filters, one
 * section per vendor, and the numbered sources of everything shown.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
 * Rows in the first render, over all sections. A page naming all four vendors has over a hundred rows (thousands
 * of elements): the first render shows the first vendor's newest rows, which fill the popup (the other sections
 * start with their headings). After the first paint the rest follow `ROWS_PER_STEP` at a time, one task each, in
 * section order, then the sources, so neither the popup's first paint nor its first scroll waits for one long
 * task (all at once, the popup's longest task per open was 166-269 ms at the median on a slow machine, with
 * the offscreen Readability that shares its thread; 65-69 ms in steps). `data-complete` marks the full render.
 */
export const FIRST_ROWS = 3;
export const ROWS_PER_STEP = 10;

/** The rows each section shows when `budget` rows are shown in all, spent in section order. */
export function rowLimits(budget: number, rowCounts: readonly number[]): number[] {
  let left = budget;
  return rowCounts.map((n) => {
    const shown = Math.min(n, left);
    left -= shown;
    return shown;
  });
}

/** Steps after the first render until everything is shown: the rest of the rows, then the sources. */
export function stepsAfterFirst(totalRows: number): number {
  return Math.ceil(Math.max(0, totalRows - FIRST_ROWS) / ROWS_PER_STEP) + 1;
}

/** 0 until the first paint, then one more in each following task, up to `steps`. */
function useStepsAfterFirstPaint(steps: number): number {
  const [done, setDone] = useState(0);
  useEffect(() => {
    if (done >= steps) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(() => setDone((d) => d + 1), 0);
    };
    const frame = done === 0 ? requestAnimationFrame(next) : (next(), 0);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [done, steps]);
  return done;
}

export function ReportBody({ vendors, idPrefix, sourcesLevel = 2, onComplete }: ReportBodyProps) {
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const ids = vendors.map((v) => (typeof v === 'string' ? v : v.vendor));
  const key = ids.join(',');
  const facets = useMemo(() => facetsForVendors(getDataset(), ids), [key]);
  const model = useMemo(
    () => buildReportModel(getDataset(), vendors, toActionFilters(filters)),
    [vendors, filters],
  );
  const filtered = activeFilterCount(filters) > 0;
  const rowCounts = model.sections.map((x) => x.report.rows.length);
  const steps = stepsAfterFirst(rowCounts.reduce((a, b) => a + b, 0));
  // Once whole, the body stays whole and takes no more steps: rows that a filter brings back later are shown
  // at once.
  const whole = useRef(false);
  /** The target of an in-report link clicked before its row was rendered (see `onLinkClick`). */
  const [jumpTo, setJumpTo] = useState<string | null>(null);
  const step = useStepsAfterFirstPaint(whole.current ? 0 : steps);
  if (step >= steps || jumpTo !== null) whole.current = true;
  const complete = whole.current;
  useEffect(() => {
    if (complete) onComplete?.();
  }, [complete]);
  useEffect(() => {
    if (jumpTo === null) return;
    setJumpTo(null);
    if (location.hash === `#${jumpTo}`) document.getElementById(jumpTo)?.scrollIntoView();
    else location.hash = jumpTo;
  }, [jumpTo]);
  /**
   * A link to a row that is not rendered yet (a timeline's, while the rows come in) would go nowhere: every row
   * is rendered at once instead, then the link is followed.
   */
  const onLinkClick = (event: MouseEvent) => {
    if (complete || !(event.target instanceof Element)) return;
    const id = event.target.closest('a[href^="#"]')?.getAttribute('href')?.slice(1);
    if (!id || event.target.ownerDocument.getElementById(id)) return;
    event.preventDefault();
    setJumpTo(id);
  };
  const limits = rowLimits(complete ? Infinity : FIRST_ROWS + step * ROWS_PER_STEP, rowCounts);
  return (
    <div
      class="report-body"
      data-testid={`report-body-${idPrefix}`}
      data-complete={complete ? 'true' : undefined}
      onClick={onLinkClick}
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
      {model.sections.map((section, i) => (
        <VendorSection
          key={section.vendor}
          section={section}
          sources={model.sources}
          idPrefix={idPrefix}
          filtered={filtered}
          rowLimit={limits[i]}
        />
      ))}
      {complete && <SourcesSection list={model.sources} idPrefix={idPrefix} level={sourcesLevel} />}
    </div>
  );
}
