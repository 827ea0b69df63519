/**
 * The fact dataset's schema. The JSON files in `data/` must satisfy these types; `validate.ts` checks them at
 * test time (and `npm run dataset:export` refuses to print an invalid dataset).
 *
 * Neutrality rules for the content live in `data/README.md`.
 */

/** The four vendors Vendor Lens knows. Brands (HiLook, Imou, ...) map to one of these. */
export type VendorId = 'hikvision' | 'dahua' | 'hytera' | 'ezviz';

export const VENDOR_IDS: readonly VendorId[] = ['hikvision', 'dahua', 'hytera', 'ezviz'];

/** ISO 8601 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `precision` says which. */
export interface FactDate {
  date: string;
  precision: 'day' | 'month' | 'year';
  /** Free-text detail when the key gives several dates (announced vs effective...). */
  note?: string;
}

/** Where a fact was seen. `url` must be a page that was actually read (see data/README.md). */
export interface Source {
  url: string;
  publisher: string;
  title: string;
  /** Publication date of the page, ISO, when known. */
  date?: string;
  /** e.g. "Reuters via MarketScreener", "copy of the BIS final rule". */
  note?: string;
  /**
   * True when `title` is not the page's own headline but a description we derived from the URL or content
   * (the page's title was not seen). The UI may show it in a plainer style.
   */
  titleInferred?: boolean;
  /** True for an `http:` URL whose page was seen only without https; `validate.ts` rejects other http URLs. */
  httpOnly?: boolean;
}

export type BrandRelation = 'brand' | 'subsidiary' | 'affiliate' | 'former subsidiary';

export const BRAND_RELATIONS: readonly BrandRelation[] = [
  'brand',
  'subsidiary',
  'affiliate',
  'former subsidiary',
];

/** A brand, product line or subsidiary that the matcher maps to its parent vendor. */
export interface Brand {
  name: string;
  /** Other spellings matched as this brand (case-insensitive). */
  aliases: string[];
  relation: BrandRelation;
  /** One neutral sentence, e.g. "Consumer camera brand of Hikvision." */
  note: string;
  sources: Source[];
}

export type ProfileLabel = 'seat' | 'ownership' | 'listing' | 'founded' | 'parent' | 'other';

export const PROFILE_LABELS: readonly ProfileLabel[] = [
  'seat',
  'ownership',
  'listing',
  'founded',
  'parent',
  'other',
];

export interface ProfileFact {
  label: ProfileLabel;
  text: string;
  sources: Source[];
}

export interface Vendor {
  id: VendorId;
  /** Display name, e.g. "Hikvision". */
  name: string;
  /** Legal names in English, e.g. "Hangzhou Hikvision Digital Technology Co., Ltd.". */
  legalNames: string[];
  /** Other names and abbreviations used in English text (e.g. "Hikvision USA", "Dahua Technology"). */
  otherNames: string[];
  /** Chinese names, simplified and traditional (short and legal forms). */
  chineseNames: { simplified: string[]; traditional: string[] };
  /** For a vendor that is itself a subsidiary (Ezviz): its parent and since when. */
  parent?: { id: VendorId; relation: BrandRelation; since?: string; sources: Source[] };
  brands: Brand[];
  profile: ProfileFact[];
}

/** Closed list of action types. */
export type ActionType =
  | 'procurement-ban'
  | 'import-authorization-ban'
  | 'export-control'
  | 'investment-sanction'
  | 'military-company-designation'
  | 'site-removal'
  | 'criminal-case'
  | 'civil-judgment'
  | 'investigation'
  | 'proposed-rule'
  | 'other';

export const ACTION_TYPES: readonly ActionType[] = [
  'procurement-ban',
  'import-authorization-ban',
  'export-control',
  'investment-sanction',
  'military-company-designation',
  'site-removal',
  'criminal-case',
  'civil-judgment',
  'investigation',
  'proposed-rule',
  'other',
];

/** Closed list of statuses. */
export type ActionStatus =
  | 'in-force'
  | 'superseded'
  | 'remanded'
  | 'withdrawn'
  | 'completed'
  | 'decided'
  | 'proposed'
  | 'planned'
  | 'ongoing'
  | 'disputed'
  | 'reported'
  | 'historical';

export const ACTION_STATUSES: readonly ActionStatus[] = [
  'in-force',
  'superseded',
  'remanded',
  'withdrawn',
  'completed',
  'decided',
  'proposed',
  'planned',
  'ongoing',
  'disputed',
  'reported',
  'historical',
];

export interface Jurisdiction {
  /** ISO 3166-1 alpha-2 ("US"), ISO 3166-2 subdivision ("US-LA"), or "EU". */
  code: string;
  /** English name, e.g. "United States", "Louisiana, United States", "European Union". */
  name: string;
  /** A city or body below the code's level, e.g. "Copenhagen Municipality". */
  locality?: string;
}

export interface Action {
  /** Stable id, e.g. "A01" (ids from the fact key are kept). */
  id: string;
  /** Vendors the action names (or, where `namedExplicitly` is false, is reported to cover). */
  vendors: VendorId[];
  /** False when the measure names no company and press or parliamentary context ties it to the vendors. */
  namedExplicitly: boolean;
  date: FactDate;
  jurisdiction: Jurisdiction;
  /** The acting body, e.g. "Federal Communications Commission". */
  body: string;
  type: ActionType;
  /** Secondary types when the measure is several things at once. */
  alsoTypes?: ActionType[];
  /** Short title, e.g. "NDAA FY2019 §889 procurement ban". */
  title: string;
  /** One neutral sentence. */
  summary: string;
  status: ActionStatus;
  /** ISO date the status was last confirmed in a source. */
  statusAsOf: string;
  /** Why the status is what it is, e.g. "Superseded by A11". */
  statusNote?: string;
  /** Disputes, date conflicts, caveats (from the key's Notes). */
  caveats?: string[];
  /** Ids of related actions (superseded by, appeal of...). */
  related?: string[];
  /**
   * True when the measure's text covers the named vendors' "subsidiaries or affiliates" (NDAA §889, FCC Covered
   * List...). Whether it reaches Ezviz is an inference from that wording, never a stated finding.
   */
  coversSubsidiaries?: boolean;
  sources: Source[];
}

export interface Response {
  id: string;
  vendor: VendorId;
  /** e.g. "Hikvision USA" when a subsidiary spoke. */
  speakerOrg?: string;
  date: FactDate;
  /** Action ids this answers; empty for a general statement. */
  respondsTo: string[];
  /** What it responds to when that is not an action in the dataset (e.g. a leaked document). */
  respondsToNote?: string;
  /** Verbatim, short (at most 60 words). */
  quote: string;
  /**
   * The sentence as the source printed it when the company's words are embedded in the reporter's framing, e.g.
   * `the law doesn't "expand the scope..."`. Must contain `quote` verbatim. The framing is the source's, not ours.
   */
  reportedAs?: string;
  /** BCP 47 language of the quote, e.g. "en", "zh-Hant". */
  quoteLanguage: string;
  /** Who said it, e.g. "Jeffrey He, President of Hikvision USA and Canada" or "a Hikvision spokesperson". */
  speaker: string;
  /** Where it was said, e.g. "letter to partners", "statement to SecurityInfoWatch", "FCC filing". */
  venue: string;
  /** `partly-verified`: a translation or back-translation; the UI says so. */
  verification: 'verified' | 'partly-verified';
  caveats?: string[];
  sources: Source[];
}

/** Background facts that are not government actions (e.g. the 2015 Party committee). */
export interface ContextFact {
  id: string;
  vendor: VendorId;
  /** `private-sector`: a retailer's or trade body's decision, shown apart from government actions. */
  kind?: 'background' | 'private-sector';
  date: FactDate;
  title: string;
  summary: string;
  sources: Source[];
}

export interface Dataset {
  version: string;
  /** ISO date of the newest source checked. */
  asOf: string;
  vendors: Vendor[];
  actions: Action[];
  responses: Response[];
  context: ContextFact[];
}
