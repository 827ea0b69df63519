/**
 * Every stored setting, in one versioned item.
 *
 * Stored values are untrusted (another version of the extension, a sync conflict, a hand edit or disk
 * corruption can leave anything there), so reads go through `sanitizeSettings`, which keeps every readable part
 * and falls back to the default for the rest — a corrupted `mutedAliases` must not cost the user their site list.
 */
import { storage } from 'wxt/utils/storage';
import type { VendorId } from './dataset/types';
import { isVendorId } from './messaging';

export type HighlightStyle = 'underline' | 'background' | 'wavy';

export interface MutedAlias {
  /** Site key (see `siteKey`), or '*' for everywhere. */
  site: string;
  /** The canonical alias, as the engine reports it. */
  alias: string;
}

export interface Settings {
  /** Sites (see `siteKey`) where Vendor Lens does nothing. */
  disabledSites: string[];
  /** Sites turned off until an ISO date-time. */
  snoozedSites: Record<string, string>;
  /** Vendors never highlighted. */
  mutedVendors: VendorId[];
  /** Aliases the user said are "not this company" on a site. */
  mutedAliases: MutedAlias[];
  highlightStyle: HighlightStyle;
  /** Fuzzy (typo-tolerant) matching; exact names always match. */
  fuzzy: boolean;
}

export const SETTINGS_VERSION = 1;

export function defaultSettings(): Settings {
  return {
    disabledSites: [],
    snoozedSites: {},
    mutedVendors: [],
    mutedAliases: [],
    highlightStyle: 'underline',
    fuzzy: true,
  };
}

export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'wavy'];
const MAX_SITE_LENGTH = 253;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plausible site key: a hostname, lower case, no `www.`. */
export function isSiteKey(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_SITE_LENGTH &&
    /^[a-z0-9.-]+$/.test(value) &&
    !value.startsWith('.')
  );
}

/** The key settings use for a page: its hostname, lower-cased, without a leading `www.`. */
export function siteKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Coerces anything read from storage into valid `Settings`, keeping each readable field and each readable
 * entry of a list, and using the default for the rest.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (!isRecord(raw)) return settings;

  if (Array.isArray(raw.disabledSites)) {
    settings.disabledSites = [
      ...new Set(
        raw.disabledSites.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : s)).filter(isSiteKey),
      ),
    ];
  }
  if (isRecord(raw.snoozedSites)) {
    for (const [site, until] of Object.entries(raw.snoozedSites)) {
      if (isSiteKey(site) && typeof until === 'string' && !Number.isNaN(Date.parse(until))) {
        settings.snoozedSites[site] = until;
      }
    }
  }
  if (Array.isArray(raw.mutedVendors)) {
    settings.mutedVendors = [...new Set(raw.mutedVendors.filter(isVendorId))];
  }
  if (Array.isArray(raw.mutedAliases)) {
    settings.mutedAliases = raw.mutedAliases.filter(
      (m): m is MutedAlias =>
        isRecord(m) &&
        (m.site === '*' || isSiteKey(m.site)) &&
        typeof m.alias === 'string' &&
        m.alias.length > 0 &&
        m.alias.length < 200,
    );
  }
  if (
    typeof raw.highlightStyle === 'string' &&
    (HIGHLIGHT_STYLES as readonly string[]).includes(raw.highlightStyle)
  ) {
    settings.highlightStyle = raw.highlightStyle as HighlightStyle;
  }
  if (typeof raw.fuzzy === 'boolean') settings.fuzzy = raw.fuzzy;
  return settings;
}

/** Whether Vendor Lens should run on `site` at `now`. */
export function isSiteEnabled(settings: Settings, site: string, now: Date = new Date()): boolean {
  if (settings.disabledSites.includes(site)) return false;
  const until = settings.snoozedSites[site];
  return !(until !== undefined && Date.parse(until) > now.getTime());
}

/** Returns new settings with `site` turned on or off (and any snooze for it cleared). */
export function withSiteEnabled(settings: Settings, site: string, enabled: boolean): Settings {
  const disabledSites = settings.disabledSites.filter((s) => s !== site);
  if (!enabled) disabledSites.push(site);
  const snoozedSites = { ...settings.snoozedSites };
  delete snoozedSites[site];
  return { ...settings, disabledSites, snoozedSites };
}

/**
 * The storage item. `version` + `migrations` (WXT storage) upgrade old shapes; `sanitizeSettings` guards the
 * result either way. Defined on first use so that importing this module does nothing.
 */
let item: ReturnType<typeof defineSettingsItem> | undefined;

function defineSettingsItem() {
  return storage.defineItem<Settings>('local:settings', {
    fallback: defaultSettings(),
    version: SETTINGS_VERSION,
  });
}

export function settingsItem() {
  item ??= defineSettingsItem();
  return item;
}

export async function loadSettings(): Promise<Settings> {
  try {
    return sanitizeSettings(await settingsItem().getValue());
  } catch {
    return defaultSettings();
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem().setValue(sanitizeSettings(settings));
}

/** Calls `onChange` with sanitized settings whenever they change (in any context). Returns the unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => onChange(sanitizeSettings(value)));
}

/** Returns new settings with Vendor Lens snoozed on `site` until `until` (ISO date-time). */
export function withSiteSnoozed(settings: Settings, site: string, until: string): Settings {
  return { ...settings, snoozedSites: { ...settings.snoozedSites, [site]: until } };
}

/** Returns new settings where `alias` is "not this company" on `site` ('*': everywhere). */
export function withAliasMuted(settings: Settings, site: string, alias: string): Settings {
  if (settings.mutedAliases.some((m) => m.site === site && m.alias === alias)) return settings;
  return { ...settings, mutedAliases: [...settings.mutedAliases, { site, alias }] };
}

/** Returns new settings with `alias` no longer muted on `site`. */
export function withAliasUnmuted(settings: Settings, site: string, alias: string): Settings {
  return {
    ...settings,
    mutedAliases: settings.mutedAliases.filter((m) => !(m.site === site && m.alias === alias)),
  };
}

/** Returns new settings with `vendor` muted (never highlighted) or not. */
export function withVendorMuted(settings: Settings, vendor: VendorId, muted: boolean): Settings {
  const mutedVendors = settings.mutedVendors.filter((v) => v !== vendor);
  if (muted) mutedVendors.push(vendor);
  return { ...settings, mutedVendors };
}

/** Whether `alias` is muted on `site`. */
export function isAliasMuted(settings: Settings, site: string, alias: string): boolean {
  return settings.mutedAliases.some((m) => (m.site === site || m.site === '*') && m.alias === alias);
}
