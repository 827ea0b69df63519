import { describe, expect, it } from 'vitest';
import { badgeText } from '@/utils/background/badge';
import { resolveTargetTab, tabIdFromSearch } from '@/utils/popup/target-tab';
import { countByVendor } from '@/utils/popup/summary';
import { basicPageFacts, buildPageReport } from '@/utils/content/page-report';

describe('badge text', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('%i -> %j', (n, text) => expect(badgeText(n)).toBe(text));
});

describe('target tab', () => {
  it.each([
    ['?tab=12', 12],
    ['?tab=0', 0],
    ['?tab=-1', null],
    ['?tab=1e3', null],
    ['?tab=abc', null],
    ['', null],
    ['?tab=99999999999', null],
  ])('tabIdFromSearch(%j) = %j', (search, id) => expect(tabIdFromSearch(search)).toBe(id));

  it('uses the active tab without a ?tab parameter', async () => {
    const tabs = { query: async () => [{ id: 7 }] };
    expect(await resolveTargetTab('', tabs)).toBe(7);
    expect(await resolveTargetTab('?tab=3', tabs)).toBe(3);
    expect(await resolveTargetTab('', { query: async () => [] })).toBeNull();
  });
});

describe('countByVendor', () => {
  it('groups, counts and orders mentions', () => {
    const m = (vendor: 'hikvision' | 'dahua' | 'ezviz', text: string) => ({
      vendor,
      text,
      alias: text,
      match: 'exact' as const,
      inArticle: true,
    });
    expect(
      countByVendor([
        m('dahua', 'Dahua'),
        m('hikvision', 'Hikvision'),
        m('dahua', 'Dahua'),
        m('ezviz', 'EZVIZ'),
      ]),
    ).toEqual([
      { vendor: 'dahua', count: 2, texts: ['Dahua'] },
      { vendor: 'hikvision', count: 1, texts: ['Hikvision'] },
      { vendor: 'ezviz', count: 1, texts: ['EZVIZ'] },
    ]);
  });
});

describe('page report', () => {
  it('takes the title, or the first heading when there is none', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.title = '  A title ';
    expect(basicPageFacts(doc).title).toBe('A title');
    const untitled = document.implementation.createHTMLDocument('');
    const h1 = untitled.createElement('h1');
    h1.textContent = 'Heading';
    untitled.body.append(h1);
    expect(basicPageFacts(untitled).title).toBe('Heading');
  });

  it('builds a report with the site key', () => {
    const r = buildPageReport('https://www.example.org/x', basicPageFacts(document), [], {
      enabled: true,
      truncated: false,
      scanning: false,
    });
    expect(r.site).toBe('example.org');
    expect(r.mentions).toEqual([]);
  });
});
