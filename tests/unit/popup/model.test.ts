/** Pure helpers behind the popup: filters, timeline, the report model, search, formats, the report URL. */
import { describe, expect, it } from 'vitest';
import { getDataset } from '@/utils/dataset';
import { VIA_PARENT_WORDING, vendorReport } from '@/utils/dataset/query';
import type { MentionBrief } from '@/utils/messaging';
import {
  NO_FILTERS,
  actionsForVendors,
  activeFilterCount,
  facetsForVendors,
  filterValue,
  toActionFilters,
  withFilter,
} from '@/utils/popup/filters';
import { MAX_TIMELINE_YEARS, timelineFor } from '@/utils/popup/timeline';
import { buildReportModel, findBrand, parentRelationOf, vendorsOnPage } from '@/utils/popup/report-model';
import { searchView } from '@/utils/popup/browse';
import {
  formatFactDate,
  formatIsoDate,
  jurisdictionLabel,
  safeHref,
  toDateInputValue,
} from '@/utils/popup/format';
import { reportPagePath } from '@/utils/popup/report-url';
import { tabIdFromSearch } from '@/utils/popup/target-tab';
import { action, tinyDataset } from './fixtures';

const ds = tinyDataset();
const mention = (
  vendor: MentionBrief['vendor'],
  text: string,
  match: MentionBrief['match'] = 'exact',
  alias = text,
) => ({
  vendor,
  text,
  alias,
  match,
  inArticle: true,
});

describe('filters', () => {
  it('sets, reads and clears each facet from select values', () => {
    let f = withFilter(NO_FILTERS, 'type', 'procurement-ban');
    f = withFilter(f, 'jurisdiction', 'US-LA');
    f = withFilter(f, 'status', 'in-force');
    f = withFilter(f, 'year', '2021');
    expect(f).toEqual({ type: 'procurement-ban', jurisdiction: 'US-LA', status: 'in-force', year: 2021 });
    expect(activeFilterCount(f)).toBe(4);
    expect(filterValue(f, 'year')).toBe('2021');
    expect(toActionFilters(f)).toEqual({
      types: ['procurement-ban'],
      jurisdictions: ['US-LA'],
      statuses: ['in-force'],
      years: [2021],
    });
    expect(withFilter(f, 'year', '')).toMatchObject({ year: null });
    expect(toActionFilters(NO_FILTERS)).toEqual({ types: [], jurisdictions: [], statuses: [], years: [] });
  });

  it.each([
    ['type', 'ban-hammer'],
    ['status', 'bad'],
    ['jurisdiction', 'us'],
    ['jurisdiction', '<script>'],
    ['year', '20210'],
  ] as const)('ignores the invalid %s value %j', (key, raw) =>
    expect(filterValue(withFilter(NO_FILTERS, key, raw), key)).toBe(''),
  );

  it('offers each shared action once over the vendors shown', () => {
    expect(
      actionsForVendors(ds, ['hikvision', 'ezviz'])
        .map((a) => a.id)
        .sort(),
    ).toEqual(['A01', 'A02', 'A03']);
    const facets = facetsForVendors(ds, ['hikvision', 'ezviz', 'dahua']);
    expect(facets.years.map((y) => y.value)).toEqual([2021, 2019, 2017]);
    expect(facets.jurisdictions).toEqual([
      { value: 'US', label: 'United States', count: 3 },
      { value: 'DK', label: 'Denmark', count: 1 },
    ]);
  });

  it('filters the report rows, alsoTypes included', () => {
    const rows = vendorReport(
      ds,
      'dahua',
      toActionFilters(withFilter(NO_FILTERS, 'type', 'procurement-ban')),
    ).rows;
    expect(rows.map((r) => r.action.id)).toEqual(['A04']);
  });
});

describe('timeline', () => {
  it('spans the first to the last year, with empty years, actions newest first and responses once', () => {
    const report = vendorReport(ds, 'hikvision');
    expect(timelineFor(report.rows, report.generalResponses)).toEqual([
      { year: 2019, actions: ['A01'], responses: 2 },
      { year: 2020, actions: [], responses: 0 },
      { year: 2021, actions: ['A02', 'A03'], responses: 0 }, // R04 is Dahua's
      { year: 2022, actions: [], responses: 1 },
    ]);
    expect(timelineFor([])).toEqual([]);
  });

  it('keeps only the newest years when the span is long', () => {
    const rows = [action('A01', '1950'), action('A02', '2026')].map((a) => ({
      action: a,
      responses: [],
      noResponseNote: null,
      viaParent: null,
    }));
    const years = timelineFor(rows);
    expect(years).toHaveLength(MAX_TIMELINE_YEARS);
    expect(years.at(-1)).toEqual({ year: 2026, actions: ['A02'], responses: 0 });
  });
});

describe('report model', () => {
  it('finds brands by name or alias and the parent relation', () => {
    expect(findBrand(ds, 'hikvision', 'hikstorage')).toMatchObject({
      name: 'Hiksemi',
      relation: 'subsidiary',
    });
    expect(findBrand(ds, 'hikvision', 'Nope')).toBeNull();
    expect(parentRelationOf(ds, 'ezviz')).toMatchObject({
      name: 'Ezviz',
      parentName: 'Hikvision',
      relation: 'subsidiary',
    });
    expect(parentRelationOf(ds, 'dahua')).toBeNull();
  });

  it('groups the page’s mentions by vendor with the brands they came through', () => {
    const on = vendorsOnPage(ds, [
      mention('hikvision', 'Hikvision'),
      mention('hikvision', 'HiLook', 'brand', 'HiLook'),
      mention('hikvision', 'HILOOK', 'brand', 'HiLook'),
      mention('ezviz', 'EZVIZ'),
      mention('hikvision', 'Hikvision'),
      mention('dahua', 'Unknownbrand', 'brand', 'Unknownbrand'),
    ]);
    expect(on.map((v) => [v.vendor, v.count])).toEqual([
      ['hikvision', 4],
      ['dahua', 1],
      ['ezviz', 1],
    ]);
    expect(on[0]!.brands).toMatchObject([
      { name: 'HiLook', relation: 'brand', count: 2, texts: ['HiLook', 'HILOOK'] },
    ]);
    expect(on[1]!.brands).toMatchObject([{ name: 'Unknownbrand', relation: 'brand', sources: [] }]);
  });

  it('builds sections with one source numbering and counts shared actions once', () => {
    const vendors = vendorsOnPage(ds, [
      mention('hikvision', 'Hikvision'),
      mention('hikvision', 'HiLook', 'brand', 'HiLook'),
      mention('ezviz', 'Ezviz'),
    ]);
    const model = buildReportModel(ds, vendors);
    expect(model.sections.map((s) => s.vendor)).toEqual(['hikvision', 'ezviz']);
    expect(model.sections[1]!.report.viaParent).toBe(VIA_PARENT_WORDING);
    expect(model.sections[1]!.context.map((c) => c.id)).toEqual(['C01']);
    expect(model.shownActions).toBe(3);
    expect(model.totalActions).toBe(3);
    // Brand sources come first, then the rows in order; numbers are 1..n without gaps.
    expect(model.sources.refs['brand:hikvision:HiLook']).toEqual([1]);
    expect(model.sources.sources.map((s) => s.n)).toEqual(model.sources.sources.map((_, i) => i + 1));
    expect(model.sources.refs.A02).toBeDefined();
    expect(model.sources.refs['parent:ezviz']).toBeDefined();

    const filtered = buildReportModel(ds, vendors, { years: [2019] });
    expect(filtered.shownActions).toBe(1);
    expect(filtered.totalActions).toBe(3);
    expect(filtered.sources.refs.A02).toBeUndefined();
  });

  it('stays fast on the real dataset for all four vendors', () => {
    const real = getDataset();
    const start = performance.now();
    const model = buildReportModel(real, ['hikvision', 'dahua', 'hytera', 'ezviz']);
    expect(performance.now() - start).toBeLessThan(50);
    expect(model.sections.every((s) => s.report.rows.length > 0)).toBe(true);
  });
});

describe('search view', () => {
  it('pairs matching actions with their responses and lists other matches apart', () => {
    const view = searchView(ds, 'verbatim');
    expect(view.rows).toEqual([]);
    expect(view.responses.map((r) => r.id)).toEqual(['R03', 'R04', 'R02', 'R01']);
    const a01 = searchView(ds, 'Title A01');
    expect(a01.rows.map((r) => r.action.id)).toEqual(['A01']);
    expect(a01.rows[0]!.responses.map((r) => r.id)).toEqual(['R01', 'R02']);
    expect(a01.responses).toEqual([]);
    expect(searchView(ds, '   ').total).toBe(0);
    expect(searchView(ds, 'Copenhagen').rows.map((r) => r.action.id)).toEqual(['A02']);
  });
});

describe('formats', () => {
  it('formats partial dates at their precision', () => {
    expect(formatIsoDate('2019-08-13', 'en')).toBe('Aug 13, 2019');
    expect(formatIsoDate('2021-06', 'en')).toBe('Jun 2021');
    expect(formatIsoDate('2017', 'en')).toBe('2017');
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
    expect(formatIsoDate('2019-08-13', 'zh-CN')).toBe('2019年8月13日');
    expect(formatFactDate({ date: '2021-06', precision: 'month' }, 'en')).toBe('Jun 2021');
  });

  it('labels jurisdictions with their code', () => {
    expect(jurisdictionLabel({ code: 'US', name: 'United States' })).toBe('United States (US)');
    expect(jurisdictionLabel({ code: 'DK', name: 'Denmark', locality: 'Copenhagen Municipality' })).toBe(
      'Copenhagen Municipality, Denmark (DK)',
    );
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('nope')).toBeNull();
  });

  it('gives date input values in local time', () => {
    expect(toDateInputValue(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('report URL', () => {
  it('round-trips with tabIdFromSearch', () => {
    const path = reportPagePath(42);
    expect(path).toBe('/popup.html?tab=42');
    expect(tabIdFromSearch(path.slice(path.indexOf('?')))).toBe(42);
    expect(() => reportPagePath(-1)).toThrow(RangeError);
  });
});

describe('copyText', () => {
  it('uses the async clipboard, then the execCommand fallback, and never throws', async () => {
    const { copyText } = await import('@/utils/popup/clipboard');
    const written: string[] = [];
    expect(await copyText('a', { writeText: async (t) => void written.push(t) })).toBe(true);
    expect(written).toEqual(['a']);
    const doc = document.implementation.createHTMLDocument('');
    Object.defineProperty(doc, 'execCommand', { value: () => true, configurable: true });
    expect(await copyText('b', { writeText: () => Promise.reject(new Error('no')) }, doc)).toBe(true);
    expect(doc.querySelector('textarea')).toBeNull();
    Object.defineProperty(doc, 'execCommand', {
      value: () => {
        throw new Error('no');
      },
      configurable: true,
    });
    expect(await copyText('c', null, doc)).toBe(false);
  });
});
