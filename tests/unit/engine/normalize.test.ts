import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, normalizeString, normalizeText, toRawSpan } from '../../../utils/engine/normalize';

describe('normalizeText', () => {
  it.each([
    ['HIKVISION', 'hikvision'],
    ['Ｈｉｋｖｉｓｉｏｎ', 'hikvision'],
    ['Dahua’s', "dahua's"],
    ['Dahua‘s `x´', "dahua's 'x'"],
    ['Hik\u2010vision Hik\u2013vision Hik\u2212vision', 'hik-vision hik-vision hik-vision'],
    ['Hik\u00a0vision', 'hik vision'],
    ['Hik \t\n  vision', 'hik vision'],
    ['Hik\u200bvi\u200csi\u200don\u2060\ufeff\u00ad', 'hikvision'],
    ['  leading', 'leading'],
    ['ＤＡＨＵＡ（大华）', 'dahua(大华)'],
    ['ﬁne', 'fine'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw).text).toBe(expected);
  });

  it('keeps the block separator distinct from spaces', () => {
    expect(normalizeText(`Hik${BLOCK_SEPARATOR}vision`).text).toBe('hik\nvision');
  });

  it('maps normalised spans back to raw offsets, across dropped and expanded characters', () => {
    const raw = 'xx Hik\u200bvision’s ＥＺＶＩＺ';
    const norm = normalizeText(raw);
    const start = norm.text.indexOf('hikvision');
    expect(toRawSpan(norm, start, start + 9)).toEqual([3, 13]);
    expect(raw.slice(3, 13)).toBe('Hik\u200bvision');
    const ez = norm.text.indexOf('ezviz');
    const [s, e] = toRawSpan(norm, ez, ez + 5);
    expect(raw.slice(s, e)).toBe('ＥＺＶＩＺ');
  });

  it('handles surrogate pairs', () => {
    const raw = '𝐇𝐢𝐤 😀 Hikvision';
    const norm = normalizeText(raw);
    expect(norm.text).toBe('hik 😀 hikvision');
    const i = norm.text.indexOf('😀');
    const [s, e] = toRawSpan(norm, i, i + 2);
    expect(raw.slice(s, e)).toBe('😀');
  });

  it('normalizeString trims', () => {
    expect(normalizeString('  Hik-Connect ')).toBe('hik-connect');
  });
});
