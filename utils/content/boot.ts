/**
 * The boot: the part of the content script that runs on every page, kept small because every page pays for its
 * evaluation. It tests the page's whole text once for an anchor (`pageTestSteps`, with the gate compiled at
 * build time; a page whose anchors all sit inside words, such as "rhythm", is walked node by node first) and
 * loads the engine (`engine-api.ts`) only when that test fires, now or later in content the page adds. The
 * settings are asked for (from the background, which answers for this site) only then (is the site on?), or
 * when the popup asks: a page where the test finds nothing, most pages, never asks, and a site the user turned
 * off costs that one local read of its text and one message, nothing more. Until the engine runs, the boot
 * answers the popup itself (no mentions, the page's title) and the keyboard command (nothing to focus); once it
 * runs, the boot passes it the page changes, the settings changes, the page's own navigations and the popup's
 * requests.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageTestSteps } from '../engine/gate';
import type { WholeTextGate } from '../engine/lexicon';
import type { PageReport } from '../messaging';
import { isSiteEnabled, siteKey } from '../settings';
import type { Settings } from '../settings';
import type { Engine, EngineMessages, StartEngine } from './engine-api';
import { basicPageFacts, buildPageReport } from './page-report';
import { MEASURE_PREFIX, emitMeasure } from './perf';
import { createRescanScheduler } from './rescan';
import { SLICE_PAUSE_MS, runSliced } from './sliced';
import type { RescanScheduler } from './rescan';

/** Longest run of the whole-text test in one task (it reads about 64 K characters per step). */
export const BOOT_SLICE_MS = 10;

export interface BootDeps {
  readSettings(): Promise<Settings>;
  /** Calls back with sanitized settings on every change; returns the unwatch. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** Mutes an alias on a site in the stored settings ("Not this company" in the card). */
  muteAlias(site: string, alias: string): void;
  /** The whole-text test's patterns (compiled from build-time sources). */
  gate(): WholeTextGate;
  /** Loads the engine module; called at most once per page unless it fails. */
  loadEngine(): Promise<StartEngine>;
  messages: EngineMessages;
  /**
   * Registers the popup's and the background's requests; the handlers are the boot's (`report`, `focusNext`).
   * Returns the removal.
   */
  listen(handlers: { report(freshSettings: boolean): Promise<PageReport>; focusNext(): boolean }): () => void;
  /** Where an engine that failed to load is reported (the console, in the extension). */
  onError(error: unknown): void;
}

export interface Boot {
  /**
   * The page report for the popup (reads the settings first if the boot has not needed them yet, or again with
   * `freshSettings`: the popup has just changed them).
   */
  report(freshSettings?: boolean): Promise<PageReport>;
  focusNext(): boolean;
  /** The engine once it is loaded and started, else null. */
  engine(): Engine | null;
  /** Resolves when the engine is loaded and started (or failed to); immediately when it was never needed. */
  settled(): Promise<void>;
  destroy(): void;
}

export async function startBoot(
  ctx: ContentScriptContext,
  doc: Document,
  win: Window,
  deps: BootDeps,
): Promise<Boot> {
  // Everything below runs in a task of its own, after the script's evaluation (a microtask would run inside
  // it), as it did when the settings read came first. The window's timer, not the context's: that one asks
  // the extension's runtime whether it is still valid, the first use of the extension's API on the page.
  await new Promise<void>((resolve) => win.setTimeout(resolve, 0));
  /** The stored settings, once something needed them (`needSettings`); null before. */
  let settings: Settings | null = null;
  let settingsRead: Promise<Settings> | null = null;
  let unwatch: () => void = () => undefined;
  /**
   * The site's key (host name), parsed on first use: only the settings need it, and a page where the whole-text
   * test finds nothing never reads them. That parse, the first `URL` in the content script's world, measured
   * 0.68 ms at the median on corpus pages in Chromium here (performance marks in a probe build).
   */
  let site: string | null = null;
  const currentSite = () => (site ??= siteKey(win.location.href));
  let engine: Engine | null = null;
  let loading: Promise<void> | null = null;
  let failed = false;

  /** Whether the site is on; true while the settings are unread (the whole-text test runs, nothing else). */
  const enabled = () => settings === null || isSiteEnabled(settings, currentSite());

  /** New settings (a change, or a fresh read that differs): the engine applies them, or the test runs again. */
  const applySettings = (next: Settings) => {
    settings = next;
    if (engine !== null) engine.settingsChanged(next);
    else check(root, false);
  };
  const needSettings = (): Promise<Settings> =>
    (settingsRead ??= deps.readSettings().then((read) => {
      settings = read;
      if (ctx.isValid) unwatch = deps.watchSettings(applySettings);
      return read;
    }));
  /**
   * The settings as stored now, for the popup when it has just changed them (the site switch saves, then asks
   * for the report), before the background's notice of the change reaches this page.
   */
  const freshSettings = async (): Promise<void> => {
    if (settingsRead === null) {
      await needSettings();
      return;
    }
    await settingsRead;
    const read = await deps.readSettings();
    if (settings === null || JSON.stringify(read) !== JSON.stringify(settings)) applySettings(read);
  };

  const wake = () => {
    if (engine !== null || loading !== null || failed || !ctx.isValid) return;
    loading = deps
      .loadEngine()
      .then((start) => {
        if (!ctx.isValid || settings === null) return;
        engine = start(ctx, doc, win, {
          settings,
          site: currentSite(),
          messages: deps.messages,
          muteAlias: deps.muteAlias,
          discardOwnMutations: () => scheduler.discardOwnMutations(),
          observeShadowRoots: (roots) => roots.forEach((shadow) => scheduler.observe(shadow)),
        });
        // Same-document navigations (a single-page app): the engine closes its card and scans again. Before
        // the engine runs, the page's changes reach the boot through the MutationObserver, and the site (the
        // host name) cannot change without a new document.
        ctx.addEventListener(win, 'wxt:locationchange', () => {
          site = siteKey(win.location.href);
          engine?.locationChanged(site);
        });
      })
      .catch((error: unknown) => {
        failed = true;
        deps.onError(error);
      });
  };

  /** Whole-text tests still running in slices (a page of megabytes), for `settled()`. */
  let checking: Promise<unknown> = Promise.resolve();
  /** Whole-text tests started and not finished (for the popup's `scanning`). */
  let checksRunning = 0;

  /**
   * Tests `root`'s whole text (`pageTestSteps`: one step on a typical page, so it finishes in this task; a page
   * of megabytes, or the walk of a page whose anchors all sit inside words, runs in slices of `BOOT_SLICE_MS`).
   * On the first test of a page without a candidate, emits the measures a scan emits (`gate`, `total`), so that
   * DevTools and the bench see the same names on every page; a test that fires is measured as `wake`, and the
   * engine's own scan follows (it walks the page again: the boot's walk runs only on pages whose anchors all
   * sit inside words, and a candidate there is rare).
   */
  const check = (root: Node, first: boolean) => {
    if (!enabled()) return;
    const perf = win.performance;
    const started = perf.now();
    checksRunning += 1;
    const run = runSliced(pageTestSteps(doc, root, deps.gate()), {
      sliceMs: BOOT_SLICE_MS,
      now: () => perf.now(),
      later: (fn) => ctx.setTimeout(fn, SLICE_PAUSE_MS),
      // Stopped when the page went away, the site was turned off, or another test already woke the engine.
      cancelled: () => !ctx.isValid || !enabled() || engine !== null || loading !== null,
    }).then(
      (hit) => {
        checksRunning -= 1;
        if (hit === true) {
          emitMeasure(perf, 'wake', started);
          // The site may be off: the settings decide, once read (a change re-runs the test).
          const waiting = needSettings().then(() => {
            if (enabled()) wake();
          });
          checking = Promise.all([checking, waiting]);
        } else if (hit === false && first) {
          const end = perf.now();
          try {
            perf.measure(`${MEASURE_PREFIX}gate`, { start: started, end });
            perf.measure(`${MEASURE_PREFIX}total`, { start: started, end });
          } catch {
            // A page may have replaced `performance`; measures are optional.
          }
        }
      },
      (error: unknown) => {
        checksRunning -= 1;
        deps.onError(error);
      },
    );
    checking = Promise.all([checking, run]);
  };

  const root = doc.body ?? doc.documentElement;
  const scheduler: RescanScheduler = createRescanScheduler({
    ctx,
    win,
    root,
    isOwnNode: (node) => engine?.isOwnNode(node) ?? false,
    rescan: (roots) => {
      if (engine !== null) engine.rescan(roots);
      else if (roots === 'all') check(root, false);
      else for (const changed of roots) if (engine === null && loading === null) check(changed, false);
    },
  });

  const report = async (fresh = false): Promise<PageReport> => {
    await (fresh ? freshSettings() : needSettings());
    return (
      engine?.report() ??
      buildPageReport(win.location.href, basicPageFacts(doc), [], {
        enabled: enabled(),
        truncated: false,
        // The whole-text test is still reading the page, or the engine it woke is loading.
        scanning: enabled() && (checksRunning > 0 || (loading !== null && !failed)),
      })
    );
  };
  const focusNext = () => (enabled() && engine !== null ? engine.focusNext() : false);
  const unlisten = deps.listen({ report, focusNext });

  check(root, true);

  const boot: Boot = {
    report,
    focusNext,
    engine: () => engine,
    settled: async () => {
      // A test that fires adds the settings read to `checking`, and that read starts the engine's load.
      for (let seen: unknown = null; seen !== checking;) {
        seen = checking;
        await checking;
      }
      await loading;
    },
    destroy() {
      unlisten();
      unwatch();
      scheduler.dispose();
      engine?.destroy();
    },
  };
  ctx.onInvalidated(() => boot.destroy());
  return boot;
}
