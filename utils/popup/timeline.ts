/**
 * The compact timeline: one entry per year from the first to the last dated fact shown, with the actions and
 * responses of that year, so the popup can draw a small strip and link each year to its first row.
 */
import type { ActionRow } from '../dataset/query';
import type { Response } from '../dataset/types';

export interface TimelineYear {
  year: number;
  /** Ids of the actions dated that year, newest first (the order of the rows). */
  actions: string[];
  /** Number of responses (paired and general) dated that year. */
  responses: number;
}

/** At most this many years are drawn: the newest ones. */
export const MAX_TIMELINE_YEARS = 25;

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function timelineFor(rows: readonly ActionRow[], general: readonly Response[] = []): TimelineYear[] {
  const byYear = new Map<number, TimelineYear>();
  const entry = (year: number): TimelineYear => {
    let e = byYear.get(year);
    if (!e) {
      e = { year, actions: [], responses: 0 };
      byYear.set(year, e);
    }
    return e;
  };
  const counted = new Set<string>();
  const countResponse = (r: Response) => {
    if (counted.has(r.id)) return;
    counted.add(r.id);
    entry(yearOf(r.date.date)).responses += 1;
  };
  for (const row of rows) {
    entry(yearOf(row.action.date.date)).actions.push(row.action.id);
    row.responses.forEach(countResponse);
  }
  general.forEach(countResponse);
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()].filter(Number.isFinite);
  const max = Math.max(...years);
  const min = Math.max(Math.min(...years), max - MAX_TIMELINE_YEARS + 1);
  const out: TimelineYear[] = [];
  for (let y = min; y <= max; y += 1) out.push(byYear.get(y) ?? { year: y, actions: [], responses: 0 });
  return out;
}
