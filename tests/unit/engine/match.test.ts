import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../utils/engine/lexicon';
import { matchText, resolveEvidence } from '../../../utils/engine/match';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

const lexicon = buildLexicon(TEST_VENDORS);
const found = (text: string, fuzzy = true) =>
  matchText(text, lexicon, { fuzzy }).map((m) => ({
    text: text.slice(m.start, m.end),
    vendor: m.entry.vendor,
    alias: m.entry.alias,
    ...(m.fuzzyDistance !== undefined ? { distance: m.fuzzyDistance } : {}),
    ...(m.needsEvidence ? { needsEvidence: true } : {}),
  }));

describe('matchText: exact', () => {
  it('finds names with raw offsets and canonical aliases', () => {
    expect(found('Both Hikvision and DAHUA’s units.')).toEqual([
      { text: 'Hikvision', vendor: 'hikvision', alias: 'Hikvision' },
      { text: 'DAHUA', vendor: 'dahua', alias: 'Dahua' },
    ]);
  });

  it('prefers the longest alias', () => {
    expect(found('Zhejiang Dahua Technology Co., Ltd. and Dahua Technology')).toEqual([
      {
        text: 'Zhejiang Dahua Technology Co., Ltd.',
        vendor: 'dahua',
        alias: 'Zhejiang Dahua Technology Co., Ltd.',
      },
      { text: 'Dahua Technology', vendor: 'dahua', alias: 'Dahua Technology' },
    ]);
  });

  it('needs word boundaries for Latin names but not next to CJK', () => {
    expect(found('Hikvisions Xhikvision hikvision2 使用Hikvision摄像头', false)).toEqual([
      { text: 'Hikvision', vendor: 'hikvision', alias: 'Hikvision' },
    ]);
  });

  it('maps brands to their parent', () => {
    expect(found('HiLook, Hik Connect and IMOU')).toEqual([
      { text: 'HiLook', vendor: 'hikvision', alias: 'HiLook' },
      { text: 'Hik Connect', vendor: 'hikvision', alias: 'Hik-Connect' },
      { text: 'IMOU', vendor: 'dahua', alias: 'Imou' },
    ]);
  });

  it('handles zero-width characters and full-width letters', () => {
    expect(found('Hik\u200bvision Ｅｚｖｉｚ').map((m) => m.text)).toEqual(['Hik\u200bvision', 'Ｅｚｖｉｚ']);
  });
});

describe('matchText: near misses', () => {
  it('finds typos of the display names with their distance', () => {
    expect(found('Hikvison, Dahau, Hyterra, Ezvis and Hik vison')).toEqual([
      { text: 'Hikvison', vendor: 'hikvision', alias: 'Hikvision', distance: 1 },
      { text: 'Dahau', vendor: 'dahua', alias: 'Dahua', distance: 1 },
      { text: 'Hyterra', vendor: 'hytera', alias: 'Hytera', distance: 1 },
      { text: 'Ezvis', vendor: 'ezviz', alias: 'Ezviz', distance: 1 },
      { text: 'Hik vison', vendor: 'hikvision', alias: 'Hikvision', distance: 1 },
    ]);
  });

  it('leaves look-alikes alone', () => {
    expect(
      found(
        'Ezvid Hyatt hysteria dahlia Hydra Hikari Hi-Vision HiVision night vision hike hiker Hikurangi Dahuk',
      ),
    ).toEqual([]);
  });

  it('can be turned off', () => {
    expect(found('Hikvison', false)).toEqual([]);
  });
});

describe('matchText: context', () => {
  it('drops Dahua as a person or a place', () => {
    expect(
      found('Dahua Lin; Prof. Dahua Wang; Lin Dahua; Dahua Yao Autonomous County; Dahua County'),
    ).toEqual([]);
    expect(found('Dahua said; Dahua Technology hired Lin')).toEqual([
      { text: 'Dahua', vendor: 'dahua', alias: 'Dahua' },
      { text: 'Dahua Technology', vendor: 'dahua', alias: 'Dahua Technology' },
    ]);
  });

  it('drops 大华 in a bank name or inside other words, and needs evidence otherwise', () => {
    expect(found('大华银行 伟大华人 最大华人社区')).toEqual([]);
    expect(found('大华发布摄像头')).toEqual([{ text: '大华', vendor: 'dahua', alias: '大华' }]);
    expect(found('大华来了')).toEqual([
      { text: '大华', vendor: 'dahua', alias: '大华', needsEvidence: true },
    ]);
  });

  it('drops 萤石 as a mineral', () => {
    expect(found('萤石是一种矿物。萤石矿。氟化钙俗称萤石。')).toEqual([]);
    expect(found('萤石摄像头')).toEqual([{ text: '萤石', vendor: 'ezviz', alias: '萤石' }]);
  });

  it('resolveEvidence keeps ambiguous matches only with an unambiguous one on the page', () => {
    const weak = { needsEvidence: true, id: 1 };
    const strong = { needsEvidence: false, id: 2 };
    expect(resolveEvidence([weak])).toEqual([]);
    expect(resolveEvidence([weak, strong])).toEqual([weak, strong]);
  });
});
