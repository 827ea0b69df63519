import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCore } from '../../../utils/engine/scan-core';
import type { ScanOptions } from '../../../utils/engine/scan-core';
import { buildTextIndex } from '../../../utils/engine/text-index';
import type { Mention } from '../../../utils/engine/types';
import { runGate } from '../../../utils/engine/gate';
import { compileGate, defaultLexicon, gateSources } from '../../../utils/engine/lexicon';
import { WINDOWED_TEXT, hitIndexes, hitWindows } from '../../../utils/engine/windows';
import { closePage, loadHtml } from '../../fixtures/engine/dom';
import { CORPUS_DIR, buildCaseDocument, loadCases } from '../../fixtures/engine/harness';

const WHOLE: ScanOptions = { windows: { minText: Infinity, margin: 0 } };
/** Every block windowed, with a small margin: the strictest setting for the comparison. */
const TIGHT: ScanOptions = { windows: { minText: 0, margin: 96 } };

/** What a mention is, where it is, and how it was matched. */
function described(mentions: readonly Mention[]): string[] {
  return mentions.map((m) => {
    const r = m.range;
    const at = `${r.startContainer.textContent?.slice(0, 20) ?? ''}@${r.startOffset}-${r.endOffset}`;
    return `${m.vendor}|${m.text}|${m.alias}|${JSON.stringify(m.match)}|${at}`;
  });
}

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) out.push(n as Text);
  return out;
}

describe('hitWindows', () => {
  it('keeps a margin of visible characters around each hit node and merges overlapping windows', async () => {
    const page = loadHtml(
      `<p><a>${'x'.repeat(300)}</a><a>Hik</a><a>${' '.repeat(500)}${'y'.repeat(10)}</a><a>vision</a>` +
        `<a>${'z'.repeat(1000)}</a><a>Dahua</a><a>end</a></p>`,
    );
    const p = page.document.querySelector('p')!;
    const index = buildTextIndex(p);
    const nodes = textNodes(p);
    const [hik, spaces, vision, dahua] = [nodes[1]!, nodes[2]!, nodes[3]!, nodes[5]!];
    const windows = hitWindows(index, new Set([hik, vision, dahua]), 100);
    const seg = (t: Text) => index.segments.find((s) => s.node === t)!;
    expect(windows).toHaveLength(2);
    const [first, second] = windows;
    // 100 visible characters before the core (which starts 32 before the hit); the spaces do not count.
    expect(first!.coreStart).toBe(seg(hik).start - 32);
    expect(first!.start).toBe(first!.coreStart - 100);
    expect(first!.coreEnd).toBe(seg(vision).end);
    expect(first!.end).toBe(seg(vision).end + 100);
    expect(seg(spaces).end - seg(spaces).start).toBe(510);
    expect(second).toEqual({
      start: seg(dahua).start - 32 - 100,
      end: index.text.length,
      coreStart: seg(dahua).start - 32,
      coreEnd: seg(dahua).end,
    });
    expect(hitWindows(index, new Set(), 100)).toEqual([]);
    await closePage(page);
  });
});

describe('windowed matching', () => {
  it('finds the same mentions as matching whole blocks, on every labeled case', async () => {
    let compared = 0;
    let found = 0;
    for (const c of loadCases()) {
      const page = buildCaseDocument(c);
      const whole = described(scanCore(page.document, WHOLE, null).mentions);
      const tight = described(scanCore(page.document, TIGHT, null).mentions);
      expect(tight, c.id).toEqual(whole);
      compared += 1;
      found += whole.length;
      await closePage(page);
    }
    expect(compared).toBeGreaterThanOrEqual(150);
    expect(found).toBeGreaterThan(100);
  }, 180_000);

  it('drops what looks like a match where a window cuts a word', async () => {
    // The window around "Dahua" starts 100 visible characters before its core, right at the "H": matched
    // alone, the window would read "Hikvision" as a word; the block reads "zzz…zHikvision".
    const page = loadHtml(`<p><a>${'z'.repeat(50)}Hikvision ${'y'.repeat(123)} </a><a>Dahua</a></p>`);
    const p = page.document.querySelector('p')!;
    const index = buildTextIndex(p);
    const [w] = hitWindows(index, new Set([textNodes(p)[1]!]), 100);
    expect(index.text.slice(w!.start, w!.start + 9)).toBe('Hikvision');
    const windowed = scanCore(page.document, { windows: { minText: 0, margin: 100 } }, null);
    expect(windowed.stats.windows).toBe(1);
    expect(described(windowed.mentions)).toEqual(described(scanCore(page.document, WHOLE, null).mentions));
    expect(windowed.mentions.map((m) => m.text)).toEqual(['Dahua']);
    await closePage(page);
  });

  it('finds a name split across links with whitespace between, next to a hit', async () => {
    // "Hik" alone is no candidate, and the gate reports the node after it for "Dahua" without it: the match
    // starts over 32 characters before that node, but within 32 visible ones.
    const filler = 'lorem ipsum '.repeat(800);
    const gap = `\n${' '.repeat(60)}`;
    const page = loadHtml(
      `<p>${filler}<a>Hik</a>${gap}<a>vision and Dahua cameras</a> ${filler}<a>Hik</a>${gap}<a>-Connect and Dahua</a></p>`,
    );
    const whole = scanCore(page.document, WHOLE, null);
    const split = whole.mentions.filter((m) => m.text.startsWith('Hik'));
    expect(split.map((m) => m.text.replace(/\s+/g, ' '))).toContain('Hik vision');
    const windowed = scanCore(page.document, {}, null);
    expect(windowed.stats.windows).toBe(2);
    expect(described(windowed.mentions)).toEqual(described(whole.mentions));
    await closePage(page);
  });

  it('splits archive-of-our-own’s 50,680-character paragraph and finds what the whole block gives', async () => {
    const html = readFileSync(join(CORPUS_DIR, 'archive-of-our-own.html'), 'utf8');
    const page = loadHtml(html);
    const doc = page.document;
    const kudos = [...doc.querySelectorAll('p')].reduce((a, b) =>
      (b.textContent ?? '').length > (a.textContent ?? '').length ? b : a,
    );
    expect(kudos.textContent!.length).toBeGreaterThan(WINDOWED_TEXT * 4);
    // Mentions among the user names: plain, a typo, split across links, a rejected look-alike, and Dahua
    // as a person's name (a context rule reading the words before and after it).
    const links = kudos.querySelectorAll('a');
    expect(links.length).toBeGreaterThan(500);
    const el = (tag: string, text: string): Element => {
      const e = doc.createElement(tag);
      e.textContent = text;
      return e;
    };
    const put = (at: number, ...parts: (string | Element)[]) => {
      links[Math.floor(links.length * at)]!.after(...parts);
    };
    put(0.01, ' and Hikvision’s cameras ');
    put(0.2, ' a Hikvison DVR ');
    put(0.4, ' ', el('b', 'Hik'), el('i', 'vision'), ' ');
    put(0.6, ' Ezvid videos, not Ezviz ');
    put(0.8, ' Dr. Dahua Lin thanks Dahua ');
    put(0.999, ' HYTERA radios ');
    const defaults = scanCore(doc, {}, null);
    const whole = scanCore(doc, WHOLE, null);
    expect(described(defaults.mentions)).toEqual(described(whole.mentions));
    expect(whole.stats.windows).toBe(0);
    // Indexed in parts around the hits, not whole.
    const gate = compileGate(gateSources(defaultLexicon().anchors));
    const hits = runGate(doc, doc.body, gate, true).hits.filter((hit) => kudos.contains(hit));
    const parts = hitIndexes(kudos, hits);
    expect(parts.length).toBeGreaterThanOrEqual(6);
    const indexed = parts.reduce((n, part) => n + part.index.text.length, 0);
    expect(indexed).toBeLessThan(kudos.textContent!.length / 3);
    // Each inserted sentence and the user names starting with an anchor (HikariFlower...), apart.
    expect(defaults.stats.windows).toBeGreaterThanOrEqual(6);
    expect(described(scanCore(doc, TIGHT, null).mentions)).toEqual(described(whole.mentions));
    expect(whole.mentions.map((m) => m.text)).toEqual([
      'Hikvision',
      'Hikvison',
      'Hikvision',
      'Ezviz',
      'Dahua',
      'HYTERA',
    ]);
    await closePage(page);
  }, 60_000);
});
