import { afterEach, describe, expect, it } from 'vitest';
import { OWN_UI_ATTR, buildLexicon, compileGate, defaultLexicon, scanDocument } from '../../../utils/engine';
import type { GateSources } from '../../../utils/engine';
import { extractArticle } from '../../../utils/engine/extract';
import { closePage, loadHtml } from '../../fixtures/engine/dom';
import type { LoadedPage } from '../../fixtures/engine/dom';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

let page: LoadedPage | undefined;
afterEach(async () => {
  if (page !== undefined) await closePage(page);
  page = undefined;
});

function load(body: string, head = '<title>Test page</title>'): Document {
  page = loadHtml(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`);
  return page.document;
}

const FILLER =
  'The committee met on Tuesday to review the procurement rules for municipal buildings, and members asked ' +
  'for a list of every device installed since the last audit, including the date and the supplier of each. ';

function article(paragraphs: string[]): string {
  return (
    `<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>` +
    `<main><article><h1>New cameras were installed in the city hall basement</h1><p class="byline">By Jane Doe</p>` +
    paragraphs.map((p) => `<p>${p}</p>`).join('') +
    `</article></main>` +
    `<footer><div class="related">Related: Dahua stock price today</div></footer>`
  );
}

describe('scanDocument', () => {
  it('returns live ranges over the page text, one per mention even when split across elements', () => {
    const doc = load('<p>Cameras by Hik<em>vision</em> and Dahua’s recorders.</p>');
    const { mentions } = scanDocument(doc);
    expect(mentions.map((m) => [m.vendor, m.text, m.alias, m.match.kind])).toEqual([
      ['hikvision', 'Hikvision', 'Hikvision', 'exact'],
      ['dahua', 'Dahua', 'Dahua', 'exact'],
    ]);
    const [hik] = mentions;
    expect(hik?.range.toString()).toBe('Hikvision');
    expect(hik?.range.startContainer).not.toBe(hik?.range.endContainer);
    expect(mentions[1]?.range.toString()).toBe('Dahua');
  });

  it('describes how each mention matched', () => {
    const doc = load('<p>Hikvison cameras, a HiLook recorder and the Imou app.</p>');
    expect(scanDocument(doc, { lexicon: buildLexicon(TEST_VENDORS) }).mentions.map((m) => m.match)).toEqual([
      { kind: 'fuzzy', distance: 1 },
      { kind: 'brand', parent: 'hikvision', brand: 'HiLook', relation: 'brand' },
      { kind: 'brand', parent: 'dahua', brand: 'Imou', relation: 'brand' },
    ]);
  });

  it('stops after the gate on a page without candidates', () => {
    const doc = load(article([FILLER, FILLER, FILLER]).replace('Dahua', 'Acme'));
    const result = scanDocument(doc);
    expect(result.mentions).toEqual([]);
    expect(result.summary).toBeNull();
    expect(result.stats).toMatchObject({
      gateHit: false,
      containers: 0,
      windows: 0,
      readerable: null,
      readabilityRan: false,
    });
  });

  it('never runs Readability when candidates turn out not to be mentions', () => {
    const doc = load(
      article([`${FILLER} The Hikurangi Trench and a long hike.`, FILLER, FILLER]).replace('Dahua', 'Acme'),
    );
    const result = scanDocument(doc);
    expect(result.stats.gateHit).toBe(true);
    expect(result.mentions).toEqual([]);
    expect(result.stats.readabilityRan).toBe(false);
  });

  it('flags mentions inside the article and summarises it with Readability', () => {
    const doc = load(
      article([
        FILLER,
        `${FILLER} Most of the cameras were made by Hikvision, the report said.`,
        FILLER,
        FILLER,
      ]),
      '<title>New cameras were installed in the city hall basement - The Daily</title><meta property="og:site_name" content="The Daily">' +
        '<meta name="author" content="Jane Doe">',
    );
    const result = scanDocument(doc);
    expect(result.stats.readerable).toBe(true);
    expect(result.stats.readabilityRan).toBe(true);
    expect(result.mentions.map((m) => [m.text, m.inArticle])).toEqual([
      ['Hikvision', true],
      ['Dahua', false],
    ]);
    expect(result.summary).toMatchObject({
      title: 'New cameras were installed in the city hall basement',
      siteName: 'The Daily',
      byline: 'Jane Doe',
      readerable: true,
      source: 'readability',
      lang: 'en',
    });
  });

  it('falls back to page metadata when the page is not an article', () => {
    const doc = load(
      '<ul><li>Hikvision DS-2CD</li><li>Dahua IPC</li></ul>',
      '<title>Shop</title><meta property="og:site_name" content="Shop">',
    );
    const result = scanDocument(doc);
    expect(result.stats).toMatchObject({ readerable: false, readabilityRan: false });
    expect(result.mentions.every((m) => !m.inArticle)).toBe(true);
    expect(result.summary).toMatchObject({
      title: 'Shop',
      siteName: 'Shop',
      readerable: false,
      source: 'metadata',
    });
  });

  it('keeps 大华 only with evidence elsewhere on the page', () => {
    expect(scanDocument(load('<p>大华来了。</p>')).mentions).toEqual([]);
    const found = scanDocument(load('<p>大华来了。</p><p>Hikvision too.</p>')).mentions.map((m) => m.text);
    expect(found).toEqual(['大华', 'Hikvision']);
    const rescan = scanDocument(load('<p>大华来了。</p>'), { knownEvidence: true }).mentions.map(
      (m) => m.text,
    );
    expect(rescan).toEqual(['大华']);
  });

  it('honours muted vendors and aliases, the fuzzy switch and the mention cap', () => {
    const body = '<p>Hikvision, Hikvison, Dahua, Dahua Technology, Hytera and Ezviz.</p>';
    const texts = (opts: Parameters<typeof scanDocument>[1]) =>
      scanDocument(load(body), opts).mentions.map((m) => m.text);
    expect(texts({ mutedVendors: ['dahua'] })).toEqual(['Hikvision', 'Hikvison', 'Hytera', 'Ezviz']);
    expect(texts({ mutedAliases: ['dahua', 'EZVIZ'] })).toEqual([
      'Hikvision',
      'Hikvison',
      'Dahua Technology',
      'Hytera',
    ]);
    expect(texts({ fuzzy: false })).toEqual(['Hikvision', 'Dahua', 'Dahua Technology', 'Hytera', 'Ezviz']);
    const capped = scanDocument(load(body), { maxMentions: 2 });
    expect(capped.mentions).toHaveLength(2);
    expect(capped.stats.truncated).toBe(true);
  });

  it('scans only the given root, and can skip extraction', () => {
    const doc = load('<div id="a"><p>Hikvision</p></div><div id="b"><p>Dahua</p></div>');
    const result = scanDocument(doc, { root: doc.getElementById('b')!, extract: false });
    expect(result.mentions.map((m) => m.text)).toEqual(['Dahua']);
    expect(result.summary).toBeNull();
  });

  it('skips its own UI and asks isVisible about each mention', () => {
    const doc = load(`<div ${OWN_UI_ATTR}><p>Hikvision card</p></div><p class="x">Dahua</p><p>Hytera</p>`);
    const result = scanDocument(doc, { isVisible: (el) => !el.classList.contains('x') });
    expect(result.mentions.map((m) => m.text)).toEqual(['Hytera']);
  });

  it('summarises every page when asked, without Readability on pages without mentions', () => {
    const doc = load(
      article([FILLER, FILLER, FILLER, FILLER]).replace('Dahua', 'Acme'),
      '<title>Quiet page</title>',
    );
    const result = scanDocument(doc, { summary: 'always' });
    expect(result.summary).toMatchObject({ title: 'Quiet page', readerable: true, source: 'metadata' });
    expect(result.stats.readabilityRan).toBe(false);
  });

  it('can summarise readerable pages with Readability for offline tools', () => {
    const doc = load(
      article([FILLER, FILLER, FILLER, FILLER]).replace('Dahua', 'Acme'),
      '<title>Quiet page</title>',
    );
    const result = scanDocument(doc, { summary: 'readability' });
    expect(result.summary).toMatchObject({ readerable: true, source: 'readability' });
    expect(result.stats.readabilityRan).toBe(true);
  });

  it('uses the lexicon it is given and the clock it is given', () => {
    let t = 0;
    const doc = load('<p>Hikvision</p>');
    const result = scanDocument(doc, { lexicon: buildLexicon([]), now: () => (t += 1) });
    expect(result.mentions).toEqual([]);
    // No mentions and no summary asked for: there is no extraction stage, whatever the clock did meanwhile.
    expect(result.stats.timings).toEqual({ gate: 1, match: 1, extract: 0, total: 3 });
  });

  it('times extraction only when it runs: none in a scan that leaves it to another thread', () => {
    const doc = load(article([FILLER, `${FILLER} Hikvision.`, FILLER, FILLER]));
    let t = 0;
    const skipped = scanDocument(doc, { extract: false, now: () => (t += 1) });
    expect(skipped.mentions.length).toBeGreaterThan(0);
    expect(skipped.stats.timings.extract).toBe(0);
    t = 0;
    const ran = scanDocument(doc, { now: () => (t += 1) });
    expect(ran.stats.readabilityRan).toBe(true);
    expect(ran.stats.timings.extract).toBeGreaterThan(0);
  });

  it('does not change the page', () => {
    const doc = load(article([FILLER, `${FILLER} Hikvision and Hik<b>vision</b>.`, FILLER, FILLER]));
    const before = doc.documentElement.outerHTML;
    scanDocument(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle', () => {
  it('finds markers after Readability retried the parse from innerHTML', () => {
    // Too short for the 500-character threshold: Readability re-parses the page several times.
    const doc = load(
      '<article><p>Hikvision said the ban was unfair, according to a statement.</p></article><aside>x</aside>',
    );
    const marker = doc.querySelector('p')!;
    const result = extractArticle(doc, [marker], true);
    expect(result.readabilityRan).toBe(true);
    expect(result.inArticle.has(0)).toBe(true);
  });

  it('ignores markers that are not in the article', () => {
    const doc = load(article([FILLER, FILLER, FILLER, FILLER]));
    const footer = doc.querySelector('.related')!;
    const inside = doc.querySelectorAll('article p')[2]!;
    const result = extractArticle(doc, [footer, inside], true);
    expect([...result.inArticle]).toEqual([1]);
  });
});

describe('scanDocument with a precompiled gate', () => {
  it('builds the lexicon only when the gate finds a candidate', () => {
    const gate = compileGate(JSON.parse(JSON.stringify(defaultLexicon().gateSources())) as GateSources);
    let built = 0;
    const lexicon = () => {
      built += 1;
      return defaultLexicon();
    };
    expect(scanDocument(load('<p>Nothing to see here.</p>'), { gate, lexicon }).mentions).toEqual([]);
    expect(built).toBe(0);
    const found = scanDocument(load('<p>Hikvision and Dahau.</p>'), { gate, lexicon }).mentions.map(
      (m) => m.text,
    );
    expect(found).toEqual(['Hikvision', 'Dahau']);
    expect(built).toBe(1);
  });
});
