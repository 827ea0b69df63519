/**
 * Read-only queries over the fact dataset for the popup and the hover card.
 *
 * Every function is pure and takes the dataset as an argument, so the UI can pass `getDataset()` and tests can
 * pass small hand-made datasets. Wording the UI must show verbatim (the Ezviz rule, the "no response" line)
 * lives here as constants so no component rephrases it.
 */
import type {
  Action,
  ActionStatus,
  ActionType,
  ContextFact,
  Dataset,
  FactDate,
  Response,
  Source,
  Vendor,
  VendorId,
} from './types';

/** Exact wording for a vendor whose actions come through its parent (Ezviz → Hikvision). Do not rephrase. */
export const VIA_PARENT_WORDING = 'applies to Hikvision and its subsidiaries and affiliates';

/** Exact wording when an action has no paired company response. */
export const NO_RESPONSE_TEXT = 'No public response found in our sources';

export interface ActionFilters {
  types?: readonly ActionType[];
  /** Jurisdiction codes ("US", "US-LA", "EU"...). "US" does not include "US-LA". */
  jurisdictions?: readonly string[];
  statuses?: readonly ActionStatus[];
  years?: readonly number[];
}

export interface ActionRow {
  action: Action;
  /** Responses that answer this action, oldest first. */
  responses: Response[];
  /** `NO_RESPONSE_TEXT` when `responses` is empty, else null, so the UI never invents the wording. */
  noResponseNote: string | null;
  /** `VIA_PARENT_WORDING` when the row is shown for a vendor through its parent, else null. */
  viaParent: string | null;
}

export interface Counts {
  actions: number;
  responses: number;
  byType: Partial<Record<ActionType, number>>;
  byStatus: Partial<Record<ActionStatus, number>>;
  byJurisdiction: Record<string, number>;
  byYear: Record<string, number>;
}

export interface VendorReport {
  vendor: Vendor;
  /** The vendor whose actions apply: the vendor itself, or its parent (Hikvision for Ezviz). */
  actionsVendor: Vendor;
  /** `VIA_PARENT_WORDING` when `actionsVendor` is the parent, else null. */
  viaParent: string | null;
  /** Actions newest first, after filters, each with its paired responses. */
  rows: ActionRow[];
  /** Statements that answer no action in the dataset (`respondsTo` empty), newest first. */
  generalResponses: Response[];
  /** Counts over `rows` (after filters). */
  counts: Counts;
  /** Number of actions before filters, so the UI can say "3 of 36". */
  totalActions: number;
}

/** Sortable key for a partial ISO date: a year or month sorts just before its first day. */
function dateKey(d: FactDate): string {
  return d.date.padEnd(10, '-');
}

/** Newest first; ties broken by id, higher first, so the order is stable. */
function newestFirst<T extends { id: string; date: FactDate }>(a: T, b: T): number {
  const ka = dateKey(a.date);
  const kb = dateKey(b.date);
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The year of an action, for year filters and counts. */
export function actionYear(a: Action): number {
  return Number(a.date.date.slice(0, 4));
}

/** Looks a vendor up by id; throws because an unknown id is a programming error, not a data state. */
export function getVendor(ds: Dataset, id: VendorId): Vendor {
  const v = ds.vendors.find((x) => x.id === id);
  if (!v) throw new Error(`Unknown vendor ${id}`);
  return v;
}

/** The vendor whose government actions apply to `id`: its parent when it has one (Ezviz → Hikvision). */
export function actionsVendorOf(ds: Dataset, id: VendorId): Vendor {
  const v = getVendor(ds, id);
  return v.parent ? getVendor(ds, v.parent.id) : v;
}

/** Applies filters; an empty or missing filter list means "no restriction". Keeps the input order. */
export function filterActions(actions: readonly Action[], filters: ActionFilters = {}): Action[] {
  const { types, jurisdictions, statuses, years } = filters;
  return actions.filter(
    (a) =>
      (!types?.length || types.includes(a.type) || (a.alsoTypes ?? []).some((t) => types.includes(t))) &&
      (!jurisdictions?.length || jurisdictions.includes(a.jurisdiction.code)) &&
      (!statuses?.length || statuses.includes(a.status)) &&
      (!years?.length || years.includes(actionYear(a))),
  );
}

function countActions(actions: readonly Action[], responses: number): Counts {
  const counts: Counts = {
    actions: actions.length,
    responses,
    byType: {},
    byStatus: {},
    byJurisdiction: {},
    byYear: {},
  };
  for (const a of actions) {
    counts.byType[a.type] = (counts.byType[a.type] ?? 0) + 1;
    counts.byStatus[a.status] = (counts.byStatus[a.status] ?? 0) + 1;
    counts.byJurisdiction[a.jurisdiction.code] = (counts.byJurisdiction[a.jurisdiction.code] ?? 0) + 1;
    const y = String(actionYear(a));
    counts.byYear[y] = (counts.byYear[y] ?? 0) + 1;
  }
  return counts;
}

/** All actions that concern a vendor (through its parent for Ezviz), newest first. */
export function actionsFor(ds: Dataset, id: VendorId): Action[] {
  const target = actionsVendorOf(ds, id).id;
  return ds.actions.filter((a) => a.vendors.includes(target)).sort(newestFirst);
}

/** Responses spoken by the vendor or, for a subsidiary, by its parent. */
function responsesFor(ds: Dataset, id: VendorId): Response[] {
  const speakers = new Set<VendorId>([id, actionsVendorOf(ds, id).id]);
  return ds.responses.filter((r) => speakers.has(r.vendor));
}

/**
 * The per-vendor report for the popup: actions newest first, each paired with the vendor's responses to it,
 * plus general statements and counts. For Ezviz the rows are Hikvision's, marked with `VIA_PARENT_WORDING`.
 */
export function vendorReport(ds: Dataset, id: VendorId, filters: ActionFilters = {}): VendorReport {
  const vendor = getVendor(ds, id);
  const actionsVendor = actionsVendorOf(ds, id);
  const viaParent = actionsVendor.id === vendor.id ? null : VIA_PARENT_WORDING;
  const all = actionsFor(ds, id);
  const own = responsesFor(ds, id);
  const rows = filterActions(all, filters).map((action): ActionRow => {
    const responses = own.filter((r) => r.respondsTo.includes(action.id)).sort((a, b) => -newestFirst(a, b));
    return { action, responses, noResponseNote: responses.length ? null : NO_RESPONSE_TEXT, viaParent };
  });
  const paired = new Set(rows.flatMap((r) => r.responses.map((x) => x.id)));
  const generalResponses = own.filter((r) => r.respondsTo.length === 0).sort(newestFirst);
  return {
    vendor,
    actionsVendor,
    viaParent,
    rows,
    generalResponses,
    counts: countActions(
      rows.map((r) => r.action),
      paired.size + generalResponses.length,
    ),
    totalActions: all.length,
  };
}

export interface FacetValue<T extends string | number> {
  value: T;
  /** Display label (jurisdiction name, year as text...). */
  label: string;
  count: number;
}

export interface Facets {
  types: FacetValue<ActionType>[];
  jurisdictions: FacetValue<string>[];
  statuses: FacetValue<ActionStatus>[];
  years: FacetValue<number>[];
}

/**
 * Values present in the data for each filter, with counts, so filter UIs offer only choices that match
 * something. Scoped to one vendor (through its parent) when `id` is given. Years newest first; the rest by count.
 */
export function facetValues(ds: Dataset, id?: VendorId): Facets {
  const actions = id ? actionsFor(ds, id) : ds.actions;
  const tally = <T extends string | number>(pairs: [T, string][]): FacetValue<T>[] => {
    const m = new Map<T, FacetValue<T>>();
    for (const [value, lbl] of pairs) {
      const f = m.get(value);
      if (f) f.count += 1;
      else m.set(value, { value, label: lbl, count: 1 });
    }
    return [...m.values()];
  };
  const byCount = <T extends string | number>(a: FacetValue<T>, b: FacetValue<T>): number =>
    b.count - a.count || a.label.localeCompare(b.label);
  return {
    types: tally(actions.map((a): [ActionType, string] => [a.type, a.type])).sort(byCount),
    jurisdictions: tally(
      actions.map((a): [string, string] => [a.jurisdiction.code, a.jurisdiction.name]),
    ).sort(byCount),
    statuses: tally(actions.map((a): [ActionStatus, string] => [a.status, a.status])).sort(byCount),
    years: tally(actions.map((a): [number, string] => [actionYear(a), String(actionYear(a))])).sort(
      (a, b) => b.value - a.value,
    ),
  };
}

export interface SearchResult {
  actions: Action[];
  responses: Response[];
  context: ContextFact[];
}

/** Case- and accent-insensitive form for search. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Full-text search: every whitespace-separated term must occur somewhere in the fact (title, summary, body,
 * jurisdiction, caveats, quote, speaker, vendor names). Results newest first. Empty text finds nothing.
 */
export function searchDataset(ds: Dataset, text: string): SearchResult {
  const terms = fold(text).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return { actions: [], responses: [], context: [] };
  const names = new Map<VendorId, string>(
    ds.vendors.map((v) => [v.id, [v.id, v.name, ...v.legalNames, ...v.otherNames].join(' ')]),
  );
  const hit = (...parts: (string | undefined)[]): boolean => {
    const hay = fold(parts.filter((p): p is string => p !== undefined).join(' \u0000 '));
    return terms.every((t) => hay.includes(t));
  };
  return {
    actions: ds.actions
      .filter((a) =>
        hit(
          a.id,
          a.title,
          a.summary,
          a.body,
          a.jurisdiction.code,
          a.jurisdiction.name,
          a.jurisdiction.locality,
          a.statusNote,
          ...(a.caveats ?? []),
          ...a.vendors.map((v) => names.get(v)),
        ),
      )
      .sort(newestFirst),
    responses: ds.responses
      .filter((r) => hit(r.id, r.quote, r.reportedAs, r.speaker, r.speakerOrg, r.venue, names.get(r.vendor)))
      .sort(newestFirst),
    context: ds.context.filter((c) => hit(c.id, c.title, c.summary, names.get(c.vendor))).sort(newestFirst),
  };
}

export interface CardAction {
  id: string;
  date: FactDate;
  jurisdiction: string;
  /** One line: the action's title. */
  line: string;
}

export interface CardSummary {
  vendorId: VendorId;
  name: string;
  viaParent: string | null;
  actionCount: number;
  /** The two newest actions. */
  latestActions: CardAction[];
  responseCount: number;
  latestQuote: { id: string; quote: string; quoteLanguage: string; speaker: string; date: FactDate } | null;
}

/** What the hover card shows for a vendor: counts, the two newest actions and the newest quote. */
export function cardSummary(ds: Dataset, id: VendorId): CardSummary {
  const report = vendorReport(ds, id);
  const own = responsesFor(ds, id).sort(newestFirst);
  const latest = own[0];
  return {
    vendorId: id,
    name: report.vendor.name,
    viaParent: report.viaParent,
    actionCount: report.rows.length,
    latestActions: report.rows.slice(0, 2).map(({ action: a }) => ({
      id: a.id,
      date: a.date,
      jurisdiction: a.jurisdiction.locality
        ? `${a.jurisdiction.name} (${a.jurisdiction.locality})`
        : a.jurisdiction.name,
      line: a.title,
    })),
    responseCount: own.length,
    latestQuote: latest
      ? {
          id: latest.id,
          quote: latest.quote,
          quoteLanguage: latest.quoteLanguage,
          speaker: latest.speaker,
          date: latest.date,
        }
      : null,
  };
}

export interface NumberedSource extends Source {
  /** 1-based footnote number. */
  n: number;
}

export interface SourceList {
  /** Each URL once, numbered in order of first use. */
  sources: NumberedSource[];
  /** Footnote numbers per fact id. */
  refs: Record<string, number[]>;
}

/**
 * Deduplicates and numbers the sources of the facts shown together (actions, responses, context), so the UI
 * can print one footnote list. URLs are compared after trimming a trailing slash and the fragment.
 */
export function sourcesFor(rows: readonly { id: string; sources: readonly Source[] }[]): SourceList {
  const key = (url: string): string => url.replace(/#.*$/, '').replace(/\/$/, '');
  const byKey = new Map<string, NumberedSource>();
  const refs: Record<string, number[]> = {};
  for (const row of rows) {
    const nums: number[] = [];
    for (const s of row.sources) {
      const k = key(s.url);
      let ns = byKey.get(k);
      if (!ns) {
        ns = { ...s, n: byKey.size + 1 };
        byKey.set(k, ns);
      }
      if (!nums.includes(ns.n)) nums.push(ns.n);
    }
    refs[row.id] = [...(refs[row.id] ?? []), ...nums.filter((n) => !(refs[row.id] ?? []).includes(n))];
  }
  return { sources: [...byKey.values()], refs };
}
