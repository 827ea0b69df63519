import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startBoot } from '@/utils/content/boot';
import type { Boot, BootDeps } from '@/utils/content/boot';
import { loadEngine, publishEngine, takeEngine } from '@/utils/content/engine-api';
import type { Engine, EngineInit, StartEngine } from '@/utils/content/engine-api';
import { LARGE_HTML_BYTES } from '@/utils/engine/gate';
import { defaultLexicon } from '@/utils/engine/lexicon';
import { defaultSettings, withSiteEnabled } from '@/utils/settings';
import type { Settings } from '@/utils/settings';

const gate = defaultLexicon().gate();

function page(html: string, title = 'A page'): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  document.title = title;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function fakeCtx() {
  let invalidated: (() => void)[] = [];
  const ctx = {
    isValid: true,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    addEventListener: (target: EventTarget, type: string, fn: EventListener) =>
      target.addEventListener(type, fn),
    onInvalidated: (fn: () => void) => {
      invalidated.push(fn);
      return () => {
        invalidated = invalidated.filter((f) => f !== fn);
      };
    },
  };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    invalidate() {
      ctx.isValid = false;
      for (const fn of invalidated) fn();
    },
  };
}

function fakeEngine(): Engine & { rescans: (readonly Element[] | 'all')[]; settings: Settings[] } {
  const rescans: (readonly Element[] | 'all')[] = [];
  const settings: Settings[] = [];
  return {
    rescans,
    settings,
    report: () => ({
      url: location.href,
      title: 'from the engine',
      siteName: null,
      byline: null,
      publishedTime: null,
      readerable: true,
      enabled: true,
      site: 'localhost',
      mentions: [
        { vendor: 'hikvision', text: 'Hikvision', alias: 'Hikvision', match: 'exact', inArticle: true },
      ],
      truncated: false,
      scanning: false,
    }),
    focusNext: () => true,
    rescan: (roots) => rescans.push(roots),
    settingsChanged: (next) => settings.push(next),
    locationChanged: () => undefined,
    isOwnNode: () => false,
    destroy: vi.fn(),
  };
}

interface Harness {
  deps: BootDeps;
  loads: number;
  started: EngineInit[];
  engine: ReturnType<typeof fakeEngine>;
  errors: unknown[];
  emitSettings(next: Settings): void;
  /** What a read of the settings returns now. */
  stored: Settings;
  /** Times the stored settings were read, and whether they are watched. */
  reads: number;
  watching: boolean;
  listened: { report(fresh: boolean): Promise<unknown>; focusNext(): boolean } | null;
}

function harness(options: { settings?: Settings; failLoad?: boolean } = {}): Harness {
  const h: Harness = {
    loads: 0,
    started: [],
    engine: fakeEngine(),
    errors: [],
    stored: options.settings ?? defaultSettings(),
    reads: 0,
    watching: false,
    listened: null,
    emitSettings: () => undefined,
    deps: undefined as unknown as BootDeps,
  };
  const start: StartEngine = (_ctx, _doc, _win, init) => {
    h.started.push(init);
    return h.engine;
  };
  h.deps = {
    readSettings: () => {
      h.reads += 1;
      return Promise.resolve(h.stored);
    },
    watchSettings: (onChange) => {
      h.emitSettings = onChange;
      h.watching = true;
      return () => {
        h.watching = false;
      };
    },
    muteAlias: () => undefined,
    gate: () => gate,
    loadEngine: () => {
      h.loads += 1;
      return options.failLoad ? Promise.reject(new Error('blocked')) : Promise.resolve(start);
    },
    messages: {
      updateBadge: () => Promise.resolve(),
      extractArticle: () => Promise.resolve(null),
      getVendorCard: () => Promise.reject(new Error('not in this test')),
      openReport: () => Promise.resolve(),
    },
    listen: (handlers) => {
      h.listened = handlers;
      return () => {
        h.listened = null;
      };
    },
    onError: (error) => h.errors.push(error),
  };
  return h;
}

let boot: Boot | undefined;
let invalidate: (() => void) | undefined;

async function start(h: Harness): Promise<Boot> {
  const { ctx, invalidate: inv } = fakeCtx();
  invalidate = inv;
  boot = await startBoot(ctx, document, window, h.deps);
  await boot.settled();
  return boot;
}

beforeEach(() => performance.clearMeasures());
afterEach(() => {
  invalidate?.();
  boot = undefined;
  invalidate = undefined;
});

describe('content script boot', () => {
  it('never loads the engine on a page without an anchor, and answers the popup itself', async () => {
    page('<h1>Weather</h1><p>Hiking in the rain.</p>', 'Weather today');
    const h = harness();
    const b = await start(h);
    expect(h.loads).toBe(0);
    expect(b.engine()).toBeNull();
    // Nothing to do: the stored settings were not needed, nor watched.
    expect(h.reads).toBe(0);
    expect(h.watching).toBe(false);
    const report = await b.report();
    expect(report).toMatchObject({ title: 'Weather today', mentions: [], enabled: true, truncated: false });
    // The popup's question needed them (is the site on?): read, then followed.
    expect(h.reads).toBe(1);
    expect(h.watching).toBe(true);
    expect(await h.listened?.report(false)).toEqual(report);
    expect(h.reads).toBe(1);
    // Asked for fresh settings (the popup has just changed them): read again.
    await h.listened?.report(true);
    expect(h.reads).toBe(2);
    expect(b.focusNext()).toBe(false);
    // The same measure names as a scan, for DevTools and the bench.
    const names = performance.getEntriesByType('measure').map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['vendor-lens:gate', 'vendor-lens:total']));
    expect(names).not.toContain('vendor-lens:wake');
  });

  it("reads the page's address only once the settings need it (is the site on?)", async () => {
    // `window`, counting the reads of `location` (its methods bound to it: happy-dom's need their own `this`).
    let locationReads = 0;
    const counting = new Proxy(window, {
      get(target, key) {
        if (key === 'location') locationReads += 1;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    page('<h1>Weather</h1><p>Hiking in the rain.</p>');
    const quiet = harness();
    const { ctx, invalidate: inv } = fakeCtx();
    invalidate = inv;
    const b = await startBoot(ctx, document, counting, quiet.deps);
    await b.settled();
    expect(locationReads).toBe(0);
    await b.report();
    expect(locationReads).toBeGreaterThan(0);
    invalidate();

    // A page that may mention a vendor: the settings are read, and the site decides.
    locationReads = 0;
    page('<p>Hikvision cameras.</p>');
    const woken = harness({ settings: withSiteEnabled(defaultSettings(), 'localhost', false) });
    const second = fakeCtx();
    invalidate = second.invalidate;
    await (await startBoot(second.ctx, document, counting, woken.deps)).settled();
    expect(locationReads).toBeGreaterThan(0);
    // The site (localhost, as the test page's address says) is off: the settings were read for it.
    expect(woken.reads).toBe(1);
    expect(woken.loads).toBe(0);
  });

  it('walks a page whose anchors all sit inside words, and wakes only for a name the walk confirms', async () => {
    // "rhythm", "Yoshikitty": anchors inside words, which the joined text alone cannot rule out.
    page('<p>A violent rhythm game.</p><p>Posted by Yoshikitty.</p>');
    const quiet = harness();
    await start(quiet);
    expect(quiet.loads).toBe(0);
    expect(quiet.reads).toBe(0);
    const names = performance.getEntriesByType('measure').map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['vendor-lens:gate', 'vendor-lens:total']));
    expect(names).not.toContain('vendor-lens:wake');
    invalidate?.();

    // The same joined text from two nodes: the walk sees the name at the start of its own node.
    page('<p><span>Visit</span><a href="#">hikvision.com</a> for the rhythm.</p>');
    expect(document.body.textContent).toContain('Visithikvision.com');
    const glued = harness();
    await start(glued);
    expect(glued.loads).toBe(1);
    expect(performance.getEntriesByName('vendor-lens:wake')).toHaveLength(1);
  });

  it('loads and starts the engine once on a page that may mention a vendor, then delegates to it', async () => {
    page('<p>Cameras made by Hikvision were banned.</p><p>Dahua too.</p>');
    const h = harness();
    const b = await start(h);
    expect(h.loads).toBe(1);
    expect(h.started).toHaveLength(1);
    expect(h.started[0]!.settings).toEqual(defaultSettings());
    expect(h.started[0]!.site).toBe(new URL(location.href).hostname.replace(/^www\./, ''));
    expect(h.reads).toBe(1);
    expect((await b.report()).title).toBe('from the engine');
    expect(b.focusNext()).toBe(true);
    expect(performance.getEntriesByName('vendor-lens:wake')).toHaveLength(1);
    // Settings changes reach the engine.
    const next = { ...defaultSettings(), fuzzy: false };
    h.emitSettings(next);
    expect(h.engine.settings).toEqual([next]);
  });

  it('reads a long page in slices, one task at a time, and wakes on a name at its end', async () => {
    page(`<p>${'The committee met again. '.repeat(40)}</p>`.repeat(1200) + '<p>Hytera radios.</p>');
    // The page arrived as megabytes of HTML (a small page is one `textContent`: gate.test.ts).
    const entries = vi
      .spyOn(performance, 'getEntriesByType')
      .mockImplementation((type: string) =>
        type === 'navigation' ? ([{ decodedBodySize: LARGE_HTML_BYTES + 1 }] as never) : [],
      );
    // Every step looks slow (20 ms per clock read), so each one ends its slice.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    try {
      const h = harness();
      const { ctx, invalidate: inv } = fakeCtx();
      invalidate = inv;
      const timeouts = vi.spyOn(ctx, 'setTimeout');
      boot = await startBoot(ctx, document, window, h.deps);
      expect(h.loads).toBe(0);
      // The popup is told to ask again: the page is still being read.
      expect(await boot.report()).toMatchObject({ mentions: [], scanning: true });
      await boot.settled();
      // 1201 paragraphs in groups of 256: five steps, four pauses.
      expect(timeouts.mock.calls.length).toBe(4);
      expect(h.loads).toBe(1);
      expect(performance.getEntriesByName('vendor-lens:wake')).toHaveLength(1);
    } finally {
      now.mockRestore();
      entries.mockRestore();
    }
  });

  it("wakes on a mention that only a component's open shadow root holds, not one in a closed root", async () => {
    page('<p>Weather today.</p><news-card id="open"></news-card><news-card id="closed"></news-card>');
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).append(paragraph('Dahua'));
    const quiet = harness();
    await start(quiet);
    expect(quiet.loads).toBe(0);
    invalidate?.();
    document.getElementById('open')!.attachShadow({ mode: 'open' }).append(paragraph('Hytera radios.'));
    const h = harness();
    await start(h);
    expect(h.loads).toBe(1);
    expect(performance.getEntriesByName('vendor-lens:wake')).toHaveLength(1);
  });

  it('loads the engine when the page later adds content that may mention a vendor', async () => {
    page('<main id="m"><p>Nothing here.</p></main>');
    const h = harness();
    await start(h);
    expect(h.loads).toBe(0);
    const p = document.createElement('p');
    p.textContent = 'Nothing new.';
    document.getElementById('m')!.append(p);
    await new Promise((r) => setTimeout(r, 1200));
    expect(h.loads).toBe(0);
    const q = document.createElement('p');
    p.textContent = 'A report on Hytera radios.';
    document.getElementById('m')!.append(q);
    await vi.waitFor(() => expect(h.loads).toBe(1), { timeout: 3000 });
  });

  it('does nothing on a site the user turned off, and wakes when it is turned back on', async () => {
    page('<p>Hikvision</p>');
    const site = new URL(location.href).hostname.replace(/^www\./, '');
    const off = withSiteEnabled(defaultSettings(), site, false);
    const h = harness({ settings: off });
    const b = await start(h);
    expect(h.loads).toBe(0);
    expect(await b.report()).toMatchObject({ enabled: false, mentions: [] });
    // Added content is not read while the site is off.
    const checks = vi.spyOn(h.deps, 'gate');
    const q = document.createElement('p');
    q.textContent = 'Dahua';
    document.body.append(q);
    await new Promise((r) => setTimeout(r, 1200));
    expect(checks).not.toHaveBeenCalled();
    h.emitSettings(defaultSettings());
    await b.settled();
    expect(h.loads).toBe(1);
  });

  it('answers the popup that has just changed the settings with them, before the notice arrives', async () => {
    page('<p>Hikvision cameras.</p>');
    const site = new URL(location.href).hostname.replace(/^www\./, '');
    const h = harness();
    const b = await start(h);
    expect(h.started).toHaveLength(1);
    expect(await b.report()).toMatchObject({ enabled: true });
    const reads = h.reads;
    // The popup's switch saved the site off, then asks at once: no change notice has come yet.
    h.stored = withSiteEnabled(defaultSettings(), site, false);
    await b.report(true);
    expect(h.reads).toBe(reads + 1);
    expect(h.engine.settings).toEqual([h.stored]);
    // Asked again with nothing changed: nothing is applied twice.
    await b.report(true);
    expect(h.engine.settings).toHaveLength(1);
  });

  it('reports an engine that fails to load once, keeps answering, and does not retry in a loop', async () => {
    page('<p>Hikvision</p>');
    const h = harness({ failLoad: true });
    const b = await start(h);
    expect(h.errors).toHaveLength(1);
    expect((await b.report()).mentions).toEqual([]);
    h.emitSettings(defaultSettings());
    await b.settled();
    expect(h.loads).toBe(1);
  });

  it('destroys the engine and stops listening when the extension context goes away', async () => {
    page('<p>Ezviz</p>');
    const h = harness();
    await start(h);
    invalidate?.();
    expect(h.engine.destroy).toHaveBeenCalledTimes(1);
    expect(h.listened).toBeNull();
  });
});

describe('engine hand-over', () => {
  it('passes the engine through one slot that it empties', async () => {
    const world = {};
    const start = (() => fakeEngine()) as StartEngine;
    expect(takeEngine(world)).toBeNull();
    const loaded = await loadEngine(world, 'moz-extension://x/engine.js', (url) => {
      expect(url).toBe('moz-extension://x/engine.js');
      publishEngine(world, start);
      return Promise.resolve();
    });
    expect(loaded).toBe(start);
    expect(Object.keys(world)).toEqual([]);
  });

  it('fails clearly when the module published nothing', async () => {
    await expect(loadEngine({}, 'chrome-extension://x/engine.js', () => Promise.resolve())).rejects.toThrow(
      /did not publish an engine/,
    );
  });
});
