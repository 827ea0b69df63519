import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter } from '@/utils/highlight';
import { createCssHighlighter, supportsCustomHighlights } from '@/utils/highlight/css-highlighter';
import { createWrapHighlighter, textNodesInRange } from '@/utils/highlight/wrap-highlighter';
import { createRescanScheduler, outermost } from '@/utils/content/rescan';
import { indexByTextNode } from '@/utils/content/hit-test';

function rangeOver(doc: Document, node: Text, start: number, end: number): Range {
  const r = doc.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

function body(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  return document.body;
}

describe('wrap fallback highlighter', () => {
  it('wraps exactly the mention, across inline elements, and restores the page on clear', () => {
    body('<p id="p">Cameras by Hik<em>vision</em> and Dahua.</p>');
    const p = document.getElementById('p')!;
    const before = p.textContent;
    const first = p.firstChild as Text;
    const em = p.querySelector('em')!.firstChild as Text;
    const tail = p.lastChild as Text;
    const hik = document.createRange();
    hik.setStart(first, 11);
    hik.setEnd(em, 6);
    const dahua = rangeOver(document, tail, 5, 10);
    const h = createWrapHighlighter(document);
    h.set(
      [
        { vendor: 'hikvision', range: hik },
        { vendor: 'dahua', range: dahua },
      ],
      'underline',
    );
    const marks = [...p.querySelectorAll('vendor-lens-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Hik', 'vision', 'Dahua']);
    expect(marks.map((m) => (m as HTMLElement).dataset.vendor)).toEqual(['hikvision', 'hikvision', 'dahua']);
    expect(hik.toString()).toBe('Hikvision');
    expect(p.textContent).toBe(before);
    h.setActive({ vendor: 'dahua', range: dahua });
    h.clear();
    expect(p.querySelectorAll('vendor-lens-mark')).toHaveLength(0);
    expect(p.textContent).toBe(before);
  });

  it('skips whitespace-only runs inside tables', () => {
    body('<table><tbody><tr><td>Hikvision</td> <td>Dahua</td></tr></tbody></table>');
    const tds = document.querySelectorAll('td');
    const r = document.createRange();
    r.setStart(tds[0]!.firstChild!, 0);
    r.setEnd(tds[1]!.firstChild!, 5);
    expect(textNodesInRange(r).map((t) => t.data)).toEqual(['Hikvision', 'Dahua']);
  });
});

describe('CSS highlight registry', () => {
  it('registers one highlight per vendor and style, and removes them all', () => {
    const registry = new Map<string, { ranges: Range[]; priority: number }>();
    class FakeHighlight {
      ranges: Range[];
      priority = 0;
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    const win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as never;
    expect(supportsCustomHighlights(win)).toBe(true);
    expect(supportsCustomHighlights({} as never)).toBe(false);
    body('<p>Hikvision Dahua Hytera</p>');
    const text = document.body.querySelector('p')!.firstChild as Text;
    const h = createCssHighlighter(win);
    const targets = [
      { vendor: 'hikvision' as const, range: rangeOver(document, text, 0, 9) },
      { vendor: 'dahua' as const, range: rangeOver(document, text, 10, 15) },
      { vendor: 'hikvision' as const, range: rangeOver(document, text, 16, 22) },
    ];
    h.set(targets, 'background');
    expect([...registry.keys()].sort()).toEqual([
      'vendor-lens-background-dahua',
      'vendor-lens-background-hikvision',
    ]);
    expect(registry.get('vendor-lens-background-hikvision')!.ranges).toHaveLength(2);
    expect(registry.get('vendor-lens-background-hikvision')!.priority).toBe(-1);
    h.set(targets, 'wavy');
    expect([...registry.keys()].every((k) => k.startsWith('vendor-lens-wavy-'))).toBe(true);
    h.setActive(targets[1]!);
    expect(registry.has('vendor-lens-active')).toBe(true);
    h.clear();
    expect(registry.size).toBe(0);
  });

  it('deletes only its own names, after clearing once what an earlier instance left', () => {
    class FakeHighlight {
      priority = 0;
      constructor(readonly range: Range) {}
    }
    const deleted: string[] = [];
    const registry = new Map<string, unknown>();
    const recording = {
      get size() {
        return registry.size;
      },
      set: (name: string, value: unknown) => registry.set(name, value),
      delete: (name: string) => {
        deleted.push(name);
        return registry.delete(name);
      },
    };
    const win = { CSS: { highlights: recording }, Highlight: FakeHighlight } as never;
    body('<p>Hikvision Dahua</p>');
    const text = document.body.querySelector('p')!.firstChild as Text;
    const hik = { vendor: 'hikvision' as const, range: rangeOver(document, text, 0, 9) };
    const dahua = { vendor: 'dahua' as const, range: rangeOver(document, text, 10, 15) };

    // A fresh page: nothing registered, nothing to delete.
    const h = createCssHighlighter(win);
    h.set([hik], 'underline');
    expect(deleted).toEqual([]);
    h.set([dahua], 'underline');
    expect(deleted).toEqual(['vendor-lens-underline-hikvision']);
    expect([...registry.keys()]).toEqual(['vendor-lens-underline-dahua']);
    deleted.length = 0;
    h.setActive(null);
    expect(deleted).toEqual([]);

    // The extension reloaded on an open page: the new instance clears the old one's highlights first.
    registry.set('vendor-lens-active', new FakeHighlight(hik.range));
    const again = createCssHighlighter(win);
    again.set([hik], 'wavy');
    expect([...registry.keys()]).toEqual(['vendor-lens-wavy-hikvision']);
    expect(deleted).toContain('vendor-lens-underline-dahua');
    expect(deleted).toContain('vendor-lens-active');
  });

  it('falls back to wrapping where the API is missing', () => {
    expect(createHighlighter(document, {} as never).kind).toBe('wrap');
  });
});

describe('hit-test index', () => {
  it('maps every text node a mention touches to it', () => {
    body('<p>Hik<em>vi</em>sion</p>');
    const p = document.body.querySelector('p')!;
    const r = document.createRange();
    r.setStart(p.firstChild!, 0);
    r.setEnd(p.lastChild!, 4);
    const item = { range: r };
    const index = indexByTextNode([item]);
    expect(index.get(p.firstChild!)).toEqual([item]);
    expect(index.get(p.querySelector('em')!.firstChild!)).toEqual([item]);
    expect(index.get(p.lastChild!)).toEqual([item]);
  });
});

describe('rescan scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const ctx = {
    isValid: true,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
  };

  it('keeps only the outermost roots', () => {
    body('<div id="a"><p id="b">x</p></div><p id="c">y</p>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
    expect(outermost([b!, a!, c!, b!])).toEqual([a, c]);
  });

  it('batches added content into one debounced partial rescan, ignoring our own nodes', async () => {
    body('<main id="m"><p>start</p></main>');
    const rescan = vi.fn();
    const own = document.createElement('vendor-lens-card');
    const s = createRescanScheduler({
      ctx,
      win: window,
      root: document.body,
      isOwnNode: (n) => n === own || own.contains(n),
      rescan,
    });
    const m = document.getElementById('m')!;
    const p1 = document.createElement('p');
    p1.textContent = 'Hikvision';
    const p2 = document.createElement('p');
    p2.textContent = 'Dahua';
    m.append(p1, p2);
    document.body.append(own);
    await vi.advanceTimersByTimeAsync(1500);
    expect(rescan).toHaveBeenCalledTimes(1);
    expect(rescan.mock.calls[0]![0]).toEqual([p1, p2]);
    rescan.mockClear();
    own.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1500);
    expect(rescan).not.toHaveBeenCalled();
    s.dispose();
  });

  it('follows changes inside an open shadow root once told about it', async () => {
    body('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const section = document.createElement('section');
    shadow.append(section);
    const rescan = vi.fn();
    const s = createRescanScheduler({
      ctx,
      win: window,
      root: document.body,
      isOwnNode: () => false,
      rescan,
    });
    const p1 = document.createElement('p');
    p1.textContent = 'Hikvision';
    section.append(p1);
    await vi.advanceTimersByTimeAsync(1500);
    // The document's observer does not see into the shadow tree.
    expect(rescan).not.toHaveBeenCalled();
    s.observe(shadow);
    s.observe(shadow); // twice is once
    const p2 = document.createElement('p');
    p2.textContent = 'Dahua';
    section.append(p2);
    await vi.advanceTimersByTimeAsync(1500);
    expect(rescan).toHaveBeenCalledTimes(1);
    expect(rescan.mock.calls[0]![0]).toEqual([p2]);
    s.dispose();
  });

  it('keeps a page that mutates constantly within the per-second budget', async () => {
    body('<main id="m"></main>');
    let clock = 0;
    const rescan = vi.fn(() => {
      clock += 40; // each rescan costs 40 ms
    });
    const s = createRescanScheduler({
      ctx,
      win: window,
      root: document.body,
      isOwnNode: () => false,
      rescan,
      now: () => clock,
    });
    const m = document.getElementById('m')!;
    for (let i = 0; i < 100; i++) {
      m.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(100);
      clock += 100;
    }
    // 10 s of mutations: at most 50 ms of rescanning per second -> at most ~2 rescans a second.
    expect(rescan.mock.calls.length).toBeLessThanOrEqual(20);
    expect(rescan.mock.calls.length).toBeGreaterThan(0);
    s.dispose();
  });
});
