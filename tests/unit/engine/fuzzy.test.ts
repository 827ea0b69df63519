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

/** Every string one edit (deletion, insertion, substitution, transposition of a-z) away from `word`. */
function oneEdit(word: string): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2));
    for (const ch of letters) {
      out.add(head + ch + tail);
      if (tail.length > 0) out.add(head + ch + tail.slice(1));
    }
  }
  return [...out];
}

describe('createFuzzyMatcher screening', () => {
  it('answers like Fuse asked about every candidate', () => {
    const screened = createFuzzyMatcher(TARGETS);
    const unscreened = createFuzzyMatcher(TARGETS, { screen: false });
    const candidates = new Set<string>();
    for (const { key } of TARGETS) {
      const near = oneEdit(key);
      for (const c of near) candidates.add(c);
      // Two edits away, every 13th of them (the screen's length limit is 2 for long names).
      near.forEach((c, i) => {
        if (i % 13 === 0) for (const cc of oneEdit(c)) candidates.add(cc);
      });
      // Longer and shorter words on the same stem (HikariFlower, Hikvisionx, Dahl).
      for (let n = 2; n < key.length; n += 1) {
        candidates.add(key.slice(0, n));
        candidates.add(key.slice(0, n) + 'ariflower');
      }
      for (const suffix of ['s', 'es', 'ers', 'xyz', 'tech', 'vision']) candidates.add(key + suffix);
    }
    let accepted = 0;
    let differing = 0;
    for (const candidate of candidates) {
      const a = screened.match(candidate);
      const b = unscreened.match(candidate);
      if (b !== null) accepted += 1;
      if (JSON.stringify(a) !== JSON.stringify(b)) differing += 1;
    }
    expect(candidates.size).toBeGreaterThan(5000);
    expect(accepted).toBeGreaterThan(100);
    expect(differing).toBe(0);
  });
});
