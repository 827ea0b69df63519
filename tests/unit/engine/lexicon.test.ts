import { afterEach, describe, expect, it, vi } from 'vitest';
import vendorsJson from '../../../data/vendors.json';
import { VENDOR_IDS } from '../../../utils/dataset/types';
import type { Vendor } from '../../../utils/dataset/types';
import {
  GATE_LEFT_BOUNDARY_CASED,
  aliasPattern,
  buildLexicon,
  compactKey,
  compileGate,
  defaultLexicon,
  exactSource,
  gateSources,
  lexiconData,
  lexiconFromData,
} from '../../../utils/engine/lexicon';
import { matchText } from '../../../utils/engine/match';
import { normalizeString } from '../../../utils/engine/normalize';
import { loadCases } from '../../fixtures/engine/harness';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

describe('buildLexicon', () => {
  const lexicon = buildLexicon(TEST_VENDORS);

  it('collects names, legal names, other names, Chinese names and brands', () => {
    const byAlias = new Map(lexicon.entries.map((e) => [e.alias, e]));
    expect(byAlias.get('Hikvision')).toMatchObject({ vendor: 'hikvision', source: 'name', key: 'hikvision' });
    expect(byAlias.get('Hangzhou Hikvision Digital Technology Co., Ltd.')?.source).toBe('legalName');
    expect(byAlias.get('Hikvision USA')?.source).toBe('otherName');
    expect(byAlias.get('海康威视')).toMatchObject({ source: 'chineseSimplified', han: true });
    expect(byAlias.get('海康威視')?.source).toBe('chineseTraditional');
    expect(byAlias.get('Imou')).toMatchObject({
      vendor: 'dahua',
      source: 'brand',
      brand: { name: 'Imou', relation: 'brand' },
    });
  });

  it('keys aliases by their compact form and keeps the first spelling as canonical', () => {
    expect(lexicon.byKey.get('hikconnect')?.alias).toBe('Hik-Connect');
    expect(lexicon.byKey.get('hilook')?.alias).toBe('HiLook');
    expect(lexicon.byKey.get('imou')?.alias).toBe('Imou');
    expect(compactKey('hik-connect co., ltd.')).toBe('hikconnectcoltd');
  });

  it('attaches context rules to ambiguous aliases only', () => {
    expect(lexicon.byKey.get('dahua')?.context).toBeDefined();
    expect(lexicon.byKey.get('大华')?.context?.needsEvidence).toBe(true);
    expect(lexicon.byKey.get('萤石')?.context?.needsEvidence).toBe(true);
    expect(lexicon.byKey.get('hikvision')?.context).toBeUndefined();
    expect(lexicon.byKey.get('dahuatechnology')?.context).toBeUndefined();
  });

  it('targets only the display names for near misses', () => {
    expect(lexicon.fuzzyTargets.map((t) => t.key).sort()).toEqual(['dahua', 'ezviz', 'hikvision', 'hytera']);
  });

  it('reports aliases claimed by two vendors', () => {
    const clash = buildLexicon([
      ...TEST_VENDORS.slice(0, 1),
      { ...TEST_VENDORS[1]!, otherNames: ['Hikvision USA'] },
    ]);
    expect(clash.conflicts).toEqual(['Hikvision USA (dahua; already hikvision)']);
    expect(clash.byKey.get('hikvisionusa')?.vendor).toBe('hikvision');
  });

  it('derives gate anchors that cover every alias', () => {
    const { anchors } = lexicon;
    expect(anchors.fuzzy).toEqual(['hik', 'dah', 'hyt', 'ezv']);
    expect(anchors.latin.map((a) => a.literal)).toEqual(
      expect.arrayContaining([
        'hik',
        'dah',
        'hyt',
        'ezv',
        'imou',
        'hilook',
        'sinclair',
        'zhejiang',
        'hangzhou',
      ]),
    );
    expect(anchors.han).toEqual(
      expect.arrayContaining(['大华', '大華', '萤石', '螢石', '海能达', '海康威视']),
    );
    for (const entry of lexicon.entries) {
      const hit = entry.han
        ? anchors.han.some((a) => entry.key.includes(a))
        : anchors.latin.some((a) => entry.key.startsWith(a.stem));
      expect(hit, entry.alias).toBe(true);
    }
  });

  it('compiles its patterns lazily and caches them', () => {
    const fresh = buildLexicon(TEST_VENDORS);
    expect(fresh.exact()).toBe(fresh.exact());
    expect(fresh.gate()).toBe(fresh.gate());
    expect(fresh.fuzzy()).toBe(fresh.fuzzy());
  });

  it('works with no vendors', () => {
    const empty = buildLexicon([]);
    expect(empty.entries).toEqual([]);
    expect(empty.gate().prefilter.test('Hikvision')).toBe(false);
    expect(empty.exact().test('hikvision')).toBe(false);
  });
});

describe('aliasPattern', () => {
  const matches = (alias: string, text: string, splits = false): boolean =>
    new RegExp(`^(?:${aliasPattern(alias, splits)})$`).test(text);

  it('makes separators and punctuation flexible', () => {
    expect(matches('hik-connect', 'hik connect')).toBe(true);
    expect(matches('hik-connect', 'hikconnect')).toBe(true);
    expect(matches('co., ltd.', 'co ltd')).toBe(true);
    expect(matches('co., ltd.', 'co.,ltd.')).toBe(true);
  });

  it('inserts a separator after the first three letters of a display name only', () => {
    expect(matches('hikvision', 'hik vision', true)).toBe(true);
    expect(matches('hikvision', 'hik-vision', true)).toBe(true);
    expect(matches('hikvision', 'hikvi sion', true)).toBe(false);
    expect(matches('hilook', 'hi look')).toBe(false);
  });
});

describe('the exact pattern', () => {
  it('matches what the plain alternation of every alias matches, in a fraction of its source', () => {
    const data = lexiconData(vendorsJson as readonly Vendor[]);
    const plain = exactSource(data.entries, data.fuzzyTargets, { factorBoundaries: false });
    expect(data.exactSource).not.toBe(plain);
    expect(data.exactSource.length).toBeLessThan(plain.length / 3);
    // Every alias next to letters, digits, accented, Greek, Cyrillic and Han letters, punctuation and spaces;
    // shortened, joined up, doubled; and the text of every labeled case.
    const around = ['', ' ', 'x', '1', '.', "'s ", '-', 'é', 'д', 'λ', '大', '\n'];
    const texts: string[] = [];
    for (const { norm } of data.entries) {
      for (const before of around) for (const after of around) texts.push(`${before}${norm}${after}`);
      texts.push(norm.slice(0, -1), norm.replace(/ /g, ''), norm.replace(/ /g, '-'), `${norm}${norm}`);
      texts.push(`${norm} ${norm}, ${norm.slice(1)}`);
    }
    for (const c of loadCases()) texts.push(normalizeString(c.html.replace(/<[^>]+>/g, ' ')));
    const factored = new RegExp(data.exactSource, 'g');
    const alternation = new RegExp(plain, 'g');
    const all = (re: RegExp, text: string) => {
      re.lastIndex = 0;
      const found: string[] = [];
      for (let m = re.exec(text); m !== null; m = re.exec(text)) found.push(`${m.index}:${m[0]}`);
      return found;
    };
    let matches = 0;
    for (const text of texts) {
      const found = all(factored, text);
      expect(found, text).toEqual(all(alternation, text));
      matches += found.length;
    }
    expect(matches).toBeGreaterThan(data.entries.length * 30);
  });
});

describe('defaultLexicon', () => {
  it('is built from data/vendors.json with every vendor and no conflicts', () => {
    const lexicon = defaultLexicon();
    expect(new Set(lexicon.entries.map((e) => e.vendor))).toEqual(new Set(VENDOR_IDS));
    expect(lexicon.conflicts).toEqual([]);
    expect(defaultLexicon()).toBe(lexicon);
  });
});

describe('lexicon data computed at build time', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('survives JSON (the build define) and gives the lexicon built from the vendors', () => {
    const vendors = vendorsJson as readonly Vendor[];
    const built = buildLexicon(vendors);
    const shipped = lexiconFromData(JSON.parse(JSON.stringify(lexiconData(vendors))) as never);
    expect(shipped.entries).toEqual(built.entries);
    expect(shipped.entries.filter((e) => e.context !== undefined).map((e) => e.key)).toEqual([
      'dahua',
      '大华',
      '大華',
      '萤石',
      '螢石',
    ]);
    expect([...shipped.byKey.keys()]).toEqual([...built.byKey.keys()]);
    expect(shipped.fuzzyTargets).toEqual(built.fuzzyTargets);
    expect(shipped.gateSources()).toEqual(built.gateSources());
    expect(shipped.exact().source).toBe(built.exact().source);
    expect(shipped.fuzzyAnchors().source).toBe(built.fuzzyAnchors().source);
    const text = "Hikvision's HiLook, Hik vison, 海康威视 and Dahua Lin's 大华银行; Ezvis, Ezvid.";
    const brief = (l: typeof built) =>
      matchText(text, l).map((m) => [m.start, m.end, m.entry.alias, m.fuzzyDistance, m.needsEvidence]);
    expect(brief(shipped)).toEqual(brief(built));
    expect(brief(shipped).length).toBeGreaterThanOrEqual(4);
  });

  it('is what defaultLexicon uses when the build defined it', async () => {
    const data = lexiconData(vendorsJson as readonly Vendor[]);
    data.entries = data.entries.filter((e) => e.vendor === 'hikvision');
    data.fuzzyTargets = data.fuzzyTargets.filter((t) => data.entries[t.entry]?.vendor === 'hikvision');
    vi.stubGlobal('__VENDOR_LENS_LEXICON_JSON__', JSON.stringify(data));
    vi.resetModules();
    const fresh = await import('../../../utils/engine/lexicon');
    expect(new Set(fresh.defaultLexicon().entries.map((e) => e.vendor))).toEqual(new Set(['hikvision']));
  });
});

describe('the tolerant gate pattern without the i flag', () => {
  const sources = gateSources(defaultLexicon().anchors);
  const cased = compileGate(sources).tolerant;
  // What the pattern meant when it was compiled case-insensitively.
  const folded = new RegExp(sources.tolerant, 'i');
  const units = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => String.fromCharCode(from + i));

  it('spells out its left boundary: the same class as the case-insensitive one, on every code unit', () => {
    expect(cased.flags).toBe('');
    const reference = /(?<![0-9A-Za-z\u00C0-\u024F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])!/i;
    const spelt = new RegExp(`${GATE_LEFT_BOUNDARY_CASED}!`);
    const differ = units(0, 0x10000).filter((c) => reference.test(`${c}!`) !== spelt.test(`${c}!`));
    expect(spelt.test('ɓ!')).toBe(false);
    expect(differ).toEqual([]);
  });

  it('accepts what the case-insensitive pattern accepts, at every letter of every anchor', () => {
    const stems = [...new Set(defaultLexicon().anchors.latin.map((a) => a.stem))];
    expect(stems.length).toBeGreaterThan(8);
    // Case pairs, full-width forms, the Kelvin and Ångström signs, dotless i and long s are all in these.
    const replacements = [...units(0, 0x3000), ...units(0xff00, 0x10000)];
    let tested = 0;
    let accepted = 0;
    const differ: string[] = [];
    for (const stem of stems) {
      for (const c of replacements) {
        const before = `${c}${stem.toUpperCase()}`;
        if (cased.test(before) !== folded.test(before)) differ.push(before);
        for (let i = 0; i < stem.length; i += 1) {
          const text = ` ${stem.slice(0, i)}${c}${stem.slice(i + 1)}`;
          const yes = folded.test(text);
          if (cased.test(text) !== yes) differ.push(text);
          tested += 1;
          if (yes) accepted += 1;
        }
      }
    }
    expect(differ).toEqual([]);
    expect(tested).toBeGreaterThan(500_000);
    expect(accepted).toBeGreaterThan(stems.length * 10);
  });

  it('has a plain form that answers like it wherever the text holds no exotic character', () => {
    const gate = compileGate(sources);
    expect(gate.plain.source.length * 5).toBeLessThan(gate.tolerant.source.length);
    const stems = [...new Set(defaultLexicon().anchors.latin.map((a) => a.stem))];
    const texts = ['大华股份', '海康威视的', 'rhythm', 'Hik', 'xHik'];
    for (const stem of stems) {
      for (const c of [...units(0, 0x3000), ...units(0xff00, 0x10000)]) {
        texts.push(`${c}${stem}`, `${c}${stem.toUpperCase()}`);
        for (let i = 0; i < stem.length; i += 1) texts.push(` ${stem.slice(0, i)}${c}${stem.slice(i + 1)}`);
      }
    }
    let plainTexts = 0;
    let accepted = 0;
    const differ: string[] = [];
    for (const text of texts) {
      if (gate.exotic.test(text)) continue;
      plainTexts += 1;
      const yes = gate.tolerant.test(text);
      if (yes) accepted += 1;
      if (gate.plain.test(text) !== yes) differ.push(text);
    }
    expect(differ).toEqual([]);
    expect(plainTexts).toBeGreaterThan(500_000);
    expect(accepted).toBeGreaterThan(stems.length * 10);
  });
});
