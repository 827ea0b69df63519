/**
 * The contract between the content script's two parts:
 * - the boot (`boot.ts`, the manifest content script): a few KB that run on every page. It reads the settings,
 *   tests the page's whole text for an anchor (`mayHoldMention`), follows page changes, and answers the popup;
 * - the engine (`engine.ts`, the unlisted script `/engine.js`): the matcher, the highlighter and the hover
 *   card, loaded by the boot with a dynamic `import()` only when the page may mention a vendor.
 *
 * The engine module runs in the content script's world (the isolated world in Chrome, the content script's
 * sandbox in Firefox), never in the page's. Its module body hands its `startEngine` to the boot through one slot
 * on that world's global object (`publishEngine`/`takeEngine`), the only channel a module loaded by `import()`
 * of a script file has. The engine imports neither the polyfill nor the messaging library: the boot passes it
 * what it needs (`EngineInit`), so nothing is bundled twice.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardData, PageReport } from '../messaging';
import type { ExtractRequest } from '../extract/protocol';
import type { Settings } from '../settings';
import type { VendorId } from '../dataset/types';

/** What the engine sends through the boot's typed messaging. */
export interface EngineMessages {
  updateBadge(count: number): Promise<void>;
  extractArticle(request: ExtractRequest): Promise<unknown>;
  getVendorCard(vendor: VendorId): Promise<CardData>;
  openReport(): Promise<void>;
}

export interface EngineInit {
  settings: Settings;
  site: string;
  messages: EngineMessages;
  /** Mutes `alias` on `site` in the stored settings ("Not this company"); the change comes back as settings. */
  muteAlias(site: string, alias: string): void;
  /** Drops the mutation records the engine's own highlighting just caused. */
  discardOwnMutations(): void;
  /** Follows changes inside these open shadow roots too (the page's own observer sees only the document). */
  observeShadowRoots(roots: readonly ShadowRoot[]): void;
}

export interface Engine {
  report(): PageReport;
  /** Moves to the next mention and opens its card; false when there is none. */
  focusNext(): boolean;
  rescan(roots: readonly Element[] | 'all'): void;
  settingsChanged(next: Settings): void;
  locationChanged(site: string): void;
  /** Nodes the engine added (the card's host, the fallback's wrappers), which page-change tracking ignores. */
  isOwnNode(node: Node): boolean;
  destroy(): void;
}

export type StartEngine = (ctx: ContentScriptContext, doc: Document, win: Window, init: EngineInit) => Engine;

/** The slot on the content script world's global object; never on the page's. */
const SLOT = '__vendorLensEngine';

type Slot = { [SLOT]?: StartEngine };

/** Called by the engine module's body: offers `start` to the boot. */
export function publishEngine(global: object, start: StartEngine): void {
  (global as Slot)[SLOT] = start;
}

/** Called by the boot once `import()` resolved: takes the engine's `start` and empties the slot. */
export function takeEngine(global: object): StartEngine | null {
  const slot = global as Slot;
  const start = slot[SLOT];
  delete slot[SLOT];
  return typeof start === 'function' ? start : null;
}

/**
 * Loads the engine module from the extension (`url`, a web-accessible resource) and returns its `start`.
 * `importModule` is the dynamic `import()` (a parameter, so tests can load a fake engine).
 */
export async function loadEngine(
  global: object,
  url: string,
  importModule: (url: string) => Promise<unknown>,
): Promise<StartEngine> {
  await importModule(url);
  const start = takeEngine(global);
  if (start === null) throw new Error(`Vendor Lens: ${url} did not publish an engine`);
  return start;
}
