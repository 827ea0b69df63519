import { describe, expect, it } from 'vitest';
import { getDataset } from '@/utils/dataset';
import { NO_RESPONSE_TEXT, VIA_PARENT_WORDING, vendorReport } from '@/utils/dataset/query';
import { EN_CITATION_LABELS, citeFact, citeVendor } from '@/utils/citation';
import type { CitationContext } from '@/utils/citation';
import { tinyDataset } from './fixtures';

const ds = tinyDataset();
const md: CitationContext = { format: 'markdown', datasetVersion: ds.version, datasetAsOf: ds.asOf };
const text: CitationContext = { ...md, format: 'text' };
const row = (vendor: 'hikvision' | 'dahua' | 'ezviz', id: string) => {
  const r = vendorReport(ds, vendor).rows.find((x) => x.action.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

describe('citeFact', () => {
  it('writes one fact as Markdown, with its responses verbatim and its sources numbered', () => {
    expect(citeFact(row('hikvision', 'A01'), { name: 'Hikvision', parentName: null }, md)).toBe(
      [
        '**Hikvision — A01: Title A01**',
        '',
        '- Date: 2019-08-13',
        '- Jurisdiction: United States (US)',
        '- Acting body: Body A01',
        '- Type: Procurement ban',
        '- Status: In force (as of 2026-01-01)',
        '- Summary: Summary A01. [1, 2]',
        '- Company response (R01; 2019-08-20; Speaker R01; Venue R01): "Quote R01, “verbatim” *as printed*." [3]',
        '- Company response (R02; 2019-09-01; Speaker R02; Venue R02): "Quote R02, “verbatim” *as printed*."' +
          ' (partly verified: a translation or back-translation) [4]',
        '',
        'Sources:',
        '1. Publisher 1, "Title 1". <https://example.org/1>',
        '2. Publisher 2, "Title 2". <https://example.org/2>',
        '3. Publisher 101, "Title 101". <https://example.org/101>',
        '4. Publisher 102, "Title 102". <https://example.org/102>',
        '',
        '— Vendor Lens dataset 9.9.9, as of 2026-02-01',
      ].join('\n'),
    );
  });

  it('writes the same fact as plain text', () => {
    const out = citeFact(row('hikvision', 'A01'), { name: 'Hikvision', parentName: null }, text);
    expect(out.split('\n').slice(0, 8)).toEqual([
      'Hikvision — A01: Title A01',
      'Date: 2019-08-13',
      'Jurisdiction: United States (US)',
      'Acting body: Body A01',
      'Type: Procurement ban',
      'Status: In force (as of 2026-01-01)',
      'Summary: Summary A01. [1, 2]',
      'Company response (R01; 2019-08-20; Speaker R01; Venue R01): "Quote R01, “verbatim” *as printed*." [3]',
    ]);
    expect(out).toContain('[1] Publisher 1, "Title 1". https://example.org/1');
    expect(out).not.toContain('<https://');
    expect(out).not.toContain('**');
    expect(out.endsWith('— Vendor Lens dataset 9.9.9, as of 2026-02-01')).toBe(true);
  });

  it('says when there is no response, and the Ezviz wording for a fact shown through the parent', () => {
    const out = citeFact(row('ezviz', 'A02'), { name: 'Ezviz', parentName: 'Hikvision' }, text);
    expect(out).toContain('Ezviz — A02: Title A02');
    expect(out).toContain(VIA_PARENT_WORDING);
    expect(out).toContain(`Company response: ${NO_RESPONSE_TEXT}`);
    expect(out).toContain('Jurisdiction: Copenhagen Municipality, Denmark (DK)');
    expect(out).toContain('Notes: A caveat.');
    expect(out).toContain('Status: Superseded (as of 2026-01-01)');
  });

  it('uses the labels it is given', () => {
    const out = citeFact(
      row('hikvision', 'A01'),
      { name: 'Hikvision', parentName: null },
      {
        ...text,
        labels: { ...EN_CITATION_LABELS, date: '日期', sources: '来源' },
      },
    );
    expect(out).toContain('日期: 2019-08-13');
    expect(out).toContain('来源:');
  });
});

describe('citeVendor', () => {
  it('writes all of a vendor’s facts with one source list, newest first, and its general statements', () => {
    const out = citeVendor(vendorReport(ds, 'hikvision'), md);
    expect(out.startsWith('## Hikvision: government actions and company responses')).toBe(true);
    const order = ['### A02: Title A02', '### A03: Title A03', '### A01: Title A01'].map((h) =>
      out.indexOf(h),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(out).toContain('### Statements that answer no action in our dataset');
    expect(out).toContain(
      '- Company statement (R03; 2022-01-01; Speaker R03; Venue R03): "Quote R03, “verbatim” *as printed*."',
    );
    // One list: example.org/1 (used by A03 and A01) appears once.
    expect(out.match(/<https:\/\/example\.org\/1>/g)).toHaveLength(1);
    expect(out).not.toContain(VIA_PARENT_WORDING);
  });

  it('writes Ezviz’s facts as Hikvision’s, with the exact wording once', () => {
    const out = citeVendor(vendorReport(ds, 'ezviz'), text);
    expect(out.split('\n')[0]).toBe('Ezviz: government actions and company responses');
    expect(out.match(new RegExp(VIA_PARENT_WORDING, 'g'))).toHaveLength(1);
    expect(out).toContain('A01: Title A01');
  });

  it('cites the real dataset: every quote verbatim and every source URL', () => {
    const real = getDataset();
    const report = vendorReport(real, 'hikvision');
    const out = citeVendor(report, { format: 'text', datasetVersion: real.version, datasetAsOf: real.asOf });
    for (const r of report.rows.flatMap((x) => x.responses)) expect(out).toContain(`"${r.quote}"`);
    for (const r of report.generalResponses) expect(out).toContain(`"${r.quote}"`);
    for (const s of report.rows.flatMap((x) => x.action.sources)) expect(out).toContain(s.url);
    expect(out).toContain(`Vendor Lens dataset ${real.version}, as of ${real.asOf}`);
  });
});
