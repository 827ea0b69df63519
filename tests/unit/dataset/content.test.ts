/**
 * The shipped dataset: it validates, and it carries every verified row of the fact key with the rules the issue
 * sets (Ezviz wording, disputes, sourcing).
 */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../../utils/dataset/index';
import { ACTION_STATUSES, ACTION_TYPES, VENDOR_IDS, type VendorId } from '../../../utils/dataset/types';
import { countWords, isFutureDate, isValidIsoDate, validateDataset } from '../../../utils/dataset/validate';

const ds = getDataset();
const today = new Date().toISOString().slice(0, 10);
const allSources = [
  ...ds.actions.flatMap((a) => a.sources),
  ...ds.responses.flatMap((r) => r.sources),
  ...ds.context.flatMap((c) => c.sources),
  ...ds.vendors.flatMap((v) => [
    ...v.brands.flatMap((b) => b.sources),
    ...v.profile.flatMap((p) => p.sources),
    ...(v.parent?.sources ?? []),
  ]),
];
const pad = (n: number): string => String(n).padStart(2, '0');

describe('shipped dataset', () => {
  it('passes validateDataset with no errors', () => {
    expect(validateDataset(ds)).toEqual([]);
  });

  it('has a version and an as-of date that is not in the future', () => {
    expect(ds.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(isValidIsoDate(ds.asOf)).toBe(true);
    expect(ds.asOf <= today).toBe(true);
  });

  it('keeps the fact key ids A01..A46 and R01..R29, and excludes the unverified A47', () => {
    expect(ds.actions.map((a) => a.id).sort()).toEqual(
      Array.from({ length: 46 }, (_, i) => `A${pad(i + 1)}`),
    );
    expect(ds.responses.map((r) => r.id).sort()).toEqual(
      Array.from({ length: 29 }, (_, i) => `R${pad(i + 1)}`),
    );
    expect(ds.actions.find((a) => a.id === 'A47')).toBeUndefined();
    expect(ds.actions.length).toBeGreaterThanOrEqual(45);
    expect(ds.responses.length).toBeGreaterThanOrEqual(26);
  });

  it('has unique ids across actions, responses and context', () => {
    const ids = [...ds.actions, ...ds.responses, ...ds.context].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ds.vendors.map((v) => v.id)).size).toBe(ds.vendors.length);
  });

  it('matches the per-vendor counts of the fact key', () => {
    const actionsOf = (v: VendorId): number => ds.actions.filter((a) => a.vendors.includes(v)).length;
    const responsesOf = (v: VendorId): number => ds.responses.filter((r) => r.vendor === v).length;
    expect([actionsOf('hikvision'), actionsOf('dahua'), actionsOf('hytera'), actionsOf('ezviz')]).toEqual([
      36, 23, 20, 0,
    ]);
    expect([
      responsesOf('hikvision'),
      responsesOf('dahua'),
      responsesOf('hytera'),
      responsesOf('ezviz'),
    ]).toEqual([18, 6, 5, 0]);
  });

  it('references only existing vendors and actions', () => {
    const actionIds = new Set(ds.actions.map((a) => a.id));
    for (const a of ds.actions) {
      for (const v of a.vendors) expect(VENDOR_IDS).toContain(v);
      for (const r of a.related ?? []) expect(actionIds.has(r)).toBe(true);
    }
    for (const r of ds.responses) {
      expect(VENDOR_IDS).toContain(r.vendor);
      for (const t of r.respondsTo) expect(actionIds.has(t), `${r.id} → ${t}`).toBe(true);
    }
    for (const c of ds.context) expect(VENDOR_IDS).toContain(c.vendor);
  });

  it('uses only the closed lists of types and statuses', () => {
    for (const a of ds.actions) {
      expect(ACTION_TYPES).toContain(a.type);
      expect(ACTION_STATUSES).toContain(a.status);
    }
  });

  it('gives every vendor at least one action, Ezviz through its parent Hikvision', () => {
    for (const v of ds.vendors) {
      const through = v.parent?.id ?? v.id;
      expect(
        ds.actions.some((a) => a.vendors.includes(through)),
        v.id,
      ).toBe(true);
    }
    expect(ds.vendors.find((v) => v.id === 'ezviz')?.parent?.id).toBe('hikvision');
  });

  it('never names Ezviz in an action and never says Ezviz is banned', () => {
    for (const a of ds.actions) {
      expect(a.vendors).not.toContain('ezviz');
      const text = [a.title, a.summary, a.statusNote ?? '', ...(a.caveats ?? [])].join(' ');
      expect(text).not.toMatch(/ezviz[^.]*\bbanned\b|\bbanned\b[^.]*ezviz/i);
    }
    for (const c of ds.context) expect(`${c.title} ${c.summary}`).not.toMatch(/ezviz[^.]*\bbanned\b/i);
  });

  it('marks A30 disputed and A46 reported, each with a caveat', () => {
    const a30 = ds.actions.find((a) => a.id === 'A30');
    const a46 = ds.actions.find((a) => a.id === 'A46');
    expect(a30?.status).toBe('disputed');
    expect(a30?.caveats?.length).toBeGreaterThan(0);
    expect(a46?.status).toBe('reported');
    expect(a46?.caveats?.length).toBeGreaterThan(0);
  });

  it('flags measures that name no company, with a caveat', () => {
    const unnamed = ds.actions.filter((a) => !a.namedExplicitly).map((a) => a.id);
    expect(unnamed).toEqual(expect.arrayContaining(['A23', 'A24', 'A29', 'A31', 'A32']));
    for (const a of ds.actions.filter((x) => !x.namedExplicitly))
      expect(a.caveats?.length).toBeGreaterThan(0);
  });

  it('has at least one source per fact, and every URL is well-formed https (http only when marked)', () => {
    for (const x of [...ds.actions, ...ds.responses, ...ds.context])
      expect(x.sources.length).toBeGreaterThan(0);
    for (const s of allSources) {
      const u = new URL(s.url);
      if (u.protocol === 'http:') expect(s.httpOnly, s.url).toBe(true);
      else expect(u.protocol).toBe('https:');
      expect(s.url).not.toMatch(/\s/);
      expect(s.publisher.length).toBeGreaterThan(0);
      expect(s.title.length).toBeGreaterThan(0);
    }
  });

  it('has valid dates that are not in the future', () => {
    const dates = [
      ...ds.actions.flatMap((a) => [a.date.date, a.statusAsOf]),
      ...ds.responses.map((r) => r.date.date),
      ...ds.context.map((c) => c.date.date),
      ...allSources.flatMap((s) => (s.date ? [s.date] : [])),
    ];
    for (const d of dates) {
      expect(isValidIsoDate(d), d).toBe(true);
      expect(isFutureDate(d, today), d).toBe(false);
    }
  });

  it('keeps quotes at most 60 words, and any framing contains the quote verbatim', () => {
    for (const r of ds.responses) {
      expect(countWords(r.quote), r.id).toBeLessThanOrEqual(60);
      if (r.reportedAs) expect(r.reportedAs).toContain(r.quote);
    }
  });

  it('has no duplicate facts', () => {
    const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();
    const titles = ds.actions.map((a) => norm(a.title));
    expect(new Set(titles).size).toBe(titles.length);
    const quotes = ds.responses.map((r) => norm(r.quote));
    expect(new Set(quotes).size).toBe(quotes.length);
    for (const x of [...ds.actions, ...ds.responses]) {
      const urls = x.sources.map((s) => s.url);
      expect(new Set(urls).size, x.id).toBe(urls.length);
    }
  });

  it('keeps the partly verified quotes marked (R06, R25, R28) and R25 in Chinese', () => {
    const partly = ds.responses.filter((r) => r.verification === 'partly-verified').map((r) => r.id);
    expect(partly.sort()).toEqual(['R06', 'R25', 'R28']);
    expect(ds.responses.find((r) => r.id === 'R25')?.quoteLanguage).toBe('zh-Hant');
  });

  it('carries the 2015 Party committee and the 2016 refusal to comment, sourced to IPVM', () => {
    const ipvm = ds.context.filter((c) =>
      c.sources.some((s) => s.url === 'https://ipvm.com/reports/hikvision-communist-party'),
    );
    expect(ipvm.map((c) => c.date.date)).toEqual(expect.arrayContaining(['2015-12-09', '2016-01-12']));
  });

  it('gives each vendor simplified and traditional Chinese names and a sourced profile', () => {
    for (const v of ds.vendors) {
      expect(v.chineseNames.simplified.length, v.id).toBeGreaterThan(0);
      expect(v.chineseNames.traditional.length, v.id).toBeGreaterThan(0);
      expect(
        v.profile.some((p) => p.label === 'listing'),
        v.id,
      ).toBe(true);
    }
  });
});
