/**
 * The popup's filters (action type, jurisdiction, status, year): one value or "all" per facet, turned into the
 * dataset's `ActionFilters`, and the choices offered for the vendors shown.
 */
import { actionsFor, facetValues } from '../dataset/query';
import type { ActionFilters, Facets } from '../dataset/query';
import type { Action, ActionStatus, ActionType, Dataset, VendorId } from '../dataset/types';
import { ACTION_STATUSES, ACTION_TYPES } from '../dataset/types';

export interface FilterState {
  type: ActionType | null;
  jurisdiction: string | null;
  status: ActionStatus | null;
  year: number | null;
}

export type FilterKey = keyof FilterState;

export const NO_FILTERS: FilterState = { type: null, jurisdiction: null, status: null, year: null };

export function toActionFilters(f: FilterState): ActionFilters {
  return {
    types: f.type ? [f.type] : [],
    jurisdictions: f.jurisdiction ? [f.jurisdiction] : [],
    statuses: f.status ? [f.status] : [],
    years: f.year !== null ? [f.year] : [],
  };
}

export function activeFilterCount(f: FilterState): number {
  return [f.type, f.jurisdiction, f.status, f.year].filter((v) => v !== null).length;
}

/**
 * Sets one facet from a `<select>` value ('' = all). Values that are not a valid choice for the facet clear it,
 * so a stale or forged value can never reach the query.
 */
export function withFilter(f: FilterState, key: FilterKey, raw: string): FilterState {
  const value = raw.trim();
  switch (key) {
    case 'type':
      return {
        ...f,
        type: (ACTION_TYPES as readonly string[]).includes(value) ? (value as ActionType) : null,
      };
    case 'status':
      return {
        ...f,
        status: (ACTION_STATUSES as readonly string[]).includes(value) ? (value as ActionStatus) : null,
      };
    case 'jurisdiction':
      return { ...f, jurisdiction: /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(value) ? value : null };
    case 'year':
      return { ...f, year: /^\d{4}$/.test(value) ? Number(value) : null };
  }
}

/** The `<select>` value for a facet ('' = all). */
export function filterValue(f: FilterState, key: FilterKey): string {
  const v = f[key];
  return v === null ? '' : String(v);
}

/** Each action once, over the vendors shown (Ezviz and Hikvision share Hikvision's actions). */
export function actionsForVendors(ds: Dataset, ids: readonly VendorId[]): Action[] {
  const seen = new Map<string, Action>();
  for (const id of ids) for (const a of actionsFor(ds, id)) seen.set(a.id, a);
  return [...seen.values()];
}

/** Filter choices with counts, over the distinct actions of the vendors shown. */
export function facetsForVendors(ds: Dataset, ids: readonly VendorId[]): Facets {
  return facetValues({ ...ds, actions: actionsForVendors(ds, ids) });
}
