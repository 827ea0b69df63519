/**
 * The query layer: ordering, pairing of responses, filters, counts, the Ezviz wording, search, card summary and
 * source numbering. Uses the real dataset plus a tiny hand-made one where exact values matter.
 */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../../utils/dataset/index';
import {
  NO_RESPONSE_TEXT,
  VIA_PARENT_WORDING,
  actionsFor,
  cardSummary,
  facetValues,
  filterActions,
  searchDataset,
  sourcesFor,
  vendorReport,
} from '../../../utils/dataset/query';
import type { Action, Dataset, Response, Vendor } from '../../../utils/dataset/types';

const ds = getDataset();
const src = (n: number): Action['sources'] => [
  { url: `https://example.org/${n}`, publisher: 'P', title: `T${n}` },
];
const vendor = (id: Vendor['id'], parent?: Vendor['id']): Vendor => ({
  id,
  name: id,
  legalNames: [id],
  otherNames: [],
  chineseNames: { simplified: ['甲'], traditional: ['甲'] },
  brands: [],
  profile: [],
  ...(parent ? { parent: { id: parent, relation: 'subsidiary', sources: src(0) } } : {}),
});
const action = (
  id: string,
  date: string,
  precision: 'day' | 'month' | 'year',
  extra: Partial<Action> = {},
): Action => ({
  id,
  vendors: ['hikvision'],
  namedExplicitly: true,
  date: { date, precision },
  jurisdiction: { code: 'US', name: 'United States' },
  body: `Body ${id}`,
  type: 'procurement-ban',
  title: `Title ${id}`,
  summary: `Summary ${id}.`,
  status: 'in-force',
  statusAsOf: '2026-01-01',
  sources: src(Number(id.slice(1))),
  ...extra,
});
const response = (
  id: string,
  date: string,
  respondsTo: string[],
  vendorId: Response['vendor'] = 'hikvision',
): Response => ({
  id,
  vendor: vendorId,
  date: { date, precision: 'day' },
  respondsTo,
  quote: `Quote ${id}`,
  quoteLanguage: 'en',
  speaker: 'a spokesperson',
  venue: 'statement',
  verification: 'verified',
  sources: src(100 + Number(id.slice(1))),
});
const mini: Dataset = {
  version: '0.0.1',
  asOf: '2026-01-01',
  vendors: [vendor('hikvision'), vendor('dahua'), vendor('hytera'), vendor('ezviz', 'hikvision')],
  actions: [
    action('A01', '2020-05-01', 'day'),
    action('A02', '2024', 'year', { type: 'civil-judgment', jurisdiction: { code: 'CA', name: 'Canada' } }),
    action('A03', '2024-03-02', 'day', {
      vendors: ['hikvision', 'dahua'],
      status: 'superseded',
      alsoTypes: ['site-removal'],
    }),
    action('A04', '2022-07', 'month', { vendors: ['dahua'] }),
  ],
  responses: [
    response('R01', '2024-03-05', ['A03']),
    response('R02', '2024-03-03', ['A03']),
    response('R03', '2024-03-04', ['A03'], 'dahua'),
    response('R04', '2023-01-01', []),
  ],
  context: [],
};

describe('vendorReport', () => {
  it('orders actions newest first, a year sorting after its dated days', () => {
    expect(vendorReport(mini, 'hikvision').rows.map((r) => r.action.id)).toEqual(['A03', 'A02', 'A01']);
  });

  it("pairs each action with the vendor's own responses, oldest first", () => {
    const hik = vendorReport(mini, 'hikvision');
    expect(hik.rows[0]?.responses.map((r) => r.id)).toEqual(['R02', 'R01']);
    expect(hik.rows[0]?.noResponseNote).toBeNull();
    const dah = vendorReport(mini, 'dahua');
    expect(dah.rows.find((r) => r.action.id === 'A03')?.responses.map((r) => r.id)).toEqual(['R03']);
  });

  it('says so when an action has no public response', () => {
    const row = vendorReport(mini, 'hikvision').rows.find((r) => r.action.id === 'A01');
    expect(row?.responses).toEqual([]);
    expect(row?.noResponseNote).toBe(NO_RESPONSE_TEXT);
    expect(NO_RESPONSE_TEXT).toBe('No public response found in our sources');
  });

  it('lists general statements separately', () => {
    expect(vendorReport(mini, 'hikvision').generalResponses.map((r) => r.id)).toEqual(['R04']);
    expect(vendorReport(mini, 'dahua').generalResponses).toEqual([]);
  });

  it("shows Ezviz its parent's actions with the exact wording", () => {
    const ez = vendorReport(mini, 'ezviz');
    expect(ez.actionsVendor.id).toBe('hikvision');
    expect(ez.viaParent).toBe('applies to Hikvision and its subsidiaries and affiliates');
    expect(VIA_PARENT_WORDING).toBe('applies to Hikvision and its subsidiaries and affiliates');
    expect(ez.rows.map((r) => r.action.id)).toEqual(['A03', 'A02', 'A01']);
    expect(ez.rows.every((r) => r.viaParent === VIA_PARENT_WORDING)).toBe(true);
    expect(vendorReport(mini, 'hikvision').viaParent).toBeNull();
  });

  it('filters by type (including secondary types), jurisdiction, status and year, and counts the result', () => {
    const byType = vendorReport(mini, 'hikvision', { types: ['site-removal'] });
    expect(byType.rows.map((r) => r.action.id)).toEqual(['A03']);
    expect(byType.totalActions).toBe(3);
    expect(vendorReport(mini, 'hikvision', { jurisdictions: ['CA'] }).rows.map((r) => r.action.id)).toEqual([
      'A02',
    ]);
    expect(
      vendorReport(mini, 'hikvision', { statuses: ['superseded'] }).rows.map((r) => r.action.id),
    ).toEqual(['A03']);
    const y2024 = vendorReport(mini, 'hikvision', { years: [2024] });
    expect(y2024.rows.map((r) => r.action.id)).toEqual(['A03', 'A02']);
    expect(y2024.counts).toMatchObject({
      actions: 2,
      responses: 3,
      byYear: { '2024': 2 },
      byJurisdiction: { US: 1, CA: 1 },
      byStatus: { superseded: 1, 'in-force': 1 },
      byType: { 'procurement-ban': 1, 'civil-judgment': 1 },
    });
    expect(vendorReport(mini, 'hikvision', { types: [], years: [] }).rows).toHaveLength(3);
  });

  it('on the real data: Hikvision has 36 actions newest first, and A01 carries R01 and R02', () => {
    const hik = vendorReport(ds, 'hikvision');
    expect(hik.rows).toHaveLength(36);
    const keys = hik.rows.map((r) => r.action.date.date.padEnd(10, '-'));
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(hik.rows.find((r) => r.action.id === 'A01')?.responses.map((r) => r.id)).toEqual(['R02', 'R01']);
    expect(hik.generalResponses.map((r) => r.id)).toEqual(['R20']);
    const dah = vendorReport(ds, 'dahua');
    expect(dah.rows.find((r) => r.action.id === 'A01')?.responses.map((r) => r.id)).toEqual(['R03']);
    expect(vendorReport(ds, 'hytera').rows).toHaveLength(20);
    const counted = Object.values(hik.counts.byType).reduce((a, b) => a + b, 0);
    expect(counted).toBe(36);
  });

  it('on the real data: Ezviz gets the 36 Hikvision actions through its parent, none naming Ezviz', () => {
    const ez = vendorReport(ds, 'ezviz');
    expect(ez.viaParent).toBe(VIA_PARENT_WORDING);
    expect(ez.rows).toHaveLength(36);
    expect(ez.rows.every((r) => !r.action.vendors.includes('ezviz'))).toBe(true);
  });

  it('throws on an unknown vendor id', () => {
    expect(() => vendorReport(mini, 'acme' as Vendor['id'])).toThrow(/Unknown vendor/);
  });
});

describe('filterActions and facetValues', () => {
  it('returns everything without filters and keeps the order', () => {
    expect(filterActions(mini.actions).map((a) => a.id)).toEqual(['A01', 'A02', 'A03', 'A04']);
  });

  it('offers only values present, with counts, years newest first', () => {
    const f = facetValues(mini);
    expect(f.years.map((y) => [y.value, y.count])).toEqual([
      [2024, 2],
      [2022, 1],
      [2020, 1],
    ]);
    expect(f.jurisdictions).toEqual([
      { value: 'US', label: 'United States', count: 3 },
      { value: 'CA', label: 'Canada', count: 1 },
    ]);
    expect(facetValues(mini, 'dahua').types.map((t) => t.value)).toEqual(['procurement-ban']);
    expect(
      facetValues(ds, 'hytera')
        .jurisdictions.map((j) => j.value)
        .sort(),
    ).toEqual(['AU', 'US', 'US-LA']);
  });
});

describe('searchDataset', () => {
  it('matches all terms, case- and accent-insensitively, newest first', () => {
    const r = searchDataset(ds, 'motorola TRADE secrets');
    expect(r.actions.length).toBeGreaterThan(2);
    expect(r.actions.every((a) => a.vendors.includes('hytera'))).toBe(true);
    expect(searchDataset(ds, 'etikkradet').actions).toEqual([]);
    expect(searchDataset(ds, 'Melanie Joly').actions.map((a) => a.id)).toEqual(['A26']);
    expect(searchDataset(ds, 'curtain').responses.map((x) => x.id)).toEqual(['R24']);
    expect(searchDataset(ds, 'Lorex').context.map((c) => c.id)).toEqual(['C04']);
  });

  it('finds nothing for empty text', () => {
    expect(searchDataset(ds, '   ')).toEqual({ actions: [], responses: [], context: [] });
  });
});

describe('cardSummary', () => {
  it('gives counts, the two newest actions and the newest quote', () => {
    const c = cardSummary(mini, 'hikvision');
    expect(c.actionCount).toBe(3);
    expect(c.latestActions.map((a) => a.id)).toEqual(['A03', 'A02']);
    expect(c.latestActions[1]).toMatchObject({ jurisdiction: 'Canada', line: 'Title A02' });
    expect(c.responseCount).toBe(3);
    expect(c.latestQuote?.id).toBe('R01');
    expect(c.viaParent).toBeNull();
  });

  it('covers Ezviz through its parent and shows locality for Copenhagen', () => {
    const c = cardSummary(ds, 'ezviz');
    expect(c.viaParent).toBe(VIA_PARENT_WORDING);
    expect(c.actionCount).toBe(36);
    const cph = cardSummary({ ...ds, actions: ds.actions.filter((a) => a.id === 'A35') }, 'dahua');
    expect(cph.latestActions[0]?.jurisdiction).toBe('Denmark (Copenhagen Municipality)');
  });

  it('has no quote for a vendor without responses', () => {
    expect(cardSummary({ ...mini, responses: [] }, 'dahua').latestQuote).toBeNull();
  });
});

describe('sourcesFor', () => {
  it('deduplicates sources by URL and numbers them in order of first use', () => {
    const shared = { url: 'https://example.org/shared/', publisher: 'P', title: 'S' };
    const list = sourcesFor([
      { id: 'A1', sources: [shared, { url: 'https://example.org/a', publisher: 'P', title: 'A' }] },
      {
        id: 'R1',
        sources: [
          { ...shared, url: 'https://example.org/shared#x' },
          { url: 'https://example.org/r', publisher: 'P', title: 'R' },
        ],
      },
    ]);
    expect(list.sources.map((s) => [s.n, s.title])).toEqual([
      [1, 'S'],
      [2, 'A'],
      [3, 'R'],
    ]);
    expect(list.refs).toEqual({ A1: [1, 2], R1: [1, 3] });
  });

  it('numbers the sources of a real vendor report without repeats', () => {
    const hik = vendorReport(ds, 'hikvision');
    const list = sourcesFor([...hik.rows.map((r) => r.action), ...hik.rows.flatMap((r) => r.responses)]);
    expect(new Set(list.sources.map((s) => s.url)).size).toBe(list.sources.length);
    expect(list.sources.map((s) => s.n)).toEqual(list.sources.map((_, i) => i + 1));
  });
});

describe('actionsFor', () => {
  it('resolves Ezviz to Hikvision', () => {
    expect(actionsFor(ds, 'ezviz')).toEqual(actionsFor(ds, 'hikvision'));
  });
});
