import { describe, expect, it } from 'vitest';
import { createFuzzyMatcher, editDistance, keyboardNeighbours } from '../../../utils/engine/fuzzy';

const TARGETS = ['hikvision', 'dahua', 'hytera', 'ezviz'].map((key, entry) => ({ key, entry }));

describe('editDistance', () => {
  it('is the restricted Damerau–Levenshtein distance', () => {
    expect(editDistance('hikvision', 'hikvision')).toBe(0);
    expect(editDistance('hikvison', 'hikvision')).toBe(1);
    expect(editDistance('hikvsion', 'hikvision')).toBe(1);
    expect(editDistance('dahau', 'dahua')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('weights unlikely substitutions and the last letter of the name', () => {
    expect(editDistance('ezvis', 'ezviz', true)).toBe(1); // s is next to z
    expect(editDistance('ezvid', 'ezviz', true)).toBe(2); // d is not
    expect(editDistance('dahui', 'dahua', true)).toBe(2); // last letter: a vowel swap is not enough
  });

  it('knows QWERTY neighbours', () => {
    expect(keyboardNeighbours('s', 'z')).toBe(true);
    expect(keyboardNeighbours('c', 'v')).toBe(true);
    expect(keyboardNeighbours('d', 'z')).toBe(false);
    expect(keyboardNeighbours('k', 'a')).toBe(false);
  });
});

describe('createFuzzyMatcher', () => {
  const matcher = createFuzzyMatcher(TARGETS);
  it.each([
    ['hikvison', 0, 1],
    ['hikvsion', 0, 1],
    ['hikivision', 0, 1],
    ['dahau', 1, 1],
    ['hyterra', 2, 1],
    ['ezvis', 3, 1],
    ['hikvisoin', 0, 1],
  ])('accepts %s', (candidate, entry, distance) => {
    expect(matcher.match(candidate)).toEqual({ entry, distance });
  });

  it.each([
    'ezvid',
    'hyatt',
    'hysteria',
    'dahlia',
    'hydra',
    'hikari',
    'hivision',
    'hike',
    'hiker',
    'hikurangi',
    'dahuk',
    'dahui',
    'hythe',
    'hikvisionnnn',
    'hikvision',
  ])('rejects %s', (candidate) => {
    expect(matcher.match(candidate)).toBeNull();
  });
});
