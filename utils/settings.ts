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
/** Styles earlier development builds stored, mapped to the closest current one. */
const LEGACY_HIGHLIGHT_STYLES: Record<string, HighlightStyle> = { outline: 'wavy' };
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
        raw.disabledSites
          // Same form as siteKey(): lower case, no leading www., so a stored entry always matches its site.
          .map((s) =>
            typeof s === 'string'
              ? s
                  .trim()
                  .toLowerCase()
                  .replace(/^www\./, '')
              : s,
          )
          .filter(isSiteKey),
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
  if (typeof raw.highlightStyle === 'string') {
    const style = LEGACY_HIGHLIGHT_STYLES[raw.highlightStyle] ?? raw.highlightStyle;
    if ((HIGHLIGHT_STYLES as readonly string[]).includes(style))
      settings.highlightStyle = style as HighlightStyle;
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
 * Migrations for the stored settings, keyed by the version they produce (WXT storage runs `n` to go from `n - 1`
 * to `n`, in order, once, in whichever context defines the item first).
 *
 * How to change the shape: bump `SETTINGS_VERSION`, add `[SETTINGS_VERSION]: (old) => newShape` here taking
 * `unknown` (a stored value can be anything), and add a case to `tests/unit/popup/settings-migration.test.ts`.
 * Whatever a migration returns still goes through `sanitizeSettings` on every read, so a migration only has to
 * carry data over; it never has to validate it. Version 1 is the first shape, so the table is empty.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/**
 * Defines the storage item. `version` + `migrations` (WXT storage) upgrade old shapes; `sanitizeSettings` guards
 * the result either way. The parameters exist for tests of the migration path; the extension uses the defaults.
 */
export function defineSettingsItem(
  version: number = SETTINGS_VERSION,
  migrations: Record<number, (old: unknown) => unknown> = SETTINGS_MIGRATIONS,
) {
  return storage.defineItem<Settings>('local:settings', {
    fallback: defaultSettings(),
    version,
    migrations,
  });
}

/** The one settings item, defined on first use so that importing this module does nothing. */
let item: ReturnType<typeof defineSettingsItem> | undefined;

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
/** The muted aliases that apply on `site`: its own and those muted everywhere ('*'). */
export function aliasesMutedOn(settings: Settings, site: string): MutedAlias[] {
  return settings.mutedAliases.filter((m) => m.site === site || m.site === '*');
}

export function isAliasMuted(settings: Settings, site: string, alias: string): boolean {
  return aliasesMutedOn(settings, site).some((m) => m.alias === alias);
}

/** Sites snoozed until a moment after `now`, soonest end first. */
export function activeSnoozes(settings: Settings, now: Date = new Date()): { site: string; until: string }[] {
  return Object.entries(settings.snoozedSites)
    .filter(([, until]) => Date.parse(until) > now.getTime())
    .map(([site, until]) => ({ site, until }))
    .sort((a, b) => Date.parse(a.until) - Date.parse(b.until) || a.site.localeCompare(b.site));
}

/** Returns new settings without snoozes that ended at or before `now`. */
export function withoutExpiredSnoozes(settings: Settings, now: Date = new Date()): Settings {
  const snoozedSites: Record<string, string> = {};
  for (const { site, until } of activeSnoozes(settings, now)) snoozedSites[site] = until;
  return { ...settings, snoozedSites };
}

/** Returns new settings with `site`'s snooze removed (the site is on again unless it is also turned off). */
export function withSnoozeCleared(settings: Settings, site: string): Settings {
  const snoozedSites = { ...settings.snoozedSites };
  delete snoozedSites[site];
  return { ...settings, snoozedSites };
}

/**
 * The ISO date-time a snooze chosen in a date input (`YYYY-MM-DD`) ends: the start of that day in the user's
 * time zone, so "off until 3 May" means on again from 3 May. Null for anything that is not a real date.
 */
export function snoozeEndFromDateInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.toISOString();
}

/** A site typed by the user, as a site key (`https://www.Example.org/x` → `example.org`), or null. */
export function siteKeyFromInput(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  if (!trimmed) return null;
  const key = siteKey(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`);
  return isSiteKey(key) ? key : null;
}

/**
 * The settings as one site's content script needs them: every setting that applies everywhere, and of the
 * per-site ones only this site's (whether it is off or snoozed, and the aliases muted on it). The background
 * answers the content script with this (`getSiteSettings`), so the renderer of a page, which the page itself may
 * have compromised, never holds the user's list of other sites.
 */
export function settingsForSite(settings: Settings, site: string): Settings {
  const snooze = settings.snoozedSites[site];
  return {
    ...settings,
    disabledSites: settings.disabledSites.filter((s) => s === site),
    snoozedSites: snooze === undefined ? {} : { [site]: snooze },
    mutedVendors: [...settings.mutedVendors],
    mutedAliases: aliasesMutedOn(settings, site),
  };
}
