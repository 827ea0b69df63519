/**
 * The content script's engine (`/engine.js`, loaded by the boot only when the page may mention a vendor; see
 * `engine-api.ts`): scans the page with the mention engine, highlights the mentions, runs the hover card and the
 * keyboard path, keeps the badge right, and builds the page report. The boot owns the settings, the messages
 * and page-change tracking and calls in here. `entrypoints/engine` only publishes `startEngine`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// Specific engine modules, not '../engine': its index brings Readability, which runs off this thread.
import { defaultLexicon } from '../engine/lexicon';
import type { Lexicon } from '../engine/lexicon';
import { readMetadata } from '../engine/metadata';
import { scanCore, scanSteps } from '../engine/scan-core';
import {
  compareRanges,
  composedContains,
  openShadowRoots,
  shadowRootOf,
  shadowRootSteps,
} from '../engine/shadow';
import { scanShadowRoots } from '../engine/shadow-scan';
import type { Mention, PageSummary, ScanResult } from '../engine/types';
import { buildExtractRequest } from '../extract/request';
import { MAX_EXTRACT_TEXT, isExtractReply } from '../extract/protocol';
import { createHighlighter } from '../highlight';
import type { Highlighter } from '../highlight';
import type { CardData, MentionBrief, PageReport } from '../messaging';
import { aliasesMutedOn, isAliasMuted, isSiteEnabled } from '../settings';
import type { Settings } from '../settings';
import { createCardHost } from './card-host';
import type { CardHost } from './card-host';
import { createHoverState } from './hover';
import { indexByTextNode, itemAt } from './hit-test';
import { basicPageFacts, buildPageReport } from './page-report';
import type { PageFacts } from './page-report';
import { buildTimeGate } from './build-gate';
import { emitMeasure, emitScanMeasures } from './perf';
import { SLICE_PAUSE_MS, runSliced } from './sliced';
import type { Engine, EngineInit } from './engine-api';

/** Most mentions highlighted on one page; beyond it the popup says "showing the first N". */
export const MAX_MENTIONS = 500;
/**
 * A full scan runs in slices of about this long, so that with the rest of its task it stays under the 50 ms of
 * a long task (`sliced.ts`); one step (the gate's walk of a huge page) can still last longer.
 */
export const SCAN_SLICE_MS = 20;

export interface EngineOptions {
  /** CSS text for the hover card's shadow root. */
  cardCss: string;
  /**
   * The `::highlight()` rules (the content script's stylesheet), adopted by the page's open shadow roots that
   * hold mentions: a document's stylesheet does not style a shadow tree.
   */
  highlightCss: string;
}

function toFacts(summary: PageSummary | null, doc: Document): PageFacts {
  const basic = basicPageFacts(doc);
  if (!summary) return basic;
  return {
    title: summary.title || basic.title,
    siteName: summary.siteName,
    byline: summary.byline,
    publishedTime: summary.publishedTime,
    readerable: summary.readerable,
  };
}

function toBrief(m: Mention): MentionBrief {
  return { vendor: m.vendor, text: m.text, alias: m.alias, match: m.match.kind, inArticle: m.inArticle };
}

/** Mentions whose text is still on the page as it was found. */
function stillValid(m: Mention): boolean {
  return (
    m.range.startContainer.isConnected && m.range.endContainer.isConnected && m.range.toString() === m.text
  );
}

function byDocumentOrder(a: Mention, b: Mention): number {
  return compareRanges(a.range, b.range);
}

export function startEngine(
  ctx: ContentScriptContext,
  doc: Document,
  win: Window,
  init: EngineInit,
  options: EngineOptions,
): Engine {
  const { messages } = init;
  let settings: Settings = init.settings;
  let site = init.site;
  let lexicon: Lexicon | undefined;
  let highlighter: Highlighter | undefined;
  let cardHost: CardHost | undefined;

  let mentions: Mention[] = [];
  let facts: PageFacts = basicPageFacts(doc);
  let truncated = false;
  /**
   * The mentions by text node, for the pointer's hit test: built on the first pointer move over the page after
   * the highlights change (not with them), so a page the reader never points at does not pay for it.
   */
  let hitIndex: WeakMap<Node, Mention[]> | null = null;
  let keyboardIndex = -1;
  // A new page starts with an empty badge (the browser resets it on navigation): no message for 0.
  let lastBadge = 0;
  let focusBeforeCard: Element | null = null;
  let mutedNotice = false;
  let suppressScrollCloseUntil = 0;

  const enabled = () => isSiteEnabled(settings, site);
  const mutedAliases = () => aliasesMutedOn(settings, site).map((m) => m.alias);

  const publishBadge = () => {
    const count = enabled() ? mentions.length : 0;
    if (count === lastBadge) return;
    lastBadge = count;
    messages.updateBadge(count).catch(() => {
      lastBadge = -1; // the background may be restarting: send again next time
    });
  };

  /**
   * Only the wrapping fallback changes the DOM; its own mutation records must not trigger a rescan. With the
   * CSS Custom Highlight API nothing is discarded: a scan that finishes in the same task as a page change
   * (an SPA view swap right after a history navigation) would otherwise drop the page's own records.
   */
  const discardOwnMutations = () => {
    if (highlighter?.kind === 'wrap') init.discardOwnMutations();
  };

  /** Open shadow roots that adopted the highlight rules, with the sheet they adopted. */
  const styledRoots = new Map<ShadowRoot, CSSStyleSheet>();
  let highlightSheet: CSSStyleSheet | null | undefined;
  /** Open shadow roots holding mentions: the caret hit test must be told about them to look inside. */
  let mentionRoots: ShadowRoot[] = [];
  /** Whether a scan ever reached an open shadow root: until then no mention can be inside one. */
  let shadowRootsScanned = false;
  const styleShadowRoots = () => {
    if (!shadowRootsScanned) return;
    const roots = new Set<ShadowRoot>();
    for (const mention of mentions) {
      const shadow = shadowRootOf(mention.range.startContainer);
      if (shadow !== null) roots.add(shadow);
    }
    mentionRoots = [...roots];
    if (highlighter?.kind !== 'css') return;
    for (const shadow of mentionRoots) {
      if (styledRoots.has(shadow)) continue;
      try {
        highlightSheet ??= constructSheet(win, options.highlightCss);
        if (highlightSheet === null) return;
        adoptSheet(shadow, highlightSheet);
        styledRoots.set(shadow, highlightSheet);
      } catch {
        // No constructable stylesheets here: the mention is counted and reachable, just not drawn.
        highlightSheet = null;
      }
    }
  };
  const unstyleShadowRoots = () => {
    for (const [shadow, sheet] of styledRoots) dropSheet(shadow, sheet);
    styledRoots.clear();
  };

  const applyHighlights = () => {
    if (mentions.length === 0 && !highlighter) return;
    const started = win.performance.now();
    highlighter ??= createHighlighter(doc, win as never);
    highlighter.set(mentions, settings.highlightStyle);
    styleShadowRoots();
    hitIndex = null;
    discardOwnMutations();
    emitMeasure(win.performance, 'highlight', started);
  };

  const scanOptions = () => ({
    // Built only when the gate finds a candidate; the gate itself comes precompiled from the build.
    lexicon: () => (lexicon ??= defaultLexicon()),
    gate: buildTimeGate(),
    fuzzy: settings.fuzzy,
    mutedVendors: settings.mutedVendors,
    mutedAliases: mutedAliases(),
    maxMentions: MAX_MENTIONS,
    isVisible: (el: Element) =>
      typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true,
  });

  let extraction = 0;
  /** The last full scan's mentions can be extracted (some, on a page small enough to send) and were not yet. */
  let extractionWanted = false;
  let extractionPending = false;

  /**
   * Readability off the page's thread: one serialisation here, the parse and Readability in the background
   * (Firefox) or an offscreen document (Chrome). Only when the popup (or the report page) asks for the page
   * report: the page summary and in-article flags are read there and nowhere else, so a page the user only
   * reads pays for neither the serialisation nor the message. The report says `scanning` until they arrive.
   */
  const requestExtraction = () => {
    extractionWanted = false;
    const id = ++extraction;
    const started = win.performance.now();
    const found = mentions;
    const holders = found.map((m) => m.range.startContainer.parentElement ?? doc.documentElement);
    const request = buildExtractRequest(doc, holders);
    emitMeasure(win.performance, 'serialize', started);
    if (!request) return;
    extractionPending = true;
    messages.extractArticle(request).then(
      (reply: unknown) => {
        if (id !== extraction) return;
        extractionPending = false;
        if (!isExtractReply(reply)) return;
        const inArticle = new Set(reply.inArticle);
        found.forEach((m, i) => {
          m.inArticle = inArticle.has(i);
        });
        facts = toFacts(reply.summary, doc);
      },
      () => {
        // No extraction (background restarting): the metadata summary stays.
        if (id === extraction) extractionPending = false;
      },
    );
  };

  // The boot starts the engine right after finding an anchor in the page's whole text.
  let wholeTextChecked = true;

  let scanId = 0;
  let fullScanRunning = false;
  /** Subtrees that changed while a full scan was running: scanned again once it is done. */
  let changedDuringScan: Element[] = [];

  const applyFullScan = (result: ScanResult) => {
    emitScanMeasures(win.performance, result.stats);
    // The page may have changed between the scan's slices: keep what is still there (the changes themselves
    // are rescanned next).
    mentions = result.mentions.filter(stillValid);
    truncated = result.stats.truncated;
    facts = toFacts(mentions.length > 0 ? readMetadata(doc, false) : null, doc);
    keyboardIndex = -1;
    applyHighlights();
    publishBadge();
    // Extracted when the report is asked for (`requestExtraction`); a reply for an older scan is dropped.
    const { textChars, textNodes } = result.stats;
    extraction += 1;
    extractionPending = false;
    extractionWanted =
      mentions.length > 0 && textChars <= MAX_EXTRACT_TEXT.chars && textNodes <= MAX_EXTRACT_TEXT.nodes;
  };

  /**
   * A full scan of the whole document, in slices (`SCAN_SLICE_MS`); a newer full scan cancels an older one.
   * The article is extracted off-thread when there are mentions. `startLater`: the first slice too waits for a
   * task of its own (the engine's first scan, whose caller's task already holds the module's evaluation and
   * the engine's start).
   */
  const fullScan = (startLater = false) => {
    const id = ++scanId;
    if (!enabled()) {
      fullScanRunning = false;
      clearAll();
      return;
    }
    fullScanRunning = true;
    const light = scanSteps(doc, { ...scanOptions(), extract: false, wholeTextChecked }, null);
    wholeTextChecked = false;
    function* steps(): Generator<void, ScanResult, void> {
      const result = yield* light;
      const roots = yield* shadowRootSteps(doc.body ?? doc.documentElement);
      if (roots.length === 0) return result;
      shadowRootsScanned = true;
      init.observeShadowRoots(roots);
      const shadow = yield* scanShadowRoots(doc, roots, scanOptions, () => result.mentions.length > 0);
      if (shadow.mentions.length === 0) return result;
      const all = [...result.mentions, ...shadow.mentions].sort(byDocumentOrder);
      const truncated = result.stats.truncated || shadow.truncated || all.length > MAX_MENTIONS;
      return { ...result, mentions: all.slice(0, MAX_MENTIONS), stats: { ...result.stats, truncated } };
    }
    runSliced(steps(), {
      sliceMs: SCAN_SLICE_MS,
      now: () => win.performance.now(),
      later: (fn) => ctx.setTimeout(fn, SLICE_PAUSE_MS),
      cancelled: () => id !== scanId || !ctx.isValid,
      startLater,
    }).then(
      (result) => {
        if (result === null || id !== scanId) return;
        fullScanRunning = false;
        applyFullScan(result);
        const changed = changedDuringScan.filter((el) => el.isConnected);
        changedDuringScan = [];
        if (changed.length > 0) partialScan(changed);
      },
      () => {
        fullScanRunning = false; // A scan that threw leaves the previous highlights in place.
      },
    );
  };

  /** An incremental scan of the subtrees that changed: no extraction, old mentions there replaced. */
  const partialScan = (roots: readonly Element[]) => {
    if (!enabled()) return;
    if (fullScanRunning) {
      changedDuringScan.push(...roots);
      return;
    }
    const kept = mentions.filter(
      (m) => stillValid(m) && !roots.some((r) => composedContains(r, m.range.startContainer)),
    );
    const found: Mention[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      const result = scanCore(
        doc,
        {
          ...scanOptions(),
          root,
          extract: false,
          // An earlier scan found the company on this page: 大华 in added content needs no new evidence.
          knownEvidence: kept.length > 0,
        },
        null,
      );
      emitScanMeasures(win.performance, result.stats);
      found.push(...result.mentions);
      if (result.stats.truncated) truncated = true;
      // Components added with the content bring their shadow roots (attached when they connect).
      const shadows = openShadowRoots(root);
      if (shadows.length === 0) continue;
      shadowRootsScanned = true;
      init.observeShadowRoots(shadows);
      const inShadows = runToEnd(
        scanShadowRoots(doc, shadows, scanOptions, () => kept.length > 0 || found.length > 0),
      );
      found.push(...inShadows.mentions);
      if (inShadows.truncated) truncated = true;
    }
    const next = [...kept, ...found].sort(byDocumentOrder);
    if (next.length > MAX_MENTIONS) {
      next.length = MAX_MENTIONS;
      truncated = true;
    }
    const changed = next.length !== mentions.length || next.some((m, i) => m !== mentions[i]);
    mentions = next;
    if (changed) applyHighlights();
    publishBadge();
  };

  const clearAll = () => {
    hover.closeNow();
    mentions = [];
    truncated = false;
    highlighter?.clear();
    unstyleShadowRoots();
    hitIndex = null;
    discardOwnMutations();
    publishBadge();
  };

  // ---- hover card -------------------------------------------------------------------------------------------

  const openCard = async (mention: Mention, focus: boolean) => {
    cardHost ??= createCardHost(ctx, options.cardCss);
    highlighter?.setActive(mention);
    mutedNotice = false;
    const rects = mention.range.getClientRects();
    const first = rects[0] ?? mention.range.getBoundingClientRect();
    const anchor = { left: first.left, top: first.top, right: first.right, bottom: first.bottom };
    const vendorName = displayName(lexicon, mention);
    let data: CardData | null = null;
    const show = () =>
      cardHost?.show({
        mention,
        vendorName,
        data,
        anchor,
        viewport: { width: win.innerWidth, height: win.innerHeight },
        mutedNotice,
        onClose: () => closeCard(true),
        onOpenReport: () => void messages.openReport().catch(() => undefined),
        onNotThis: () => {
          mutedNotice = true;
          void show();
          init.muteAlias(site, mention.alias);
        },
      });
    if (focus) focusBeforeCard = doc.activeElement;
    const opened = win.performance.now();
    await show();
    emitMeasure(win.performance, 'card', opened);
    if (focus) cardHost.focus();
    try {
      data = await messages.getVendorCard(mention.vendor);
      if (hover.openItem() === mention) await show();
    } catch {
      // No facts (background restarting): the card still says why the text is highlighted.
    }
  };

  const closeCard = (restoreFocus: boolean) => {
    highlighter?.setActive(null);
    cardHost?.hide();
    hover.closeNow();
    if (restoreFocus && focusBeforeCard instanceof HTMLElement && focusBeforeCard.isConnected) {
      focusBeforeCard.focus({ preventScroll: true });
    }
    focusBeforeCard = null;
  };

  const hover = createHoverState<Mention>(
    {
      itemAt: (x, y) =>
        mentions.length === 0
          ? null
          : itemAt(doc, (hitIndex ??= indexByTextNode(mentions)), x, y, 2, mentionRoots),
      inCard: (target) => cardHost?.contains(target) ?? false,
      open: (mention) => void openCard(mention, false),
      close: () => {
        highlighter?.setActive(null);
        cardHost?.hide();
      },
    },
    { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) },
  );

  let frame = 0;
  let lastPointer: { x: number; y: number; target: EventTarget | null } | null = null;
  ctx.addEventListener(
    win,
    'pointermove',
    (event: PointerEvent) => {
      if (mentions.length === 0 && !cardHost?.isOpen()) return;
      lastPointer = { x: event.clientX, y: event.clientY, target: event.target };
      if (frame) return;
      frame = ctx.requestAnimationFrame(() => {
        frame = 0;
        if (lastPointer) hover.pointer(lastPointer.x, lastPointer.y, lastPointer.target);
      });
    },
    { passive: true },
  );
  ctx.addEventListener(
    win,
    'scroll',
    () => {
      if (cardHost?.isOpen() && Date.now() > suppressScrollCloseUntil) closeCard(false);
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(win, 'keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape' && cardHost?.isOpen()) closeCard(true);
  });

  const focusNextMention = (): boolean => {
    if (!enabled() || mentions.length === 0) return false;
    keyboardIndex = (keyboardIndex + 1) % mentions.length;
    const mention = mentions[keyboardIndex];
    if (!mention) return false;
    suppressScrollCloseUntil = Date.now() + 800;
    const holder = mention.range.startContainer.parentElement;
    holder?.scrollIntoView({ block: 'center', inline: 'nearest' });
    hover.opened(mention);
    void openCard(mention, true);
    return true;
  };

  // ---- page changes ---------------------------------------------------------------------------------------

  // Back/forward cache: the page comes back as it was, but the browser reset the tab's badge on navigation.
  ctx.addEventListener(win, 'pageshow', (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    lastBadge = -1;
    publishBadge();
  });

  // ---- messages and settings ------------------------------------------------------------------------------

  /** The last full scan's mentions can be extracted now (and were not yet). */
  const extractionDue = () => enabled() && extractionWanted && !fullScanRunning;
  let extractionScheduled = false;
  /**
   * The extraction starts in a task after the report's reply: serialising the page (up to 16 ms here) and posting
   * it would otherwise come first, and in Chrome the offscreen document's Readability runs in the popup's own
   * process, where it competed with the popup's first render. The report says `scanning` meanwhile, and the
   * popup asks again.
   */
  const scheduleExtraction = () => {
    if (extractionScheduled) return;
    extractionScheduled = true;
    ctx.setTimeout(() => {
      extractionScheduled = false;
      if (extractionDue()) requestExtraction();
    }, 0);
  };

  const report = (): PageReport => {
    const extract = extractionDue();
    // A hidden tab (the report opened in a tab of its own) has its timers throttled to about one a second: there
    // the extraction starts at once, as nothing in that tab is waiting to paint.
    if (extract && doc.visibilityState === 'hidden') requestExtraction();
    else if (extract) scheduleExtraction();
    return buildPageReport(win.location.href, facts, enabled() ? mentions.map(toBrief) : [], {
      enabled: enabled(),
      truncated,
      scanning: enabled() && (fullScanRunning || extractionPending || extract),
    });
  };

  const settingsChanged = (next: Settings) => {
    const before = settings;
    settings = next;
    const wasEnabled = isSiteEnabled(before, site);
    if (!enabled()) {
      closeCard(false);
      clearAll();
      return;
    }
    const rescanNeeded =
      !wasEnabled ||
      before.fuzzy !== next.fuzzy ||
      before.mutedVendors.join() !== next.mutedVendors.join() ||
      mutedAliases().some((a) => !isAliasMuted(before, site, a));
    if (rescanNeeded) {
      if (!mutedNotice) closeCard(false);
      fullScan();
    } else if (before.highlightStyle !== next.highlightStyle) applyHighlights();
  };

  fullScan(true);

  const engine: Engine = {
    report,
    focusNext: focusNextMention,
    rescan: (roots) => (roots === 'all' ? fullScan() : partialScan(roots)),
    settingsChanged,
    locationChanged(next) {
      site = next;
      closeCard(false);
      fullScan();
    },
    isOwnNode: (node) => (cardHost?.contains(node) ?? false) || isInsideWrap(node),
    destroy() {
      hover.dispose();
      cardHost?.destroy();
      highlighter?.clear();
      unstyleShadowRoots();
    },
  };
  return engine;
}

/** The vendor's display name from the lexicon (the `name` entry of `data/vendors.json`). */
function displayName(lexicon: Lexicon | undefined, mention: Mention): string {
  return (
    lexicon?.entries.find((e) => e.vendor === mention.vendor && e.source === 'name')?.alias ?? mention.vendor
  );
}

function isInsideWrap(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest('vendor-lens-mark');
}

/** A step generator run to its end in this task (a partial scan's small subtrees). */
function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The page's own object behind a Firefox content script's Xray wrapper (`wrappedJSObject`), else `value`. */
function unwrapped<T extends object>(value: T): T {
  return (value as T & { wrappedJSObject?: T }).wrappedJSObject ?? value;
}

/** A constructed stylesheet holding `css`, made by the page's own constructor so that its roots can adopt it. */
function constructSheet(win: Window, css: string): CSSStyleSheet {
  const Sheet = (unwrapped(win) as Window & typeof globalThis).CSSStyleSheet;
  const sheet = new Sheet();
  sheet.replaceSync(css);
  return sheet;
}

/**
 * Appends `sheet` to the root's adopted sheets, after the page's own. Written by index, with no array method:
 * Firefox refuses the observable array through a content script's Xray wrapper, so the page's own object is
 * used, and index writes cannot be redirected by a page that replaced `Array.prototype` methods.
 */
function adoptSheet(shadow: ShadowRoot, sheet: CSSStyleSheet): void {
  const sheets = unwrapped(shadow).adoptedStyleSheets;
  sheets[sheets.length] = sheet;
}

/** Removes `sheet` from the root's adopted sheets, keeping the page's own in their order. */
function dropSheet(shadow: ShadowRoot, sheet: CSSStyleSheet): void {
  try {
    const sheets = unwrapped(shadow).adoptedStyleSheets;
    let kept = 0;
    for (let i = 0; i < sheets.length; i++) {
      const current = sheets[i]!;
      if (current !== sheet) sheets[kept++] = current;
    }
    sheets.length = kept;
  } catch {
    // The page replaced the root's sheets meanwhile: nothing of ours to remove.
  }
}
