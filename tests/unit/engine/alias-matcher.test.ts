import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAliasMatcher } from '../../../utils/engine/alias-matcher';
import type { AliasMatcher } from '../../../utils/engine/alias-matcher';
import { defaultLexicon, lexiconData } from '../../../utils/engine/lexicon';
import { normalizeText } from '../../../utils/engine/normalize';
import { CORPUS_DIR, corpusPages, loadCases } from '../../fixtures/engine/harness';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

/** Every match of a global RegExp, as `matchText` read them before: `[start, end]`. */
function regexMatches(source: string, text: string): [number, number][] {
  const re = new RegExp(source, 'g');
  const out: [number, number][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function programMatches(matcher: AliasMatcher, text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let m = matcher.exec(text, 0); m !== null; m = matcher.exec(text, m.end)) out.push([m.start, m.end]);
  return out;
}

function compile(source: string): AliasMatcher {
  const matcher = compileAliasMatcher(source);
  if (matcher === null) throw new Error(`not compiled: ${source}`);
  return matcher;
}

describe('compileAliasMatcher', () => {
  it('reads the exact pattern of the shipped lexicon and of the test vendors', () => {
    expect(compileAliasMatcher(lexiconData(TEST_VENDORS).exactSource)).not.toBeNull();
    expect(compileAliasMatcher(defaultLexicon().exact().source)).not.toBeNull();
  });

  it('declines the syntax it does not read, so that the caller keeps the RegExp', () => {
    for (const source of [
      'a*',
      'a+b',
      '(ab)',
      '(?=a)b',
      '[^a]b',
      '\\dx',
      '\\bab',
      'a.b',
      'a{2}',
      '^ab',
      '(?:a|b',
      'a?',
      '(?:ab|c?)',
      '(?<![a-z]|b)c',
      '[a-\\uFFFF]b',
      '\\u12',
    ]) {
      expect(compileAliasMatcher(source), source).toBeNull();
    }
  });

  it('finds what the RegExp finds: leftmost, first alternative, greedy optional parts, boundaries', () => {
    const sources = [
      '(?<![0-9a-z])(?:ab[- ]?cd|ab|abc[.,]?[.,]?d)(?![0-9a-z])|大华|大华股份',
      "(?:o'?neil[- ]?co|o'?neil)(?![a-z])|x\\.y",
      '(?<![a-z])(?:a[- ]?b[- ]?c|a[- ]?bc[- ]?d)',
      '[- ]?x[- ]?y',
    ];
    const texts = [
      'ab cd, abcd, ab-cd! xab cd ab cdx abc.d abc..d abc,.d abc.,.d ab',
      '大华股份 大华 大 大华华 x大华',
      "o'neil co oneil-co o''neil oneilco. o'neilx x.y xzy",
      'a b c d, a-bc-d, ab c d, abcd, a bc d',
      ' x y -x-y x--y xy-',
      '',
    ];
    for (const source of sources) {
      const matcher = compile(source);
      for (const text of texts)
        expect(programMatches(matcher, text), `${source} on ${text}`).toEqual(regexMatches(source, text));
    }
  });

  it('starts at `from` but reads the character before it for the boundary', () => {
    const matcher = compile('(?<![a-z])ab');
    expect(matcher.exec('xab ab', 1)).toEqual({ start: 4, end: 6 });
    expect(matcher.exec('xab ab', 5)).toBeNull();
  });
});

describe('the shipped exact pattern, run as a program', () => {
  const lexicon = defaultLexicon();
  const source = lexicon.exact().source;
  const matcher = compile(source);

  it('matches what the RegExp matches on every labeled case', () => {
    let matches = 0;
    for (const c of loadCases()) {
      const text = normalizeText(c.html.replace(/<[^>]*>/g, ' ')).text;
      const expected = regexMatches(source, text);
      matches += expected.length;
      expect(programMatches(matcher, text), c.id).toEqual(expected);
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('matches what the RegExp matches on the text of the 130 corpus pages, with every alias inserted', () => {
    const aliases = lexicon.entries.map((e) => e.alias).join(', ');
    let pages = 0;
    let matches = 0;
    for (const name of corpusPages()) {
      const html = readFileSync(join(CORPUS_DIR, `${name}.html`), 'utf8');
      const raw = html.replace(/<[^>]*>/g, ' ');
      const cut = Math.floor(raw.length / 2);
      const text = normalizeText(`${raw.slice(0, cut)} ${aliases} ${raw.slice(cut)}`).text;
      const expected = regexMatches(source, text);
      matches += expected.length;
      expect(programMatches(matcher, text), name).toEqual(expected);
      pages += 1;
    }
    expect(pages).toBe(130);
    expect(matches).toBeGreaterThan(130 * lexicon.entries.length * 0.9);
  });

  it('matches what the RegExp matches on respellings of every alias, in every surrounding', () => {
    const respell = (norm: string): string[] => {
      const out = new Set([norm]);
      for (const [from, to] of [
        [/ /g, '-'],
        [/ /g, ''],
        [/ /g, '  '],
        [/ /g, ' - '],
        [/\./g, ''],
        [/\./g, ','],
        [/\./g, '..'],
        [/'/g, ''],
        [/(^...)/, '$1 '],
        [/(^...)/, '$1-'],
        [/(^...)/, '$1--'],
      ] as const) {
        out.add(norm.replace(from, to));
      }
      for (let i = 1; i < norm.length; i += 1) out.add(norm.slice(0, i));
      return [...out];
    };
    const surroundings = ['', ' ', 'x', '9', 'é', 'α', 'ж', '大', '-', '.', "'", ',', 'ſ', 'ı'];
    let texts = 0;
    let matched = 0;
    const differ: string[] = [];
    for (const entry of lexicon.entries) {
      for (const spelling of respell(entry.norm)) {
        for (const before of surroundings) {
          for (const after of surroundings) {
            const text = `${before}${spelling}${after} ${spelling}.${entry.norm}`;
            const expected = regexMatches(source, text);
            texts += 1;
            if (expected.length > 0) matched += 1;
            if (JSON.stringify(programMatches(matcher, text)) !== JSON.stringify(expected)) differ.push(text);
          }
        }
      }
    }
    expect(differ).toEqual([]);
    expect(texts).toBeGreaterThan(50_000);
    expect(matched).toBeGreaterThan(texts / 2);
  });
});
