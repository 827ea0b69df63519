import { afterEach, describe, expect, it } from 'vitest';
import { foldExotic, mayHoldMention, runGate } from '../../../utils/engine/gate';
import { buildLexicon } from '../../../utils/engine/lexicon';
import { closePage, loadHtml } from '../../fixtures/engine/dom';
import type { LoadedPage } from '../../fixtures/engine/dom';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

const lexicon = buildLexicon(TEST_VENDORS);

let page: LoadedPage | undefined;
afterEach(async () => {
  if (page !== undefined) await closePage(page);
  page = undefined;
});

function gate(body: string) {
  page = loadHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  return runGate(page.document, page.document.body, lexicon.gate());
}

describe('runGate', () => {
  it.each([
    'Hikvision',
    'HIKVISION',
    'Hik vision',
    'Hik-Connect',
    'Hikvison',
    'Hikivision',
    'Dahau',
    'Hyterra',
    'Ezvis',
    'Ｈｉｋｖｉｓｉｏｎ',
    'H\u200bikvision',
    'Hikvi\u00adsion',
    '海康威视',
    '大華',
    'HiLook',
    'Imou',
    'Sinclair Technologies',
    'Zhejiang Dahua Technology',
  ])('fires on %j', (text) => {
    expect(gate(`<p>Some text about ${text} here.</p>`).hits).toHaveLength(1);
  });

  it.each([
    'We went on a hike; hikers were hiking.',
    'Hi-Vision and HiVision and night vision',
    'Hyatt, hysteria, Hydra, rhythm',
    'Ezra and Ezekiel',
    'The Sinclair family in Hangzhou, Zhejiang',
    'Imouto',
  ])('stays quiet on %j', (text) => {
    expect(gate(`<p>${text}</p>`).hits).toHaveLength(0);
  });

  it('catches anchors split across inline elements', () => {
    expect(gate('<p>H<b>ik</b>vision</p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p>E<i>z</i>viz</p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p><a href="#">Hik</a><a href="#">-Connect</a></p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p>海<b>康威视</b></p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p><a href="#">Hik</a> <a href="#">Connect</a></p>').hits.length).toBeGreaterThan(0);
    expect(
      gate('<p><a href="#">Sinclair</a>\n  <a href="#">Technologies</a></p>').hits.length,
    ).toBeGreaterThan(0);
  });

  it('drops candidates inside excluded subtrees', () => {
    const result = gate(
      '<script>var a = "Hikvision";</script><textarea>Dahua</textarea><div hidden><p>Hytera</p></div>',
    );
    expect(result.hits).toHaveLength(0);
    expect(result.excluded).toBe(3);
  });

  it('skips large script text without testing it', () => {
    const big = `var x = "${'a'.repeat(5000)} Hikvision";`;
    const result = gate(`<script>${big}</script><p>plain</p>`);
    expect(result.hits).toHaveLength(0);
    expect(result.excluded).toBe(0);
  });

  it('does not join words across whitespace-only nodes without an anchor', () => {
    expect(gate('<p><b>Da</b> <b>hua</b></p>').hits).toHaveLength(0);
  });

  it('counts the text nodes it visited', () => {
    expect(gate('<p>a</p><p>b <b>Hikvision</b></p>').nodes).toBe(3);
  });

  it('does not walk a page whose whole text has no anchor', () => {
    expect(gate('<p>a</p><p>b <b>c</b> hiking and hikes</p>')).toEqual({
      hits: [],
      nodes: 0,
      excluded: 0,
    });
  });
});

describe('mayHoldMention (the whole-text check before the walk)', () => {
  const patterns = lexicon.gate();

  it.each([
    'Cameras by Hikvision.',
    'HIKVISION',
    'Hik vision',
    'Dahua',
    'Hytera',
    'EZVIZ',
    '海康威视',
    '大华',
    'H\u00ADik\u200Bvision',
    '\uFF28\uFF49\uFF4B\uFF56\uFF49\uFF53\uFF49\uFF4F\uFF4E',
    'D\u200Dahua',
  ])('fires on %j', (text) => {
    expect(mayHoldMention(text, patterns)).toBe(true);
  });

  it.each(['', 'hiking hikes', 'a hike', 'Dah!', 'zero\u200Bwidth everywhere', 'Ｈｅｌｌｏ'])(
    'stays quiet on %j',
    (text) => {
      expect(mayHoldMention(text, patterns)).toBe(false);
    },
  );

  it('reads a name split over inline elements as one word, like the walk', () => {
    expect(mayHoldMention('H' + 'ik' + 'vision', patterns)).toBe(true);
    expect(gate('<p>H<b>ik</b>vision</p>').hits).toHaveLength(2);
  });

  it('folds full-width letters and drops ignorable characters', () => {
    expect(foldExotic('\uFF28i\u00ADk\u200Bv')).toBe('Hikv');
  });
});
