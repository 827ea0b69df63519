/**
 * The one message protocol between the content script, the background and the extension pages.
 *
 * Every message crosses a trust boundary (a content script runs beside a hostile page; a compromised renderer
 * can forge messages), so each handler validates its payload with the guards below before using it, and each
 * receiver checks who sent it (`isFromOwnContentScript`, `isFromOwnExtensionPage`).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CardSummary } from './dataset/query';
import type { VendorId } from './dataset/types';
import type { ExtractReply, ExtractRequest } from './extract/protocol';
import { VENDOR_IDS } from './dataset/types';

/** How a mention matched, as reported to the popup (the live `Range` stays in the content script). */
export type MatchKindBrief = 'exact' | 'fuzzy' | 'brand';

export interface MentionBrief {
  vendor: VendorId;
  /** The text as it appears on the page. */
  text: string;
  /** The canonical alias it matched. */
  alias: string;
  match: MatchKindBrief;
  inArticle: boolean;
}

/** What the content script knows about its page; the popup renders it. */
export interface PageReport {
  url: string;
  title: string;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  readerable: boolean;
  /** False when the user turned Vendor Lens off (or snoozed it) on this site. */
  enabled: boolean;
  /** The site key the settings use for this page (hostname without `www.`). */
  site: string;
  mentions: MentionBrief[];
  /** True when the page had more mentions than the content script highlights. */
  truncated: boolean;
  /**
   * True while the page is still being read (the first scan runs in slices, after the engine loads): the popup
   * asks again until it is false, so that it never settles on a report taken half-way.
   */
  scanning: boolean;
}

/** The badge needs only this; sent by the content script whenever its mention count changes. */
export interface BadgeUpdate {
  count: number;
}

/** The hover card asks the background for a vendor's facts (the content script carries no dataset). */
export interface CardRequest {
  vendor: VendorId;
}

/** What the hover card shows: the dataset's card summary plus how the vendor relates to its parent. */
export interface CardData extends CardSummary {
  /** e.g. "a Hikvision subsidiary" for Ezviz; null for a vendor with no parent. */
  parentRelation: string | null;
  /** Whose responses `responseCount` and `latestQuote` are (the parent's when the vendor has none). */
  responsesOf: string;
}

/**
 * The popup's question for the page report. `freshSettings`: the popup has just changed the settings (the site
 * switch), so the content script reads them again first rather than wait for the background's notice.
 */
export interface ReportRequest {
  freshSettings: boolean;
}

/** Whether a report request asks for fresh settings (anything else, a missing payload included, does not). */
export function wantsFreshSettings(value: unknown): boolean {
  return isRecord(value) && value.freshSettings === true;
}

/** The content script marks an alias "not this company" on its own site (the background takes the site). */
export interface MuteAliasRequest {
  alias: string;
}

export interface ProtocolMap {
  /** content → background: set this tab's badge. */
  updateBadge(data: BadgeUpdate): void;
  /** content → background: facts for the hover card. */
  getVendorCard(data: CardRequest): CardData;
  /** content → background: open the full report for the sender's tab. */
  openReport(): void;
  /**
   * content → background: the settings for the sender's site (`settingsForSite`), the site taken from the
   * sender's URL as the browser reports it. Untrusted on arrival all the same: the content script sanitizes it.
   */
  getSiteSettings(): unknown;
  /** content → background: mute an alias on the sender's site ("Not this company" in the card). */
  muteAliasOnSite(data: MuteAliasRequest): void;
  /** background → content: the stored settings changed; a content script that uses them asks again. */
  settingsChanged(): void;
  /** content → background: run Readability on the page's HTML off the page's thread. */
  extractArticle(data: ExtractRequest): ExtractReply;
  /** background → offscreen document (Chrome): the same, where there is a DOM. */
  offscreenExtract(data: ExtractRequest): ExtractReply;
  /** popup → content (tabs.sendMessage): the page report for the tab. */
  getPageReport(data?: ReportRequest): PageReport;
  /** background → content: the keyboard command; moves to the next mention and opens its card. */
  focusNextMention(): boolean;
}

type Messaging = ReturnType<typeof defineExtensionMessaging<ProtocolMap>>;

/** Defined on first use, so that importing this module (for its guards or types) runs nothing. */
let messaging: Messaging | undefined;
const typed = (): Messaging => (messaging ??= defineExtensionMessaging<ProtocolMap>());

type AnyFn = (...args: unknown[]) => unknown;
/** `typed()[name]`, called on first use; the cast only forwards the library's own (generic) signature. */
const forward = <K extends 'sendMessage' | 'onMessage'>(name: K): Messaging[K] =>
  ((...args: unknown[]) => (typed()[name] as AnyFn)(...args)) as Messaging[K];

export const sendMessage = forward('sendMessage');
export const onMessage = forward('onMessage');

// ---- validation ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

export function isVendorId(value: unknown): value is VendorId {
  return typeof value === 'string' && (VENDOR_IDS as readonly string[]).includes(value);
}

/** The largest badge count we accept; anything else is a forged or broken message. */
const MAX_COUNT = 1_000_000;

export function isBadgeUpdate(value: unknown): value is BadgeUpdate {
  return (
    isRecord(value) &&
    typeof value.count === 'number' &&
    Number.isInteger(value.count) &&
    value.count >= 0 &&
    value.count <= MAX_COUNT
  );
}

/** Longest alias a mute request may name (the stored settings keep aliases under 200 characters). */
const MAX_ALIAS_LENGTH = 199;

export function isMuteAliasRequest(value: unknown): value is MuteAliasRequest {
  return (
    isRecord(value) &&
    typeof value.alias === 'string' &&
    value.alias.length > 0 &&
    value.alias.length <= MAX_ALIAS_LENGTH
  );
}

export function isCardRequest(value: unknown): value is CardRequest {
  return isRecord(value) && isVendorId(value.vendor);
}

export function isMentionBrief(value: unknown): value is MentionBrief {
  return (
    isRecord(value) &&
    isVendorId(value.vendor) &&
    typeof value.text === 'string' &&
    typeof value.alias === 'string' &&
    (value.match === 'exact' || value.match === 'fuzzy' || value.match === 'brand') &&
    typeof value.inArticle === 'boolean'
  );
}

export function isPageReport(value: unknown): value is PageReport {
  return (
    isRecord(value) &&
    typeof value.url === 'string' &&
    typeof value.title === 'string' &&
    isStringOrNull(value.siteName) &&
    isStringOrNull(value.byline) &&
    isStringOrNull(value.publishedTime) &&
    typeof value.readerable === 'boolean' &&
    typeof value.enabled === 'boolean' &&
    typeof value.site === 'string' &&
    Array.isArray(value.mentions) &&
    value.mentions.every(isMentionBrief) &&
    typeof value.truncated === 'boolean' &&
    typeof value.scanning === 'boolean'
  );
}

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** A message from our own content script: our extension id, and a tab. */
export function isFromOwnContentScript(sender: SenderLike, ownId: string): boolean {
  return sender.id === ownId && typeof sender.tab?.id === 'number';
}

/** A message from one of our extension pages (popup, options, report tab). */
export function isFromOwnExtensionPage(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}
