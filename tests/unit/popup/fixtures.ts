/** A tiny hand-made dataset for tests where exact values matter. */
import type { Action, Dataset, Response, Source, Vendor } from '@/utils/dataset/types';

export const src = (n: number, extra: Partial<Source> = {}): Source[] => [
  { url: `https://example.org/${n}`, publisher: `Publisher ${n}`, title: `Title ${n}`, ...extra },
];

export const vendor = (id: Vendor['id'], name: string, extra: Partial<Vendor> = {}): Vendor => ({
  id,
  name,
  legalNames: [name],
  otherNames: [],
  chineseNames: { simplified: [], traditional: [] },
  brands: [],
  profile: [],
  ...extra,
});

export const action = (id: string, date: string, extra: Partial<Action> = {}): Action => ({
  id,
  vendors: ['hikvision'],
  namedExplicitly: true,
  date: { date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year' },
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

export const response = (
  id: string,
  date: string,
  respondsTo: string[],
  extra: Partial<Response> = {},
): Response => ({
  id,
  vendor: 'hikvision',
  date: { date, precision: 'day' },
  respondsTo,
  quote: `Quote ${id}, “verbatim” *as printed*.`,
  quoteLanguage: 'en',
  speaker: `Speaker ${id}`,
  venue: `Venue ${id}`,
  verification: 'verified',
  sources: src(100 + Number(id.slice(1))),
  ...extra,
});

/** Hikvision with a brand and Ezviz as its subsidiary; Dahua with one action. */
export function tinyDataset(): Dataset {
  return {
    version: '9.9.9',
    asOf: '2026-02-01',
    vendors: [
      vendor('hikvision', 'Hikvision', {
        brands: [
          {
            name: 'HiLook',
            aliases: ['Hi Look'],
            relation: 'brand',
            note: 'Camera brand of Hikvision.',
            sources: src(50),
          },
          {
            name: 'Hiksemi',
            aliases: ['HikStorage'],
            relation: 'subsidiary',
            note: 'Storage.',
            sources: src(51),
          },
        ],
      }),
      vendor('dahua', 'Dahua', {
        brands: [
          { name: 'Lorex', aliases: [], relation: 'former subsidiary', note: 'Sold.', sources: src(52) },
        ],
      }),
      vendor('hytera', 'Hytera'),
      vendor('ezviz', 'Ezviz', { parent: { id: 'hikvision', relation: 'subsidiary', sources: src(53) } }),
    ],
    actions: [
      action('A01', '2019-08-13', { sources: [...src(1), ...src(2)] }),
      action('A02', '2021-06', {
        type: 'investment-sanction',
        jurisdiction: { code: 'DK', name: 'Denmark', locality: 'Copenhagen Municipality' },
        status: 'superseded',
        caveats: ['A caveat.'],
      }),
      action('A03', '2021-03-01', { vendors: ['hikvision', 'dahua'], type: 'site-removal', sources: src(1) }),
      action('A04', '2017', { vendors: ['dahua'], alsoTypes: ['procurement-ban'], type: 'other' }),
    ],
    responses: [
      response('R01', '2019-08-20', ['A01']),
      response('R02', '2019-09-01', ['A01'], { verification: 'partly-verified', quoteLanguage: 'zh-Hant' }),
      response('R03', '2022-01-01', []),
      response('R04', '2021-03-05', ['A03'], { vendor: 'dahua', sources: src(1) }),
    ],
    context: [
      {
        id: 'C01',
        vendor: 'ezviz',
        kind: 'private-sector',
        date: { date: '2021', precision: 'year' },
        title: 'Retailer drops',
        summary: 'A retailer stops selling.',
        sources: src(60),
      },
    ],
  };
}
